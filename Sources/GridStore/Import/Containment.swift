import GridGeo

/// Finds the area (community) whose polygon contains a point.
///
/// A uniform grid over the areas' bounding boxes: each cell lists the areas whose box
/// overlaps it, so a query tests only a few boxes and then the exact point-in-polygon.
/// - Complexity: build O(n + cells covered); query O(areas in the cell × polygon size).
struct AreaLocator {
    private let areas: [MultiPolygon]
    private let boxes: [BoundingBox]
    private let bounds: BoundingBox
    private let columns: Int, rows: Int
    private let cellWidth: Double, cellHeight: Double
    /// `cells[r * columns + c]`: indices into `areas`, ascending.
    private let cells: [[Int32]]

    /// `areas[i]` nil means the area has no polygon (it is never found).
    init(areas input: [MultiPolygon?]) {
        var areas: [MultiPolygon] = [], boxes: [BoundingBox] = [], ids: [Int] = []
        for (i, a) in input.enumerated() {
            guard let a, !a.polygons.isEmpty else { continue }
            let b = a.boundingBox
            guard !b.isEmpty, b.minX.isFinite, b.maxX.isFinite, b.minY.isFinite, b.maxY.isFinite else { continue }
            areas.append(a); boxes.append(b); ids.append(i)
        }
        self.originalIndex = ids
        self.areas = areas
        self.boxes = boxes
        let bounds = boxes.reduce(BoundingBox.empty) { $0.union($1) }
        self.bounds = bounds
        let side = max(1, min(1024, Int(Double(areas.count).squareRoot() * 2)))
        columns = side; rows = side
        cellWidth = max(bounds.width / Double(side), 1e-12)
        cellHeight = max(bounds.height / Double(side), 1e-12)
        var cells = [[Int32]](repeating: [], count: side * side)
        for (k, b) in boxes.enumerated() {
            let c0 = Self.cell(b.minX, bounds.minX, cellWidth, side), c1 = Self.cell(b.maxX, bounds.minX, cellWidth, side)
            let r0 = Self.cell(b.minY, bounds.minY, cellHeight, side), r1 = Self.cell(b.maxY, bounds.minY, cellHeight, side)
            for r in r0...r1 { for c in c0...c1 { cells[r * side + c].append(Int32(k)) } }
        }
        self.cells = cells
    }

    private let originalIndex: [Int]

    private static func cell(_ v: Double, _ origin: Double, _ size: Double, _ n: Int) -> Int {
        min(n - 1, max(0, Int(((v - origin) / size).rounded(.down))))
    }

    /// Index (into the input array) of the first area containing `p`, or nil.
    func area(containing p: Point) -> Int? {
        guard !areas.isEmpty, bounds.contains(p) else { return nil }
        let c = Self.cell(p.x, bounds.minX, cellWidth, columns), r = Self.cell(p.y, bounds.minY, cellHeight, rows)
        for k in cells[r * columns + c] {
            let i = Int(k)
            if boxes[i].contains(p) && areas[i].contains(p) { return originalIndex[i] }
        }
        return nil
    }
}
