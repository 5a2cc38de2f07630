#!/bin/sh
# Installs what Styr needs on Debian 12: to build and run it, or with
# --tests also what the test suites need (a virtual display, a session
# bus, validators, the calendar clients that read Styr's .ics files back,
# and the Danish locale).
set -eu

packages="
  gcc libc6-dev pkg-config meson ninja-build gettext itstool libxml2-utils
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libgtk-4-bin libadwaita-1-dev
  libsoup-3.0-dev libjson-glib-dev libsqlite3-dev libsecret-1-dev libical-dev libxlsxwriter-dev
  tzdata
  desktop-file-utils appstream adwaita-icon-theme fonts-cantarell
"
test_packages="
  python3 xvfb xauth dbus x11-utils locales sqlite3 poppler-utils gnome-keyring openssl
  clang-14 libclang-rt-14-dev
  python3-icalendar python3-vobject khal
"

with_tests=false
for arg in "$@"; do
  case $arg in
    --tests) with_tests=true ;;
    *) echo "usage: $0 [--tests]" >&2; exit 2 ;;
  esac
done

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
else
  sudo="sudo"
fi

if $with_tests; then
  packages="$packages $test_packages"
  # The test server needs Node.js and npm. A machine that already has
  # both (NodeSource's nodejs bundles npm, and conflicts with Debian's
  # npm package) keeps its own; otherwise Debian's are installed.
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    packages="$packages nodejs npm"
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
# shellcheck disable=SC2086 # the lists are meant to split into words
$sudo apt-get install -y --no-install-recommends $packages

if $with_tests && ! locale -a | grep -qi '^da_DK\.utf-\?8$'; then
  $sudo sed -i 's/^# *\(da_DK.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  $sudo locale-gen
fi

# The CouchDB-compatible server the sync tests run against, pinned by its
# lockfile.
# npm trusts its own list of certificate authorities; the machine's store
# is the one its administrator keeps, so npm is pointed at it.
if $with_tests; then
  cafile=
  if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
    cafile=--cafile=/etc/ssl/certs/ca-certificates.crt
  fi
  (cd "$(dirname "$0")/../tests/couch" && npm ci $cafile --no-audit --no-fund --loglevel=error)
fi
