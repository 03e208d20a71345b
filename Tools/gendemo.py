#!/usr/bin/env python3
"""Generate gridplan's synthetic demo district (GeoData/demo).

    python3 Tools/gendemo.py --out GeoData/demo [--seed 20240601] [--no-households]

A Wuhan-like district around 114.30E 30.58N: four streets (街道), about 35 communities
(社区) tiling the district (a clipped, snapped Voronoi with wavy shared boundaries; one
community has a lake with an island, one holds an enclave of a neighbour), compounds
(小区) of buildings with households and party members, service facilities of every kind,
candidate sites, a walking network cut by a river with three bridges, existing grids for
three communities, and the work plan's non-spatial records (units, secretaries, contacts,
ratings, observations). Coordinates are CGCS2000 (EPSG:4490) longitude, latitude, rounded
to 7 decimals. numpy only; the same seed gives byte-identical files.
"""
import argparse
import csv
import json
import math
import os
import sys

import numpy as np

LON0, LAT0 = 114.300, 30.585           # district centre (a Wuhan-like urban district)
R_EARTH = 6378137.0
KX = 180.0 / (math.pi * R_EARTH * math.cos(math.radians(LAT0)))   # degrees lon per metre
KY = 180.0 / (math.pi * R_EARTH)                                   # degrees lat per metre
THETA = math.radians(14.0)             # street grid bearing (parallel to the river front)


def lonlat(x, y):
    return [round(LON0 + x * KX, 7), round(LAT0 + y * KY, 7)]


def ring_lonlat(ring):
    pts = [lonlat(x, y) for x, y in ring]
    if pts[0] != pts[-1]:
        pts.append(pts[0])
    return pts


# ---------------------------------------------------------------- geometry helpers

def signed_area(ring):
    r = np.asarray(ring, float)
    x, y = r[:, 0], r[:, 1]
    return 0.5 * float(np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y))


def ccw(ring):
    return ring if signed_area(ring) > 0 else ring[::-1]


def cw(ring):
    return ring if signed_area(ring) < 0 else ring[::-1]


def convex_hull(points):
    pts = sorted(set(map(tuple, points)))
    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def clip_halfplane(poly, a, b, c):
    """Keep the part of polygon `poly` where a*x + b*y <= c (Sutherland-Hodgman, one edge)."""
    out = []
    n = len(poly)
    for i in range(n):
        p, q = poly[i], poly[(i + 1) % n]
        fp = a * p[0] + b * p[1] - c
        fq = a * q[0] + b * q[1] - c
        if fp <= 0:
            out.append(p)
        if (fp <= 0) != (fq <= 0):
            t = fp / (fp - fq)
            out.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return out


def pip(px, py, ring):
    """Even-odd point-in-ring test, vectorised over px, py."""
    r = np.asarray(ring, float)
    x1, y1 = r[:, 0], r[:, 1]
    x2, y2 = np.roll(x1, -1), np.roll(y1, -1)
    px = np.atleast_1d(np.asarray(px, float))[:, None]
    py = np.atleast_1d(np.asarray(py, float))[:, None]
    cond = (y1 > py) != (y2 > py)
    with np.errstate(divide="ignore", invalid="ignore"):
        xint = x1 + (py - y1) * (x2 - x1) / (y2 - y1)
    return (np.sum(cond & (px < xint), axis=1) % 2) == 1


def dist_to_rings(px, py, rings):
    """Distance from points to the nearest segment of any ring (closed)."""
    px = np.atleast_1d(np.asarray(px, float))[:, None]
    py = np.atleast_1d(np.asarray(py, float))[:, None]
    best = np.full(px.shape[0], np.inf)
    for ring in rings:
        r = np.asarray(ring, float)
        ax, ay = r[:, 0], r[:, 1]
        bx, by = np.roll(ax, -1), np.roll(ay, -1)
        dx, dy = bx - ax, by - ay
        L2 = np.maximum(dx * dx + dy * dy, 1e-12)
        t = np.clip(((px - ax) * dx + (py - ay) * dy) / L2, 0, 1)
        d = np.hypot(px - (ax + t * dx), py - (ay + t * dy))
        best = np.minimum(best, d.min(axis=1))
    return best


def dist_to_polyline(px, py, line):
    r = np.asarray(line, float)
    ax, ay, bx, by = r[:-1, 0], r[:-1, 1], r[1:, 0], r[1:, 1]
    px = np.atleast_1d(np.asarray(px, float))[:, None]
    py = np.atleast_1d(np.asarray(py, float))[:, None]
    dx, dy = bx - ax, by - ay
    L2 = np.maximum(dx * dx + dy * dy, 1e-12)
    t = np.clip(((px - ax) * dx + (py - ay) * dy) / L2, 0, 1)
    return np.hypot(px - (ax + t * dx), py - (ay + t * dy)).min(axis=1)


def seg_intersect(p1, p2, q1, q2):
    def orient(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    d1, d2 = orient(q1, q2, p1), orient(q1, q2, p2)
    d3, d4 = orient(p1, p2, q1), orient(p1, p2, q2)
    return (d1 * d2 < 0) and (d3 * d4 < 0)


def crosses_polyline(p, q, line):
    return any(seg_intersect(p, q, line[i], line[i + 1]) for i in range(len(line) - 1))


def ring_is_simple(ring):
    n = len(ring)
    for i in range(n):
        a, b = ring[i], ring[(i + 1) % n]
        for j in range(i + 2, n):
            if i == 0 and j == n - 1:
                continue
            if seg_intersect(a, b, ring[j], ring[(j + 1) % n]):
                return False
    return True


def add_shared_vertices(rings, tol=1e-3):
    """Insert into every ring edge the vertices of other rings that lie on it (T-junctions), so that
    neighbours share identical vertices and rounding to 7 decimals leaves no sliver between them."""
    allv = np.array([p for r in rings for p in r], float)
    for idx, ring in enumerate(rings):
        out = []
        n = len(ring)
        for k in range(n):
            a, b = np.asarray(ring[k]), np.asarray(ring[(k + 1) % n])
            out.append(ring[k])
            d = b - a
            L2 = float(d @ d)
            if L2 < 1e-9:
                continue
            t = ((allv - a) @ d) / L2
            q = a + t[:, None] * d
            off = np.hypot(*(allv - q).T)
            on = (t > 1e-6) & (t < 1 - 1e-6) & (off < tol)
            for tt in sorted(set(np.round(t[on], 12))):
                pt = a + tt * d
                out.append((float(pt[0]), float(pt[1])))
        rings[idx] = out
    return rings


def rect(cx, cy, w, h, ang):
    c, s = math.cos(ang), math.sin(ang)
    pts = []
    for u, v in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)):
        pts.append((cx + u * c - v * s, cy + u * s + v * c))
    return pts


def ellipse(cx, cy, a, b, ang, n, rng, wobble=0.08):
    ts = np.linspace(0, 2 * math.pi, n, endpoint=False)
    rr = 1 + wobble * (rng.random(n) - 0.5) * 2
    c, s = math.cos(ang), math.sin(ang)
    return [(cx + a * r * math.cos(t) * c - b * r * math.sin(t) * s,
             cy + a * r * math.cos(t) * s + b * r * math.sin(t) * c) for t, r in zip(ts, rr)]


# ---------------------------------------------------------------- names

STREETS = ["花桥街道", "惠济街道", "塔子湖街道", "永清街道"]
URBAN_NAMES = [
    "花桥", "惠济路", "育才", "球场街", "三眼桥", "黄孝河", "新村", "劳动街", "永清", "二七路",
    "解放公园", "澳门路", "鄱阳街", "兴业路", "建设渠", "头道街", "车站路", "丹水池", "新荣", "长春街",
    "胜利街", "大智路", "黎黄陂路", "同兴里", "吉庆街", "友谊路", "合作路", "东方红", "三阳路", "永安堂",
]
VILLAGE_NAMES = ["谌家矶", "红旗村", "模范村", "工农村", "堤角", "杨家湾", "黄家墩", "刘家庙"]
ESTATE_NAMES = ["百步亭", "后湖", "塔子湖", "汉口北", "江滩", "金桥", "新华家园", "幸福湾"]
COMPOUND_PREFIX = [
    "金桥", "锦绣", "幸福", "阳光", "和平", "翠微", "绿景", "华府", "天街", "丽岛", "银河", "融侨",
    "滨江", "鸿发", "东湖", "江南", "新华", "育才", "长城", "国信", "福星", "碧桂", "恒大", "万科",
    "城开", "汉江", "江汉", "荷花", "建安", "怡和", "瑞丰", "宏祥", "博雅", "静安", "紫阳", "兰亭",
    "盛世", "安居", "御景", "龙湾", "汇锦", "香榭", "玉兰", "海棠", "桂园", "清江", "金地", "同安",
    "汉口", "铭园", "嘉园", "澳门", "南国", "凯德", "常青", "丽水", "花园", "春晓", "永利", "兴业",
]
COMPOUND_SUFFIX = {
    "walkup": ["小区", "新村", "里", "小区"],
    "danwei": ["宿舍"],
    "mid": ["花园", "苑", "家园", "小区"],
    "high": ["华庭", "名邸", "花园", "城", "公馆", "府"],
    "village": ["湾", "墩", "村"],
    "tower": ["国际公寓", "中心公寓"],
}
DANWEI = ["铁路", "电力", "市二医院", "水厂", "航运", "纺织厂", "区政府", "邮电", "粮食局", "机务段",
          "烟草", "市一中", "建工", "商业局", "港务"]
VILLAGE_SURNAMES = ["杨家", "刘家", "黄家", "张家", "谌家", "汪家", "李家", "胡家", "陈家", "徐家",
                    "周家", "吴家", "罗家", "姚家"]
ARTERIALS_U = ["解放大道", "建设大道", "发展大道", "京汉大道", "中山大道", "沿江大道", "新华路", "黄浦大街",
               "后湖大道", "金桥大道"]
ARTERIALS_V = ["三阳路", "黄石路", "惠济路", "二七路", "台北路", "青年路", "航空路", "香港路", "塔子湖路",
               "花桥路", "江大路"]
SURNAMES = "王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建国志文斌辉宇浩凯鹏飞婷雪琳晶波海燕兰亮"


def person_name(rng):
    s = SURNAMES[rng.integers(len(SURNAMES))]
    g = "".join(GIVEN[rng.integers(len(GIVEN))] for _ in range(int(rng.integers(1, 3))))
    return s + g


# ---------------------------------------------------------------- the district

class District:
    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)

    # -- outline, river, communities
    def outline(self):
        rng = self.rng
        n = 16
        ang = np.linspace(0, 2 * math.pi, n, endpoint=False) + rng.uniform(-0.12, 0.12, n)
        r = rng.uniform(0.9, 1.05, n)
        pts = [(3100 * rr * math.cos(a), 2500 * rr * math.sin(a)) for a, rr in zip(ang, r)]
        c, s = math.cos(0.18), math.sin(0.18)
        pts = [(x * c - y * s, x * s + y * c) for x, y in pts]
        self.district = ccw(convex_hull(pts))

    def river_line(self):
        xs = np.linspace(-3800, 3800, 77)
        ys = -300 + 0.16 * xs + 180 * np.sin(xs / 900.0 + 0.7) + 60 * np.sin(xs / 310.0)
        self.river = [(float(x), float(y)) for x, y in zip(xs, ys)]

    def voronoi(self):
        rng = self.rng
        sp = 800.0
        seeds = []
        for i in range(-5, 6):
            for j in range(-5, 6):
                x = i * sp + (j % 2) * sp / 2 + rng.uniform(-0.28, 0.28) * sp
                y = j * sp * 0.87 + rng.uniform(-0.28, 0.28) * sp
                seeds.append((x, y))
        seeds = np.array(seeds)
        keep = pip(seeds[:, 0], seeds[:, 1], self.district) & \
            (dist_to_rings(seeds[:, 0], seeds[:, 1], [self.district]) > 180)
        seeds = seeds[keep]
        # stable order: north to south, west to east (by rows of 400 m)
        order = np.lexsort((seeds[:, 0], -np.round(seeds[:, 1] / 400)))
        seeds = seeds[order]
        cells = []
        for i, s in enumerate(seeds):
            poly = list(self.district)
            for j, t in enumerate(seeds):
                if i == j:
                    continue
                a, b = t[0] - s[0], t[1] - s[1]
                c = (t[0] ** 2 + t[1] ** 2 - s[0] ** 2 - s[1] ** 2) / 2
                poly = clip_halfplane(poly, a, b, c)
            cells.append(ccw(poly))
        # snap vertices shared by neighbours to one canonical coordinate
        canon = []
        def snap(p):
            for q in canon:
                if abs(q[0] - p[0]) < 1.0 and abs(q[1] - p[1]) < 1.0:
                    return q
            q = (round(p[0], 3), round(p[1], 3))
            canon.append(q)
            return q
        snapped = []
        for cell in cells:
            out = []
            for p in cell:
                q = snap(p)
                if not out or out[-1] != q:
                    out.append(q)
            if out[0] == out[-1]:
                out.pop()
            snapped.append(out)
        self.seeds = seeds
        self.cells = snapped

    def wavy_edges(self, straight_cells):
        """Replace every cell edge by a wavy polyline shared with the neighbour across it."""
        rng = self.rng
        cache = {}
        out = []
        for ci, cell in enumerate(self.cells):
            ring = []
            n = len(cell)
            for k in range(n):
                p, q = cell[k], cell[(k + 1) % n]
                key = (min(p, q), max(p, q))
                if key not in cache:
                    a, b = key
                    L = math.hypot(b[0] - a[0], b[1] - a[1])
                    owners = [i for i, c in enumerate(self.cells) if a in c and b in c]
                    flat = any(o in straight_cells for o in owners) or L < 60
                    m = max(1, int(L // 45))
                    ts = np.linspace(0, 1, m + 1)
                    if flat:
                        off = np.zeros_like(ts)
                    else:
                        amp = min(0.05 * L, 32.0)
                        co = rng.uniform(-1, 1, 3)
                        off = amp * (co[0] * np.sin(math.pi * ts) + 0.5 * co[1] * np.sin(2 * math.pi * ts)
                                     + 0.35 * co[2] * np.sin(3 * math.pi * ts))
                        off += np.sin(math.pi * ts) * rng.uniform(-3, 3, len(ts))
                        off[0] = off[-1] = 0
                    nx, ny = -(b[1] - a[1]) / L, (b[0] - a[0]) / L
                    pts = [(a[0] + t * (b[0] - a[0]) + o * nx, a[1] + t * (b[1] - a[1]) + o * ny)
                           for t, o in zip(ts, off)]
                    pts[0], pts[-1] = a, b
                    cache[key] = pts
                pts = cache[key]
                if key[0] != p:
                    pts = pts[::-1]
                ring.extend(pts[:-1])
            out.append(ccw(ring))
        return out

    def build_communities(self):
        rng = self.rng
        self.outline()
        self.river_line()
        self.voronoi()
        n = len(self.cells)
        areas = np.array([abs(signed_area(c)) for c in self.cells])
        cent = np.array([np.mean(np.asarray(c), axis=0) for c in self.cells])

        # streets: north of the river split west/east at x ~ 300; south of the river split at x ~ -200
        ry = np.interp(cent[:, 0], [p[0] for p in self.river], [p[1] for p in self.river])
        north = cent[:, 1] - ry >= 0
        street = np.zeros(n, int)
        # north of the river: two streets split at the median x (after a slight tilt), likewise south
        for side, (w, e) in ((north, (0, 1)), (~north, (2, 3))):
            idx = np.where(side)[0]
            key = cent[idx, 0] + 0.3 * cent[idx, 1]
            cut = np.median(key)
            street[idx] = np.where(key < cut, w, e)

        # kinds: urban villages near the edges, new estates in the north-east and south
        dist_c = np.hypot(cent[:, 0] / 3100, cent[:, 1] / 2500)
        kind = np.array(["urban"] * n, dtype=object)
        order = np.argsort(-dist_c)
        vill = [i for i in order if street[i] in (2, 3)][:3] + [i for i in order if street[i] == 1][:2]
        for i in vill:
            kind[i] = "urban_village"
        ne = [i for i in np.argsort(-(cent[:, 0] + 0.5 * cent[:, 1])) if kind[i] == "urban"][:4]
        ne += [i for i in np.argsort(cent[:, 1]) if kind[i] == "urban"][:2]
        for i in ne:
            kind[i] = "new_estate"

        # three urban communities with existing grids keep straight boundaries
        cand = [i for i in np.argsort(np.abs(areas - np.median(areas))) if kind[i] == "urban"
                and dist_c[i] < 0.75]
        grid_cells = []
        for i in cand:
            if all(not self.adjacent(i, g) for g in grid_cells):
                grid_cells.append(int(i))
            if len(grid_cells) == 3:
                break
        # lake community (largest urban cell not used for grids), enclave host and owner
        big = [int(i) for i in np.argsort(-areas) if i not in grid_cells]
        lake_c = next(i for i in big if kind[i] == "urban" and dist_c[i] < 0.8)
        host_c = next(i for i in big if i != lake_c and not self.adjacent(i, lake_c)
                      and kind[i] != "urban_village" and i not in grid_cells)
        owner_c = next(int(j) for j in np.argsort(areas) if self.adjacent(j, host_c)
                       and j not in grid_cells and j != lake_c)

        rings = self.wavy_edges(set(grid_cells))
        for i, r in enumerate(rings):
            assert ring_is_simple(r), f"community ring {i} self-intersects"

        names = {"urban": list(URBAN_NAMES), "urban_village": list(VILLAGE_NAMES), "new_estate": list(ESTATE_NAMES)}
        comms = []
        for i in range(n):
            comms.append({"idx": i, "id": f"C{i + 1:02d}", "name": names[str(kind[i])].pop(0) + "社区",
                          "street": STREETS[street[i]], "kind": str(kind[i]),
                          "parts": [[rings[i]]], "area": areas[i], "seed": tuple(self.seeds[i]),
                          "grids": i in grid_cells})
        # lake with an island, inside lake_c around its seed
        sx, sy = self.seeds[lake_c]
        room = dist_to_rings([sx], [sy], [rings[lake_c]])[0]
        a = min(260.0, room - 120)
        lake = cw(ellipse(sx, sy, a, a * 0.62, 0.5, 28, rng, 0.06))
        island = ccw(ellipse(sx + a * 0.15, sy, a * 0.16, a * 0.11, 0.5, 10, rng, 0.04))
        comms[lake_c]["parts"] = [[rings[lake_c], lake], [island]]
        comms[lake_c]["name"] = "沙湖社区"
        self.lake, self.island = lake, island
        # enclave: a compound inside host_c that belongs to owner_c
        hx, hy = np.asarray(rings[host_c]).mean(axis=0)
        ox, oy = self.seeds[owner_c]
        # walk from the host centre toward the owner until 170 m from the host boundary
        best = None
        for t in np.linspace(0, 1, 60):
            px, py = hx + t * (ox - hx), hy + t * (oy - hy)
            if not pip([px], [py], rings[host_c])[0]:
                break
            d = dist_to_rings([px], [py], [rings[host_c]])[0]
            if d > 170 and dist_to_polyline([px], [py], self.river)[0] > 200:
                best = (px, py)
        assert best is not None
        enclave = ccw(rect(best[0], best[1], 190, 140, THETA))
        comms[host_c]["parts"] = [[rings[host_c], cw(enclave)]]
        comms[owner_c]["parts"] = [[rings[owner_c]], [enclave]]
        self.enclave, self.enclave_owner, self.enclave_host = enclave, owner_c, host_c
        self.lake_c = lake_c
        self.comms = comms

    def adjacent(self, i, j):
        return len(set(self.cells[i]) & set(self.cells[j])) >= 2

    # -- containment for generated objects
    def comm_contains(self, c, px, py):
        px = np.atleast_1d(px)
        py = np.atleast_1d(py)
        res = np.zeros(len(px), bool)
        for part in c["parts"]:
            inside = pip(px, py, part[0])
            for hole in part[1:]:
                inside &= ~pip(px, py, hole)
            res |= inside
        return res

    def comm_boundary_dist(self, c, px, py):
        rings = [r for part in c["parts"] for r in part]
        return dist_to_rings(px, py, rings)


# ---------------------------------------------------------------- buildings

BTYPES = {
    #          w range      h range   floors      spacing dx,dy   party share
    "walkup": ((46, 60), (11, 13), (5, 7), (None, 32), 0.072),
    "danwei": ((44, 58), (11, 13), (5, 7), (None, 32), 0.125),
    "mid": ((34, 44), (13, 16), (11, 18), (None, 48), 0.064),
    "high": ((26, 40), (18, 22), (26, 34), (58, 58), 0.058),
    "tower": ((42, 48), (30, 34), (42, 48), (75, 75), 0.035),
    "village": ((9, 12), (8, 11), (4, 7), (15, 15), 0.026),
}
PERSONS_P = np.array([0.17, 0.30, 0.26, 0.16, 0.08, 0.03])
PERSONS_VILLAGE_P = np.array([0.38, 0.30, 0.17, 0.10, 0.04, 0.01])


class Builder:
    def __init__(self, d):
        self.d = d
        self.rng = d.rng
        self.buildings = []
        self.households = []
        self.compounds = []
        self.hash = {}
        self.used_compound_names = set()

    def free(self, x, y, r):
        k = (int(x // 60), int(y // 60))
        for i in range(k[0] - 2, k[0] + 3):
            for j in range(k[1] - 2, k[1] + 3):
                for (bx, by, br) in self.hash.get((i, j), ()):
                    if math.hypot(bx - x, by - y) < r + br + 3:
                        return False
        return True

    def occupy(self, x, y, r):
        self.hash.setdefault((int(x // 60), int(y // 60)), []).append((x, y, r))

    def compound_name(self, btype):
        rng = self.rng
        for _ in range(200):
            if btype == "danwei":
                name = DANWEI[rng.integers(len(DANWEI))] + "宿舍"
                if name in self.used_compound_names:
                    name = DANWEI[rng.integers(len(DANWEI))] + "新宿舍"
            elif btype == "village":
                name = VILLAGE_SURNAMES[rng.integers(len(VILLAGE_SURNAMES))] + \
                    COMPOUND_SUFFIX["village"][rng.integers(3)]
            else:
                sfx = COMPOUND_SUFFIX[btype]
                name = COMPOUND_PREFIX[rng.integers(len(COMPOUND_PREFIX))] + sfx[rng.integers(len(sfx))]
            if name not in self.used_compound_names:
                self.used_compound_names.add(name)
                return name
        raise RuntimeError("out of compound names")

    def place_compound(self, c, btype, nb, region=None, center=None, cap=None):
        """Lay out up to nb buildings of btype in a compound inside community c."""
        rng, d = self.rng, self.d
        spec = BTYPES[btype]
        w = rng.uniform(*spec[0])
        h = rng.uniform(*spec[1])
        dx = spec[3][0] or (w + rng.uniform(9, 16))
        dy = spec[3][1]
        ang = THETA + rng.normal(0, 0.08)
        if center is None:
            for _ in range(400):
                part = c["parts"][0][0]
                xs, ys = np.asarray(part)[:, 0], np.asarray(part)[:, 1]
                px, py = rng.uniform(xs.min(), xs.max()), rng.uniform(ys.min(), ys.max())
                if d.comm_contains(c, px, py)[0] and d.comm_boundary_dist(c, [px], [py])[0] > 40:
                    center = (px, py)
                    break
            if center is None:
                return []
        ncols = max(1, int(round(math.sqrt(nb * dy / dx))))
        nrows = int(math.ceil(nb / ncols)) + 1
        cs, sn = math.cos(ang), math.sin(ang)
        slots = []
        for r_ in range(nrows):
            for q in range(ncols + 1):
                u = (q - ncols / 2) * dx
                v = (r_ - nrows / 2) * dy
                slots.append((u * u + v * v, u, v))
        slots.sort()
        name = self.compound_name(btype)
        placed = []
        rad = math.hypot(w, h) / 2
        for _, u, v in slots:
            if len(placed) >= nb:
                break
            jx = rng.uniform(-1.5, 1.5) if btype != "village" else rng.uniform(-0.8, 0.8)
            x = center[0] + u * cs - v * sn + jx
            y = center[1] + u * sn + v * cs + jx
            bw, bh = (w, h) if btype != "village" else (rng.uniform(*spec[0]), rng.uniform(*spec[1]))
            corners = rect(x, y, bw, bh, ang)
            px = np.array([x] + [p[0] for p in corners])
            py = np.array([y] + [p[1] for p in corners])
            if region is not None:
                if not pip(px, py, region).all():
                    continue
            if not d.comm_contains(c, px, py).all():
                continue
            if d.comm_boundary_dist(c, [x], [y])[0] < rad * 0.5 + 5:
                continue
            if dist_to_polyline([x], [y], d.river)[0] < 45 + rad:
                continue
            if not self.free(x, y, rad):
                continue
            placed.append((x, y, bw, bh, ang, rad))
        if not placed:
            return []
        comp = {"name": name, "type": btype, "community": c["id"], "center": center, "n": len(placed)}
        self.compounds.append(comp)
        out = []
        for k, (x, y, bw, bh, a_, rad) in enumerate(placed):
            if cap is not None and sum(b["households"] for b in out) >= cap:
                break
            self.occupy(x, y, rad)
            out.append(self.make_building(c, comp, k + 1, btype, x, y, bw, bh, a_))
        comp["n"] = len(out)
        return out

    def make_building(self, c, comp, k, btype, x, y, bw, bh, ang):
        rng = self.rng
        spec = BTYPES[btype]
        floors = int(rng.integers(spec[2][0], spec[2][1] + 1))
        if btype in ("walkup", "danwei"):
            units = max(2, int(round(bw / 16)))
            per = 2
        elif btype == "mid":
            units, per = 2, int(rng.choice([2, 2, 3]))
        elif btype == "high":
            units, per = int(rng.choice([1, 2, 2])), int(rng.choice([2, 3, 4]))
        elif btype == "tower":
            units, per = 1, int(rng.integers(12, 15))
        else:
            units, per = 1, int(rng.integers(1, 4))
        hh = floors * units * per
        if btype in ("walkup", "danwei", "mid", "high"):
            hh -= int(rng.integers(0, max(1, hh // 12)))   # ground-floor shops, merged flats
        b = {"id": None, "community": c["id"], "compound": comp["name"], "type": btype,
             "name": f"{comp['name']}{k}{'号' if btype == 'village' else '栋'}",
             "x": x, "y": y, "w": bw, "h": bh, "ang": ang, "floors": floors,
             "units": units, "per": per, "households": hh}
        self.buildings.append(b)
        return b

    def populate(self, c, target):
        """Compounds of the community's kind until its households reach `target`."""
        rng = self.rng
        kind = c["kind"]
        total = 0
        fails = 0
        while total < target and fails < 60:
            r = rng.random()
            if kind == "urban_village":
                btype, nb = ("village", int(rng.integers(25, 70))) if r < 0.8 else ("walkup", int(rng.integers(4, 10)))
            elif kind == "new_estate":
                if r < 0.05 and self.towers < 5:
                    btype, nb = "tower", int(rng.integers(1, 3))
                elif r < 0.8:
                    btype, nb = "high", int(rng.integers(5, 16))
                else:
                    btype, nb = "mid", int(rng.integers(6, 14))
            else:
                if r < 0.5:
                    btype, nb = "walkup", int(rng.integers(6, 22))
                elif r < 0.62:
                    btype, nb = "danwei", int(rng.integers(4, 12))
                elif r < 0.85:
                    btype, nb = "mid", int(rng.integers(5, 14))
                else:
                    btype, nb = "high", int(rng.integers(3, 10))
            # stop before overshooting a small target
            placed = self.place_compound(c, btype, nb, cap=target - total)
            if not placed:
                fails += 1
                continue
            if btype == "tower":
                self.towers += len(placed)
            total += sum(b["households"] for b in placed)
        return total


# ---------------------------------------------------------------- households

def make_households(rng, buildings):
    rows = []
    hid = 0
    for b in buildings:
        share = BTYPES[b["type"]][4]
        probs = PERSONS_VILLAGE_P if b["type"] == "village" else PERSONS_P
        n = b["households"]
        persons = rng.choice(np.arange(1, 7), size=n, p=probs)
        # members per household: older compounds hold retired members, couples often both
        formal = rng.binomial(persons, share)
        prob = rng.binomial(persons - formal, 0.0025)
        floors, units, per = b["floors"], b["units"], b["per"]
        slots = [(u, f, k) for u in range(1, units + 1) for f in range(1, floors + 1) for k in range(1, per + 1)]
        if b["type"] in ("walkup", "danwei", "mid", "high"):
            # the missing flats are on the ground floor
            slots.sort(key=lambda s: (s[1] != 1, s))
            slots = slots[len(slots) - n:]
            slots.sort()
        for i in range(n):
            u, f, k = slots[i]
            hid += 1
            room = f"{f}{k:02d}"
            rows.append((f"H{hid:06d}", b["id"], str(u) if units > 1 else "", room,
                         int(persons[i]), int(formal[i]), int(prob[i])))
        b["residents"] = int(persons.sum())
        b["party_members"] = int(formal.sum())
        b["probationary_members"] = int(prob.sum())
    return rows


# ---------------------------------------------------------------- grids (recursive bisection)

def make_grids(d, c, blds, per_grid, rng, oversize=False):
    """Existing grids of a community: cut it along the street axes, recursively, at the household
    quantile that leaves about `per_grid` households per grid; the cuts bound the grid polygons."""
    cs, sn = math.cos(THETA), math.sin(THETA)
    leaves = []
    merge = [oversize]   # one pair left unsplit: a grid above the 500-household maximum

    def split(members, poly, k):
        if k == 2 and merge[0]:
            merge[0] = False
            k = 1
        if k <= 1 or len(members) < 2:
            leaves.append((members, poly))
            return
        u = np.array([b["x"] * cs + b["y"] * sn for b in members])
        v = np.array([-b["x"] * sn + b["y"] * cs for b in members])
        axis = u if np.ptp(u) >= np.ptp(v) else v
        na, nb = (cs, sn) if axis is u else (-sn, cs)
        order = np.argsort(axis)
        w = np.cumsum([members[i]["households"] for i in order])
        k1 = k // 2
        cut = int(np.searchsorted(w, w[-1] * k1 / k))
        cut = min(max(cut, 0), len(order) - 2)
        t = (axis[order[cut]] + axis[order[cut + 1]]) / 2
        left = [members[i] for i in order[:cut + 1]]
        right = [members[i] for i in order[cut + 1:]]
        split(left, clip_halfplane(poly, na, nb, t), k1)
        split(right, clip_halfplane(poly, -na, -nb, -t), k - k1)

    H = sum(b["households"] for b in blds)
    split(blds, list(c["parts"][0][0]), max(2, int(round(H / per_grid))))
    cent = [np.mean([(b["x"], b["y"]) for b in m], axis=0) for m, _ in leaves]
    order = sorted(range(len(leaves)), key=lambda j: (-round(cent[j][1] / 250), cent[j][0]))
    grids = []
    for r, j in enumerate(order):
        members, poly = leaves[j]
        gid = f"{c['id']}-G{r + 1:02d}"
        for b in members:
            b["grid_id"] = gid
        grids.append({"id": gid, "community_id": c["id"], "name": f"{c['name']}第{r + 1}网格",
                      "ring": ccw(poly), "households": sum(b["households"] for b in members)})
    return grids


# ---------------------------------------------------------------- output helpers

def feature(props, geom):
    return {"type": "Feature", "properties": props, "geometry": geom}


def write_fc(path, feats, name):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('{"type":"FeatureCollection","name":' + json.dumps(name, ensure_ascii=False) + ',"features":[\n')
        for i, ft in enumerate(feats):
            f.write(json.dumps(ft, ensure_ascii=False, separators=(",", ":")))
            f.write(",\n" if i + 1 < len(feats) else "\n")
        f.write("]}\n")


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(r)


def poly_geom(parts):
    if len(parts) == 1:
        return {"type": "Polygon", "coordinates": [ring_lonlat(r) for r in parts[0]]}
    return {"type": "MultiPolygon", "coordinates": [[ring_lonlat(r) for r in p] for p in parts]}


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default="GeoData/demo")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--no-households", action="store_true", help="skip households.csv")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    d = District(args.seed)
    rng = d.rng
    d.build_communities()
    comms = d.comms
    n = len(comms)

    # ---- households per community: ~ sqrt(area) x kind density x noise, scaled to ~100k
    dens = {"urban": 1.0, "urban_village": 0.75, "new_estate": 1.25}
    raw = np.array([math.sqrt(c["area"]) * dens[c["kind"]] * rng.lognormal(0, 0.25) for c in comms])
    small = [int(i) for i in np.argsort(raw) if comms[i]["kind"] == "urban"
             and not comms[i]["grids"] and i != d.lake_c and i != d.enclave_owner][:2]
    target = raw / raw.sum() * 100500
    for i, t in zip(small, (180, 260)):
        target[i] = t
    target = target / target.sum() * 100500
    for i, t in zip(small, (180, 260)):
        target[i] = t
    comms[small[0]]["name"] = "金融街社区"
    comms[small[1]]["name"] = "大学园社区"

    B = Builder(d)
    B.towers = 0
    # the enclave compound first (old work-unit housing of the owner community)
    owner = comms[d.enclave_owner]
    ex, ey = np.asarray(d.enclave).mean(axis=0)
    B.place_compound(owner, "danwei", 8, region=d.enclave, center=(ex, ey))
    # a few very large apartment towers (above 500 households) in the new estates
    for c in [c for c in comms if c["kind"] == "new_estate"][:3]:
        B.towers += len(B.place_compound(c, "tower", 2 if B.towers == 0 else 1))
    for i in range(n):
        c = comms[i]
        have = sum(b["households"] for b in B.buildings if b["community"] == c["id"])
        if i in small:
            # a few small buildings only
            while have < target[i]:
                placed = B.place_compound(c, "walkup", 1)
                if placed:
                    b = placed[0]
                    b["households"] = min(b["households"], int(target[i] - have) + 6)
                    have += b["households"]
        else:
            B.populate(c, target[i] - have)
    # building ids: by community, then north→south, west→east
    blds = B.buildings
    blds.sort(key=lambda b: (b["community"], -round(b["y"] / 30), b["x"]))
    seen = {}
    for k, b in enumerate(blds):
        b["id"] = f"B{k + 1:05d}"
        b["grid_id"] = None
        # number the buildings of a compound in id order: 1栋, 2栋, ... (village houses 1号, 2号, ...)
        seen[b["compound"]] = seen.get(b["compound"], 0) + 1
        b["name"] = f"{b['compound']}{seen[b['compound']]}{'号' if b['type'] == 'village' else '栋'}"
    hh_rows = make_households(rng, blds)
    tot_hh = sum(b["households"] for b in blds)

    # ---- grids for the three straight-edged communities
    grids = []
    for gi, c in enumerate([c for c in comms if c["grids"]]):
        cb = [b for b in blds if b["community"] == c["id"]]
        grids += make_grids(d, c, cb, (400, 430, 420)[gi], rng, oversize=(gi == 1))

    # ---- shared vertices between communities and grids (each ring edited in place)
    flat = [(c, pi, ri) for c in comms for pi, part in enumerate(c["parts"]) for ri in range(len(part))]
    rings = [c["parts"][pi][ri] for c, pi, ri in flat] + [g["ring"] for g in grids]
    rings = add_shared_vertices(rings)
    for (c, pi, ri), r in zip(flat, rings):
        c["parts"][pi][ri] = r
    for g, r in zip(grids, rings[len(flat):]):
        g["ring"] = r

    # ---- facilities
    facs = []
    def add_fac(kind, area, name, x, y, cid, level=None, embedded=None, poly=None, omit_cid=False):
        f = {"id": f"F{len(facs) + 1:03d}", "kind": kind, "usable_area_m2": round(float(area), 1),
             "name": name, "x": x, "y": y, "cid": cid, "level": level, "embedded": embedded,
             "poly": poly, "omit_cid": omit_cid}
        facs.append(f)
        return f

    def spot_near(c, x, y, r0=12, r1=30):
        for _ in range(100):
            a = rng.uniform(0, 2 * math.pi)
            rr = rng.uniform(r0, r1)
            px, py = x + rr * math.cos(a), y + rr * math.sin(a)
            if d.comm_contains(c, px, py)[0] and dist_to_polyline([px], [py], d.river)[0] > 35:
                return px, py
        return x, y

    by_comm = {c["id"]: [b for b in blds if b["community"] == c["id"]] for c in comms}
    no_center = set(small[:1]) | {int(np.argsort([-(c["area"]) if c["kind"] == "urban_village" else 0
                                                  for c in comms])[0])}
    ratio_draw = rng.uniform(0, 1, n)
    edge_area = float(np.percentile([c["area"] for c in comms], 55))
    for i, c in enumerate(comms):
        cb = by_comm[c["id"]]
        H = sum(b["households"] for b in cb)
        # target counted m2 per 100 households: about a third of the communities fall short
        r = 30 * (rng.uniform(0.35, 0.95) if ratio_draw[i] < 0.33 else rng.uniform(1.02, 1.9))
        T = r * H / 100
        counted = 0.0
        # other kinds first
        for kind, p, lo, hi in (("city_station", 0.4, 30, 120), ("city_study", 0.3, 90, 260),
                                ("pocket_park", 0.4, 0, 40), ("property_service", 0.6, 80, 320),
                                ("other", 0.2, 40, 150)):
            for _ in range(int(rng.integers(1, 3)) if rng.random() < p else 0):
                if not cb:
                    break
                b = cb[int(rng.integers(len(cb)))]
                x, y = spot_near(c, b["x"], b["y"])
                area = round(rng.uniform(lo, hi), 0)
                emb = bool(rng.random() < 0.25)
                nm = {"city_station": f"{c['name'][:-2]}城市驿站", "city_study": f"{b['compound']}城市书房",
                      "pocket_park": f"{b['compound']}小游园",
                      "property_service": f"{b['compound']}物业服务中心",
                      "other": f"{c['name']}新时代文明实践站"}[kind]
                poly = None
                if kind == "pocket_park":
                    pr = rect(x, y, rng.uniform(40, 70), rng.uniform(25, 45), THETA)
                    if d.comm_contains(c, [p[0] for p in pr], [p[1] for p in pr]).all():
                        poly = pr
                add_fac(kind, area, nm, x, y, c["id"], embedded=emb, poly=poly)
                if emb:
                    counted += area
        # stations in larger communities
        ns = int(rng.integers(0, 3)) if H > 4000 else (1 if H > 2000 and rng.random() < 0.35 else 0)
        for _ in range(ns):
            b = cb[int(rng.integers(len(cb)))]
            x, y = spot_near(c, b["x"], b["y"])
            area = round(rng.uniform(60, 200), 0)
            add_fac("party_mass_station", area, f"{b['compound']}党群服务站", x, y, c["id"], level="grid")
            counted += area
        if i in no_center or not cb:
            continue
        area = max(120.0, round((T - counted) / 10) * 10)
        if c["area"] > edge_area and rng.random() < 0.7:
            # the center sits in an office building at the community's edge
            vx, vy = c["parts"][0][0][int(rng.integers(len(c["parts"][0][0])))]
            b = min(cb, key=lambda b: math.hypot(b["x"] - vx, b["y"] - vy))
        else:
            b = cb[int(rng.integers(len(cb)))]
        x, y = spot_near(c, b["x"], b["y"])
        add_fac("party_mass_center", area, f"{c['name']}党群服务中心", x, y, c["id"], level="community",
                omit_cid=bool(rng.random() < 0.15))
    # one street-level center per street (a polygon footprint), in its largest community
    for s in STREETS:
        members = [c for c in comms if c["street"] == s and by_comm[c["id"]]]
        c = max(members, key=lambda c: sum(b["households"] for b in by_comm[c["id"]]))
        b = by_comm[c["id"]][int(rng.integers(len(by_comm[c["id"]])))]
        x, y = spot_near(c, b["x"], b["y"], 40, 60)
        poly = rect(x, y, 42, 28, THETA)
        if not d.comm_contains(c, [p[0] for p in poly], [p[1] for p in poly]).all():
            poly = None
        add_fac("party_mass_center", round(rng.uniform(900, 1500), 0), f"{s}党群服务中心", x, y, c["id"],
                level="street", poly=poly)
    # the district center (community derived by containment) and a neighbour's center just outside
    c = comms[int(np.argmin([np.hypot(*c["seed"]) for c in comms]))]
    b = by_comm[c["id"]][0]
    x, y = spot_near(c, b["x"], b["y"], 40, 70)
    add_fac("party_mass_center", 2600, "示范区党群服务中心", x, y, c["id"], level="district", omit_cid=True)
    # outside the district: 150 m beyond the outline's easternmost vertex
    ex = max(d.district, key=lambda p: p[0])
    add_fac("party_mass_center", 680, "邻区永丰社区党群服务中心", ex[0] + 150, ex[1] + 20, None, level="community")
    # the island pavilion
    ix, iy = np.asarray(d.island).mean(axis=0)
    add_fac("pocket_park", 30, "沙湖湖心亭小游园", ix, iy, comms[d.lake_c]["id"], embedded=True)

    # ---- candidates
    cands = []
    kinds = [("vacant_room", 40, 300, 8, 60), ("property_service", 80, 400, 15, 90),
             ("city_station", 30, 120, 20, 80), ("vacant_lot", 500, 3000, 200, 900)]
    for k_, (kind, lo, hi, clo, chi) in enumerate(kinds):
        count = {"vacant_room": 70, "property_service": 35, "city_station": 25, "vacant_lot": 20}[kind]
        made = 0
        tries = 0
        while made < count and tries < 5000:
            tries += 1
            b = blds[int(rng.integers(len(blds)))]
            c = comms[int(b["community"][1:]) - 1]
            if kind == "vacant_lot":
                x, y = spot_near(c, b["x"], b["y"], 60, 140)
                if not B.free(x, y, 25) or not d.comm_contains(c, x, y)[0]:
                    continue
            else:
                x, y = spot_near(c, b["x"], b["y"], 10, 25)
            nm = {"vacant_room": f"{b['compound']}闲置用房", "property_service": f"{b['compound']}物业服务用房",
                  "city_station": f"{c['name'][:-2]}城市驿站（拟建）", "vacant_lot": f"{c['name'][:-2]}空地"}[kind]
            cands.append({"kind": kind, "name": nm, "x": x, "y": y,
                          "area": round(rng.uniform(lo, hi), 0), "cost": round(rng.uniform(clo, chi), 1),
                          "cid": c["id"] if rng.random() < 0.7 else ""})
            made += 1
    cands.sort(key=lambda r: (-round(r["y"] / 50), r["x"]))
    for k, r in enumerate(cands):
        r["id"] = f"K{k + 1:03d}"

    # ---- roads: a rotated lattice of 180 m blocks, arterials every fifth line
    roads = build_roads(d, rng)

    # ---- write spatial layers
    out = args.out
    feats = []
    for c in comms:
        feats.append(feature({"id": c["id"], "name": c["name"], "street": c["street"], "kind": c["kind"]},
                             poly_geom(c["parts"])))
    write_fc(os.path.join(out, "communities.geojson"), feats, "communities")

    feats = []
    for k, b in enumerate(blds):
        props = {"id": b["id"], "name": b["name"], "compound": b["compound"], "households": b["households"],
                 "residents": b["residents"], "party_members": b["party_members"],
                 "probationary_members": b["probationary_members"], "floors": b["floors"]}
        # most buildings name their community; one in ten leaves it to containment
        if rng.random() >= 0.1:
            props["community_id"] = b["community"]
        if b["grid_id"]:
            props["grid_id"] = b["grid_id"]
        if b["type"] in ("high", "tower", "mid") or (b["type"] == "walkup" and rng.random() < 0.3):
            geom = {"type": "Polygon", "coordinates": [ring_lonlat(ccw(rect(b["x"], b["y"], b["w"], b["h"], b["ang"])))]}
        else:
            geom = {"type": "Point", "coordinates": lonlat(b["x"], b["y"])}
        feats.append(feature(props, geom))
    write_fc(os.path.join(out, "buildings.geojson"), feats, "buildings")

    feats = []
    for f in facs:
        props = {"id": f["id"], "kind": f["kind"], "usable_area_m2": f["usable_area_m2"], "name": f["name"]}
        if f["cid"] and not f["omit_cid"]:
            props["community_id"] = f["cid"]
        if f["level"]:
            props["level"] = f["level"]
        if f["embedded"] is not None:
            props["embedded"] = f["embedded"]
        geom = ({"type": "Polygon", "coordinates": [ring_lonlat(ccw(f["poly"]))]} if f["poly"]
                else {"type": "Point", "coordinates": lonlat(f["x"], f["y"])})
        feats.append(feature(props, geom))
    write_fc(os.path.join(out, "facilities.geojson"), feats, "facilities")

    write_csv(os.path.join(out, "candidates.csv"),
              ["id", "name", "kind", "available_area_m2", "cost", "community_id", "lon", "lat"],
              [[r["id"], r["name"], r["kind"], r["area"], r["cost"], r["cid"], *lonlat(r["x"], r["y"])]
               for r in cands])

    feats = []
    for r in roads:
        props = {"id": r["id"]}
        if r.get("name"):
            props["name"] = r["name"]
        props["class"] = r["class"]
        if "walkable" in r:
            props["walkable"] = r["walkable"]
        if len(r["lines"]) == 1:
            geom = {"type": "LineString", "coordinates": [lonlat(x, y) for x, y in r["lines"][0]]}
        else:
            geom = {"type": "MultiLineString", "coordinates": [[lonlat(x, y) for x, y in l] for l in r["lines"]]}
        feats.append(feature(props, geom))
    write_fc(os.path.join(out, "roads.geojson"), feats, "roads")

    feats = [feature({"id": g["id"], "community_id": g["community_id"], "name": g["name"]},
                     {"type": "Polygon", "coordinates": [ring_lonlat(g["ring"])]}) for g in grids]
    write_fc(os.path.join(out, "grids.geojson"), feats, "grids")

    if not args.no_households:
        write_csv(os.path.join(out, "households.csv"),
                  ["id", "building_id", "unit", "room", "persons", "party_members", "probationary_members"],
                  hh_rows)
    elif os.path.exists(os.path.join(out, "households.csv")):
        os.remove(os.path.join(out, "households.csv"))

    write_records(out, rng, comms, by_comm)

    with open(os.path.join(out, "dataset.json"), "w", encoding="utf-8") as f:
        json.dump({"name": "示范区 (demo district)", "crs": "EPSG:4490", "working_crs": "auto"}, f,
                  ensure_ascii=False, indent=2)
        f.write("\n")

    res = sum(b["residents"] for b in blds)
    pm = sum(b["party_members"] for b in blds)
    print(f"communities {n}, buildings {len(blds)}, households {tot_hh}, residents {res}, "
          f"party members {pm} ({pm / res:.1%}), facilities {len(facs)}, candidates {len(cands)}, "
          f"roads {len(roads)}, grids {len(grids)} "
          f"({', '.join(str(g['households']) for g in grids)})", file=sys.stderr)


def build_roads(d, rng):
    sp = 180.0
    cs, sn = math.cos(THETA), math.sin(THETA)
    N = 24
    nodes = {}
    def art_i(i):
        return i % 5 == 0
    for i in range(-N, N + 1):
        for j in range(-N, N + 1):
            jit = 4 if (art_i(i) or art_i(j)) else 16
            u = i * sp + rng.uniform(-jit, jit)
            v = j * sp + rng.uniform(-jit, jit)
            if art_i(j):
                v = j * sp + 25 * math.sin(i * sp / 700.0 + j)   # arterials curve gently
            if art_i(i):
                u = i * sp + 25 * math.sin(j * sp / 800.0 + i)
            x, y = u * cs - v * sn, u * sn + v * cs
            nodes[(i, j)] = (x, y)
    # keep nodes inside the district grown by 6 %, outside the lake
    grown = [(x * 1.06, y * 1.06) for x, y in d.district]
    keys = list(nodes)
    xy = np.array([nodes[k] for k in keys])
    inside = pip(xy[:, 0], xy[:, 1], grown) & ~pip(xy[:, 0], xy[:, 1], d.lake)
    inside &= dist_to_rings(xy[:, 0], xy[:, 1], [d.lake]) > 20
    keep = {k for k, ok in zip(keys, inside) if ok}
    edges = []
    for (i, j) in sorted(keep):
        for (di, dj) in ((1, 0), (0, 1)):
            k2 = (i + di, j + dj)
            if k2 not in keep:
                continue
            p, q = nodes[(i, j)], nodes[k2]
            arterial = (dj == 0 and art_i(j)) or (di == 0 and art_i(i))
            if crosses_polyline(p, q, d.lake + [d.lake[0]]):
                continue
            edges.append({"a": (i, j), "b": k2, "arterial": arterial, "dir": "u" if dj == 0 else "v"})
    # the river: only three arterial bridges
    river_edges = [e for e in edges if crosses_polyline(nodes[e["a"]], nodes[e["b"]], d.river)]
    art_cross = sorted([e for e in river_edges if e["arterial"]], key=lambda e: e["a"][0])
    bridges = set()
    if art_cross:
        picks = [art_cross[int(len(art_cross) * f)] for f in (0.15, 0.5, 0.85)]
        bridges = {id(e) for e in picks}
    edges = [e for e in edges if id(e) not in {id(x) for x in river_edges} or id(e) in bridges]
    # drop some local edges for an irregular fabric (never below degree 2)
    deg = {}
    for e in edges:
        deg[e["a"]] = deg.get(e["a"], 0) + 1
        deg[e["b"]] = deg.get(e["b"], 0) + 1
    kept = []
    for e in edges:
        if not e["arterial"] and id(e) not in bridges and rng.random() < 0.13 and deg[e["a"]] > 2 and deg[e["b"]] > 2:
            deg[e["a"]] -= 1
            deg[e["b"]] -= 1
            continue
        kept.append(e)
    roads = []
    for e in kept:
        p, q = nodes[e["a"]], nodes[e["b"]]
        r = {"class": "arterial" if e["arterial"] else "local", "lines": [[p, q]]}
        if e["arterial"]:
            line = e["a"][1] if e["dir"] == "u" else e["a"][0]
            names = ARTERIALS_U if e["dir"] == "u" else ARTERIALS_V
            r["name"] = names[(line // 5) % len(names)]
            r["walkable"] = True
        if id(e) in bridges:
            r["class"] = "bridge"
            r["name"] = r["name"] + "桥"
        roads.append(r)
    # an elevated expressway over one arterial, not walkable
    line_j = 5
    pts = [nodes[(i, line_j)] for i in range(-N, N + 1) if (i, line_j) in keep]
    if len(pts) >= 2:
        roads.append({"class": "expressway", "name": "二环线高架", "walkable": False,
                      "lines": [[(x + 8 * -sn, y + 8 * cs) for x, y in pts]]})
    # the lake path: a loop 25 m outside the shore joined to the nearest junction, as a MultiLineString
    lx, ly = np.asarray(d.lake).mean(axis=0)
    loop = []
    for x, y in d.lake:
        dx, dy = x - lx, y - ly
        L = math.hypot(dx, dy)
        loop.append((x + 25 * dx / L, y + 25 * dy / L))
    used = {k for e in kept for k in (e["a"], e["b"])}
    nk = min(used, key=lambda k: math.hypot(nodes[k][0] - lx, nodes[k][1] - ly))
    nx_, ny_ = nodes[nk]
    start = min(range(len(loop)), key=lambda t: math.hypot(loop[t][0] - nx_, loop[t][1] - ny_))
    ring = loop[start:] + loop[:start] + [loop[start]]
    roads.append({"class": "path", "name": "沙湖环湖步道", "walkable": True,
                  "lines": [ring, [loop[start], (nx_, ny_)]]})
    roads.sort(key=lambda r: (r["class"] != "arterial", -round(r["lines"][0][0][1] / 90), r["lines"][0][0][0]))
    for k, r in enumerate(roads):
        r["id"] = f"R{k + 1:04d}"
    return roads


def write_records(out, rng, comms, by_comm):
    """units, secretaries, contacts, ratings, observations — small tables with some shortfalls."""
    cids = [c["id"] for c in comms if by_comm[c["id"]]]
    cname = {c["id"]: c["name"] for c in comms}
    units = []
    def unit(kind, name, staff, workers, members, has_org, cid=None):
        units.append([f"U{len(units) + 1:03d}", kind, staff, name, cid or cids[int(rng.integers(len(cids)))],
                      workers, members, "true" if has_org else "false"])
    agencies = ["区委办公室", "区政府办公室", "区发展和改革局", "区财政局", "区民政局", "区教育局", "区卫生健康局",
                "区市场监督管理局", "区司法局", "区人力资源和社会保障局", "区城市管理执法局", "区住房和城市更新局"]
    for k, nm in enumerate(agencies):
        staff = int(rng.integers(35, 160))
        need = math.ceil(staff * 0.02)
        workers = need + int(rng.integers(0, 2))
        if k == 4:
            staff, workers = 50, 0                      # an agency of 50 staff with no party worker
        if k == 9:
            workers = max(0, need - 1)                  # one short
        unit("agency", nm, staff, workers, int(staff * rng.uniform(0.45, 0.8)), True)
    for s in ["花桥", "惠济", "塔子湖", "永清"]:
        staff = int(rng.integers(60, 110))
        unit("agency", f"{s}街道办事处", staff, math.ceil(staff * 0.02), int(staff * 0.6), True)
    insts = [("区人民医院", 820), ("区中医医院", 430), ("示范区实验中学", 210), ("花桥小学", 96),
             ("惠济路小学", 88), ("区图书馆", 45), ("区疾病预防控制中心", 120), ("区社会福利院", 64)]
    for k, (nm, staff) in enumerate(insts):
        need = math.ceil(staff * 0.02)
        workers = need if k not in (0, 5) else need - (3 if k == 0 else 1)   # the hospital and library fall short
        unit("institution", nm, staff, workers, int(staff * rng.uniform(0.2, 0.45)), True)
    soes = [("区城市建设投资集团", 1240, 9), ("区水务集团", 380, 4), ("区公交客运有限公司", 960, 10),
            ("区国有资产经营公司", 150, 2), ("区粮油储备公司", 70, 1)]
    for nm, staff, workers in soes:
        unit("soe", nm, staff, workers, int(staff * rng.uniform(0.1, 0.25)), True)
    privs = ["汉江物流有限公司", "金桥商贸有限公司", "长江智造科技有限公司", "楚天餐饮管理有限公司",
             "华中软件有限公司", "江城建筑装饰工程有限公司", "鸿发超市连锁有限公司", "百步亭物业服务有限公司",
             "汉口北电子商务有限公司", "塔子湖汽车服务有限公司", "同兴印务有限公司", "大智律师事务所",
             "澳门路心理咨询有限公司", "三阳广告传媒有限公司"]
    for nm in privs:
        staff = int(rng.integers(8, 260))
        members = int(rng.binomial(staff, 0.05))
        unit("non_public", nm, staff, 1 if staff > 200 else 0, members, members >= 3)
    socs = ["示范区社会工作服务中心", "花桥社区志愿者协会", "示范区个体劳动者协会", "惠济老年协会",
            "永清养老服务中心", "示范区律师协会"]
    for nm in socs:
        staff = int(rng.integers(4, 40))
        members = int(rng.integers(0, 6))
        unit("social_org", nm, staff, 0, members, members >= 3 and rng.random() < 0.7)
    write_csv(os.path.join(out, "units.csv"),
              ["id", "kind", "staff", "name", "community_id", "party_workers", "party_members", "has_organization"],
              units)

    # secretaries: one per community; most trained in 2024, a few last in 2023, two never
    rows = []
    for k, c in enumerate(comms):
        r = rng.random()
        if r < 0.72:
            date = f"2024-{int(rng.integers(3, 12)):02d}-{int(rng.integers(1, 29)):02d}"
        elif r < 0.92:
            date = f"2023-{int(rng.integers(3, 12)):02d}-{int(rng.integers(1, 29)):02d}"
        else:
            date = ""
        rows.append([f"S{k + 1:02d}", c["id"], person_name(rng), date])
    write_csv(os.path.join(out, "secretaries.csv"), ["id", "community_id", "name", "last_training_date"], rows)

    # contacts: 9 district standing committee members, 4 street committee members per street, year 2024
    rows = []
    pool = list(cids)
    rng.shuffle(pool)
    for k in range(9):
        days, meet, lect = int(rng.integers(15, 26)), int(rng.integers(2, 4)), 2
        if k == 2:
            days = 14
        if k == 5:
            meet = 1
        if k == 7:
            lect = 1
        rows.append([f"L{k + 1:02d}", person_name(rng), "district_standing", pool[k], 2024, days, meet, lect])
    for s in STREETS:
        members = [c["id"] for c in comms if c["street"] == s and c["id"] in cids]
        for k in range(4):
            days, meet, lect = int(rng.integers(20, 32)), int(rng.integers(2, 5)), int(rng.integers(2, 4))
            if rng.random() < 0.2:
                days = int(rng.integers(10, 20))
            if rng.random() < 0.1:
                lect = 1
            rows.append([f"L{len(rows) + 1:02d}", person_name(rng), "street_committee",
                         members[k % len(members)], 2024, days, meet, lect])
    write_csv(os.path.join(out, "contacts.csv"),
              ["leader_id", "name", "role", "community_id", "year", "days_on_site", "meetings", "lectures"], rows)

    # ratings (2023, 2024) and observation visits (2024) of community party organizations
    rows, obs = [], []
    for c in comms:
        oid = f"O-{c['id']}"
        s23 = int(rng.choice([2, 3, 3, 4, 4, 4, 5]))
        s24 = int(np.clip(s23 + rng.choice([-1, 0, 0, 1]), 1, 5))
        if c["id"] == comms[-1]["id"]:
            s24 = 1                                      # one organization rated 较差
        rows.append([oid, c["id"], 2023, s23])
        rows.append([oid, c["id"], 2024, s24])
        for q in range(4):
            if rng.random() < 0.96:
                m = 3 * q + int(rng.integers(1, 4))
                obs.append([oid, c["id"], f"2024-{m:02d}-{int(rng.integers(1, 29)):02d}"])
    write_csv(os.path.join(out, "ratings.csv"), ["organization_id", "community_id", "year", "stars"], rows)
    write_csv(os.path.join(out, "observations.csv"), ["organization_id", "community_id", "date"], obs)


if __name__ == "__main__":
    main()
