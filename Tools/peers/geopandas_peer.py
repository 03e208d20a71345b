#!/usr/bin/env python3
"""geopandas peer of `gridplan report area` and `gridplan coverage` (Euclidean).

    /tmp/venv-peers/bin/python Tools/peers/geopandas_peer.py area DATASET_DIR
    /tmp/venv-peers/bin/python Tools/peers/geopandas_peer.py coverage DATASET_DIR [--radius 500]
        [--street-reach 1000] [--working-crs EPSG:4548] [--compare COVERAGE.json]

The way a GIS analyst would do it with geopandas (and pyproj/shapely underneath), on the same
dataset folder as gridplan and the same rules (common.py):

* area: buildings and facilities as GeoDataFrames; a building's or facility's community is the
  one it names, else the community polygon containing it (`sjoin`, predicate within); counted
  usable area (party_mass_center, party_mass_station, other kinds when embedded) per community
  against 30 m² per 100 households. Prints communities_meeting_standard and deficit_m2.
* coverage: buildings and counted facilities `to_crs` the working CRS, then for each reach
  (street and district level 1,000 m, the others --radius) `sjoin_nearest(max_distance=reach)`;
  a building is covered when any join finds a facility. Prints covered_households; with
  --compare, checks a `gridplan coverage --format json` result building by building.

Needs the peer venv (Tools/peers/setup_venv.sh): geopandas, shapely, pyproj, pyogrio, pandas.
"""
import argparse
import json
import os
import sys
import time

import geopandas as gpd
import numpy as np
import pandas as pd

import common

STANDARD = 30.0


def read_points(dataset, name, src):
    """A layer as a GeoDataFrame of points in `src` (a polygon stands for its centroid)."""
    path = os.path.join(dataset, name + ".csv")
    if os.path.exists(path):
        df = pd.read_csv(path, dtype={"id": str, "community_id": str}, keep_default_na=False, na_values=[""])
        xk, yk = ("lon", "lat") if "lon" in df.columns else ("x", "y")
        return gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df[xk], df[yk]), crs=src)
    gdf = gpd.read_file(os.path.join(dataset, name + ".geojson"))
    if gdf.crs is None:
        gdf = gdf.set_crs(src)
    gdf["id"] = gdf["id"].astype(str)
    return gdf


def community_of(points, communities):
    """The named community_id, else the community whose polygon contains the point (first by id)."""
    named = points["community_id"] if "community_id" in points.columns else pd.Series(pd.NA, index=points.index)
    named = named.where(named.notna() & (named.astype(str) != ""), pd.NA)
    missing = named.isna()
    if missing.any():
        joined = gpd.sjoin(points.loc[missing, ["geometry"]], communities[["id", "geometry"]].rename(columns={"id": "cid"}),
                           how="left", predicate="within")
        joined = joined.sort_values("cid").groupby(level=0)["cid"].first()
        named = named.copy()
        named.loc[missing] = joined.reindex(named.index[missing]).values
    return named


def area(a):
    src = common.source_crs(a.dataset)
    communities = gpd.read_file(os.path.join(a.dataset, "communities.geojson"))
    communities["id"] = communities["id"].astype(str)
    if communities.crs is None:
        communities = communities.set_crs(src)
    buildings = read_points(a.dataset, "buildings", src)
    facilities = read_points(a.dataset, "facilities", src)
    hh_path = os.path.join(a.dataset, "households.csv")
    if os.path.exists(hh_path):
        per = pd.read_csv(hh_path, dtype={"building_id": str}).groupby("building_id").size()
        buildings["households"] = buildings["id"].map(per).fillna(0).astype(int)
    buildings["cid"] = community_of(buildings, communities)
    households = buildings.groupby("cid")["households"].sum().reindex(communities["id"], fill_value=0)

    embedded = facilities["embedded"].map(common.truthy) if "embedded" in facilities.columns else False
    counted = facilities[facilities["kind"].isin(common.COUNTED) | embedded].copy()
    counted["cid"] = community_of(counted, communities)
    unallocated = float(counted.loc[counted["cid"].isna(), "usable_area_m2"].sum())
    fac_area = counted.groupby("cid")["usable_area_m2"].sum().reindex(communities["id"], fill_value=0.0)

    required = STANDARD * households.astype(float) / 100.0
    meeting = int((fac_area >= required).sum())
    deficit = float((required - fac_area).clip(lower=0).sum())
    print(json.dumps({"communities": len(communities), "communities_meeting_standard": meeting,
                      "deficit_m2": round(deficit, 2), "unallocated_area_m2": unallocated,
                      "households": int(households.sum())}))


def coverage(a):
    src = common.source_crs(a.dataset)
    buildings = read_points(a.dataset, "buildings", src)
    crs = a.working_crs or common.auto_working_crs(buildings.geometry.x)
    buildings = buildings.to_crs(crs)
    facilities = read_points(a.dataset, "facilities", src)
    counted, reach = common.counted_and_reach(facilities.to_dict("records"), a.radius, a.street_reach)
    facilities = facilities.assign(reach=reach)[counted].to_crs(crs)
    t0 = time.perf_counter()
    covered = pd.Series(False, index=buildings.index)
    for r in sorted(facilities["reach"].unique()):
        joined = gpd.sjoin_nearest(buildings[["geometry"]], facilities.loc[facilities["reach"] == r, ["id", "geometry"]],
                                   how="inner", max_distance=float(r), distance_col="d")
        covered.loc[joined.index.unique()] = True
    elapsed = time.perf_counter() - t0
    hh = buildings["households"].astype(np.int64)
    print(json.dumps({"working_crs": crs, "buildings": len(buildings), "counted_facilities": len(facilities),
                      "households": int(hh.sum()), "covered_households": int(hh[covered].sum()),
                      "covered_buildings": int(covered.sum()), "join_seconds": round(elapsed, 4)}))
    if a.compare:
        with open(a.compare, encoding="utf-8") as f:
            res = json.load(f)
        got = {b["id"]: b["covered"] for b in res["buildings"]}
        mismatch = sum(got.get(bid) != bool(c) for bid, c in zip(buildings["id"], covered))
        same = res["total"]["covered_households"] == int(hh[covered].sum())
        print(json.dumps({"compared_buildings": len(buildings), "mismatches": int(mismatch),
                          "same_covered_households": same}))
        sys.exit(0 if mismatch == 0 and same else 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("analysis", choices=["area", "coverage"])
    ap.add_argument("dataset")
    ap.add_argument("--radius", type=float, default=500.0)
    ap.add_argument("--street-reach", type=float, default=1000.0)
    ap.add_argument("--working-crs", help="default: the CGCS2000 3-degree zone of the buildings' centre")
    ap.add_argument("--compare", help="coverage: a `gridplan coverage --format json` file to check against")
    a = ap.parse_args()
    area(a) if a.analysis == "area" else coverage(a)


if __name__ == "__main__":
    main()
