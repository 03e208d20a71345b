#!/usr/bin/env python3
"""Independent area-standard computation (numpy + stdlib only) for Tools/bench.

    python3 Tools/peers/area_peer.py DATASET_DIR

Reads a dataset folder in the dataset format of docs/data-format.md (communities, buildings.csv/geojson, facilities),
counts party_mass_center and party_mass_station always and other kinds only when embedded,
allocates each facility to the community it names (or, when it names none, the community
whose polygon contains it), and prints {"communities_meeting_standard", "deficit_m2", ...}
as JSON. Uses no gridplan code.
"""
import csv
import json
import sys
from pathlib import Path

import numpy as np

STANDARD = 30.0
ALWAYS = {"party_mass_center", "party_mass_station"}


def features(path):
    with open(path, encoding="utf-8-sig") as f:
        return json.load(f)["features"]


def point_in_ring(x, y, ring):
    ring = np.asarray(ring, dtype=float)
    xs, ys = ring[:, 0], ring[:, 1]
    x2, y2 = np.roll(xs, -1), np.roll(ys, -1)
    crosses = (ys > y) != (y2 > y)
    with np.errstate(divide="ignore", invalid="ignore"):
        xc = (x2 - xs) * (y - ys) / (y2 - ys) + xs
    return bool(np.count_nonzero(crosses & (x < xc)) % 2)


def contains(geometry, x, y):
    if geometry is None:
        return False
    polys = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for rings in polys:
        if point_in_ring(x, y, rings[0]) and not any(point_in_ring(x, y, h) for h in rings[1:]):
            return True
    return False


def main():
    d = Path(sys.argv[1])
    communities = features(d / "communities.geojson")
    households = {c["properties"]["id"]: 0 for c in communities}
    if (d / "households.csv").exists():
        with open(d / "households.csv", encoding="utf-8-sig") as f:
            per_building = {}
            for row in csv.DictReader(f):
                per_building[row["building_id"]] = per_building.get(row["building_id"], 0) + 1
    else:
        per_building = None
    if (d / "buildings.csv").exists():
        with open(d / "buildings.csv", encoding="utf-8-sig") as f:
            rows = [(r["id"], r.get("community_id"), int(r["households"]), r.get("lon"), r.get("lat")) for r in csv.DictReader(f)]
    else:
        rows = []
        for ft in features(d / "buildings.geojson"):
            p = ft["properties"]
            g = ft["geometry"]
            xy = g["coordinates"] if g["type"] == "Point" else np.mean(np.asarray(g["coordinates"][0])[:-1], axis=0)
            rows.append((str(p["id"]), p.get("community_id"), int(p["households"]), xy[0], xy[1]))
    for bid, cid, hh, lon, lat in rows:
        if not cid:
            cid = next(c["properties"]["id"] for c in communities if contains(c["geometry"], float(lon), float(lat)))
        households[cid] += per_building.get(bid, 0) if per_building is not None else hh
    area = {cid: 0.0 for cid in households}
    unallocated = 0.0
    for ft in features(d / "facilities.geojson"):
        p = ft["properties"]
        if not (p["kind"] in ALWAYS or p.get("embedded") is True):
            continue
        cid = p.get("community_id")
        if not cid:
            g = ft["geometry"]
            x, y = g["coordinates"] if g["type"] == "Point" else np.mean(np.asarray(g["coordinates"][0])[:-1], axis=0)
            cid = next((c["properties"]["id"] for c in communities if contains(c["geometry"], x, y)), None)
        if cid is None:
            unallocated += float(p["usable_area_m2"])
        else:
            area[cid] += float(p["usable_area_m2"])
    meeting, deficit = 0, 0.0
    for cid, hh in households.items():
        required = STANDARD * hh / 100.0
        if area[cid] >= required:
            meeting += 1
        deficit += max(0.0, required - area[cid])
    print(json.dumps({"communities": len(households), "communities_meeting_standard": meeting,
                      "deficit_m2": round(deficit, 2), "unallocated_area_m2": unallocated,
                      "households": sum(households.values())}))


if __name__ == "__main__":
    main()
