import GridGeo

/// Grid ids `<community>-G01`, `<community>-G02`, … ordered west→east, north→south.
///
/// The order, precisely (docs/standards.md grid.ids): take each grid's household-weighted centre
/// (the plain mean of its building points when it has no households). Cut the community's
/// north–south extent of these centres into `r` equal row bands, where
/// `r = max(1, round(sqrt(k · height / width)))` for k grids — bands about as tall as a grid is
/// wide (with width or height at least 1 m). Band 0 is the northernmost. Grids are ordered by
/// band (north first), then by x (west first), then by y (north first), then by their smallest
/// building id. Numbers have two digits, more when a community has 100 grids or more.
public enum GridNaming {
    /// The order of `centres` (indices into it) as described above; `tieKeys` break exact ties.
    public static func order(centres: [Point], tieKeys: [String]) -> [Int] {
        let k = centres.count
        guard k > 1 else { return Array(0..<k) }
        let box = BoundingBox(points: centres)
        let width = max(box.width, 1), height = max(box.height, 1)
        let rows = max(1, Int((Double(k) * height / width).squareRoot().rounded()))
        let bandHeight = box.height / Double(rows)
        func band(_ p: Point) -> Int {
            guard bandHeight > 0 else { return 0 }
            return min(rows - 1, max(0, Int((box.maxY - p.y) / bandHeight)))
        }
        let bands = centres.map(band)
        return (0..<k).sorted { a, b in
            if bands[a] != bands[b] { return bands[a] < bands[b] }
            if centres[a].x != centres[b].x { return centres[a].x < centres[b].x }
            if centres[a].y != centres[b].y { return centres[a].y > centres[b].y }
            return tieKeys[a] < tieKeys[b]
        }
    }

    /// The id of the `number`-th grid (1-based) of a community with `total` grids.
    public static func id(community: String, number: Int, total: Int) -> String {
        let digits = max(2, String(max(total, number)).count)
        let s = String(number)
        return community + "-G" + String(repeating: "0", count: max(0, digits - s.count)) + s
    }

    /// The number in an id made by `id(community:number:total:)`, or nil.
    public static func number(of id: String, community: String) -> Int? {
        let prefix = community + "-G"
        guard id.hasPrefix(prefix) else { return nil }
        return Int(id.dropFirst(prefix.count))
    }
}
