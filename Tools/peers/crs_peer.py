#!/usr/bin/env python3
"""pyproj peer for `gridplan crs convert`: converts the same 'lon lat' lines with pyproj.

    python3 Tools/peers/crs_peer.py FROM TO < points.txt > out.txt

Prints one 'x y' line per input line (9 decimals for geographic targets, 4 for projected),
like gridplan. Needs pyproj (Tools/peers/setup_venv.sh).
"""
import sys

import numpy as np
from pyproj import CRS, Transformer


def main():
    src, dst = sys.argv[1], sys.argv[2]
    data = np.loadtxt(sys.stdin, ndmin=2)
    t = Transformer.from_crs(CRS(src), CRS(dst), always_xy=True)
    x, y = t.transform(data[:, 0], data[:, 1])
    decimals = 9 if CRS(dst).is_geographic else 4
    np.savetxt(sys.stdout, np.column_stack([x, y]), fmt=f"%.{decimals}f", delimiter=" ")


if __name__ == "__main__":
    main()
