#!/usr/bin/env bash
# Creates the virtual environment the Python peers run in (outside the repository's tracked
# files; not a CI step): numpy, scipy, pandas, pyproj, geopandas (with shapely and pyogrio),
# highspy (HiGHS), access (PySAL) and spopt (PySAL's siting, with PuLP and its CBC).
#   Tools/peers/setup_venv.sh [DIR]     (default /tmp/venv-peers)
set -euo pipefail
dir="${1:-/tmp/venv-peers}"
[ -x "$dir/bin/python" ] || python3 -m venv "$dir"
"$dir/bin/pip" install -q numpy scipy pandas pyproj shapely pyogrio geopandas highspy access spopt
echo "$dir"
