#!/usr/bin/env python3
"""Independent check of a gridplan dataset folder (the demo by default): numpy only.

    python3 Tools/check_demo.py [GeoData/demo] [--radius 500] [--standard 30]

Re-reads the GeoJSON/CSV files of the dataset format (docs/data-format.md) and prints what a planner looks at:
households, party members, the 30 m² per 100 households area standard per community
(party_mass_center / party_mass_station always count, other kinds only when `embedded`),
the share of buildings and households within the radius of a counted facility (straight
line in a local equirectangular projection; also with street-level facilities reaching
1,000 m), a walking-network estimate, grids, and the record tables. It shares no code with
gendemo.py or gridplan, so the Swift reports can be compared against it.
"""
import argparse
import csv
import heapq
import json
import math
import os
import sys
from collections import Counter, defaultdict

import numpy as np

R = 6378137.0


def read_geojson(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["features"]


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class Local:
    """Equirectangular projection around the dataset's centre, metres."""
    def __init__(self, lon0, lat0):
        self.lon0, self.lat0 = lon0, lat0
        self.kx = math.pi / 180 * R * math.cos(math.radians(lat0))
        self.ky = math.pi / 180 * R

    def xy(self, lon, lat):
        return ((np.asarray(lon, float) - self.lon0) * self.kx, (np.asarray(lat, float) - self.lat0) * self.ky)

    def ring(self, coords):
        a = np.asarray(coords, float)
        x, y = self.xy(a[:, 0], a[:, 1])
        return np.column_stack([x, y])


def polygons_of(geom):
    if geom is None:
        return []
    if geom["type"] == "Polygon":
        return [geom["coordinates"]]
    if geom["type"] == "MultiPolygon":
        return geom["coordinates"]
    return []


def ring_area(r):
    x, y = r[:, 0], r[:, 1]
    return 0.5 * float(np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y))


def centroid(ring):
    """Area centroid of a closed ring (first point repeated or not)."""
    r = ring[:-1] if np.allclose(ring[0], ring[-1]) else ring
    x, y = r[:, 0], r[:, 1]
    x2, y2 = np.roll(x, -1), np.roll(y, -1)
    cr = x * y2 - x2 * y
    a = cr.sum() / 2
    return float(((x + x2) * cr).sum() / (6 * a)), float(((y + y2) * cr).sum() / (6 * a))


def in_ring(px, py, ring):
    x1, y1 = ring[:, 0], ring[:, 1]
    x2, y2 = np.roll(x1, -1), np.roll(y1, -1)
    px = np.atleast_1d(px)[:, None]
    py = np.atleast_1d(py)[:, None]
    cond = (y1 > py) != (y2 > py)
    with np.errstate(divide="ignore", invalid="ignore"):
        xi = x1 + (py - y1) * (x2 - x1) / (y2 - y1)
    return (np.sum(cond & (px < xi), axis=1) % 2) == 1


def in_polys(px, py, polys):
    res = np.zeros(len(np.atleast_1d(px)), bool)
    for rings in polys:
        inside = in_ring(px, py, rings[0])
        for h in rings[1:]:
            inside &= ~in_ring(px, py, h)
        res |= inside
    return res


def point_of(geom, loc):
    """(x, y) of a Point, or the area centroid of a Polygon's outer ring."""
    if geom["type"] == "Point":
        x, y = loc.xy(*geom["coordinates"][:2])
        return float(x), float(y)
    return centroid(loc.ring(polygons_of(geom)[0][0]))


def pad(text, width):
    """Left-align text to a display width (CJK characters take two columns)."""
    w = sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
    return text + " " * max(0, width - w)


def truthy(v):
    if isinstance(v, bool):
        return v
    return str(v).strip().lower() in ("true", "1", "yes")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", "GeoData", "demo"))
    ap.add_argument("--radius", type=float, default=500)
    ap.add_argument("--street-reach", type=float, default=1000)
    ap.add_argument("--standard", type=float, default=30)
    args = ap.parse_args()
    D = args.dir
    problems = []

    comm_f = read_geojson(os.path.join(D, "communities.geojson"))
    bld_f = read_geojson(os.path.join(D, "buildings.geojson"))
    fac_f = read_geojson(os.path.join(D, "facilities.geojson"))
    allc = np.array([p for f in comm_f for poly in polygons_of(f["geometry"]) for r in poly for p in r], float)
    loc = Local((allc[:, 0].min() + allc[:, 0].max()) / 2, (allc[:, 1].min() + allc[:, 1].max()) / 2)
    with open(os.path.join(D, "dataset.json"), encoding="utf-8") as f:
        meta = json.load(f)
    print(f"dataset: {meta.get('name')}  crs {meta.get('crs')}  centre {loc.lon0:.4f}E {loc.lat0:.4f}N")

    # ---- communities
    comms = {}
    for f in comm_f:
        p = f["properties"]
        polys = [[loc.ring(r) for r in poly] for poly in polygons_of(f["geometry"])]
        area = sum(abs(ring_area(rs[0])) - sum(abs(ring_area(h)) for h in rs[1:]) for rs in polys)
        comms[p["id"]] = {"name": p.get("name", ""), "street": p.get("street", ""), "kind": p.get("kind", ""),
                          "polys": polys, "area": area, "type": f["geometry"]["type"],
                          "holes": sum(len(rs) - 1 for rs in polys)}
    if len(comms) != len(comm_f):
        problems.append("duplicate community ids")
    # tiling: no point of a 60 m lattice lies in two communities
    xs = np.arange(allc[:, 0].min(), allc[:, 0].max(), 60 / loc.kx)
    ys = np.arange(allc[:, 1].min(), allc[:, 1].max(), 60 / loc.ky)
    gx, gy = np.meshgrid((xs - loc.lon0) * loc.kx, (ys - loc.lat0) * loc.ky)
    gx, gy = gx.ravel(), gy.ravel()
    mult = sum(in_polys(gx, gy, c["polys"]).astype(int) for c in comms.values())
    if (mult > 1).any():
        problems.append(f"{int((mult > 1).sum())} lattice points lie in two communities")

    def containing(x, y):
        hits = [cid for cid, c in comms.items() if in_polys(np.array([x]), np.array([y]), c["polys"])[0]]
        return hits

    # ---- buildings
    bl = []
    for i, f in enumerate(bld_f):
        p = f["properties"]
        x, y = point_of(f["geometry"], loc)
        hits = containing(x, y)
        cid = p.get("community_id")
        if cid is None:
            if len(hits) != 1:
                problems.append(f"building {p['id']} without community_id lies in {hits}")
            cid = hits[0] if hits else None
        elif hits != [cid]:
            problems.append(f"building {p['id']} names {cid} but lies in {hits}")
        bl.append({"id": p["id"], "cid": cid, "gid": p.get("grid_id"), "x": x, "y": y,
                   "hh": int(p["households"]), "res": int(p.get("residents") or 0),
                   "pm": int(p.get("party_members") or 0), "prob": int(p.get("probationary_members") or 0),
                   "poly": f["geometry"]["type"] == "Polygon", "compound": p.get("compound")})
    ids = Counter(b["id"] for b in bl)
    if max(ids.values()) > 1:
        problems.append("duplicate building ids")
    bx = np.array([b["x"] for b in bl])
    by = np.array([b["y"] for b in bl])
    bhh = np.array([b["hh"] for b in bl])

    # households.csv agreement
    hpath = os.path.join(D, "households.csv")
    if os.path.exists(hpath):
        hrows = read_csv(hpath)
        hh_by_b, pm_by_b = Counter(), Counter()
        for r in hrows:
            hh_by_b[r["building_id"]] += 1
            pm_by_b[r["building_id"]] += int(r.get("party_members") or 0)
        bad = [b["id"] for b in bl if hh_by_b[b["id"]] != b["hh"] or pm_by_b[b["id"]] != b["pm"]]
        if len(Counter(r["id"] for r in hrows)) != len(hrows):
            problems.append("duplicate household ids")
        if bad:
            problems.append(f"{len(bad)} buildings disagree with households.csv (first {bad[0]})")
        print(f"households.csv: {len(hrows)} rows, agrees with buildings: {'yes' if not bad else 'NO'}")

    tot_hh = int(bhh.sum())
    tot_res = sum(b["res"] for b in bl)
    tot_pm = sum(b["pm"] for b in bl)
    tot_prob = sum(b["prob"] for b in bl)
    print(f"communities {len(comms)} in {len(set(c['street'] for c in comms.values()))} streets "
          f"({', '.join(f'{k} {v}' for k, v in sorted(Counter(c['kind'] for c in comms.values()).items()))}); "
          f"MultiPolygon {sum(c['type'] == 'MultiPolygon' for c in comms.values())}, "
          f"with holes {sum(c['holes'] > 0 for c in comms.values())}; "
          f"area {sum(c['area'] for c in comms.values()) / 1e6:.2f} km²")
    print(f"buildings {len(bl)} ({sum(b['poly'] for b in bl)} footprints, {sum(not b['poly'] for b in bl)} points; "
          f"{len(set(b['compound'] for b in bl))} compounds); households {tot_hh}; residents {tot_res}; "
          f"party members {tot_pm} formal ({tot_pm / max(tot_res, 1):.2%} of residents) + {tot_prob} probationary")
    big = sorted((b for b in bl if b["hh"] > 500), key=lambda b: -b["hh"])
    big_txt = ", ".join("%s %d" % (b["id"], b["hh"]) for b in big)
    print(f"buildings above 500 households: {len(big)} ({big_txt})")
    c_hh = defaultdict(int)
    for b in bl:
        c_hh[b["cid"]] += b["hh"]
    small = sorted((cid for cid in comms if c_hh[cid] < 300), key=lambda c: c_hh[c])
    small_txt = ", ".join("%s %s %d" % (c, comms[c]["name"], c_hh[c]) for c in small) or "none"
    print(f"communities under 300 households: {small_txt}")

    # ---- facilities and the area standard
    fl = []
    for f in fac_f:
        p = f["properties"]
        x, y = point_of(f["geometry"], loc)
        cid = p.get("community_id")
        if cid is None:
            hits = containing(x, y)
            cid = hits[0] if hits else None
        if cid is not None and cid in comms:
            hits = containing(x, y)
            if hits and hits != [cid]:
                problems.append(f"facility {p['id']} names {cid} but lies in {hits}")
        kind = p["kind"]
        counted = kind in ("party_mass_center", "party_mass_station") or truthy(p.get("embedded", False))
        fl.append({"id": p["id"], "kind": kind, "area": float(p["usable_area_m2"]), "cid": cid, "x": x, "y": y,
                   "level": p.get("level"), "counted": counted, "embedded": truthy(p.get("embedded", False))})
    kinds = Counter(f["kind"] for f in fl)
    print(f"facilities {len(fl)} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}); "
          f"counted {sum(f['counted'] for f in fl)} (embedded others {sum(f['counted'] and f['kind'] not in ('party_mass_center', 'party_mass_station') for f in fl)}); "
          f"street level {sum(f['level'] == 'street' for f in fl)}; outside every community "
          f"{sum(f['cid'] is None for f in fl)}")
    area = defaultdict(float)
    for f in fl:
        if f["counted"] and f["cid"]:
            area[f["cid"]] += f["area"]
    print()
    print(f"Area standard: {args.standard:g} m² usable per 100 households (counted: party_mass_center, "
          f"party_mass_station; other kinds when embedded)")
    print(f"{'id':<4} {'community':<12} {'street':<10} {'kind':<13} {'hh':>6} {'area m2':>8} {'per100':>7} "
          f"{'need m2':>8} {'deficit':>8}  ok")
    short = 0
    tot_area = tot_def = tot_need = 0.0
    for cid in sorted(comms):
        c = comms[cid]
        h = c_hh[cid]
        a = area[cid]
        need = h * args.standard / 100
        per = a / h * 100 if h else 0.0
        deficit = max(0.0, need - a)
        ok = a >= need
        short += not ok
        tot_area += a
        tot_need += need
        tot_def += deficit
        print(f"{cid:<4} {pad(c['name'], 12)} {pad(c['street'], 10)} {c['kind']:<13} {h:>6} {a:>8.0f} {per:>7.2f} {need:>8.1f} "
              f"{deficit:>8.1f}  {'yes' if ok else 'NO'}")
    print(f"total: households {tot_hh}, counted area {tot_area:.0f} m², {tot_area / tot_hh * 100:.2f} m²/100 hh, "
          f"required {tot_need:.1f} m², deficit {tot_def:.1f} m²; communities short of the standard: "
          f"{short} of {len(comms)}")

    # ---- coverage, straight line
    cf = [f for f in fl if f["counted"]]
    fx = np.array([f["x"] for f in cf])
    fy = np.array([f["y"] for f in cf])
    dist = np.hypot(bx[:, None] - fx[None], by[:, None] - fy[None])
    dmin = dist.min(axis=1)
    reach = np.array([max(args.street_reach, args.radius) if f["level"] == "street" else args.radius for f in cf])
    cov_plain = dmin <= args.radius
    cov_reach = (dist <= reach[None]).any(axis=1)
    print()
    print(f"Coverage (straight line, {len(cf)} counted facilities):")
    print(f"  within {args.radius:g} m of any counted facility: buildings {cov_plain.sum()}/{len(bl)} "
          f"({cov_plain.mean():.2%}), households {bhh[cov_plain].sum()}/{tot_hh} ({bhh[cov_plain].sum() / tot_hh:.2%})")
    print(f"  street-level facilities reaching {args.street_reach:g} m: buildings {cov_reach.sum()}/{len(bl)} "
          f"({cov_reach.mean():.2%}), households {bhh[cov_reach].sum()}/{tot_hh} ({bhh[cov_reach].sum() / tot_hh:.2%})")
    print(f"  farthest building {bl[int(dmin.argmax())]['id']} at {dmin.max():.0f} m; median nearest distance "
          f"{np.median(dmin):.0f} m")
    uncovered = defaultdict(int)
    for b, ok in zip(bl, cov_reach):
        if not ok:
            uncovered[b["cid"]] += b["hh"]
    print("  uncovered households by community (street reach): "
          + (", ".join(f"{c} {h}" for c, h in sorted(uncovered.items())) or "none"))
    per_c = []
    for cid in sorted(comms):
        m = np.array([b["cid"] == cid for b in bl])
        if m.any():
            per_c.append((cid, bhh[m & cov_reach].sum() / bhh[m].sum()))
    print("  per-community household coverage (street reach): " + ", ".join(f"{c} {r:.0%}" for c, r in per_c))

    # ---- walking network (optional roads.geojson)
    rpath = os.path.join(D, "roads.geojson")
    if os.path.exists(rpath):
        network(rpath, loc, bl, bx, by, bhh, cf, args.radius, cov_plain)

    # ---- grids
    gpath = os.path.join(D, "grids.geojson")
    if os.path.exists(gpath):
        gf = read_geojson(gpath)
        g_hh = defaultdict(int)
        for b in bl:
            if b["gid"]:
                g_hh[b["gid"]] += b["hh"]
        outside = 0
        for f in gf:
            polys = [[loc.ring(r) for r in poly] for poly in polygons_of(f["geometry"])]
            mine = [b for b in bl if b["gid"] == f["properties"]["id"]]
            if mine:
                inside = in_polys(np.array([b["x"] for b in mine]), np.array([b["y"] for b in mine]), polys)
                outside += int((~inside).sum())
        gids = [f["properties"]["id"] for f in gf]
        hs = [g_hh[g] for g in gids]
        print()
        print(f"grids {len(gf)} in {len(set(f['properties']['community_id'] for f in gf))} communities; households "
              f"per grid min {min(hs)} median {int(np.median(hs))} max {max(hs)}; in 300–500: "
              f"{sum(300 <= h <= 500 for h in hs)}, above 500: {', '.join(f'{g} {h}' for g, h in zip(gids, hs) if h > 500) or 'none'}, "
              f"below 300: {sum(h < 300 for h in hs)}; buildings outside their grid polygon: {outside}; "
              f"buildings with grid_id {sum(1 for b in bl if b['gid'])}")

    # ---- candidates and records
    cpath = os.path.join(D, "candidates.csv")
    if os.path.exists(cpath):
        cr = read_csv(cpath)
        print(f"candidates {len(cr)} ({', '.join(f'{k} {v}' for k, v in sorted(Counter(r['kind'] for r in cr).items()))})")
    records(D, comms)

    print()
    if problems:
        print(f"PROBLEMS ({len(problems)}):")
        for p in problems[:30]:
            print("  " + p)
        sys.exit(1)
    print("consistency: ok (ids unique, communities do not overlap, every building and facility in the "
          "community it names, households.csv agrees)")


def network(path, loc, bl, bx, by, bhh, cf, radius, cov_plain):
    """Walking distance: buildings and facilities join the nearest point of the nearest walkable
    segment; Dijkstra over segment endpoints (exact coordinates are junctions)."""
    feats = read_geojson(path)
    node_id = {}
    segs = []
    walk_feats = 0
    for f in feats:
        if f["properties"].get("walkable") is False:
            continue
        walk_feats += 1
        g = f["geometry"]
        lines = g["coordinates"] if g["type"] == "MultiLineString" else [g["coordinates"]]
        for line in lines:
            for a, b in zip(line[:-1], line[1:]):
                ka, kb = (round(a[0], 7), round(a[1], 7)), (round(b[0], 7), round(b[1], 7))
                for k in (ka, kb):
                    if k not in node_id:
                        node_id[k] = len(node_id)
                segs.append((node_id[ka], node_id[kb]))
    keys = list(node_id)
    nxy = np.array([loc.xy(k[0], k[1]) for k in keys], float)
    S = np.array(segs)
    A, B = nxy[S[:, 0]], nxy[S[:, 1]]
    L = np.hypot(*(B - A).T)
    adj = defaultdict(list)
    for (u, v), l in zip(segs, L):
        adj[u].append((v, l))
        adj[v].append((u, l))
    # components
    comp = [-1] * len(keys)
    nc = 0
    for s in range(len(keys)):
        if comp[s] >= 0:
            continue
        stack = [s]
        comp[s] = nc
        while stack:
            u = stack.pop()
            for v, _ in adj[u]:
                if comp[v] < 0:
                    comp[v] = nc
                    stack.append(v)
        nc += 1

    def snap(px, py):
        d = B - A
        L2 = np.maximum((d ** 2).sum(1), 1e-12)
        out = []
        for x, y in zip(px, py):
            t = np.clip(((x - A[:, 0]) * d[:, 0] + (y - A[:, 1]) * d[:, 1]) / L2, 0, 1)
            qx, qy = A[:, 0] + t * d[:, 0], A[:, 1] + t * d[:, 1]
            off = np.hypot(x - qx, y - qy)
            s = int(off.argmin())
            out.append((s, float(t[s]), float(off[s])))
        return out

    fsn = snap([f["x"] for f in cf], [f["y"] for f in cf])
    dist = [math.inf] * len(keys)
    heap = []
    for s, t, off in fsn:
        u, v = segs[s]
        for node, dd in ((u, off + t * L[s]), (v, off + (1 - t) * L[s])):
            if dd < dist[node]:
                dist[node] = dd
                heapq.heappush(heap, (dd, node))
    while heap:
        dd, u = heapq.heappop(heap)
        if dd > dist[u]:
            continue
        for v, l in adj[u]:
            if dd + l < dist[v]:
                dist[v] = dd + l
                heapq.heappush(heap, (dd + l, v))
    fac_on_seg = defaultdict(list)
    for s, t, off in fsn:
        fac_on_seg[s].append((t, off))
    bsn = snap(bx, by)
    wd = np.empty(len(bl))
    for i, (s, t, off) in enumerate(bsn):
        u, v = segs[s]
        best = min(dist[u] + t * L[s], dist[v] + (1 - t) * L[s])
        for ft, foff in fac_on_seg.get(s, ()):
            best = min(best, foff + abs(ft - t) * L[s])
        wd[i] = off + best
    cov_net = wd <= radius
    detour = cov_plain & ~cov_net
    print()
    print(f"Walking network: {walk_feats} walkable road features, {len(segs)} segments, {len(keys)} junctions, "
          f"{nc} connected component(s), {L.sum() / 1000:.1f} km")
    print(f"  within {radius:g} m on foot of a counted facility: buildings {cov_net.sum()}/{len(bl)} "
          f"({cov_net.mean():.2%}), households {bhh[cov_net].sum()} ({bhh[cov_net].sum() / bhh.sum():.2%})")
    print(f"  within {radius:g} m in a straight line but not on foot: {detour.sum()} buildings, "
          f"{bhh[detour].sum()} households")
    worst = [int(i) for i in np.argsort(-np.where(detour, wd, -1))[:5] if detour[i]]
    if worst:
        print("  largest detours: " + ", ".join("%s %.0f m on foot" % (bl[i]["id"], wd[i]) for i in worst))


def records(D, comms):
    def opt(name):
        p = os.path.join(D, name)
        return read_csv(p) if os.path.exists(p) else None
    units = opt("units.csv")
    if units:
        short = []
        for u in units:
            staff, w = int(u["staff"]), int(u.get("party_workers") or 0)
            need = {"agency": 0.02, "institution": 0.02, "soe": 0.01}.get(u["kind"])
            if need is not None and w < staff * need:
                short.append(f"{u['id']} {u['name']} {w}/{staff}")
        noorg = [u for u in units if u.get("has_organization", "").lower() == "false"]
        print(f"units {len(units)} ({', '.join(f'{k} {v}' for k, v in sorted(Counter(u['kind'] for u in units).items()))}); "
              f"short of party workers (2% agencies/institutions, 1% SOEs): {len(short)} ({'; '.join(short)}); "
              f"without an organization: {len(noorg)}")
    sec = opt("secretaries.csv")
    if sec:
        missed = [s for s in sec if not s["last_training_date"].startswith("2024")]
        print(f"secretaries {len(sec)}; not trained in 2024: {len(missed)} "
              f"({', '.join(s['community_id'] + ('' if s['last_training_date'] else ' never') for s in missed)})")
    con = opt("contacts.csv")
    if con:
        bad = []
        for c in con:
            days, meet, lect = (15, 2, 2) if c["role"] == "district_standing" else (20, 2, 2)
            if int(c["days_on_site"]) < days or int(c["meetings"]) < meet or int(c["lectures"]) < lect:
                bad.append(f"{c['leader_id']} {c['days_on_site']}d/{c['meetings']}m/{c['lectures']}l")
        print(f"contacts {len(con)} ({', '.join(f'{k} {v}' for k, v in sorted(Counter(c['role'] for c in con).items()))}); "
              f"short: {len(bad)} ({', '.join(bad)})")
    rat = opt("ratings.csv")
    if rat:
        dist = Counter((r["year"], int(r["stars"])) for r in rat)
        years = sorted(set(r["year"] for r in rat))
        print("ratings: " + "; ".join(f"{y}: " + " ".join(f"{s}★ {dist[(y, s)]}" for s in range(5, 0, -1)) for y in years))
    obs = opt("observations.csv")
    if obs:
        q = defaultdict(set)
        for o in obs:
            q[o["organization_id"]].add((int(o["date"][5:7]) - 1) // 3)
        orgs = set(r["organization_id"] for r in (rat or [])) | set(q)
        missing = sorted(o for o in orgs if len(q[o]) < 4)
        print(f"observations {len(obs)}; organizations missing a quarter in 2024: {len(missing)}")


if __name__ == "__main__":
    main()
