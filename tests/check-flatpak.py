#!/usr/bin/env python3
"""Checks that the Flatpak manifest parses and agrees with the meson project."""

import json
import os
import re
import sys

# What org.gnome.Platform provides of the pkg-config modules meson.build asks
# for, by the GNOME runtime's own stack (gnome-build-meta's sdk-platform.bst
# over freedesktop-sdk's platform.bst): GLib, SQLite, json-glib, GTK 4,
# libadwaita, libsoup 3, libsecret, Pango and cairo. Every other dependency
# must be built by a module of the manifest.
RUNTIME_PROVIDES = {
    "glib-2.0", "gio-2.0", "gobject-2.0", "sqlite3", "json-glib-1.0", "gtk4",
    "libadwaita-1", "libsoup-3.0", "libsecret-1", "pangocairo", "cairo-pdf",
}
# The pkg-config modules each manifest module installs.
MODULE_PROVIDES = {
    "libical": {"libical"},
    "libxlsxwriter": {"xlsxwriter"},
}
# GNOME 43 was the first runtime with GTK 4.8 and libadwaita 1.2, the oldest
# versions meson.build accepts.
OLDEST_RUNTIME = 43

path, app_id, command = sys.argv[1:4]
errors = []

try:
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
except (OSError, ValueError) as e:
    sys.exit(f"{path}: cannot be read as JSON: {e}")

manifest_id = manifest.get("id", manifest.get("app-id"))
if manifest_id != app_id:
    errors.append(f"id is {manifest_id!r}, meson says {app_id!r}")
if manifest.get("command") != command:
    errors.append(f"command is {manifest.get('command')!r}, meson builds {command!r}")
if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
    errors.append("runtime must be org.gnome.Platform with org.gnome.Sdk")
version = str(manifest.get("runtime-version", ""))
if not version or version == "master" or not version.replace(".", "").isdigit():
    errors.append(f"runtime-version {version!r} is not a pinned release")
elif int(version.split(".")[0]) < OLDEST_RUNTIME:
    errors.append(f"runtime-version {version} is older than GNOME {OLDEST_RUNTIME}, "
                  "which lacks GTK 4.8 and libadwaita 1.2")

# The keyring, for the sync password, where the host lacks the secret portal.
expected_args = {"--share=network", "--share=ipc", "--socket=wayland",
                 "--socket=fallback-x11", "--device=dri",
                 "--talk-name=org.freedesktop.secrets"}
args = set(manifest.get("finish-args", []))
if args != expected_args:
    errors.append(f"finish-args differ: extra {sorted(args - expected_args)}, "
                  f"missing {sorted(expected_args - args)}")

modules = manifest.get("modules", [])
if not modules:
    errors.append("no modules")
else:
    app = modules[-1]
    if app.get("name") != "styr" or app.get("buildsystem") != "meson":
        errors.append("the last module must be styr, built with meson")
    if app.get("sources") != [{"type": "dir", "path": ".."}]:
        errors.append("styr must be built from the local directory")
    for module in modules[:-1]:
        name = module.get("name")
        sources = module.get("sources", [])
        if not sources:
            errors.append(f"module {name}: no sources")
        for source in sources:
            kind = source.get("type")
            if kind in ("archive", "file"):
                if not source.get("url", "").startswith("https://"):
                    errors.append(f"module {name}: source {source.get('url')!r} is not https")
                if not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
                    errors.append(f"module {name}: source without a sha256")
            elif kind == "git":
                if not source.get("url", "").startswith("https://"):
                    errors.append(f"module {name}: git source {source.get('url')!r} is not https")
                if not re.fullmatch(r"[0-9a-f]{40}", source.get("commit", "")):
                    errors.append(f"module {name}: git source without a pinned commit")
            else:
                errors.append(f"module {name}: source of type {kind!r}, "
                              "neither an archive nor a pinned git commit")
        if name not in MODULE_PROVIDES:
            errors.append(f"module {name}: not a dependency of meson.build "
                          "(add it to MODULE_PROVIDES in tests/check-flatpak.py)")

# Every library meson.build looks for is in the runtime or built by a module.
meson_build = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(path))), "meson.build")
try:
    with open(meson_build, encoding="utf-8") as f:
        wanted = set(re.findall(r"\bdependency\(\s*'([^']+)'", f.read()))
except OSError as e:
    sys.exit(f"{meson_build}: {e}")
built = set()
for module in modules[:-1]:
    built |= MODULE_PROVIDES.get(module.get("name"), set())
for dependency in sorted(wanted - RUNTIME_PROVIDES - built):
    errors.append(f"meson.build needs {dependency}, which neither the runtime "
                  "nor a module provides")

for error in errors:
    print(f"{path}: {error}", file=sys.stderr)
if errors:
    sys.exit(1)
print(f"{path}: {manifest_id}, runtime {version}, {len(modules)} modules, "
      f"{len(wanted)} dependencies: {len(wanted & RUNTIME_PROVIDES)} from the runtime, "
      f"{len(wanted & built)} built")
