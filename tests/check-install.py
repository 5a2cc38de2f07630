#!/usr/bin/env python3
"""Installs the build into a temporary DESTDIR and checks that it holds
exactly what the Flatpak manifest expects of it.

flatpak-builder runs `meson install` with the prefix /app; this runs the
same install with the build's own prefix, so the tree below the prefix is
the one the Flatpak gets (less the caches that the post-install script
writes, which meson skips when DESTDIR is set).
"""

import argparse
import configparser
import json
import os
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCREENSHOT_URL = "https://raw.githubusercontent.com/styr/styr/main/"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# A window the size the screenshots are taken at is 1400×860; software
# centres scale them, but a picture much smaller is unreadable there and one
# much larger is a download nobody needs.
MIN_SIZE = (900, 560)
MAX_SIZE = (1920, 1200)
MAX_BYTES = 512 * 1024

errors = []


def error(message):
    errors.append(message)


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--meson", required=True)
    parser.add_argument("--builddir", required=True)
    parser.add_argument("--sourcedir", required=True)
    parser.add_argument("--manifest", required=True)
    parser.add_argument("--app-id", required=True)
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--bindir", required=True)
    parser.add_argument("--datadir", required=True)
    parser.add_argument("--localedir", required=True)
    parser.add_argument("--glib-compile-schemas", required=True)
    return parser.parse_args()


def under_prefix(prefix, path):
    """A meson directory option as a path relative to the prefix."""
    full = os.path.normpath(os.path.join(prefix, path))
    return os.path.relpath(full, prefix)


def installed_files(root):
    found = set()
    for directory, _, names in os.walk(root):
        for name in names:
            found.add(os.path.relpath(os.path.join(directory, name), root))
    return found


def read_desktop(path):
    parser = configparser.RawConfigParser(interpolation=None, strict=True)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return parser


def texts(elements):
    return [" ".join("".join(e.itertext()).split()) for e in elements]


def check_translated(where, parent, tag):
    """Every untranslated <tag> below parent has a Danish sibling that differs."""
    english = [e for e in parent.findall(tag) if XML_LANG not in e.attrib]
    danish = [e for e in parent.findall(tag) if e.get(XML_LANG) == "da"]
    if not english:
        error(f"{where}: no <{tag}>")
    elif len(danish) != len(english):
        error(f"{where}: {len(english)} <{tag}> in English, {len(danish)} in Danish")
    return texts(english), texts(danish)


def check_description(where, description):
    if description is None:
        error(f"{where}: no <description>")
        return
    english, danish = check_translated(where, description, "p")
    for en, da in zip(english, danish):
        if en == da:
            error(f"{where}: a paragraph is not translated: {en!r}")
    for ul in description.findall("ul") + description.findall("ol"):
        english, danish = check_translated(where, ul, "li")
        for en, da in zip(english, danish):
            if en == da:
                error(f"{where}: a list item is not translated: {en!r}")


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if len(head) < 24 or head[:8] != PNG_SIGNATURE or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def check_screenshots(component, sourcedir):
    screenshots = component.find("screenshots")
    if screenshots is None or not screenshots.findall("screenshot"):
        error("metainfo: no screenshots")
        return
    shots = screenshots.findall("screenshot")
    defaults = [s for s in shots if s.get("type") == "default"]
    if len(defaults) != 1:
        error(f"metainfo: {len(defaults)} default screenshots, not one")
    referenced = set()
    for number, shot in enumerate(shots, 1):
        where = f"metainfo: screenshot {number}"
        images = shot.findall("image")
        if not [i for i in images if XML_LANG not in i.attrib]:
            error(f"{where}: no image for the default language")
        if not [i for i in images if i.get(XML_LANG) == "da"]:
            error(f"{where}: no Danish image")
        english, danish = check_translated(where, shot, "caption")
        if english and danish and english == danish:
            error(f"{where}: the caption is not translated")
        for image in images:
            url = (image.text or "").strip()
            if not url.startswith(SCREENSHOT_URL):
                error(f"{where}: {url!r} is not a file of the repository")
                continue
            relative = url[len(SCREENSHOT_URL):]
            if os.path.dirname(relative) != "data/screenshots":
                error(f"{where}: {relative} is not in data/screenshots")
            path = os.path.join(sourcedir, relative)
            referenced.add(os.path.normpath(path))
            if not os.path.isfile(path):
                error(f"{where}: {relative} does not exist")
                continue
            size = png_size(path)
            if size is None:
                error(f"{where}: {relative} is not a PNG")
                continue
            width, height = size
            if not (MIN_SIZE[0] <= width <= MAX_SIZE[0] and MIN_SIZE[1] <= height <= MAX_SIZE[1]):
                error(f"{where}: {relative} is {width}×{height}, not between "
                      f"{MIN_SIZE[0]}×{MIN_SIZE[1]} and {MAX_SIZE[0]}×{MAX_SIZE[1]}")
            if os.path.getsize(path) > MAX_BYTES:
                error(f"{where}: {relative} is {os.path.getsize(path)} bytes, "
                      f"more than {MAX_BYTES}")
    folder = os.path.join(sourcedir, "data", "screenshots")
    for name in sorted(os.listdir(folder)):
        path = os.path.normpath(os.path.join(folder, name))
        if path not in referenced:
            error(f"data/screenshots/{name} is not in the metainfo")
    print(f"metainfo: {len(shots)} screenshots, {len(referenced)} images")


def check_metainfo(path, app_id, sourcedir):
    try:
        component = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        error(f"metainfo: cannot be read: {e}")
        return
    if component.findtext("id") != app_id:
        error(f"metainfo: id is {component.findtext('id')!r}, not {app_id!r}")
    launchable = component.find("launchable[@type='desktop-id']")
    if launchable is None or launchable.text != f"{app_id}.desktop":
        error(f"metainfo: the launchable is not {app_id}.desktop")
    translation = component.find("translation[@type='gettext']")
    if translation is None or translation.text != "styr":
        error("metainfo: no gettext translation domain 'styr'")
    for tag in ("name", "summary"):
        english, danish = check_translated("metainfo", component, tag)
        if tag == "summary" and english and english == danish:
            error("metainfo: the summary is not translated")
    check_description("metainfo: description", component.find("description"))
    for release in component.findall("releases/release"):
        if release.find("description") is not None:
            check_description(f"metainfo: release {release.get('version')}",
                              release.find("description"))
    check_screenshots(component, sourcedir)


def check_desktop(path, app_id, command, service_path):
    try:
        entry = read_desktop(path)["Desktop Entry"]
    except (OSError, KeyError, configparser.Error) as e:
        error(f"desktop file: cannot be read: {e}")
        return
    exec_line = entry.get("Exec", "").split()
    if not exec_line or exec_line[0] != command:
        error(f"desktop file: Exec is {entry.get('Exec')!r}, the manifest's command is {command!r}")
    if entry.get("Icon") != app_id:
        error(f"desktop file: Icon is {entry.get('Icon')!r}, not the app id {app_id!r}")
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        if key in entry and f"{key}[da]" not in entry:
            error(f"desktop file: {key} has no Danish translation")
    if entry.get("DBusActivatable") == "true" and not os.path.isfile(service_path):
        error("desktop file: DBusActivatable, but no D-Bus service is installed")


def check_service(path, app_id, bindir_path):
    try:
        service = read_desktop(path)["D-BUS Service"]
    except (OSError, KeyError, configparser.Error) as e:
        error(f"D-Bus service: cannot be read: {e}")
        return
    if service.get("Name") != app_id:
        error(f"D-Bus service: Name is {service.get('Name')!r}, not {app_id!r}")
    expected = f"{bindir_path}/styr --gapplication-service"
    if service.get("Exec") != expected:
        error(f"D-Bus service: Exec is {service.get('Exec')!r}, not {expected!r}")


def main():
    args = parse_args()
    with open(args.manifest, encoding="utf-8") as f:
        manifest = json.load(f)
    app_id = manifest.get("id", manifest.get("app-id"))
    command = manifest.get("command")
    if args.app_id != app_id:
        print(f"this build installs {args.app_id}; the manifest builds {app_id}")
        return 77

    linguas = []
    with open(os.path.join(args.sourcedir, "po", "LINGUAS"), encoding="utf-8") as f:
        for line in f:
            linguas += line.split("#")[0].split()

    bindir = under_prefix(args.prefix, args.bindir)
    datadir = under_prefix(args.prefix, args.datadir)
    localedir = under_prefix(args.prefix, args.localedir)
    expected = {
        f"{bindir}/{command}",
        f"{datadir}/applications/{app_id}.desktop",
        f"{datadir}/dbus-1/services/{app_id}.service",
        f"{datadir}/glib-2.0/schemas/{app_id}.gschema.xml",
        f"{datadir}/icons/hicolor/scalable/apps/{app_id}.svg",
        f"{datadir}/icons/hicolor/symbolic/apps/{app_id}-symbolic.svg",
        f"{datadir}/metainfo/{app_id}.metainfo.xml",
    } | {f"{localedir}/{lang}/LC_MESSAGES/styr.mo" for lang in linguas}
    # The user guide, every page in every language it is written in.
    help_root = os.path.join(args.sourcedir, "help")
    for lang in os.listdir(help_root):
        if os.path.isdir(os.path.join(help_root, lang)):
            expected |= {f"{datadir}/help/{lang}/styr/{page}"
                         for page in os.listdir(os.path.join(help_root, lang))
                         if page.endswith(".page")}
    expected = {os.path.normpath(p) for p in expected}

    with tempfile.TemporaryDirectory(prefix="styr-install-") as destdir:
        result = subprocess.run(
            [args.meson, "install", "-C", args.builddir, "--destdir", destdir,
             "--no-rebuild", "--quiet"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if result.returncode != 0:
            print(result.stdout, file=sys.stderr)
            print("meson install failed", file=sys.stderr)
            return 1

        root = destdir + os.path.normpath(args.prefix)
        everything = installed_files(destdir)
        outside = sorted(p for p in everything
                         if not os.path.join(destdir, p).startswith(root + os.sep))
        for path in outside:
            error(f"installed outside the prefix {args.prefix}: /{path}")
        installed = installed_files(root) if os.path.isdir(root) else set()
        for path in sorted(expected - installed):
            error(f"not installed: {path}")
        for path in sorted(installed - expected):
            error(f"installed but not expected: {path}")
        for path in sorted(installed):
            print(f"installed: {path}")

        def at(relative):
            return os.path.join(root, relative)

        binary = at(f"{bindir}/{command}")
        if os.path.isfile(binary) and not os.access(binary, os.X_OK):
            error(f"{bindir}/{command} is not executable")
        service = at(f"{datadir}/dbus-1/services/{app_id}.service")
        check_desktop(at(f"{datadir}/applications/{app_id}.desktop"), app_id, command, service)
        check_service(service, app_id, os.path.join(os.path.normpath(args.prefix), bindir))
        check_metainfo(at(f"{datadir}/metainfo/{app_id}.metainfo.xml"), app_id, args.sourcedir)
        for icon in (f"{datadir}/icons/hicolor/scalable/apps/{app_id}.svg",
                     f"{datadir}/icons/hicolor/symbolic/apps/{app_id}-symbolic.svg"):
            try:
                if not ET.parse(at(icon)).getroot().tag.endswith("svg"):
                    error(f"{icon} is not an SVG")
            except (OSError, ET.ParseError) as e:
                error(f"{icon} cannot be read: {e}")

        schemas = at(f"{datadir}/glib-2.0/schemas")
        result = subprocess.run(
            [args.glib_compile_schemas, "--strict", "--dry-run", schemas],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if result.returncode != 0:
            error(f"the installed schemas do not compile: {result.stdout.strip()}")

    for message in errors:
        print(f"error: {message}", file=sys.stderr)
    if errors:
        return 1
    print(f"{len(installed)} files installed under {args.prefix}, as the manifest expects")
    return 0


if __name__ == "__main__":
    sys.exit(main())
