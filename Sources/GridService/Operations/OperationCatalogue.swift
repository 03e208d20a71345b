import GridAnalysis
import GridRender

/// Every operation gridplan offers, declared once; the CLI's commands, the JSON-RPC method
/// table, `rpc.discover` and the tools' JSON Schemas are derived from this list.
public enum OperationCatalogue {
    /// Command groups: their words and summaries (for the CLI's help).
    public static let groups: [(path: [String], summary: String)] = [
        (["crs"], "Coordinate reference system tools."),
        (["report"], "Reports against the work plan's standards."),
        (["grids"], "Grids (网格) of 300–500 households inside each community."),
        (["party"], "The party organization network: grid branches, building party groups, central households."),
        (["scenario"], "What-if scenarios (方案): edits of the facility layer, evaluated, saved, compared and applied.")
    ]

    /// The operations, in the order the CLI's help lists them.
    public static let all: [OperationDeclaration] =
        [
            importDataset, inspect, info, crsConvert, coverage, site, reportArea, reportCompliance, reportUnderserved,
            reportParty,
            reportHTML, map, export, gridsPlan, partyPlan
        ] + scenarioOperations

    /// The operation with this JSON-RPC method name.
    public static func operation(method: String) -> OperationDeclaration? { all.first { $0.method == method } }

    static let tableAndJSON: [OutputFormat] = [.table, .json]
    static let everyFormat: [OutputFormat] = [.table, .json, .csv, .geojson, .xlsx]

    static let importDataset = OperationDeclaration(
        method: "import", command: ["import"],
        summary: "Validate and load a dataset folder (GeoJSON/CSV, any CRS) into the store, all or nothing.",
        discussion: """
            Every problem in the dataset is reported as FILE:LOCATION: FIELD: problem (expected); the first 50 are \
            printed, then a count, and the store is left exactly as it was (exit 65).
            """,
        options: ImportDatasetOptions.self, formats: tableAndJSON,
        result: "{store, dataset_name, source_crs, working_crs, counts, households, replaced_existing, seconds}",
        effect: .writes(previewFlag: "dry_run"),
        run: { try $1.importDataset($0) },
        render: { r, format, context in OperationOutput(format == .json ? .json(r) : .text(r.tableText(context.language))) })

    static let inspect = OperationDeclaration(
        method: "inspect", command: ["inspect"],
        summary:
            "Read and validate a dataset folder without a store: each layer's file, driver, encoding, CRS, features and columns.",
        discussion: """
            Reads GeoJSON/CSV and planners' Shapefile, GeoPackage, KML, FileGDB and XLSX files as import does, \
            reports which column became which field, and lists every problem import would report.
            """,
        options: InspectOptions.self, formats: tableAndJSON,
        result:
            "{layers: [{entity, file, layer, driver, encoding, crs, feature_count, columns}], problems, total_problems, valid}",
        run: { try $1.inspectDataset($0) },
        render: { r, format, context in OperationOutput(format == .json ? .json(r) : .text(r.tableText(context.language))) })

    static let info = OperationDeclaration(
        method: "info", command: ["info"],
        summary: "Counts per layer, working CRS, extent, store path, PROJ version and proj.db path.",
        options: InfoOptions.self, formats: tableAndJSON,
        result: "{store: {...}, demo, proj_version, proj_database, gridplan_version}",
        run: { try $1.info($0) },
        render: { r, format, context in OperationOutput(format == .json ? .json(r) : .text(r.tableText(context.language))) })

    static let crsConvert = OperationDeclaration(
        method: "crs.convert", command: [],
        summary: "Convert [x, y] pairs between coordinate systems (PROJ, GCJ-02, BD-09).",
        options: CRSConvertOptions.self, result: "{from, to, points: [[x, y]]} in input order.",
        run: { try $1.convertCoordinates($0) })

    static let coverage = OperationDeclaration(
        method: "coverage", command: ["coverage"],
        summary: "Distance from every building to the nearest counted facility, coverage rates and gap neighbourhoods.",
        discussion: """
            A building is covered when some counted facility reaches it: street-level facilities reach the \
            15-minute circle (1,000 m), the others the radius. Distances are straight lines in the working CRS, \
            or along the walking network with --network (access legs to the network included).
            """,
        options: CoverageOptions.self, formats: everyFormat,
        result: "The `coverage --format json` document (docs/data-format.md).",
        run: { try $1.coverage($0) },
        render: OperationOutput.rendering(
            table: { CoverageRendering.table($0, maxGaps: 20, $1) }, csv: CoverageRendering.csv,
            geojson: { r, _ in CoverageRendering.geojson(r) }))

    static let site = OperationDeclaration(
        method: "site", command: ["site"],
        summary: "Siting list for new party-mass service centers.",
        discussion: """
            Existing counted facilities count as already covering (street-level ones reach 1,000 m). \
            Objectives: cover (the K sites bringing the most uncovered households within reach), all (the \
            fewest sites reaching every building some candidate reaches; the others are listed), distance \
            (the K sites minimizing household-weighted distance to the nearest center). Lazy greedy, vertex swaps, \
            then (cover) a seeded ruin-and-recreate search within a work budget scaled to the instance; \
            upper_bound_households (cover) and lower_bound_weighted_distance_m (distance) are proven bounds \
            (Lagrangian relaxation), optimality_gap and proven_optimal say how far the plan can be from the best. \
            Each site's recommended usable area is area.per100 / 100 m² per household \
            newly covered, or --min-area when larger.
            """,
        options: SitingOptions.self, formats: everyFormat,
        result: "The `site --format json` document: objective, radius_m, covered before/after, upper bound, sites[].",
        run: { try $1.site($0) },
        render: OperationOutput.rendering(
            table: SitingRendering.table, csv: SitingRendering.csv,
            geojson: { r, _ in SitingRendering.geojson(r) }))

    static let reportArea = OperationDeclaration(
        method: "report.area", command: ["report", "area"],
        summary: "Facility area per 100 households per community, street and in total, with deficits.",
        discussion: """
            Applies area.per100 of the standards file (30 m² of usable area per 100 households) unless \
            --standard gives another value (80: the aspiration rule area.per100.aspiration). Counted: \
            party_mass_center and party_mass_station always, other kinds when embedded is true; with \
            --count-kinds exactly the kinds listed. A facility's area belongs to its community \
            (--allocate community), or is shared among the communities in proportion to the households \
            within its reach (--allocate reach: street-level facilities 1,000 m, others --radius); a \
            facility with no households in reach keeps its area in its own community. Facilities outside \
            every community are reported as unallocated. Communities are sorted by deficit; the deficit \
            of a street and of the total is the sum of their communities' deficits.
            """,
        options: AreaReportOptions.self, formats: everyFormat,
        result: "The `report area --format json` document (docs/data-format.md).",
        run: { try $1.areaReport($0) },
        render: OperationOutput.rendering(
            table: AreaReportRendering.table, csv: AreaReportRendering.csv,
            geojson: { r, context in try context.areaReportGeoJSON(r) }))

    static let reportCompliance = OperationDeclaration(
        method: "report.compliance", command: ["report", "compliance"],
        summary: "Staffing ratios, organizations to establish, two coverages, training, contact points, ratings, observations.",
        discussion: """
            Agencies and institutions need full-time party workers of at least 2% of staff, SOEs 1% \
            (workers to assign = ceil(ratio × staff) − workers); units with 3 or more party members \
            need an organization; district standing committee members need 15 days, street committee \
            members 20 days, 2 meetings and 2 lectures at their contact points; secretaries a training \
            in the year; organizations rated 一般 or 较差 are listed with last year's rating; every \
            organization needs an observation each quarter. Thresholds come from the standards file.
            """,
        options: ComplianceOptions.self, formats: [.table, .json, .csv, .xlsx],
        formatRefusal: "note.compliance_no_locations",
        result: "The `report compliance --format json` document.",
        run: { try $1.complianceReport($0) },
        render: OperationOutput.rendering(table: ComplianceRendering.table, csv: ComplianceRendering.csv, geojson: nil))

    static let reportUnderserved = OperationDeclaration(
        method: "report.underserved", command: ["report", "underserved"],
        summary: "Rank communities and gap neighbourhoods by area deficit, uncovered households and accessibility.",
        options: UnderservedOptions.self, formats: everyFormat,
        result: "The `report underserved --format json` document.",
        run: { try $1.underserved($0) },
        render: OperationOutput.rendering(
            table: { UnderservedRendering.table($0, maxGaps: 20, $1) }, csv: UnderservedRendering.csv,
            geojson: { r, _ in UnderservedRendering.geojson(r) }))

    static let reportParty = OperationDeclaration(
        method: "report.party", command: ["report", "party"],
        summary: "Organization coverage and work coverage per grid, community and district, with every shortfall.",
        discussion: """
            Organization coverage rate = grids with their own or a joint organization ÷ all grids. Work \
            coverage rate = households linked to a central household or living in a building of a party \
            group ÷ all households. Target 100% (party.coverage). Shortfalls: grids with no possible \
            organization, buildings with no member household within --reach, households left unlinked.
            """,
        options: PartyPlanOptions.self, formats: everyFormat,
        result: "The `report party --format json` document (the party plan).",
        run: { try $1.planParty($0) },
        render: OperationOutput.rendering(
            table: PartyRendering.reportTable, csv: PartyRendering.reportCSV,
            geojson: { r, context in try context.partyPlanGeoJSON(r) }))

    static let reportHTML = OperationDeclaration(
        method: "report.html", command: ["report", "html"],
        summary:
            "The planning report as one offline HTML page: headline figures, the map, under-served communities, siting, party coverage.",
        discussion:
            "`gridplan report --html FILE` is the same as `gridplan report html --out FILE`; - writes the page to stdout.",
        options: HTMLReportOptions.self,
        result: "{path | html, bytes, communities, underserved_communities, coverage_rate, notes}",
        run: { try $1.htmlReport($0) },
        render: { r, format, context in
            if format == .json { return OperationOutput(.json(r)) }
            let l = context.language
            let notes = (r.noteTexts.isEmpty ? r.notes : r.noteTexts.map { $0.text(l) }).map { l.tr("note.prefix", ["note": $0]) }
            guard let path = r.path else { return OperationOutput(.text(r.html ?? ""), messages: notes) }
            return OperationOutput(
                nil,
                messages: notes + [
                    l.tr(
                        "html.done",
                        [
                            "path": path, "bytes": String(r.bytes), "communities": String(r.communities),
                            "underserved": String(r.underservedCommunities),
                            "coverage": String(format: "%.1f%%", r.coverageRate * 100)
                        ])
                ])
        })

    static let map = OperationDeclaration(
        method: "map", command: ["map"],
        summary: "Draw the district as one SVG map: communities shaded, buildings by coverage, facilities, gaps, grids.",
        discussion: """
            Themes: area (communities shaded by facility area per 100 households against the standard), coverage \
            (by the share of households within reach), grids (grid boundaries over neutral communities), sites \
            (area shading with the proposed sites of `gridplan site`, numbered by rank). Every theme but grids also draws \
            the first --sites proposed sites. Every theme draws buildings \
            as dots sized by households and coloured covered/not covered, facilities by kind, gap neighbourhoods \
            outlined, stored grid boundaries, a legend, a scale bar and a north arrow. Chinese labels use the first \
            installed font of a CJK fallback list (Noto Sans CJK SC, WenQuanYi Micro Hei, ...).
            """,
        options: MapOptions.self,
        result: "{theme, path | svg, communities, buildings, facilities, gaps, grids, sites, working_crs, notes}",
        run: { try $1.map($0) },
        render: { r, format, context in
            if format == .json { return OperationOutput(.json(r)) }
            guard let path = r.path else { return OperationOutput(.text(r.svg ?? "")) }
            return OperationOutput(
                nil,
                messages: [
                    context.language.tr(
                        "map.done",
                        [
                            "path": path, "communities": String(r.communities), "buildings": String(r.buildings),
                            "facilities": String(r.facilities), "gaps": String(r.gaps), "grids": String(r.grids),
                            "sites": String(r.sites)
                        ])
                ])
        })

    static let export = OperationDeclaration(
        method: "export", command: ["export"],
        summary:
            "Write the store's layers and the latest results for GIS and office tools (GeoJSON, CSV, GeoPackage, Shapefile, KML, Excel).",
        discussion: """
            geojson: one RFC 7946 file per layer in the folder PATH (WGS84 longitude/latitude, right-hand rings). \
            csv: one file per layer in PATH; points as lon,lat columns, polygons and lines as WKT (lon/lat) in a \
            wkt column, with .csvt and .prj sidecars for GDAL. gpkg: one GeoPackage file PATH (the working CRS). \
            shp: one Shapefile per layer in PATH (WGS84, .prj, .cpg UTF-8; column names over 10 bytes shortened, the \
            mapping in renamed_fields and in the folder's dataset.json, so `gridplan import PATH` reads it back; tables \
            without geometry as a .dbf alone). kml: one KML file per layer with geometry in PATH. xlsx: one workbook \
            PATH, a sheet per layer (points as lon, lat columns, other geometry as WKT; headers in Chinese with \
            GRIDPLAN_LANG=zh). \
            The results area_report (communities with their area figures) and coverage (buildings with distance \
            and covered flag) are computed with default options. Household rows are written only with \
            --include-households.
            """,
        options: ExportOptions.self,
        result: "{format, path, layers: [{name, features, geometry_type, file, crs}], includes_households}",
        effect: .writes(previewFlag: nil),
        run: { try $1.export($0) },
        render: { r, format, context in OperationOutput(format == .json ? .json(r) : .text(r.tableText(context.language))) })

    static let gridsPlan = OperationDeclaration(
        method: "grids.plan", command: ["grids", "plan"],
        summary: "Partition buildings into grids of min–max households, with their party organization.",
        discussion: """
            Per community: every building in exactly one grid, buildings never split, grids contiguous over \
            the buildings' neighbourhood graph (Delaunay triangulation, edges up to --max-edge metres, \
            components joined by their nearest pair) and compact (household-weighted squared distance to the \
            grid centre is minimized). A building above the maximum is a grid of its own and a community \
            below the minimum is one grid; both are listed in violations, as is any grid outside the bounds. \
            Ids <community>-G01… run west→east in north→south row bands. Each grid's organization follows \
            its formal members: branch_committee (≥ 7), branch (3–6), joint_branch with adjacent grids \
            (< 3; at most 5 grids), or none. Without --apply nothing is written.
            """,
        options: GridPlanOptions.self, formats: everyFormat,
        result: "The `grids plan --format json` document: min/max households, grids[], violations[].",
        effect: .writesWhen(flag: "apply"),
        run: { try $1.planGrids($0) },
        render: OperationOutput.rendering(
            table: GridPlanRendering.table, csv: GridPlanRendering.csv,
            geojson: { r, context in try context.gridPlanGeoJSON(r) }))

    static let partyPlan = OperationDeclaration(
        method: "party.plan", command: ["party", "plan"],
        summary: "Grid branches and joint branches, building party groups and party-member central households.",
        discussion: """
            Works on the store's grids (a fresh plan when it has none). Per grid: branch_committee (≥ 7 formal \
            members), branch (3–6), joint_branch with adjacent grids (< 3, at most 5 grids) or none; per \
            community: base_committee (≥ 100 members), general_branch (50–99) or branch. Party groups: a \
            building, or adjacent buildings of one grid, with ≥ 3 members of whom ≥ 1 formal. Central \
            households: member households, each linking its own and up to --households-per-center others, \
            in its building first, then the nearest buildings within --reach; the number of linked \
            households is maximal. Output is per grid and building; household ids only with --include-households.
            """,
        options: PartyPlanOptions.self, formats: everyFormat,
        result: "The `party plan --format json` document.",
        run: { try $1.planParty($0) },
        render: OperationOutput.rendering(
            table: PartyRendering.planTable, csv: PartyRendering.planCSV,
            geojson: { r, context in try context.partyPlanGeoJSON(r) }))
}
