import Foundation
import GridRender

/// Plain-text renderings of the store-level results (import summary, info).
extension ImportSummary {
    /// A short table: what was imported, where, in which CRSs.
    public var tableText: String {
        var t = TextTable(headers: ["layer", "rows"], alignments: [.left, .right])
        for layer in ImportSummary.layerOrder where (counts[layer] ?? 0) > 0 || ["communities", "buildings", "facilities"].contains(layer) {
            t.append([layer, String(counts[layer] ?? 0)])
        }
        return """
        imported \(datasetName) into \(store)\(replacedExisting ? " (replaced)" : "")
        source CRS \(sourceCRS); working CRS \(workingCRS); \(households) households; \(String(format: "%.2f", seconds)) s

        """ + t.render()
    }

    static let layerOrder = ["communities", "grids", "buildings", "households", "facilities", "candidates", "roads",
                             "units", "secretaries", "contacts", "ratings", "observations"]
}

extension InfoResult {
    public var tableText: String {
        var lines: [String] = []
        if let s = store {
            lines.append((demo ? "demo dataset: " : "store: ") + s.path)
            lines.append("dataset: \(s.datasetName ?? "(empty)")")
            lines.append("source CRS: \(s.sourceCRS ?? "-"); working CRS: \(s.workingCRS ?? "-")")
            if let b = s.bboxLonLat {
                lines.append(String(format: "extent (lon/lat): %.6f %.6f – %.6f %.6f", b[0], b[1], b[2], b[3]))
            }
            lines.append("households: \(s.households)")
            if let at = s.importedAt { lines.append("imported at: \(at)") }
            var t = TextTable(headers: ["layer", "rows"], alignments: [.left, .right])
            for layer in ImportSummary.layerOrder { t.append([layer, String(s.counts[layer] ?? 0)]) }
            lines.append("")
            lines.append(t.render())
        }
        lines.append("PROJ \(projVersion); proj.db: \(projDatabase)")
        lines.append("gridplan \(gridplanVersion)")
        return lines.joined(separator: "\n") + "\n"
    }
}
