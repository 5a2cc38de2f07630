#!/bin/sh
# Installs what the tests need, builds Styr twice — as shipped, and with
# AddressSanitizer and UndefinedBehaviorSanitizer — and runs every suite:
# all of them in the first build, the core and sync suites again in the
# second, where the sync worker's threads are.
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

passed=$(sed -n 's/^Ok: *\([0-9]*\).*/\1/p' "$log" | awk '{s += $1} END {print s + 0}')
failed=$(sed -n 's/^\(Fail\|Timeout\|Unexpected Pass\): *\([0-9]*\).*/\2/p' "$log" |
         awk '{s += $1} END {print s + 0}')
[ "$failed" -eq 0 ] || status=1
[ "$passed" -gt 0 ] || status=1

echo "$passed passed, $failed failed"
exit $status
