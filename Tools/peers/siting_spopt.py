#!/usr/bin/env python3
"""gridplan's siting against HiGHS and PySAL spopt on the spopt benchmark instances (issue #14).

    $(Tools/venv)/bin/python Tools/peers/siting_spopt.py --gridplan .build/release/gridplan \
        [--cases cover-20000-1000-40-500,...] [--time-limit 300] [--spopt-python PY] [--no-highs]

An instance NxM is demand and sites uniform in a 10 km square (coordinates rounded to 1 mm),
household weights integers 20–200, drawn by numpy `default_rng([20250101, n, m])`:
`uniform(0, 10000, (n, 2))` for demand, then `integers(20, 201, n)` for weights, then
`uniform(0, 10000, (m, 2))` for sites. No existing facility.

Cases are OBJECTIVE-N-M-K-RADIUS: `cover` (maximal covering), `distance` (p-median, every
pair: `--distance-cap` above the square's diagonal) and `center` (p-center). Each case runs

  * `gridplan site --instance FILE --objective ... --format json --exact` (whole process, wall time;
    without --exact on the large instances, more than 10^8 pairs, where the default run is the row;
    the instance file is read by gridplan, `elapsed_s` is its solve time), with gridplan's
    default time limit (10 s) unless `--gridplan-time-limit` is given;
  * HiGHS (highspy) on the same instance: the maximal covering MILP (Tools/peers/common.py)
    or the p-median MILP (x_j, z_ij, Σ_j z_ij = 1, z_ij ≤ x_j, Σ x = K); `center` runs
    gridplan only (its p-center is checked against exhaustive search in the tests);
  * spopt (`MCLP`, `PMedian` with PuLP's CBC) when `--spopt-python` names a Python that has
    it, with the same time limit.

One Markdown row per case and solver: objective, proof status and seconds. The script exits
non-zero when a proven optimum of one solver beats another solver's value, or when gridplan's
covered households differ from scipy's count for its sites (a wrong answer), never on time.
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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402


def instance(n, m):
    rng = np.random.default_rng([20250101, n, m])
    demand = np.round(rng.uniform(0, 10000, (n, 2)), 3)
    weights = rng.integers(20, 201, n)
    sites = np.round(rng.uniform(0, 10000, (m, 2)), 3)
    return demand, weights, sites


def run_gridplan(binary, objective, demand, weights, sites, k, radius, time_limit, exact=True):
    inst = {"radius": radius, "count": k,
            "demand": [[float(x), float(y), int(w), 0] for (x, y), w in zip(demand, weights)],
            "candidates": [[float(x), float(y)] for x, y in sites]}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(inst, f)
        path = f.name
    cmd = [binary, "site", "--instance", path, "--objective", objective, "--format", "json"]
    if exact:
        cmd += ["--exact"]
    if objective == "distance":
        cmd += ["--distance-cap", "20000"]
    if time_limit:
        cmd += ["--time-limit", str(time_limit)]
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    os.unlink(path)
    if out.returncode != 0:
        sys.exit(f"gridplan failed: {out.stderr}")
    r = json.loads(out.stdout)
    if objective == "cover":
        value, bound = r["covered_households_after"], r["upper_bound_households"]
        recount = covered_weight(demand, weights, [(s["lon"], s["lat"]) for s in r["sites"]], radius)
        if recount != value:
            sys.exit(f"gridplan reports {value:,} households covered; its {len(r['sites'])} sites cover {recount:,} (scipy)")
    elif objective == "distance":
        value, bound = r["weighted_distance_after_m"], r["lower_bound_weighted_distance_m"]
    else:
        value, bound = r["max_distance_after_m"], r["lower_bound_max_distance_m"]
    status = "proven" if r.get("proven_optimal") else f"gap {100 * r['optimality_gap']:.3f}%"
    return {"value": value, "bound": bound, "proven": bool(r.get("proven_optimal")), "status": status,
            "seconds": wall, "note": f"solve {r.get('elapsed_s', 0):.2f} s; exact_search {r.get('exact_search')}"
            + ("" if exact else "; default run (no --exact)")}


def covered_weight(demand, weights, sites, radius):
    """The weight within `radius` of any of `sites`, counted by scipy (independent of gridplan)."""
    covered = np.zeros(len(demand), dtype=bool)
    tree = cKDTree(demand)
    for point in sites:
        covered[tree.query_ball_point(point, radius)] = True
    return int(weights[covered].sum())


def highs_cover(demand, weights, sites, k, radius, time_limit):
    reach = cKDTree(demand).query_ball_point(sites, radius)
    e = common.solve_max_cover(weights, reach, k, time_limit)
    proven = e["status"] == "Optimal"
    return {"value": e["gain"], "bound": e["bound"], "proven": proven,
            "status": "proven" if proven else f"{e['status']}, bound {e['bound']:,.0f}", "seconds": e["seconds"], "note": ""}


def highs_median(demand, weights, sites, k, time_limit):
    import highspy
    t0 = time.perf_counter()
    n, m = len(demand), len(sites)
    d = np.sqrt(((demand[:, None, :] - sites[None, :, :]) ** 2).sum(axis=2))
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("mip_rel_gap", 0.0)
    inf = highspy.kHighsInf
    for j in range(m):
        h.addVar(0, 1)
    for i in range(n):
        for j in range(m):
            h.addVar(0, 1)
    h.changeColsIntegrality(m, np.arange(m, dtype=np.int32), np.full(m, highspy.HighsVarType.kInteger))
    cost = np.concatenate([np.zeros(m), (weights[:, None] * d).ravel()])
    h.changeColsCost(len(cost), np.arange(len(cost), dtype=np.int32), cost)
    for i in range(n):
        idx = m + i * m + np.arange(m)
        h.addRow(1, 1, m, idx.astype(np.int32), np.ones(m))
        for j in range(m):
            h.addRow(-inf, 0, 2, np.array([m + i * m + j, j], dtype=np.int32), np.array([1.0, -1.0]))
    h.addRow(k, k, m, np.arange(m, dtype=np.int32), np.ones(m))
    h.run()
    info = h.getInfo()
    status = h.modelStatusToString(h.getModelStatus())
    proven = status == "Optimal"
    return {"value": info.objective_function_value, "bound": info.mip_dual_bound, "proven": proven,
            "status": "proven" if proven else status, "seconds": time.perf_counter() - t0, "note": ""}


def spopt_run(python, objective, n, m, k, radius, time_limit):
    code = f"""
import json, sys, time
import numpy as np
from scipy.spatial.distance import cdist
import pulp
from spopt.locate import MCLP, PMedian
rng = np.random.default_rng([20250101, {n}, {m}])
demand = np.round(rng.uniform(0, 10000, ({n}, 2)), 3)
weights = rng.integers(20, 201, {n})
sites = np.round(rng.uniform(0, 10000, ({m}, 2)), 3)
d = cdist(demand, sites)
solver = pulp.PULP_CBC_CMD(msg=False, timeLimit={time_limit})
t0 = time.perf_counter()
if "{objective}" == "cover":
    model = MCLP.from_cost_matrix(d, weights, service_radius={radius}, p_facilities={k}).solve(solver)
    value = float(sum(weights[i] for i in range({n}) if (d[i][[j for j in range({m}) if model.fac_vars[j].value() > 0.5]] <= {radius}).any()))
else:
    model = PMedian.from_cost_matrix(d, weights, p_facilities={k}).solve(solver)
    value = float(pulp.value(model.problem.objective))
print(json.dumps({{"value": value, "status": pulp.LpStatus[model.problem.status], "seconds": time.perf_counter() - t0}}))
"""
    t0 = time.perf_counter()
    try:
        out = subprocess.run([python, "-c", code], capture_output=True, text=True, timeout=time_limit + 120)
    except subprocess.TimeoutExpired:
        return {"value": None, "bound": None, "proven": False, "status": "no answer", "seconds": time.perf_counter() - t0,
                "note": f"killed after {time_limit + 120:.0f} s"}
    if out.returncode != 0:
        return {"value": None, "bound": None, "proven": False, "status": "failed", "seconds": time.perf_counter() - t0,
                "note": out.stderr.strip().splitlines()[-1][:120] if out.stderr.strip() else ""}
    r = json.loads(out.stdout.strip().splitlines()[-1])
    return {"value": r["value"], "bound": None, "proven": False,
            "status": f"spopt says {r['status']} (not a proof under a time limit)", "seconds": time.perf_counter() - t0, "note": ""}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--gridplan", default=".build/release/gridplan")
    p.add_argument("--cases", default="cover-20000-1000-40-500,cover-20000-1000-40-1000,distance-1000-200-10-500")
    p.add_argument("--time-limit", type=float, default=300, help="seconds for HiGHS and spopt")
    p.add_argument("--gridplan-time-limit", type=float, default=None)
    p.add_argument("--spopt-python", default=None)
    p.add_argument("--spopt-cases", default=None,
                   help="cases spopt runs (default: every case it can hold); others say 'not run'")
    p.add_argument("--spopt-time-limit", type=float, default=None,
                   help="spopt's time limit (default --time-limit); killed 120 s after it")
    p.add_argument("--no-highs", action="store_true")
    a = p.parse_args()
    print("| case | solver | objective | proof | seconds (whole process) | note |")
    print("|---|---|---|---|---|---|")
    failed = False
    for case in a.cases.split(","):
        objective, n, m, k, radius = case.split("-")
        n, m, k, radius = int(n), int(m), int(k), float(radius)
        demand, weights, sites = instance(n, m)
        large = n * m > 10 ** 8   # spopt's dense cost matrix alone would be n × m × 8 bytes
        # large instances: the default run (the row: a plan with its gap in seconds)
        rows = [("gridplan", run_gridplan(a.gridplan, objective, demand, weights, sites, k, radius,
                                          a.gridplan_time_limit, exact=not large))]
        if large:
            label = f"{objective} {n:,} × {m:,}, K = {k}, {radius:.0f} m"
            print(f"| {label} | HiGHS, spopt | | not run | | {n:,} × {m:,} pairs: too large for their models here |")
        if not a.no_highs and not large:
            if objective == "cover":
                rows.append(("HiGHS", highs_cover(demand, weights, sites, k, radius, a.time_limit)))
            elif objective == "distance":
                rows.append(("HiGHS", highs_median(demand, weights, sites, k, a.time_limit)))
        spopt_cases = None if a.spopt_cases is None else set(a.spopt_cases.split(","))
        if a.spopt_python and objective in ("cover", "distance") and not large:
            if spopt_cases is None or case in spopt_cases:
                limit = a.spopt_time_limit if a.spopt_time_limit is not None else a.time_limit
                rows.append(("spopt", spopt_run(a.spopt_python, objective, n, m, k, radius, limit)))
            else:
                label = f"{objective} {n:,} × {m:,}, K = {k}, {radius:.0f} m"
                print(f"| {label} | spopt | | not run | | not in --spopt-cases (does not finish in minutes) |")
        label = f"{objective} {n:,} × {m:,}, K = {k}, {radius:.0f} m"
        for name, r in rows:
            v = "" if r["value"] is None else (f"{r['value']:,.0f}" if objective == "cover" else f"{r['value']:,.1f}")
            print(f"| {label} | {name} | {v} | {r['status']} | {r['seconds']:.2f} | {r['note']} |", flush=True)
        # a proven optimum must be at least as good as every other solver's plan
        maximise = objective == "cover"
        for name, r in rows:
            if not r["proven"]:
                continue
            for other, s in rows:
                if s["value"] is None:
                    continue
                better = s["value"] > r["value"] + 0.5 if maximise else s["value"] < r["value"] * (1 - 1e-6) - 0.1
                if better:
                    print(f"siting_spopt: {other} beats {name}'s proven optimum on {case}", file=sys.stderr)
                    failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
