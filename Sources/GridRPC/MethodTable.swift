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
        .make("site", summary: "Siting list for new service centers: maximal coverage, full coverage or p-median.",
              options: SitingOptions.self,
              result: "The `site --format json` document: objective, radius_m, covered before/after, upper bound, sites[].") {
            try $1.site($0)
        },
        .make("grids.plan", summary: "Partition each community's buildings into grids of 300–500 households; `apply` writes the plan.",
              options: GridPlanOptions.self,
              result: "The `grids plan --format json` document: min/max households, grids[], violations[].") {
            try $1.planGrids($0)
        },
        .make("party.plan", summary: "Grid branches, joint branches, party groups and central households on the grids.",
              options: PartyPlanOptions.self, result: "The `party plan --format json` document.") {
            try $1.planParty($0)
        },
        .make("report.party", summary: "Organization and work coverage rates per grid, community and district, with every shortfall.",
              options: PartyPlanOptions.self, result: "The `report party --format json` document (the party plan).") {
            try $1.planParty($0)
        },
        .make("map", summary: "Draw the district as one SVG map (theme area, coverage, grids or sites); written to `out` or returned in `svg`.",
              options: MapOptions.self, result: "{theme, path | svg, communities, buildings, facilities, gaps, grids, sites, working_crs, notes}") {
            try $1.map($0)
        },
        .make("export", summary: "Write every layer and the latest results (area_report, coverage) as GeoJSON, CSV or GeoPackage.",
              options: ExportOptions.self, required: ["format", "out"],
              result: "{format, path, layers: [{name, features, geometry_type, file, crs}], includes_households}") {
            try $1.export($0)
        },
        .make("report.html", summary: "The planning report as one offline HTML page; written to `out` or returned in `html`.",
              options: HTMLReportOptions.self, result: "{path | html, bytes, communities, underserved_communities, coverage_rate, notes}") {
            try $1.htmlReport($0)
        },
        .make("crs.convert", summary: "Convert [x, y] pairs between coordinate systems (PROJ, GCJ-02, BD-09).",
              options: CRSConvertOptions.self, required: ["from", "to", "points"],
              result: "{from, to, points: [[x, y]]} in input order.") {
            try $1.convertCoordinates($0)
        },
    ]
}
