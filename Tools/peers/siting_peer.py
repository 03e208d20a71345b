#!/usr/bin/env python3
"""Exact peer of `gridplan site --objective cover` on a dataset folder (HiGHS via highspy).

    /tmp/venv-peers/bin/python Tools/peers/siting_peer.py DATASET_DIR --count K [--radius 500]
        --compare SITE.json [--time-limit 300] [--street-reach 1000] [--working-crs EPSG:4548]

SITE.json is `gridplan site --count K --radius R --format json` on the store imported from the
same folder (imported candidates, the default). The peer reads the folder itself (common.py:
buildings.csv or .geojson, facilities.geojson, candidates.csv or .geojson), projects to the
working CRS of SITE.json with PROJ's cs2cs, marks the buildings already covered by the counted
facilities (each within its own reach, street level 1,000 m) exactly like coverage_peer.py,
and solves the maximal covering problem over the uncovered households exactly:

    max Σ w_i y_i  s.t.  y_i ≤ Σ_{j reaches i} x_j,  Σ x_j ≤ K,  x binary, 0 ≤ y ≤ 1

(buildings reached by the same set of candidates merged into one row, an exact reduction),
with a time limit (the MIP gap is reported when the optimum is not proven). Checks, all of
which must hold for "agree":

  * the same households in total, the same already covered before siting, and as many
    candidates as the folder holds (candidate_count: gridplan's importer keeps them all);
  * gridplan's sites, evaluated by the peer, newly cover what gridplan says they do;
  * gridplan's newly covered households ≥ 99 % of the optimum (of the best solution HiGHS
    found, when the limit stopped it) and never above HiGHS's dual bound;
  * gridplan's upper bound ≥ the optimum (≥ the best solution found, when not proven).

When the time limit stops HiGHS before it finds any solution, the comparison is inconclusive
(the optimum checks hold trivially) and the output says so (status, mip_gap null).

Prints one JSON object; exit 0 when everything agrees, 1 otherwise.
"""
import argparse
import json
import sys
import time

import numpy as np
from scipy.spatial import cKDTree

import common

SHARE = 0.99


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dataset")
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--radius", type=float, default=500.0)
    ap.add_argument("--street-reach", type=float, default=1000.0)
    ap.add_argument("--compare", required=True, help="`gridplan site --format json` output")
    ap.add_argument("--time-limit", type=float, default=300.0, help="HiGHS time limit, seconds")
    ap.add_argument("--working-crs", help="default: working_crs of the compared JSON")
    a = ap.parse_args()

    with open(a.compare, encoding="utf-8") as f:
        res = json.load(f)
    t0 = time.perf_counter()
    crs = a.working_crs or res.get("working_crs") or common.auto_working_crs(common.lonlat_of_first_layer(a.dataset))
    d = common.dataset(a.dataset, crs, a.radius, a.street_reach)
    candidates, cxy = common.read_layer(a.dataset, "candidates", crs)
    hh, covered = d["households"], d["covered"]
    demand = np.flatnonzero((hh > 0) & ~covered)
    reaches = cKDTree(d["bxy"][demand]).query_ball_point(cxy, a.radius) if len(demand) else [[] for _ in candidates]
    total, before = int(hh.sum()), int(hh[covered].sum())
    prepared = time.perf_counter() - t0

    opt = common.solve_max_cover(hh[demand], reaches, a.count, a.time_limit)
    proven = opt["status"] == "Optimal"
    best = int(round(opt["gain"]))
    bound = int(np.floor(opt["bound"] + 1e-6)) if np.isfinite(opt["bound"]) else None

    # gridplan's own sites, evaluated on the peer's data
    index = {c["id"]: j for j, c in enumerate(candidates)}
    sites = [s["candidate_id"] for s in res["sites"]]
    unknown = [s for s in sites if s not in index]
    reached = set()
    for s in sites:
        if s in index:
            reached.update(reaches[index[s]])
    peer_eval = int(hh[demand[sorted(reached)]].sum()) if reached else 0

    g_before = res["covered_households_before"]
    g_gain = res["covered_households_after"] - g_before
    g_bound = res["upper_bound_households"] - g_before
    checks = {
        "same_total_households": res["total_households"] == total,
        "same_covered_before": g_before == before,
        "same_candidates": res.get("candidate_count", len(candidates)) == len(candidates),
        "sites_known": not unknown,
        "gridplan_sites_cover_what_it_says": peer_eval == g_gain,
        "gridplan_at_least_99_percent": g_gain >= SHARE * best,
        "gridplan_not_above_dual_bound": bound is None or g_gain <= bound,
        "gridplan_bound_not_below_optimum": g_bound >= best,
    }
    agree = all(checks.values())
    out = {
        "working_crs": crs, "buildings": len(d["buildings"]), "candidates": len(candidates),
        "uncovered_buildings": int(len(demand)), "households": total, "covered_before": before,
        "count": a.count, "radius_m": a.radius,
        "optimum_gain": best, "dual_bound_gain": bound, "status": opt["status"], "proven_optimal": proven,
        "mip_gap": round(opt["gap"], 6) if np.isfinite(opt["gap"]) else None, "mip_rows": opt["rows"], "mip_columns": opt["columns"],
        "prepare_seconds": round(prepared, 3), "solve_seconds": round(opt["seconds"], 3),
        "gridplan_gain": g_gain, "gridplan_bound_gain": g_bound, "gridplan_sites": len(sites),
        "peer_evaluation_of_gridplan_sites": peer_eval,
        "share_of_optimum": round(g_gain / best, 6) if best else 1.0,
        "checks": checks, "agree": agree,
    }
    if unknown:
        out["unknown_sites"] = unknown[:10]
    print(json.dumps(out))
    sys.exit(0 if agree else 1)


if __name__ == "__main__":
    main()
