"""Helpers shared by the Python peers (numpy and scipy only, so the peers that need nothing
more run with the system python3).

They read a dataset folder in the dataset format (`docs/data-format.md`) the way
gridplan does and apply the same counting rules, without any gridplan code:

* points: CSV `lon`,`lat` (or `x`,`y`) columns, GeoJSON Point, or a Polygon standing for its
  area centroid in the working CRS (exterior minus holes);
* coordinates: `crs` of `dataset.json` (default EPSG:4326) projected to the working CRS with
  PROJ's own `cs2cs` (the library gridplan links). Results keep cs2cs's axis order, which does
  not matter for distances and centroids;
* counted facilities: kinds party_mass_center and party_mass_station always, other kinds when
  `embedded` is true;
* reach: street- and district-level facilities reach max(street reach, radius) (the 15-minute
  circle, 1,000 m), the others the radius; a building is covered when some counted facility
  lies within that facility's own reach (distance ≤ reach).
"""
import csv
import json
import math
import os
import subprocess

import numpy as np
from scipy.spatial import cKDTree

COUNTED = {"party_mass_center", "party_mass_station"}
GEOGRAPHIC = {"EPSG:4326", "EPSG:4490"}


def source_crs(dataset):
    """The dataset's input CRS: `crs` of dataset.json, EPSG:4326 when absent."""
    meta = os.path.join(dataset, "dataset.json")
    if os.path.exists(meta):
        with open(meta, encoding="utf-8") as f:
            return json.load(f).get("crs") or "EPSG:4326"
    return "EPSG:4326"


def auto_working_crs(lon):
    """The CGCS2000 3-degree Gauss-Kruger zone whose central meridian is nearest the centre."""
    lon = np.asarray(lon, dtype=float)
    clon = (lon.min() + lon.max()) / 2
    return f"EPSG:{4509 + math.floor((clon + 1.5) / 3)}"


def project(x, y, dst, src="EPSG:4326"):
    """(n, 2) array of the points (x = lon / easting, y = lat / northing) in `dst`, through cs2cs."""
    if src not in GEOGRAPHIC and not src.upper().startswith("EPSG:"):
        raise SystemExit(f"peer: input CRS {src} is not handled (EPSG codes only)")
    if len(x) == 0:
        return np.zeros((0, 2))
    if src in GEOGRAPHIC:   # authority axis order of geographic CRSs is latitude, longitude
        text = "".join(f"{b:.10f} {a:.10f}\n" for a, b in zip(x, y))
    else:
        text = "".join(f"{a!r} {b!r}\n" for a, b in zip(x, y))
    res = subprocess.run(["cs2cs", "-f", "%.6f", src, dst], input=text, capture_output=True, text=True, check=True)
    return np.array([line.split()[:2] for line in res.stdout.splitlines()], dtype=float)


def ring_centroid(ring):
    """Area and centroid of a closed ring (n, 2)."""
    x, y = ring[:, 0] - ring[0, 0], ring[:, 1] - ring[0, 1]
    cross = x[:-1] * y[1:] - x[1:] * y[:-1]
    a = cross.sum() / 2
    if abs(a) < 1e-12:
        return 0.0, ring[:-1].mean(axis=0)
    cx = ((x[:-1] + x[1:]) * cross).sum() / (6 * a) + ring[0, 0]
    cy = ((y[:-1] + y[1:]) * cross).sum() / (6 * a) + ring[0, 1]
    return abs(a), np.array([cx, cy])


def read_layer(dataset, name, dst, src=None):
    """Rows (dict of properties, strings from CSV) and their working-CRS points, (rows, (n, 2) array).

    NAME.csv (lon/lat or x/y columns) is preferred over NAME.geojson, like the importer.
    """
    src = src or source_crs(dataset)
    path = os.path.join(dataset, name + ".csv")
    if os.path.exists(path):
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
        xk, yk = ("lon", "lat") if rows and "lon" in rows[0] else ("x", "y")
        xy = project([float(r[xk]) for r in rows], [float(r[yk]) for r in rows], dst, src)
        return rows, xy
    path = os.path.join(dataset, name + ".geojson")
    with open(path, encoding="utf-8-sig") as f:
        feats = json.load(f)["features"]
    coords, spans = [], []
    for ft in feats:
        g = ft["geometry"]
        if g["type"] == "Point":
            rings = [[g["coordinates"][:2]]]
        elif g["type"] == "Polygon" or (g["type"] == "MultiPolygon" and len(g["coordinates"]) == 1):
            polygon = g["coordinates"] if g["type"] == "Polygon" else g["coordinates"][0]
            rings = [[c[:2] for c in r] for r in polygon]
        else:
            raise SystemExit(f"{path}: {g['type']} not handled by the peer")
        spans.append([len(r) for r in rings])
        for r in rings:
            coords.extend(r)
    pxy = project([c[0] for c in coords], [c[1] for c in coords], dst, src)
    pts, k = [], 0
    for n in spans:
        if n == [1]:
            pts.append(pxy[k]); k += 1
            continue
        sx = sy = sa = 0.0
        for i, m in enumerate(n):
            a, c = ring_centroid(pxy[k:k + m]); k += m
            s = 1 if i == 0 else -1
            sx += s * a * c[0]; sy += s * a * c[1]; sa += s * a
        pts.append(np.array([sx / sa, sy / sa]))
    rows = []
    for ft in feats:
        p = dict(ft["properties"])
        p["id"] = str(p["id"])
        rows.append(p)
    return rows, np.array(pts).reshape(-1, 2)


def lonlat_of_first_layer(dataset):
    """Longitudes of the buildings (to pick the automatic working CRS)."""
    path = os.path.join(dataset, "buildings.csv")
    if os.path.exists(path):
        with open(path, newline="", encoding="utf-8-sig") as f:
            return [float(r["lon"]) for r in csv.DictReader(f)]
    with open(os.path.join(dataset, "buildings.geojson"), encoding="utf-8-sig") as f:
        feats = json.load(f)["features"]
    out = []
    for ft in feats:
        c = ft["geometry"]["coordinates"]
        while isinstance(c[0], list):
            c = c[0]
        out.append(c[0])
    return out


def truthy(v):
    """An `embedded` value from GeoJSON (bool) or CSV (text)."""
    if isinstance(v, str):
        return v.strip().lower() in ("true", "1", "yes")
    return bool(v)


def counted_and_reach(facilities, radius, street_reach=1000.0):
    """Boolean mask of the counted facilities and each facility's reach, metres."""
    counted = np.array([f["kind"] in COUNTED or truthy(f.get("embedded")) for f in facilities], dtype=bool)
    reach = np.array([max(street_reach, radius) if f.get("level") in ("street", "district") else radius
                      for f in facilities], dtype=float)
    return counted, reach


def existing_coverage(bxy, fxy, counted, reach):
    """For each building: covered by a counted facility within its reach, and the distance to
    the nearest counted facility (inf when none)."""
    covered = np.zeros(len(bxy), dtype=bool)
    nearest = np.full(len(bxy), np.inf)
    if len(bxy) == 0:
        return covered, nearest
    for r in sorted(set(reach[counted].tolist())):
        sel = counted & (reach == r)
        d, _ = cKDTree(fxy[sel]).query(bxy, k=1, workers=-1)
        nearest = np.minimum(nearest, d)
        covered |= d <= r
    return covered, nearest


def dataset(dataset_dir, working_crs=None, radius=500.0, street_reach=1000.0):
    """Buildings, facilities, existing coverage of a dataset folder, as a dict."""
    crs = working_crs or auto_working_crs(lonlat_of_first_layer(dataset_dir))
    buildings, bxy = read_layer(dataset_dir, "buildings", crs)
    facilities, fxy = read_layer(dataset_dir, "facilities", crs)
    counted, reach = counted_and_reach(facilities, radius, street_reach)
    covered, nearest = existing_coverage(bxy, fxy, counted, reach)
    return {"crs": crs, "buildings": buildings, "bxy": bxy,
            "households": np.array([int(b["households"]) for b in buildings], dtype=np.int64),
            "facilities": facilities, "fxy": fxy, "counted": counted, "reach": reach,
            "covered": covered, "nearest": nearest}


def quiet_highs(highspy):
    """A Highs object without its banner (printed on stdout at construction, before any option)."""
    import sys
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            h = highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    h.setOptionValue("output_flag", False)
    return h


def solve_max_cover(weights, reaches, k, time_limit, aggregate=True):
    """Maximal covering, exactly, with HiGHS (highspy; import it only here).

        max Σ w_i y_i  s.t.  y_i ≤ Σ_{j reaches i} x_j,  Σ x_j ≤ k,  x binary, 0 ≤ y ≤ 1

    `reaches[j]` lists the demand indices candidate j reaches (demand already covered left
    out by the caller). With `aggregate`, demand points reached by the same set of candidates
    become one row with their summed weight (an exact reduction). Returns a dict: gain (the
    best objective found), bound (the dual bound), gap, status, seconds, chosen (candidate
    indices), rows, columns.
    """
    import time

    import highspy
    t0 = time.perf_counter()
    weights = np.asarray(weights, dtype=float)
    m = len(reaches)
    by_demand = {}
    for j, lst in enumerate(reaches):
        for i in lst:
            by_demand.setdefault(int(i), []).append(j)
    if aggregate:
        groups = {}
        for i, js in by_demand.items():
            key = tuple(sorted(js))
            groups[key] = groups.get(key, 0.0) + weights[i]
        rows = [(list(key), w) for key, w in groups.items() if w > 0]
    else:
        rows = [(js, weights[i]) for i, js in by_demand.items() if weights[i] > 0]
    ny = len(rows)
    # columns: x_0..x_{m-1}, y_0..y_{ny-1}; rows: y_r - Σ x_j ≤ 0 (ny rows), Σ x ≤ k (1 row)
    x_rows = [[] for _ in range(m)]
    for r, (js, _) in enumerate(rows):
        for j in js:
            x_rows[j].append(r)
    start, index, value = [0], [], []
    for j in range(m):
        index.extend(x_rows[j]); value.extend([-1.0] * len(x_rows[j]))
        index.append(ny); value.append(1.0)
        start.append(len(index))
    for r in range(ny):
        index.append(r); value.append(1.0)
        start.append(len(index))
    lp = highspy.HighsLp()
    lp.num_col_ = m + ny
    lp.num_row_ = ny + 1
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.col_cost_ = np.concatenate([np.zeros(m), np.array([w for _, w in rows], dtype=float)])
    lp.col_lower_ = np.zeros(m + ny)
    lp.col_upper_ = np.ones(m + ny)
    lp.row_lower_ = np.full(ny + 1, -highspy.kHighsInf)
    lp.row_upper_ = np.concatenate([np.zeros(ny), [float(k)]])
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.array(start, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(index, dtype=np.int32)
    lp.a_matrix_.value_ = np.array(value)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * m + [highspy.HighsVarType.kContinuous] * ny
    h = quiet_highs(highspy)
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("threads", 1)
    h.passModel(lp)
    h.run()
    status = h.modelStatusToString(h.getModelStatus())
    info = h.getInfo()
    sol = h.getSolution()
    chosen = [j for j in range(m) if sol.col_value[j] > 0.5] if sol.value_valid else []
    gain = info.objective_function_value if sol.value_valid else 0.0
    bound = info.mip_dual_bound
    gap = (bound - gain) / max(abs(gain), 1e-9) if sol.value_valid else float("inf")
    return {"gain": gain, "bound": bound, "gap": gap, "status": status, "seconds": time.perf_counter() - t0,
            "chosen": chosen, "rows": ny, "columns": m + ny}
