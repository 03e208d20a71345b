import Foundation
import GridLocale
import GridRender

/// The plain-text renderings of the store-level results, drawn by GridRender's `StoreSummaryRendering`.
extension ImportSummary {
    /// A short table: what was imported, where, in which CRSs.
    public func tableText(_ language: Language = .en) -> String {
        if let dryRun {
            return language.tr("import.dry_run", ["dataset": datasetName]) + "\n" + dryRun.tableText(language)
        }
        return StoreSummaryRendering.importTable(
            datasetName: datasetName, store: store, replaced: replacedExisting, sourceCRS: sourceCRS,
            workingCRS: workingCRS, households: households, seconds: seconds, counts: counts, language: language)
    }
}

extension InfoResult {
    /// The store, the PROJ installation and the version, as `gridplan info` prints them.
    public func tableText(_ language: Language = .en) -> String {
        StoreSummaryRendering.infoText(
            store.map { s in
                StoreSummaryRendering.StoreFacts(
                    path: s.path, isDemo: demo, datasetName: s.datasetName, sourceCRS: s.sourceCRS,
                    workingCRS: s.workingCRS, bboxLonLat: s.bboxLonLat, households: s.households,
                    importedAt: s.importedAt, counts: s.counts)
            }, projVersion: projVersion, projDatabase: projDatabase, gridplanVersion: gridplanVersion, language: language)
    }
}

extension ExportResult {
    /// What was written, one row per layer, as `gridplan export` prints it.
    public func tableText(_ language: Language = .en) -> String {
        StoreSummaryRendering.exportTable(
            format: format.rawValue, path: path, includesHouseholds: includesHouseholds,
            layers: layers.map {
                StoreSummaryRendering.ExportedLayerRow(
                    name: $0.name, features: $0.features, geometryType: $0.geometryType,
                    crs: $0.crs, file: $0.file)
            }, language: language)
    }
}
