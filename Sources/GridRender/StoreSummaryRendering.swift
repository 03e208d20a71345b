import Foundation
import GridLocale

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
        households: Int, seconds: Double, counts: [String: Int], language l: Language = .en
    ) -> String {
        var t = layerTable(l)
        for layer in layerOrder where (counts[layer] ?? 0) > 0 || ["communities", "buildings", "facilities"].contains(layer) {
            t.append([layerName(layer, l), String(counts[layer] ?? 0)])
        }
        return l.tr(replaced ? "import.done_replaced" : "import.done", ["dataset": datasetName, "store": store]) + "\n"
            + l.tr(
                "import.crs",
                [
                    "source": sourceCRS, "working": workingCRS, "households": String(households),
                    "seconds": String(format: "%.2f", seconds)
                ]) + "\n\n" + t.render()
    }

    /// The layer / rows table.
    static func layerTable(_ l: Language) -> TextTable {
        TextTable(headers: [l.tr("table.store.column.layer"), l.tr("table.store.column.rows")], alignments: [.left, .right])
    }

    /// A layer's name: the store's table name, in Chinese with the Chinese name beside it.
    public static func layerName(_ layer: String, _ l: Language) -> String {
        l == .en || !Catalogue.has("layer.\(layer)") ? layer : "\(l.tr("layer.\(layer)")) \(layer)"
    }

    /// The store (or demo) facts, then the PROJ installation and the version.
    public static func infoText(
        _ store: StoreFacts?, projVersion: String, projDatabase: String, gridplanVersion: String, language l: Language = .en
    ) -> String {
        var lines: [String] = []
        if let s = store {
            lines.append(l.tr(s.isDemo ? "info.demo" : "info.store", ["path": s.path]))
            lines.append(l.tr("info.dataset", ["name": s.datasetName ?? l.tr("info.empty")]))
            lines.append(l.tr("info.crs", ["source": s.sourceCRS ?? "-", "working": s.workingCRS ?? "-"]))
            if let b = s.bboxLonLat {
                lines.append(
                    l.tr("info.extent", ["extent": String(format: "%.6f %.6f – %.6f %.6f", b[0], b[1], b[2], b[3])]))
            }
            lines.append(l.tr("info.households", ["households": String(s.households)]))
            if let at = s.importedAt { lines.append(l.tr("info.imported_at", ["at": at])) }
            var t = layerTable(l)
            for layer in layerOrder { t.append([layerName(layer, l), String(s.counts[layer] ?? 0)]) }
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
    public static func exportTable(
        format: String, path: String, includesHouseholds: Bool, layers: [ExportedLayerRow], language l: Language = .en
    ) -> String {
        var t = TextTable(
            headers: ["layer", "features", "geometry", "crs", "written_to"].map { l.tr("table.store.column.\($0)") },
            alignments: [.left, .right, .left, .left, .left])
        for x in layers {
            t.append([
                layerName(x.name, l), String(x.features), x.geometryType ?? l.tr("table.store.no_geometry"), x.crs ?? "", x.file
            ])
        }
        return l.tr(
            includesHouseholds ? "export.done_households" : "export.done",
            ["count": String(layers.count), "format": format, "path": path]) + "\n" + t.render()
    }
}
