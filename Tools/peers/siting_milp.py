#!/usr/bin/env python3
"""Exact check of `gridplan site --objective cover` against a mixed-integer program (HiGHS).

    python3 -m venv /tmp/venv-peers && /tmp/venv-peers/bin/pip install highspy numpy scipy
    /tmp/venv-peers/bin/python Tools/peers/siting_milp.py --gridplan .build/release/gridplan \
        [--sizes 2000x200x10,20000x1000x40] [--seeds 1,2,3] [--time-limit 300]

For each size NxMxK and seed it builds a seeded maximal-covering instance (N demand points in
residential clusters with household weights, some already covered by existing facilities; M
candidate sites; radius 500 m; K sites), writes it as a JSON instance file, and

  * runs `gridplan site --instance FILE --format json` (the same data: gridplan reads the file;
    its `elapsed_s` is the solve time inside gridplan, the wall time includes process start);
  * solves the same instance exactly with HiGHS:
        max Σ w_i y_i  s.t.  y_i ≤ Σ_{j reaches i} x_j,  Σ x_j ≤ K,  x binary, 0 ≤ y ≤ 1
    over the uncovered demand (covered demand adds a constant).

It prints one Markdown row per instance: gridplan's newly covered households as a share of the
optimum's, gridplan's upper bound against the optimum, and both times. Not a CI step.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
from scipy.spatial import cKDTree

import common


def make_instance(seed, n, m, k, radius=500.0):
    rng = np.random.default_rng(seed)
    side = float(np.sqrt(n / 150.0) * 1000.0)             # about 150 buildings per km², like gencity
    n_clusters = max(4, n // 25)
    centres = rng.uniform(0, side, (n_clusters, 2))
    which = rng.integers(0, n_clusters, n)
    pts = centres[which] + rng.normal(0, 60.0, (n, 2))
    w = rng.integers(1, 200, n)
    # existing facilities: one per ~1.5 km², some areas left out
    n_fac = max(1, int(side * side / 1.5e6 * 0.8))
    fac = rng.uniform(0, side, (n_fac, 2))
    covered = np.zeros(n, dtype=bool)
    for lst in cKDTree(pts).query_ball_point(fac, radius):
        covered[lst] = True
    half = m // 2
    cand = np.vstack([rng.uniform(0, side, (m - half, 2)), pts[rng.choice(n, half, replace=False)] + rng.normal(0, 20, (half, 2))])
    return {"radius": radius, "count": k,
            "demand": [[round(float(x), 3), round(float(y), 3), int(wi), int(c)] for (x, y), wi, c in zip(pts, w, covered)],
            "candidates": [[round(float(x), 3), round(float(y), 3)] for x, y in cand]}


def solve_exact(inst, time_limit):
    d = np.array([r[:2] for r in inst["demand"]]); w = np.array([r[2] for r in inst["demand"]], dtype=float)
    cov = np.array([r[3] for r in inst["demand"]], dtype=bool)
    c = np.array(inst["candidates"])
    unc = np.flatnonzero(~cov)
    reach = cKDTree(d[unc]).query_ball_point(c, inst["radius"])   # candidate j -> uncovered demand (local index)
    e = common.solve_max_cover(w[unc], reach, inst["count"], time_limit)
    return {"gain": e["gain"], "bound": e["bound"], "status": e["status"], "seconds": e["seconds"],
            "before": float(w[cov].sum())}


def run_gridplan(binary, inst):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(inst, f)
        path = f.name
    t0 = time.perf_counter()
    out = subprocess.run([binary, "site", "--instance", path, "--format", "json"], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    os.unlink(path)
    if out.returncode != 0:
        sys.exit(f"gridplan failed: {out.stderr}")
    r = json.loads(out.stdout)
    return {"gain": r["covered_households_after"] - r["covered_households_before"],
            "bound": r["upper_bound_households"] - r["covered_households_before"],
            "seconds": r["elapsed_s"], "wall": wall, "swaps": r["swaps"], "sites": len(r["sites"])}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--gridplan", default=".build/release/gridplan")
    p.add_argument("--sizes", default="2000x200x10,5000x500x20,20000x1000x40")
    p.add_argument("--seeds", default="1,2,3")
    p.add_argument("--time-limit", type=float, default=300)
    a = p.parse_args()
    print("| demand × candidates × K | seed | optimum gain (HiGHS) | gridplan gain | share | gridplan bound / optimum | HiGHS s | gridplan solve s (wall) |")
    print("|---|---|---|---|---|---|---|---|")
    for size in a.sizes.split(","):
        n, m, k = (int(x) for x in size.split("x"))
        for seed in (int(s) for s in a.seeds.split(",")):
            inst = make_instance(seed, n, m, k)
            g = run_gridplan(a.gridplan, inst)
            e = solve_exact(inst, a.time_limit)
            opt = e["gain"]
            exact = e["status"] == "Optimal"
            share = g["gain"] / opt if opt > 0 else 1.0
            print(f"| {n:,} × {m:,} × {k} | {seed} | {opt:,.0f}{'' if exact else ' (' + e['status'] + ')'} | "
                  f"{g['gain']:,} | {100 * share:.2f}% | {g['bound'] / opt:.4f} | {e['seconds']:.2f} | "
                  f"{g['seconds']:.4f} ({g['wall']:.2f}) |", flush=True)
            if g["gain"] > opt + 1e-6 and exact:
                sys.exit("gridplan reports more than the optimum: the instance or a solver is wrong")
            if g["bound"] < opt - 1e-6 and exact:
                sys.exit("gridplan's upper bound is below the optimum: the bound is wrong")


if __name__ == "__main__":
    main()
