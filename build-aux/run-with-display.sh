#!/bin/sh
# Runs a command on a private X server (Xvfb) with a private session bus,
# so that UI tests need no desktop and never touch the user's session.
#
# What the bus starts on demand (the keyring, the portals, notifications)
# inherits the bus's output. It gets a file of its own, so that a service
# still shutting down can never hold the test's output open after the test
# has ended; the file is shown when the command fails. The keyring keeps
# its files in a temporary folder, never among the user's.
set -eu
dir=$(mktemp -d)
export XDG_DATA_HOME="$dir/data"
mkdir -p "$XDG_DATA_HOME"
status=0
dbus-run-session -- sh -c '
  if command -v gnome-keyring-daemon >/dev/null; then
    printf "styr-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 3>&- 4>&-
  fi
  exec xvfb-run --auto-servernum \
    --server-args="-screen 0 1280x800x24 -nolisten tcp" "$@" >&3 2>&4 3>&- 4>&-
' sh "$@" 3>&1 4>&2 >"$dir/bus.log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  echo "run-with-display: the session bus and its services said:" >&2
  cat "$dir/bus.log" >&2
fi
rm -rf "$dir" 2>/dev/null || true
exit "$status"
