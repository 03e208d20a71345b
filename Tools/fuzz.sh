#!/bin/sh
# Tools/fuzz.sh TARGET SECONDS [extra libFuzzer flags]
# Builds the libFuzzer target (FuzzGeoJSON, FuzzCSV, FuzzRPC, FuzzCRS) with the fuzzer and address
# sanitizers in .build-fuzz (the normal build never sees these targets: they exist only with
# GRIDPLAN_FUZZ set) and runs it for SECONDS on one core, starting from the committed seeds in
# Fuzz/Corpus/TARGET. New interesting inputs go to .build-fuzz/corpus/TARGET (not committed);
# a crash leaves its input in .build-fuzz/artifacts/TARGET/ and the script exits non-zero.
set -eu
target=${1:?usage: Tools/fuzz.sh TARGET SECONDS}
seconds=${2:-60}
shift; [ $# -gt 0 ] && shift
cd "$(dirname "$0")/.."
export GRIDPLAN_FUZZ=1
if [ -z "${GRIDPLAN_FUZZ_NO_BUILD:-}" ]; then
  swift build -c debug --build-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product "$target" >&2
fi
mkdir -p ".build-fuzz/corpus/$target" ".build-fuzz/artifacts/$target"
exec ".build-fuzz/debug/$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=30 \
  -print_final_stats=1 -artifact_prefix=".build-fuzz/artifacts/$target/" "$@" \
  ".build-fuzz/corpus/$target" "Fuzz/Corpus/$target"
