import Foundation
import GridFormats
import GridGeo
import GridModel

/// A layer's coordinates flattened for bulk conversion, with the per-feature counts to rebuild them.
struct LayerCoordinates {
    let geometry: [SourceGeometry]
    let counts: [Int]
    let source: [Point]
    var lonLat: [Point] = []
    var metres: [Point] = []

    init(_ geometry: [SourceGeometry]) {
        self.geometry = geometry
        var flat: [Point] = []
        var counts: [Int] = []
        counts.reserveCapacity(geometry.count)
        for g in geometry {
            let before = flat.count
            g.appendCoordinates(to: &flat)
            counts.append(flat.count - before)
        }
        self.counts = counts
        source = flat
    }

    /// Calls `body(index, lonLatGeometry, metresGeometry)` for each feature that has a geometry.
    func forEachConverted(_ body: (Int, SourceGeometry, SourceGeometry) -> Void) {
        var c1 = 0, c2 = 0
        for (i, g) in geometry.enumerated() {
            if case .none = g { continue }
            let ll = g.rebuilt(from: lonLat, cursor: &c1)
            let m = g.rebuilt(from: metres, cursor: &c2)
            body(i, ll, m)
        }
    }
}
