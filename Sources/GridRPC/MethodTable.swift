import GridService

/// Every method the server dispatches, each a thin wrapper over the same `ServiceContext`
/// operation the CLI calls.
public enum MethodTable {
    public static let all: [RPCMethod] = [
        .make("import", summary: "Validate and load a dataset folder into the store, all or nothing.",
              options: ImportDatasetOptions.self, required: ["directory"],
              result: "{store, dataset_name, source_crs, working_crs, counts, households, replaced_existing, seconds}") {
            try $1.importDataset($0)
        },
        .make("info", summary: "Counts per layer, working CRS, extent, store path, PROJ version and proj.db path.",
              options: InfoOptions.self, result: "{store: {...}, demo, proj_version, proj_database, gridplan_version}") {
            try $1.info($0)
        },
        .make("report.area", summary: "Facility area per 100 households per community, street and in total.",
              options: AreaReportOptions.self, result: "The `report area --format json` document (data contract §3).") {
            try $1.areaReport($0)
        },
        .make("report.compliance", summary: "Organization compliance checks of the work plan.",
              options: ComplianceOptions.self, result: "The `report compliance --format json` document.") {
            try $1.complianceReport($0)
        },
        .make("coverage", summary: "Nearest counted facility of every building, coverage rates, gap neighbourhoods, accessibility.",
              options: CoverageOptions.self, result: "The `coverage --format json` document (data contract §3).") {
            try $1.coverage($0)
        },
        .make("report.underserved", summary: "Communities and gap neighbourhoods ranked by area deficit, uncovered households and accessibility.",
              options: UnderservedOptions.self, result: "The `report underserved --format json` document.") {
            try $1.underserved($0)
        },
        .make("crs.convert", summary: "Convert [x, y] pairs between coordinate systems (PROJ, GCJ-02, BD-09).",
              options: CRSConvertOptions.self, required: ["from", "to", "points"],
              result: "{from, to, points: [[x, y]]} in input order.") {
            try $1.convertCoordinates($0)
        },
    ]
}
