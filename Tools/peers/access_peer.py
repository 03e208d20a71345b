#!/usr/bin/env python3
"""Peer check of gridplan's 2SFCA / E2SFCA accessibility with PySAL `access` (PyPI).

    Tools/peers/setup_venv.sh     # /tmp/venv-peers with access, pandas, numpy, scipy
    /tmp/venv-peers/bin/python Tools/peers/access_peer.py GeoData/demo --compare COVERAGE.json [--method 2sfca|e2sfca]

COVERAGE.json is `gridplan coverage --accessibility [--decay gaussian] --format json`. The peer
reads the dataset folder itself (common.py: buildings.csv or buildings.geojson, facilities; a
polygon stands for its area centroid in the working CRS), projects with PROJ's cs2cs, applies
the same rules (counted kinds, street and district level reaching --street-reach, others
--radius), builds the building-facility cost table with a k-d tree and lets `access` compute the scores:
2SFCA with each facility's own catchment (pairs beyond it left out of the cost table), E2SFCA
with the cost scaled to distance / catchment and Dai's Gaussian weight on it. Scores are m² of
counted usable area per 100 households, per building and per community (households-weighted),
and compared with gridplan's within --tolerance (gridplan rounds to 0.01).
"""
import argparse
import json
import math
import sys

import numpy as np
import pandas as pd
from access import Access
from scipy.spatial import cKDTree

import common


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
    dst = res["working_crs"]

    bprops, bxy = common.read_layer(a.dataset, "buildings", dst)
    fprops, fxy = common.read_layer(a.dataset, "facilities", dst)
    mask, reaches = common.counted_and_reach(fprops, radius, a.street_reach)
    counted = [i for i in range(len(fprops)) if mask[i]]

    # building-facility pairs within each facility's own reach (vectorized per reach value)
    tree = cKDTree(bxy)
    bids = np.array([str(p["id"]) for p in bprops], dtype=object)
    fids = np.array([str(p["id"]) for p in fprops], dtype=object)
    parts = []
    for r in sorted(set(reaches[mask].tolist())):
        sel = np.flatnonzero(mask & (reaches == r))
        m = cKDTree(fxy[sel]).sparse_distance_matrix(tree, r, output_type="ndarray")
        parts.append(pd.DataFrame({"origin": bids[m["j"]], "dest": fids[sel[m["i"]]], "cost": m["v"] / r}))
    cost = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["origin", "dest", "cost"])
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
        hh = float(p["households"])
        c = comm.setdefault(community_of.get(str(p["id"]), ""), [0.0, 0.0])
        c[0] += hh; c[1] += hh * peer[str(p["id"])]
    theirs = {c["id"]: c["m2_per_100_households"] for c in res["accessibility"]["communities"]}
    cdiff = max(abs(theirs.get(cid, 0.0) - (w / h if h else 0.0)) for cid, (h, w) in comm.items())
    print(json.dumps({"method": method, "buildings": len(peer), "pairs": len(cost),
                      "max_building_difference": round(worst, 6), "buildings_beyond_tolerance": bad,
                      "max_community_difference": round(cdiff, 6),
                      "agree": bad == 0 and cdiff <= a.tolerance}))
    sys.exit(0 if bad == 0 and cdiff <= a.tolerance else 1)


if __name__ == "__main__":
    main()
