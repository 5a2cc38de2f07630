#!/bin/sh
# Runs a libFuzzer target for a few seconds on its seed files, as a test:
# new inputs go to a folder of the build's own, so the seeds in the tree
# stay as they are; a crash fails the test and is kept beside them.
# Usage: run-fuzzer.sh FUZZER SECONDS WORKDIR SEEDDIR...
set -eu
fuzzer=$1 seconds=$2 work=$3
shift 3
mkdir -p "$work/corpus" "$work/crashes"
# libFuzzer says 77 by default when it finds a crash, which meson takes for
# a skipped test.
exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -error_exitcode=1 \
  -artifact_prefix="$work/crashes/" -print_final_stats=1 "$work/corpus" "$@"
