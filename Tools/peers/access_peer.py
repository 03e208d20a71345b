#!/usr/bin/env python3
"""Peer check of gridplan's 2SFCA / E2SFCA accessibility with PySAL `access` (PyPI).

    python3 -m venv /tmp/accessvenv && /tmp/accessvenv/bin/pip install access
    /tmp/accessvenv/bin/python Tools/peers/access_peer.py GeoData/demo --compare COVERAGE.json [--method 2sfca|e2sfca]

COVERAGE.json is `gridplan coverage --accessibility [--decay gaussian] --format json`. The peer
reads the dataset folder itself (buildings and facilities as Point or Polygon features; a
polygon stands for its area centroid in the working CRS), projects with PROJ's cs2cs, applies
the same rules (counted kinds, street level reaching --street-reach, others --radius), builds
the building-facility cost table with a k-d tree and lets `access` compute the scores:
2SFCA with each facility's own catchment (pairs beyond it left out of the cost table), E2SFCA
with the cost scaled to distance / catchment and Dai's Gaussian weight on it. Scores are m² of
counted usable area per 100 households, per building and per community (households-weighted),
and compared with gridplan's within --tolerance (gridplan rounds to 0.01).
"""
import argparse
import json
import math
import os
import subprocess
import sys

import numpy as np
import pandas as pd
from access import Access
from scipy.spatial import cKDTree

COUNTED = {"party_mass_center", "party_mass_station"}


def project(points, src, dst):
    text = "".join(f"{y:.10f} {x:.10f}\n" if src in ("EPSG:4326", "EPSG:4490") else f"{x} {y}\n" for x, y in points)
    res = subprocess.run(["cs2cs", "-f", "%.6f", src, dst], input=text, capture_output=True, text=True, check=True)
    out = np.array([line.split()[:2] for line in res.stdout.splitlines()], dtype=float)
    # authority axis order of the Gauss-Kruger CRSs is northing, easting: swap to x = east
    return out[:, ::-1]


def centroid(ring):
    x, y = ring[:, 0], ring[:, 1]
    x0, y0 = x[0], y[0]
    xs, ys = x - x0, y - y0
    cross = xs[:-1] * ys[1:] - xs[1:] * ys[:-1]
    a = cross.sum() / 2
    if abs(a) < 1e-12:
        return ring[:-1].mean(axis=0)
    cx = ((xs[:-1] + xs[1:]) * cross).sum() / (6 * a) + x0
    cy = ((ys[:-1] + ys[1:]) * cross).sum() / (6 * a) + y0
    return np.array([cx, cy])


def read_points(path, src, dst):
    """Feature properties and one working-CRS point each (polygon: centroid of the exterior minus holes)."""
    with open(path, encoding="utf-8") as f:
        feats = json.load(f)["features"]
    coords, spans = [], []
    for ft in feats:
        g = ft["geometry"]
        if g["type"] == "Point":
            rings = [[g["coordinates"][:2]]]
        elif g["type"] == "Polygon":
            rings = [[c[:2] for c in r] for r in g["coordinates"]]
        else:
            raise SystemExit(f"{path}: {g['type']} not handled by the peer")
        spans.append([len(r) for r in rings])
        for r in rings:
            coords.extend(r)
    xy = project(coords, src, dst)
    pts, k = [], 0
    for n in spans:
        if n == [1]:
            pts.append(xy[k]); k += 1
            continue
        sx = sy = sa = 0.0
        for i, m in enumerate(n):
            ring = xy[k:k + m]; k += m
            c = centroid(ring)
            a = abs(0.5 * np.sum(ring[:-1, 0] * ring[1:, 1] - ring[1:, 0] * ring[:-1, 1]))
            s = 1 if i == 0 else -1
            sx += s * a * c[0]; sy += s * a * c[1]; sa += s * a
        pts.append(np.array([sx / sa, sy / sa]))
    return [ft["properties"] for ft in feats], np.array(pts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dataset")
    ap.add_argument("--compare", required=True)
    ap.add_argument("--method", choices=["2sfca", "e2sfca"], help="default: the method in the JSON")
    ap.add_argument("--radius", type=float, help="default: radius_m of the JSON")
    ap.add_argument("--street-reach", type=float, default=1000.0)
    ap.add_argument("--tolerance", type=float, default=0.011)
    a = ap.parse_args()

    with open(a.compare, encoding="utf-8") as f:
        res = json.load(f)
    method = a.method or res["accessibility"]["method"]
    radius = a.radius or res["radius_m"]
    src = "EPSG:4326"
    meta = os.path.join(a.dataset, "dataset.json")
    if os.path.exists(meta):
        src = json.load(open(meta, encoding="utf-8")).get("crs", src)
    dst = res["working_crs"]

    bprops, bxy = read_points(os.path.join(a.dataset, "buildings.geojson"), src, dst)
    fprops, fxy = read_points(os.path.join(a.dataset, "facilities.geojson"), src, dst)
    counted = [i for i, p in enumerate(fprops) if p["kind"] in COUNTED or p.get("embedded")]
    reach = {i: (max(a.street_reach, radius) if fprops[i].get("level") == "street" else radius) for i in counted}

    tree = cKDTree(bxy)
    rows = []
    for j in counted:
        for k in tree.query_ball_point(fxy[j], reach[j] + 1e-9):
            d = float(np.hypot(*(bxy[k] - fxy[j])))
            if d <= reach[j]:
                rows.append((str(bprops[k]["id"]), str(fprops[j]["id"]), d / reach[j]))
    cost = pd.DataFrame(rows, columns=["origin", "dest", "cost"])
    demand = pd.DataFrame({"id": [str(p["id"]) for p in bprops], "hh": [float(p["households"]) for p in bprops]})
    supply = pd.DataFrame({"id": [str(fprops[j]["id"]) for j in counted],
                           "area": [float(fprops[j]["usable_area_m2"]) for j in counted]})
    acc = Access(demand_df=demand, demand_index="id", demand_value="hh", supply_df=supply, supply_index="id",
                 supply_value="area", cost_df=cost, cost_origin="origin", cost_dest="dest", cost_name="cost")
    if method == "2sfca":
        scores = acc.two_stage_fca(name="s", max_cost=1.0)
    else:
        e = math.exp(-0.5)
        scores = acc.enhanced_two_stage_fca(name="s", max_cost=1.0,
                                            weight_fn=lambda c: (math.exp(-0.5 * c * c) - e) / (1 - e))
    series = scores.iloc[:, 0]
    peer = {i: 100 * float(series.get(i, 0.0)) if not pd.isna(series.get(i, 0.0)) else 0.0 for i in demand["id"]}

    got = {b["id"]: b.get("accessibility_m2_per_100_households") for b in res["buildings"]}
    diffs = [abs((got.get(i) or 0.0) - v) for i, v in peer.items()]
    worst = max(diffs) if diffs else 0.0
    bad = sum(d > a.tolerance for d in diffs)
    # communities (as gridplan assigned them, containment included): households-weighted means
    community_of = {b["id"]: b["community_id"] for b in res["buildings"]}
    comm = {}
    for p in bprops:
        c = comm.setdefault(community_of.get(str(p["id"]), ""), [0.0, 0.0])
        c[0] += p["households"]; c[1] += p["households"] * peer[str(p["id"])]
    theirs = {c["id"]: c["m2_per_100_households"] for c in res["accessibility"]["communities"]}
    cdiff = max(abs(theirs.get(cid, 0.0) - (w / h if h else 0.0)) for cid, (h, w) in comm.items())
    print(json.dumps({"method": method, "buildings": len(peer), "pairs": len(cost),
                      "max_building_difference": round(worst, 6), "buildings_beyond_tolerance": bad,
                      "max_community_difference": round(cdiff, 6),
                      "agree": bad == 0 and cdiff <= a.tolerance}))
    sys.exit(0 if bad == 0 and cdiff <= a.tolerance else 1)


if __name__ == "__main__":
    main()
