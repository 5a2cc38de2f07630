#!/bin/sh
# Runs a command on a private X server (Xvfb) with a private session bus,
# so that UI tests need no desktop and never touch the user's session.
set -eu
exec dbus-run-session -- xvfb-run --auto-servernum \
  --server-args="-screen 0 1280x800x24 -nolisten tcp" "$@"
