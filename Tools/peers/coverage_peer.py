#!/usr/bin/env python3
"""Peer check of `gridplan coverage` (Euclidean) with scipy's cKDTree.

    python3 Tools/peers/coverage_peer.py DATASET_DIR [--radius 500] [--street-reach 1000]
                                          [--working-crs EPSG:4548] [--compare COVERAGE.json]

Reads a dataset folder in the dataset format of docs/data-format.md (buildings.csv or buildings.geojson, facilities),
projects to the working CRS with PROJ's own cs2cs (the same library gridplan links), applies the
same rules (common.py: counted kinds party_mass_center and party_mass_station, other kinds when
embedded; street- and district-level facilities reach --street-reach, the others --radius; a
building is covered when some counted facility lies within its reach) and prints the covered
households and the time of the k-d tree part. With --compare it checks a
`gridplan coverage --format json` result building by building.

Only numpy and scipy are needed (geopandas is not: the geometry here is points; see
geopandas_peer.py for the geopandas version).
"""
import argparse
import json
import sys
import time

import numpy as np

import common


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dataset")
    ap.add_argument("--radius", type=float, default=500.0)
    ap.add_argument("--street-reach", type=float, default=1000.0)
    ap.add_argument("--working-crs", help="default: the CGCS2000 3-degree zone of the buildings' centre")
    ap.add_argument("--compare", help="a `gridplan coverage --format json` file to check against")
    a = ap.parse_args()

    crs = a.working_crs or common.auto_working_crs(common.lonlat_of_first_layer(a.dataset))
    buildings, bxy = common.read_layer(a.dataset, "buildings", crs)
    facilities, fxy = common.read_layer(a.dataset, "facilities", crs)
    ids = [b["id"] for b in buildings]
    hh = np.array([int(b["households"]) for b in buildings], dtype=np.int64)
    counted, reach = common.counted_and_reach(facilities, a.radius, a.street_reach)

    t0 = time.perf_counter()
    covered, nearest = common.existing_coverage(bxy, fxy, counted, reach)
    elapsed = time.perf_counter() - t0
    print(json.dumps({"working_crs": crs, "buildings": len(ids), "counted_facilities": int(counted.sum()),
                      "households": int(hh.sum()), "covered_households": int(hh[covered].sum()),
                      "covered_buildings": int(covered.sum()), "kdtree_seconds": round(elapsed, 4)}))

    if a.compare:
        with open(a.compare, encoding="utf-8") as f:
            res = json.load(f)
        got = {b["id"]: b for b in res["buildings"]}
        mismatch = 0
        for i, bid in enumerate(ids):
            b = got.get(bid)
            dist = b.get("distance_m") if b else None
            if b is None or b["covered"] != bool(covered[i]) or (dist is not None and abs(dist - nearest[i]) > 0.051):
                mismatch += 1
                if mismatch <= 10:
                    print(f"mismatch {bid}: gridplan {b and (b['covered'], dist)} peer {(bool(covered[i]), round(float(nearest[i]), 1))}",
                          file=sys.stderr)
        same = res["total"]["covered_households"] == int(hh[covered].sum())
        print(json.dumps({"compared_buildings": len(ids), "mismatches": mismatch, "same_covered_households": same}))
        sys.exit(0 if mismatch == 0 and same else 1)


if __name__ == "__main__":
    main()
