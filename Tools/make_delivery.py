#!/usr/bin/env python3
"""Write GeoData/demo-delivery: the demo district as a planner receives it.

    "$(Tools/venv)/bin/python" Tools/make_delivery.py [--demo GeoData/demo] [--out GeoData/demo-delivery]

From GeoData/demo (CGCS2000 lon/lat, GeoJSON/CSV, English names), with tools other than gridplan:
- 社区边界.shp: the communities as an ESRI Shapefile made by ogr2ogr (gdal-bin), projected to
  CGCS2000 / 3-degree Gauss-Kruger CM 114E (EPSG:4547, the .prj says so), Chinese field names,
  the .dbf in GBK (CP936) and no .cpg, as the natural-resources office sends it.
- 楼栋.xlsx (sheet 楼栋): the building list, one row per building with Chinese headers and its
  point in CGCS2000 经度/纬度 (a footprint becomes its area centroid).
- 住户.xlsx (sheet 住户): the household registry; 单元 and 房号 are mapped in dataset.json.
- 设施.xlsx (sheet 设施): the facilities with Chinese kinds, levels and 是/否, their points picked
  on Amap: GCJ-02 longitude/latitude (the textbook forward formula, written here independently
  of gridplan's).
- Everything else (grids, candidates, roads, units and the records) copied as it is.
Workbooks are written by openpyxl (the test venv, Tools/setup). The output is deterministic
except for the workbooks' zip timestamps.
"""
import argparse
import csv
import json
import math
import os
import shutil
import subprocess
import sys

import openpyxl
from openpyxl.utils import get_column_letter

KINDS = {
    "party_mass_center": "党群服务中心", "party_mass_station": "党群服务站", "city_station": "城市驿站",
    "city_study": "城市书房", "pocket_park": "小游园", "property_service": "物业服务中心", "other": "其他",
}
LEVELS = {"district": "区", "street": "街道", "community": "社区", "grid": "网格"}
COPIED = [
    "grids.geojson", "candidates.csv", "roads.geojson", "units.csv", "secretaries.csv", "contacts.csv",
    "ratings.csv", "observations.csv",
]

# GCJ-02 (Krasovsky 1940 parameters of the published formula).
A = 6378245.0
EE = 0.00669342162296594323


def _lat(x, y):
    r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    r += (160.0 * math.sin(y / 12.0 * math.pi) + 320.0 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return r


def _lon(x, y):
    r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    r += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return r


def to_gcj02(lon, lat):
    d_lat = _lat(lon - 105.0, lat - 35.0)
    d_lon = _lon(lon - 105.0, lat - 35.0)
    rad = lat / 180.0 * math.pi
    magic = 1 - EE * math.sin(rad) ** 2
    sq = math.sqrt(magic)
    d_lat = (d_lat * 180.0) / ((A * (1 - EE)) / (magic * sq) * math.pi)
    d_lon = (d_lon * 180.0) / (A / sq * math.cos(rad) * math.pi)
    return lon + d_lon, lat + d_lat


def point(geometry):
    """A point, or a footprint's area centroid (exterior ring; holes are not used in the demo)."""
    if geometry["type"] == "Point":
        return geometry["coordinates"][0], geometry["coordinates"][1]
    ring = geometry["coordinates"][0] if geometry["type"] == "Polygon" else geometry["coordinates"][0][0]
    x0, y0 = ring[0]
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        x1, y1, x2, y2 = x1 - x0, y1 - y0, x2 - x0, y2 - y0
        c = x1 * y2 - x2 * y1
        a += c
        cx += (x1 + x2) * c
        cy += (y1 + y2) * c
    return x0 + cx / (3 * a), y0 + cy / (3 * a)


def write_sheet(path, title, header, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    ws.append(header)
    for row in rows:
        ws.append(row)
    ws.freeze_panes = "A2"
    for i, h in enumerate(header):
        ws.column_dimensions[get_column_letter(i + 1)].width = max(8, 2 * len(h) + 2)
    wb.save(path)


def features(demo, name):
    with open(os.path.join(demo, name + ".geojson"), encoding="utf-8") as f:
        return json.load(f)["features"]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--demo", default="GeoData/demo")
    p.add_argument("--out", default="GeoData/demo-delivery")
    args = p.parse_args()
    demo, out = args.demo, args.out
    os.makedirs(out, exist_ok=True)

    # Communities: ogr2ogr, GBK, projected CGCS2000, Chinese field names, no .cpg.
    shp = os.path.join(out, "社区边界.shp")
    for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
        if os.path.exists(shp[:-4] + ext):
            os.remove(shp[:-4] + ext)
    subprocess.run(
        ["ogr2ogr", "-f", "ESRI Shapefile", shp, os.path.join(demo, "communities.geojson"),
         "-s_srs", "EPSG:4490", "-t_srs", "EPSG:4547", "-nln", "社区边界", "-lco", "ENCODING=CP936",
         "-nlt", "MULTIPOLYGON",
         "-sql", 'SELECT id AS "社区编号", name AS "名称", street AS "街道", kind AS "社区类型" FROM communities'],
        check=True)
    if os.path.exists(shp[:-4] + ".cpg"):
        os.remove(shp[:-4] + ".cpg")

    # Buildings: one point per building, CGCS2000 lon/lat.
    rows = []
    for f in features(demo, "buildings"):
        q = f["properties"]
        lon, lat = point(f["geometry"])
        rows.append([q["id"], q["name"], q.get("compound"), q["households"], q.get("residents"), q["party_members"],
                     q["probationary_members"], q.get("floors"), q.get("community_id"), q.get("grid_id"), lon, lat])
    write_sheet(os.path.join(out, "楼栋.xlsx"), "楼栋",
                ["编号", "名称", "小区", "户数", "人口", "党员数", "预备党员数", "层数", "所属社区", "网格编号", "经度", "纬度"],
                rows)

    # Households: the registry.
    with open(os.path.join(demo, "households.csv"), encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = []
        for r in reader:
            rows.append([r["id"], r["building_id"], r["unit"] or None, r["room"] or None, int(r["persons"]),
                         int(r["party_members"]), int(r["probationary_members"])])
    write_sheet(os.path.join(out, "住户.xlsx"), "住户", ["编号", "楼栋编号", "单元", "房号", "人数", "党员数", "预备党员数"], rows)

    # Facilities: GCJ-02 points, Chinese values.
    rows = []
    for f in features(demo, "facilities"):
        q = f["properties"]
        lon, lat = to_gcj02(*point(f["geometry"]))
        embedded = q.get("embedded")
        rows.append([q["id"], q["name"], KINDS[q["kind"]], q["usable_area_m2"], q.get("community_id"),
                     LEVELS.get(q.get("level")), None if embedded is None else ("是" if embedded else "否"), lon, lat])
    write_sheet(os.path.join(out, "设施.xlsx"), "设施",
                ["编号", "名称", "设施类型", "使用面积(平方米)", "所属社区", "层级", "嵌入党建元素", "经度", "纬度"], rows)

    for name in COPIED:
        shutil.copyfile(os.path.join(demo, name), os.path.join(out, name))

    with open(os.path.join(demo, "dataset.json"), encoding="utf-8") as f:
        source = json.load(f)
    dataset = {
        "name": source["name"], "crs": "EPSG:4490", "working_crs": source.get("working_crs", "auto"),
        "layers": {
            "communities": {"file": "社区边界.shp", "fields": {"id": "社区编号"}},
            "buildings": {"file": "楼栋.xlsx", "sheet": "楼栋"},
            "households": {"file": "住户.xlsx", "sheet": "住户", "fields": {"unit": "单元", "room": "房号"}},
            "facilities": {"file": "设施.xlsx", "sheet": "设施", "crs": "GCJ-02"},
        },
    }
    with open(os.path.join(out, "dataset.json"), "w", encoding="utf-8") as f:
        json.dump(dataset, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"make_delivery: wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
