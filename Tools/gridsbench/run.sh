#!/bin/sh
# Builds the grid-partition benchmark with swiftc -O from the library sources (no store needed)
# and runs it: Tools/gridsbench/run.sh DIR [threads] [polygons]
set -e
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${TMPDIR:-/tmp}/gridsbench
mkdir -p "$OUT"
if [ ! -x "$OUT/gridsbench" ] || [ -n "$(find "$ROOT/Sources/GridGeo" "$ROOT/Sources/GridModel" "$ROOT/Sources/GridAnalysis" "$ROOT/Tools/gridsbench" -newer "$OUT/gridsbench" -name '*.swift')" ]; then
  # one module: drop the inter-module imports
  rm -rf "$OUT/src"; mkdir -p "$OUT/src"
  for f in "$ROOT"/Sources/GridGeo/*.swift "$ROOT"/Sources/GridModel/*.swift "$ROOT"/Sources/GridAnalysis/*.swift "$ROOT"/Tools/gridsbench/main.swift; do
    sed -e '/^import GridGeo$/d' -e '/^import GridModel$/d' -e '/^@testable import/d' "$f" > "$OUT/src/$(basename "$(dirname "$f")")_$(basename "$f")"
  done
  mv "$OUT/src/gridsbench_main.swift" "$OUT/src/main.swift"
  swiftc -O -wmo -module-name gridsbench -I "$ROOT/Sources/CProj" -lproj "$OUT"/src/*.swift -o "$OUT/gridsbench"
fi
exec "$OUT/gridsbench" "$@"
