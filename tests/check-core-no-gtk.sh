#!/bin/sh
# styr-core must build and link without GTK and libadwaita: no source in
# src/core includes them, and the archive needs none of their symbols.
set -eu
srcdir=$1
archive=$2

if grep -rnE '#[[:space:]]*include[[:space:]]*[<"](gtk|gdk|adwaita)' "$srcdir/src/core"; then
  echo "src/core includes GTK, GDK or libadwaita headers" >&2
  exit 1
fi

undefined=$(nm -u "$archive" | grep -E ' (gtk|gdk|adw)_' || true)
if [ -n "$undefined" ]; then
  echo "styr-core uses GTK, GDK or libadwaita symbols:" >&2
  echo "$undefined" >&2
  exit 1
fi

echo "styr-core is free of GTK and libadwaita"
