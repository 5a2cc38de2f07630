#!/bin/sh
# Installs what the tests need, builds Styr three times — as shipped, with
# AddressSanitizer and UndefinedBehaviorSanitizer, and with clang for the
# libFuzzer targets — and runs every suite: all of them in the first
# build, the core and sync suites again in the second, where the sync
# worker's threads are, and the fuzz targets for a few seconds each in
# the third.
set -eu
cd "$(dirname "$0")/.."

build-aux/install-deps.sh --tests

setup() {
  dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" -Dwerror=true "$@"
  else
    meson setup "$dir" -Dwerror=true "$@"
  fi
  ninja -C "$dir"
}

setup build
setup build-asan -Db_sanitize=address,undefined

# Only the core and the fuzz targets are built with clang.
if [ -f build-fuzz/build.ninja ]; then
  meson setup --reconfigure build-fuzz
else
  CC=clang-14 meson setup build-fuzz -Dwerror=true -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false
fi
ninja -C build-fuzz tests/fuzz/fuzz-csv tests/fuzz/fuzz-usage tests/fuzz/fuzz-catalogue \
  tests/fuzz/fuzz-backup tests/fuzz/fuzz-sync tests/fuzz/fuzz-ics

log=$(mktemp)
out=$(mktemp)
trap 'rm -f "$log" "$out"' EXIT
status=0

run_suites() {
  meson test --print-errorlogs "$@" > "$out" 2>&1 || status=1
  cat "$out"
  cat "$out" >> "$log"
}

run_suites -C build
run_suites -C build-asan --suite core --suite sync
run_suites -C build-fuzz --suite fuzz --no-rebuild

passed=$(sed -n 's/^Ok: *\([0-9]*\).*/\1/p' "$log" | awk '{s += $1} END {print s + 0}')
failed=$(sed -n 's/^\(Fail\|Timeout\|Unexpected Pass\): *\([0-9]*\).*/\2/p' "$log" |
         awk '{s += $1} END {print s + 0}')
[ "$failed" -eq 0 ] || status=1
[ "$passed" -gt 0 ] || status=1

echo "$passed passed, $failed failed"
exit $status
