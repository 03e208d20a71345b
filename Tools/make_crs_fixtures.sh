#!/usr/bin/env bash
# Regenerates Tests/GridGeoTests/Fixtures/crs_vectors.tsv with PROJ's own cs2cs, an
# independent implementation path from gridplan's C-API wrapper (run: Tools/make_crs_fixtures.sh).
# Columns: source CRS, target CRS, lon, lat, expected x (easting), expected y (northing).
set -euo pipefail
out="$(dirname "$0")/../Tests/GridGeoTests/Fixtures/crs_vectors.tsv"
points="116.391 39.907
114.305 30.593
121.4737 31.2304
113.2644 23.1291
104.0668 30.5728
87.6168 43.8256
126.535 45.8038
75.9898 39.4677
109.4 18.25"
{
  printf 'source\ttarget\tlon\tlat\tx\ty\n'
  while read -r lon lat; do
    zone=$(python3 -c "import math;print(math.floor(($lon+1.5)/3))")
    for target in "EPSG:$((4509 + zone))" "EPSG:$((4488 + zone))"; do
      # EPSG:4490 has latitude first in its definition: feed lat lon to cs2cs.
      # CGCS2000 Gauss-Kruger CRSs list northing first: swap to easting, northing.
      xy=$(echo "$lat $lon" | cs2cs -f %.4f EPSG:4490 "$target" | awk '{print $2"\t"$1}')
      printf 'EPSG:4490\t%s\t%s\t%s\t%s\n' "$target" "$lon" "$lat" "$xy"
    done
    utm=$(python3 -c "import math;print(32600+math.floor(($lon+180)/6)+1)")
    xy=$(echo "$lat $lon" | cs2cs -f %.4f EPSG:4326 "EPSG:$utm" | awk '{print $1"\t"$2}')
    printf 'EPSG:4326\tEPSG:%s\t%s\t%s\t%s\n' "$utm" "$lon" "$lat" "$xy"
  done <<< "$points"
} > "$out"
echo "wrote $(($(wc -l < "$out") - 1)) vectors to $out" >&2
