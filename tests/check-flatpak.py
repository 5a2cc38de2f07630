#!/usr/bin/env python3
"""Checks that the Flatpak manifest parses and agrees with the meson project."""

import json
import sys

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
        for source in module.get("sources", []):
            if source.get("type") in ("archive", "file") and not source.get("sha256"):
                errors.append(f"module {module.get('name')}: source without sha256")

for error in errors:
    print(f"{path}: {error}", file=sys.stderr)
if errors:
    sys.exit(1)
print(f"{path}: {manifest_id}, runtime {version}, {len(modules)} modules")
