#!/bin/sh
# Takes the screenshots in data/screenshots/ of Styr itself: the bundled
# catalogue with the made-up agreements of build-aux/screenshot-register.csv
# (suppliers and systems that do not exist), as of 16 December 2019, in a
# 1400×860 window, in English and Danish.
# Needs a build in build/ and: xvfb metacity imagemagick dbus (Debian).
# Usage: build-aux/make-screenshots.sh
set -eu
cd "$(dirname "$0")/.."
build=$PWD/build
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=keyfile \
       XDG_CONFIG_HOME="$work/config" STYR_LOCALEDIR="$build/po" GTK_A11Y=none
"$build/src/styr" --data-dir "$work/data" --import-catalogue data/catalogue.json > /dev/null
"$build/src/styr" --data-dir "$work/data" --import-agreements build-aux/screenshot-register.csv \
  > /dev/null

for lang in C.UTF-8 da_DK.UTF-8; do
  suffix=
  [ "$lang" = C.UTF-8 ] || suffix=-da
  for page in overview agreements tasks meetings; do
    mkdir -p "$work/config/glib-2.0/settings"
    printf "[io/github/styr/Styr]\nmunicipality='157'\nlast-page='%s'\nwindow-maximized=true\n" \
      "$page" > "$work/config/glib-2.0/settings/keyfile"
    LANG=$lang LANGUAGE= dbus-run-session -- xvfb-run -a -s "-screen 0 1400x860x24 -nolisten tcp" \
      sh -c '
        metacity --sm-disable > /dev/null 2>&1 &
        sleep 0.5
        "$0" --data-dir "$1" --today 2019-12-16 > /dev/null 2>&1 &
        app=$!
        sleep 6
        import -window root "$2"
        kill $app' "$build/src/styr" "$work/data" "data/screenshots/$page$suffix.png" \
      > /dev/null 2>&1
    echo "data/screenshots/$page$suffix.png"
  done
done
