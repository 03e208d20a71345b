#!/usr/bin/env bash
# Coverage benchmark (not a test): gencity megacity, `gridplan coverage` (release build,
# Euclidean and --network) and the scipy cKDTree peer on the same data in the same run; the
# peer then checks gridplan's JSON building by building.
#
#   Tools/bench_coverage.sh [SCALE]        # SCALE: megacity (default), city, district, demo
#
# Needs `gridplan import` and a store that `coverage` reads (the README records the numbers
# measured before they landed, with an in-process harness over the same files).
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${1:-megacity}
GENCITY=${GENCITY:-}
for c in ../shared/bench/gencity.py ../../shared/bench/gencity.py; do
    [ -z "$GENCITY" ] && [ -f "$c" ] && GENCITY=$c
done
[ -n "$GENCITY" ] || { echo "set GENCITY to shared/bench/gencity.py" >&2; exit 64; }
WORK=${WORK:-/tmp/gridplan-bench-$SCALE}
mkdir -p "$WORK"
[ -f "$WORK/data/buildings.csv" ] || python3 "$GENCITY" --scale "$SCALE" --out "$WORK/data"
swift build -c release --product gridplan >&2
BIN=.build/release/gridplan
DB=$WORK/city.gpkg
[ -f "$DB" ] || $BIN import "$WORK/data" --db "$DB" >&2
ms() { date +%s%N; }
t0=$(ms); $BIN coverage --db "$DB" --format json > "$WORK/coverage.json"; t1=$(ms)
$BIN coverage --db "$DB" --network --format json > "$WORK/coverage_network.json"; t2=$(ms)
echo "gridplan coverage (euclidean, whole command incl. loading the store): $(( (t1 - t0) / 1000000 )) ms"
echo "gridplan coverage --network (whole command): $(( (t2 - t1) / 1000000 )) ms"
python3 Tools/peers/coverage_peer.py "$WORK/data" \
    --working-crs "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["working_crs"])' "$WORK/coverage.json")" \
    --compare "$WORK/coverage.json"
