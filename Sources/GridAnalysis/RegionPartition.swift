import GridGeo

extension GridPartition {
    /// The household-weighted centre of `members` (the plain mean when they have no households).
    static func centre(of members: [Int], points: [Point], households: [Int]) -> Point {
        var sx = 0.0, sy = 0.0, sw = 0.0
        let total = members.reduce(0) { $0 + households[$1] }
        for i in members {
            let weight = total > 0 ? Double(households[i]) : 1
            sx += weight * points[i].x; sy += weight * points[i].y; sw += weight
        }
        return sw > 0 ? Point(sx / sw, sy / sw) : Point(0, 0)
    }

    /// The grid counts for `households` households: feasible counts first, nearest the middle of the bounds.
    static func gridCounts(_ households: Int, minHouseholds: Int, maxHouseholds: Int) -> [Int] {
        guard households > maxHouseholds else { return [1] }
        let fewest = (households + maxHouseholds - 1) / maxHouseholds
        let most = minHouseholds > 0 ? households / minHouseholds : fewest
        if fewest > most { return [fewest] }
        let middle = Double(minHouseholds + maxHouseholds) / 2
        func distanceFromMiddle(_ count: Int) -> Double { abs(Double(households) / Double(count) - middle) }
        return Array(fewest...most).sorted { (distanceFromMiddle($0), $0) < (distanceFromMiddle($1), $1) }
    }

    /// Splits the connected `region` (local indices) into grids: for up to three of the grid
    /// counts `gridCounts` proposes, the split of `method`; the one with the least households
    /// outside the bounds, then the least weighted squared distance to the grid centres, wins.
    static func partitionRegion(
        _ region: [Int], graph: BuildingGraph, pts: [Point], w: [Double], h: [Int],
        minHouseholds: Int, maxHouseholds: Int, method: GridPlanMethod
    ) -> [[Int]] {
        let regionHouseholds = region.reduce(0) { $0 + h[$1] }
        let counts = gridCounts(regionHouseholds, minHouseholds: minHouseholds, maxHouseholds: maxHouseholds)
        if counts == [1] { return [region] }
        var best: (viol: Int, sse: Double, groups: [[Int]])? = nil
        for k in counts.prefix(3) {
            let groups: [[Int]]
            switch method {
            case .hilbertSplit: groups = hilbertSplit(region, k: k, pts: pts, h: h)
            case .regionGrowing:
                var s = GridGrowth(
                    region: region, k: k, graph: graph, pts: pts, w: w, h: h, minHouseholds: minHouseholds,
                    maxHouseholds: maxHouseholds)
                groups = s.solve()
            }
            let viol = groups.reduce(0) { acc, g in
                let x = g.reduce(0) { $0 + h[$1] }; return acc + max(0, minHouseholds - x) + max(0, x - maxHouseholds)
            }
            let sse = groups.reduce(0.0) { acc, g in
                let c = centre(of: g, points: pts, households: h)
                return acc + g.reduce(0.0) { $0 + w[$1] * pts[$1].squaredDistance(to: c) }
            }
            if best == nil || viol < best!.viol || (viol == best!.viol && sse < best!.sse) { best = (viol, sse, groups) }
            if viol == 0 { break }
        }
        return best!.groups
    }

    /// The baseline: Hilbert order cut into k runs of about equal households.
    static func hilbertSplit(_ region: [Int], k: Int, pts: [Point], h: [Int]) -> [[Int]] {
        let box = BoundingBox(points: region.map { pts[$0] })
        let span = max(box.width, box.height, 1e-9)
        let c = box.center
        let order = region.map { (Delaunay.hilbert(Point(pts[$0].x - c.x, pts[$0].y - c.y), span), $0) }.sorted { $0 < $1 }.map(
            \.1)
        let regionHouseholds = region.reduce(0) { $0 + h[$1] }
        var groups = [[Int]](repeating: [], count: k)
        var acc = 0
        for i in order {
            // the run whose share of the region's households the building's middle falls in
            let mid = Double(acc) + Double(h[i]) / 2
            let g = regionHouseholds > 0 ? min(k - 1, Int(mid * Double(k) / Double(regionHouseholds))) : 0
            groups[g].append(i); acc += h[i]
        }
        return groups.filter { !$0.isEmpty }
    }
}
