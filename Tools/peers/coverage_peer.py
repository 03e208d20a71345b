#!/usr/bin/env python3
"""Peer check of `gridplan coverage` (Euclidean) with scipy's cKDTree.

    python3 Tools/peers/coverage_peer.py DATASET_DIR [--radius 500] [--street-reach 1000]
                                          [--working-crs EPSG:4548] [--compare COVERAGE.json]

Reads a dataset folder in the data contract (buildings.csv or buildings.geojson with Point
geometry, facilities.geojson), projects lon/lat to the working CRS with PROJ's own cs2cs (the
same library gridplan links), applies the same rules (counted kinds party_mass_center and
party_mass_station, other kinds when embedded; street-level facilities reach --street-reach,
the others --radius; a building is covered when some counted facility lies within its reach)
and prints the covered households and the time of the k-d tree part. With --compare it checks
a `gridplan coverage --format json` result building by building.

Only numpy and scipy are needed (geopandas is not: the geometry here is points).
"""
import argparse
import csv
import json
import math
import os
import subprocess
import sys
import time

import numpy as np
from scipy.spatial import cKDTree

COUNTED = {"party_mass_center", "party_mass_station"}


def read_buildings(d):
    ids, hh, lon, lat = [], [], [], []
    path = os.path.join(d, "buildings.csv")
    if os.path.exists(path):
        with open(path, newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                ids.append(r["id"]); hh.append(int(r["households"]))
                lon.append(float(r["lon"])); lat.append(float(r["lat"]))
    else:
        with open(os.path.join(d, "buildings.geojson"), encoding="utf-8") as f:
            for ft in json.load(f)["features"]:
                ids.append(str(ft["properties"]["id"])); hh.append(int(ft["properties"]["households"]))
                x, y = ft["geometry"]["coordinates"][:2]
                lon.append(x); lat.append(y)
    return ids, np.array(hh, dtype=np.int64), np.array(lon), np.array(lat)


def read_facilities(d):
    with open(os.path.join(d, "facilities.geojson"), encoding="utf-8") as f:
        feats = json.load(f)["features"]
    out = []
    for ft in feats:
        p = ft["properties"]
        x, y = ft["geometry"]["coordinates"][:2]
        counted = p["kind"] in COUNTED or bool(p.get("embedded"))
        out.append((str(p["id"]), x, y, counted, p.get("level")))
    return out


def project(lon, lat, crs):
    """lon/lat (WGS84) → working CRS metres through cs2cs (axis order does not matter for distances)."""
    text = "".join(f"{la:.9f} {lo:.9f}\n" for lo, la in zip(lon, lat))
    res = subprocess.run(["cs2cs", "-f", "%.6f", "EPSG:4326", crs], input=text, capture_output=True, text=True, check=True)
    xy = np.array([line.split()[:2] for line in res.stdout.splitlines()], dtype=float)
    return xy


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dataset")
    ap.add_argument("--radius", type=float, default=500.0)
    ap.add_argument("--street-reach", type=float, default=1000.0)
    ap.add_argument("--working-crs", help="default: the CGCS2000 3-degree zone of the buildings' centre")
    ap.add_argument("--compare", help="a `gridplan coverage --format json` file to check against")
    a = ap.parse_args()

    ids, hh, blon, blat = read_buildings(a.dataset)
    facs = read_facilities(a.dataset)
    crs = a.working_crs
    if not crs:
        clon = (blon.min() + blon.max()) / 2
        crs = f"EPSG:{4509 + math.floor((clon + 1.5) / 3)}"
    bxy = project(blon, blat, crs)
    fxy = project([f[1] for f in facs], [f[2] for f in facs], crs)
    counted = np.array([f[3] for f in facs])
    reach = np.array([max(a.street_reach, a.radius) if f[4] == "street" else a.radius for f in facs])

    t0 = time.perf_counter()
    covered = np.zeros(len(ids), dtype=bool)
    nearest = np.full(len(ids), np.inf)
    for r in sorted(set(reach[counted])):
        sel = counted & (reach == r)
        tree = cKDTree(fxy[sel])
        d, _ = tree.query(bxy, k=1, workers=-1)
        nearest = np.minimum(nearest, d)
        covered |= d <= r
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
