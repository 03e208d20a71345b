import Foundation

/// Plain-text renderings of the store-level results: what an import loaded, what a store
/// holds (`info`), what an export wrote.
public enum StoreSummaryRendering {
    /// The store's layers in the order tables list them.
    public static let layerOrder = [
        "communities", "grids", "buildings", "households", "facilities", "candidates", "roads",
        "units", "secretaries", "contacts", "ratings", "observations"
    ]

    /// A dataset as `info` describes it.
    public struct StoreFacts: Sendable {
        public var path: String
        public var isDemo: Bool
        public var datasetName: String?
        public var sourceCRS: String?
        public var workingCRS: String?
        public var bboxLonLat: [Double]?
        public var households: Int
        public var importedAt: String?
        public var counts: [String: Int]

        public init(
            path: String, isDemo: Bool, datasetName: String?, sourceCRS: String?, workingCRS: String?,
            bboxLonLat: [Double]?, households: Int, importedAt: String?, counts: [String: Int]
        ) {
            self.path = path; self.isDemo = isDemo; self.datasetName = datasetName; self.sourceCRS = sourceCRS
            self.workingCRS = workingCRS; self.bboxLonLat = bboxLonLat; self.households = households
            self.importedAt = importedAt; self.counts = counts
        }
    }

    /// What was imported, where, in which CRSs; then the rows per layer (the three required
    /// layers always, the others when they have rows).
    public static func importTable(
        datasetName: String, store: String, replaced: Bool, sourceCRS: String, workingCRS: String,
        households: Int, seconds: Double, counts: [String: Int]
    ) -> String {
        var t = TextTable(headers: ["layer", "rows"], alignments: [.left, .right])
        for layer in layerOrder where (counts[layer] ?? 0) > 0 || ["communities", "buildings", "facilities"].contains(layer) {
            t.append([layer, String(counts[layer] ?? 0)])
        }
        return """
            imported \(datasetName) into \(store)\(replaced ? " (replaced)" : "")
            source CRS \(sourceCRS); working CRS \(workingCRS); \(households) households; \(String(format: "%.2f", seconds)) s

            """ + t.render()
    }

    /// The store (or demo) facts, then the PROJ installation and the version.
    public static func infoText(_ store: StoreFacts?, projVersion: String, projDatabase: String, gridplanVersion: String)
        -> String
    {
        var lines: [String] = []
        if let s = store {
            lines.append((s.isDemo ? "demo dataset: " : "store: ") + s.path)
            lines.append("dataset: \(s.datasetName ?? "(empty)")")
            lines.append("source CRS: \(s.sourceCRS ?? "-"); working CRS: \(s.workingCRS ?? "-")")
            if let b = s.bboxLonLat {
                lines.append(String(format: "extent (lon/lat): %.6f %.6f – %.6f %.6f", b[0], b[1], b[2], b[3]))
            }
            lines.append("households: \(s.households)")
            if let at = s.importedAt { lines.append("imported at: \(at)") }
            var t = TextTable(headers: ["layer", "rows"], alignments: [.left, .right])
            for layer in layerOrder { t.append([layer, String(s.counts[layer] ?? 0)]) }
            lines.append("")
            lines.append(t.render())
        }
        lines.append("PROJ \(projVersion); proj.db: \(projDatabase)")
        lines.append("gridplan \(gridplanVersion)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One layer an export wrote.
    public struct ExportedLayerRow: Sendable {
        public var name: String, features: Int, geometryType: String?, crs: String?, file: String
        public init(name: String, features: Int, geometryType: String?, crs: String?, file: String) {
            self.name = name; self.features = features; self.geometryType = geometryType; self.crs = crs; self.file = file
        }
    }

    /// "Exported N layers as FORMAT to PATH", then one row per layer.
    public static func exportTable(format: String, path: String, includesHouseholds: Bool, layers: [ExportedLayerRow]) -> String {
        var t = TextTable(
            headers: ["layer", "features", "geometry", "crs", "written to"],
            alignments: [.left, .right, .left, .left, .left])
        for l in layers { t.append([l.name, String(l.features), l.geometryType ?? "none", l.crs ?? "", l.file]) }
        return "Exported \(layers.count) layers as \(format) to \(path)"
            + (includesHouseholds ? " (household rows included)" : "") + "\n" + t.render()
    }
}
