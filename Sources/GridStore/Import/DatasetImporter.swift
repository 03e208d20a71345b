// Over 400 lines on purpose: `ImportJob` is one import's all-or-nothing pipeline (locate, read,
// validate, derive, project, write in one transaction) over state its steps share; split into files,
// its private state would have to become module-wide. Its helper types live beside it
// (ImportStaging.swift, LayerCoordinates.swift).

import Foundation
import GridFormats
import GridGeo
import GridLocale
import GridModel

/// Options of a dataset import.
public struct ImportOptions: Sendable {
    /// Source CRS; overrides `crs` in `dataset.json`.
    public var crs: String?
    /// How many problems are kept in the error (all are counted).
    public var maxProblems: Int
    /// Largest entity file accepted, in bytes (`--max-file-bytes`).
    public var maxFileBytes: Int
    /// Most records (features and CSV rows, all files together) read before the import stops
    /// with a problem instead of running out of memory (`--max-features`).
    public var maxFeatures: Int

    /// Largest single GeoJSON feature, in bytes: parsed, a feature takes up to ~60 times its
    /// size, so the default 8 MiB (a boundary of ~400,000 vertices) keeps an import well under 1 GiB.
    public var maxFeatureBytes: Int

    public static let defaultMaxFileBytes = 4 << 30
    public static let defaultMaxFeatures = 50_000_000
    public static let defaultMaxFeatureBytes = 8 << 20

    public init(
        crs: String? = nil, maxProblems: Int = 10_000, maxFileBytes: Int? = nil, maxFeatures: Int? = nil,
        maxFeatureBytes: Int? = nil
    ) {
        self.crs = crs
        self.maxProblems = maxProblems
        self.maxFileBytes = maxFileBytes ?? Self.defaultMaxFileBytes
        self.maxFeatures = maxFeatures ?? Self.defaultMaxFeatures
        self.maxFeatureBytes = maxFeatureBytes ?? Self.defaultMaxFeatureBytes
    }
}

/// Reads a dataset folder (docs/data-format.md §1–§2) into a validated, projected `Snapshot`.
public enum DatasetImporter {
    /// Reads, validates and projects a dataset folder into a Snapshot; throws `InputError`
    /// listing every problem found (all files are read to the end when they can be); throws
    /// `UsageError` when `directory` is not a folder. Never writes anything.
    ///
    /// Files are streamed (CSV row by row, GeoJSON feature by feature); coordinates are
    /// converted in bulk, first to WGS84 longitude/latitude, then to the working CRS.
    public static func read(
        directory: URL, options: ImportOptions = ImportOptions(),
        progress: any ProgressReporter = SilentProgress()
    ) throws -> Snapshot {
        try job(directory: directory, options: options, progress: progress).run()
    }

    /// The import of `directory`; throws `UsageError` when it is not a folder.
    static func job(directory: URL, options: ImportOptions, progress: any ProgressReporter) throws -> ImportJob {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDir), isDir.boolValue else {
            throw UsageError(key: "usage.dataset_importer.1", ["path": "\(directory.path)"])
        }
        return ImportJob(directory: directory, options: options, progress: progress)
    }
}

/// One import run: reads every file, checks cross-file rules, projects, assigns communities.
final class ImportJob {
    let directory: URL
    let options: ImportOptions
    let progress: any ProgressReporter
    let problems: ProblemCollector

    var communities = Staged<Community>(file: "communities")
    var grids = Staged<Grid>(file: "grids")
    var buildings = Staged<Building>(file: "buildings")
    /// The `households` property as given (nil when absent), per building.
    var buildingGivenHouseholds: [Int?] = []
    var households = Staged<Household>(file: "households")
    var householdTotals: [(count: Int, party: Int, probationary: Int)] = []
    var facilities = Staged<Facility>(file: "facilities")
    var candidates = Staged<Candidate>(file: "candidates")
    var roads = Staged<Road>(file: "roads")
    var units = Staged<OrganizationUnit>(file: "units")
    var records = ComplianceRecords()
    var files: [String: EntityFile] = [:]
    /// What each layer gave and in which CRS (the dry run's report).
    let layerLog = LayerLog()

    init(directory: URL, options: ImportOptions, progress: any ProgressReporter) {
        self.directory = directory
        self.options = options
        self.progress = progress
        problems = ProblemCollector(maxProblems: options.maxProblems)
    }

    func run() throws -> Snapshot {
        let settings = DatasetSettings.load(directory: directory, crsOverride: options.crs, problems: problems)
        let reader = LayerReader(
            directory: directory, problems: problems, progress: progress,
            check: CoordinateCheck(geographic: settings.geographic),
            limits: ReadLimits(
                maxFileBytes: options.maxFileBytes, maxFeatures: options.maxFeatures,
                maxFeatureBytes: options.maxFeatureBytes),
            log: layerLog, datasetCRS: settings.crs, layerSettings: settings.layers)
        for spec in EntitySpec.all {
            if let f = reader.locate(spec) { files[spec.name] = f }
        }
        readCommunities(reader)
        readGrids(reader)
        readBuildings(reader)
        readHouseholds(reader)
        readFacilities(reader)
        readCandidates(reader)
        readRoads(reader)
        readUnits(reader)
        readRecords(reader)

        var workingName = settings.workingCRS?.description ?? "auto"
        if let crs = settings.crs, settings.workingValid {
            let working = project(from: crs, settings: settings)
            workingName = working.description
            assignCommunities()
        }
        applyHouseholds()
        if !problems.isEmpty { throw problems.error }
        return Snapshot(
            metadata: DatasetMetadata(name: settings.name, sourceCRS: settings.crs?.description ?? "", workingCRS: workingName),
            communities: communities.items, grids: grids.items, buildings: buildings.items,
            households: households.items, facilities: facilities.items, candidates: candidates.items,
            roads: roads.items, units: units.items, records: records)
    }

    // MARK: - Reading

    private func file(_ spec: EntitySpec) -> EntityFile? { files[spec.name] }

    private func readCommunities(_ reader: LayerReader) {
        guard let f = file(.communities) else { return }
        communities.ids.file = f.fileName
        let complete = reader.read(f, requiredColumns: ["id"]) { r, geometry in
            guard let id = r.identifier("id", required: true) else { return }
            let c = Community(id: id, name: r.text("name"), street: r.text("street"), kind: r.text("kind"))
            if communities.register(id, reader: r) { communities.append(c, r.row.location, geometry ?? SourceGeometry.none) }
        }
        communities.ids.trusted = complete
    }

    private func readGrids(_ reader: LayerReader) {
        guard let f = file(.grids) else { return }
        grids.ids.file = f.fileName
        let complete = reader.read(f, requiredColumns: ["id", "community_id"]) { r, geometry in
            let id = r.identifier("id", required: true)
            let communityId = r.identifier("community_id", required: true)
            communities.ids.checkParent(communityId, field: "community_id", kind: "community", reader: r)
            let name = r.text("name")
            guard let id else { return }
            if grids.register(id, reader: r) {
                grids.append(
                    Grid(id: id, communityId: communityId ?? "", name: name), r.row.location, geometry ?? SourceGeometry.none)
            }
        }
        grids.ids.trusted = complete
    }

    private func readBuildings(_ reader: LayerReader) {
        guard let f = file(.buildings) else { return }
        buildings.ids.file = f.fileName
        let hasHouseholdsFile = file(.households) != nil
        let required = hasHouseholdsFile ? ["id"] : ["id", "households"]
        let complete = reader.read(f, requiredColumns: required) { r, geometry in
            let id = r.identifier("id", required: true)
            let communityId = r.identifier("community_id", required: false)
            communities.ids.checkParent(communityId, field: "community_id", kind: "community", reader: r)
            let gridId = r.identifier("grid_id", required: false)
            grids.ids.checkParent(gridId, field: "grid_id", kind: "grid", reader: r)
            let hh = r.count("households", required: !hasHouseholdsFile)
            let residents = r.count("residents")
            let party = r.count("party_members")
            let probationary = r.count("probationary_members")
            let floors = r.count("floors")
            let name = r.text("name")
            guard let id else { return }
            if buildings.register(id, reader: r) {
                let b = Building(
                    id: id, communityId: communityId ?? "", gridId: gridId, name: name,
                    households: hh ?? 0, residents: residents, partyMembers: party ?? 0,
                    probationaryMembers: probationary ?? 0, floors: floors,
                    location: Point(0, 0), lonLat: Point(0, 0))
                buildings.append(b, r.row.location, geometry ?? SourceGeometry.none)
                buildingGivenHouseholds.append(hh)
            }
        }
        buildings.ids.trusted = complete
    }

    private func readHouseholds(_ reader: LayerReader) {
        guard let f = file(.households) else { return }
        households.ids.file = f.fileName
        householdTotals = Array(repeating: (0, 0, 0), count: buildings.items.count)
        let complete = reader.read(f, requiredColumns: ["id", "building_id"]) { r, _ in
            let id = r.identifier("id", required: true)
            let buildingId = r.identifier("building_id", required: true)
            buildings.ids.checkParent(buildingId, field: "building_id", kind: "building", reader: r)
            let persons = r.count("persons")
            let party = r.count("party_members") ?? 0
            let probationary = r.count("probationary_members") ?? 0
            let unit = r.text("unit"), room = r.text("room")
            guard let id, let buildingId else { return }
            if households.register(id, reader: r) {
                households.append(
                    Household(
                        id: id, buildingId: buildingId, unit: unit, room: room, persons: persons,
                        partyMembers: party, probationaryMembers: probationary),
                    r.row.location, nil)
                if let b = buildings.ids.index[buildingId] {
                    householdTotals[b].count += 1
                    householdTotals[b].party += party
                    householdTotals[b].probationary += probationary
                }
            }
        }
        households.ids.trusted = complete
    }

    private func readFacilities(_ reader: LayerReader) {
        guard let f = file(.facilities) else { return }
        facilities.ids.file = f.fileName
        let complete = reader.read(f, requiredColumns: ["id", "kind", "usable_area_m2"]) { r, geometry in
            let id = r.identifier("id", required: true)
            let kind = r.choice("kind", FacilityKind.self, required: true)
            let area = r.number("usable_area_m2", required: true)
            let communityId = r.identifier("community_id", required: false)
            communities.ids.checkParent(communityId, field: "community_id", kind: "community", reader: r)
            let level = r.choice("level", FacilityLevel.self, required: false)
            let embedded = r.bool("embedded")
            let name = r.text("name")
            guard let id else { return }
            if facilities.register(id, reader: r) {
                facilities.append(
                    Facility(
                        id: id, kind: kind ?? .other, usableAreaM2: area ?? 0, name: name,
                        communityId: communityId, level: level, embedded: embedded ?? false,
                        location: Point(0, 0), lonLat: Point(0, 0)),
                    r.row.location, geometry ?? SourceGeometry.none)
            }
        }
        facilities.ids.trusted = complete
    }

    private func readCandidates(_ reader: LayerReader) {
        guard let f = file(.candidates) else { return }
        candidates.ids.file = f.fileName
        let complete = reader.read(f, requiredColumns: ["id"]) { r, geometry in
            let id = r.identifier("id", required: true)
            let communityId = r.identifier("community_id", required: false)
            communities.ids.checkParent(communityId, field: "community_id", kind: "community", reader: r)
            let area = r.number("available_area_m2")
            let cost = r.number("cost")
            let name = r.text("name"), kind = r.text("kind")
            guard let id else { return }
            if candidates.register(id, reader: r) {
                candidates.append(
                    Candidate(
                        id: id, name: name, kind: kind, availableAreaM2: area, cost: cost,
                        communityId: communityId, location: Point(0, 0), lonLat: Point(0, 0)),
                    r.row.location, geometry ?? SourceGeometry.none)
            }
        }
        candidates.ids.trusted = complete
    }

    private func readRoads(_ reader: LayerReader) {
        guard let f = file(.roads) else { return }
        roads.ids.file = f.fileName
        let complete = reader.read(f, requiredColumns: ["id"]) { r, geometry in
            let id = r.identifier("id", required: true)
            let walkable = r.bool("walkable")
            guard let id else { return }
            if roads.register(id, reader: r) {
                roads.append(Road(id: id, walkable: walkable ?? true, lines: []), r.row.location, geometry ?? SourceGeometry.none)
            }
        }
        roads.ids.trusted = complete
    }

    private func readUnits(_ reader: LayerReader) {
        guard let f = file(.units) else { return }
        units.ids.file = f.fileName
        let complete = reader.read(f, requiredColumns: ["id", "kind", "staff"]) { r, _ in
            let id = r.identifier("id", required: true)
            let kind = r.choice("kind", UnitKind.self, required: true)
            let staff = r.count("staff", required: true)
            let communityId = r.identifier("community_id", required: false)
            communities.ids.checkParent(communityId, field: "community_id", kind: "community", reader: r)
            let workers = r.count("party_workers")
            let members = r.count("party_members")
            let hasOrganization = r.bool("has_organization")
            let name = r.text("name")
            guard let id else { return }
            if units.register(id, reader: r) {
                units.append(
                    OrganizationUnit(
                        id: id, kind: kind ?? .agency, staff: staff ?? 0, name: name,
                        communityId: communityId, partyWorkers: workers, partyMembers: members,
                        hasOrganization: hasOrganization),
                    r.row.location, nil)
            }
        }
        units.ids.trusted = complete
    }

    /// Years in compliance records.
    static let yearRange = 1949...2100

    /// Stars 1...5, or the rating level in Chinese (优秀 5 ... 较差 1).
    static let ratingLevels = ["优秀": 5, "良好": 4, "较好": 3, "一般": 2, "较差": 1]

    private func readRecords(_ reader: LayerReader) {
        let communityIds = communities.ids
        if let f = file(.secretaries) {
            var seen = Staged<Void>(file: f.fileName)
            reader.read(f, requiredColumns: ["id", "community_id"]) { r, _ in
                let id = r.identifier("id", required: true)
                let communityId = r.identifier("community_id", required: true)
                communityIds.checkParent(communityId, field: "community_id", kind: "community", reader: r)
                let date = r.date("last_training_date", required: false)
                let name = r.text("name")
                guard let id, let communityId, seen.register(id, reader: r) else { return }
                seen.append((), r.row.location, nil)
                records.secretaries.append(Secretary(id: id, name: name, communityId: communityId, lastTrainingDate: date))
            }
        }
        if let f = file(.contacts) {
            reader.read(f, requiredColumns: ["leader_id", "role", "community_id", "year", "days_on_site", "meetings", "lectures"])
            { r, _ in
                let leader = r.identifier("leader_id", required: true)
                let role = r.choice("role", ContactRole.self, required: true)
                let communityId = r.identifier("community_id", required: true)
                communityIds.checkParent(communityId, field: "community_id", kind: "community", reader: r)
                let year = r.integer(
                    "year", required: true, minimum: Self.yearRange.lowerBound,
                    maximum: Self.yearRange.upperBound, expected: LocalText("expected.year"))
                let days = r.count("days_on_site", required: true)
                let meetings = r.count("meetings", required: true)
                let lectures = r.count("lectures", required: true)
                let name = r.text("name")
                guard let leader, let role, let communityId, let year, let days, let meetings, let lectures else { return }
                records.contacts.append(
                    ContactRecord(
                        leaderId: leader, name: name, role: role, communityId: communityId,
                        year: year, daysOnSite: days, meetingsAttended: meetings,
                        lecturesGiven: lectures))
            }
        }
        if let f = file(.ratings) {
            reader.read(f, requiredColumns: ["organization_id", "year", "stars"]) { r, _ in
                let org = r.identifier("organization_id", required: true)
                let communityId = r.identifier("community_id", required: false)
                communityIds.checkParent(communityId, field: "community_id", kind: "community", reader: r)
                let year = r.integer(
                    "year", required: true, minimum: Self.yearRange.lowerBound,
                    maximum: Self.yearRange.upperBound, expected: LocalText("expected.year"))
                let stars = Self.stars(r)
                guard let org, let year, let stars else { return }
                records.ratings.append(RatingRecord(organizationId: org, communityId: communityId, year: year, stars: stars))
            }
        }
        if let f = file(.observations) {
            reader.read(f, requiredColumns: ["organization_id", "date"]) { r, _ in
                let org = r.identifier("organization_id", required: true)
                let communityId = r.identifier("community_id", required: false)
                communityIds.checkParent(communityId, field: "community_id", kind: "community", reader: r)
                let date = r.date("date", required: true)
                guard let org, let date else { return }
                records.observations.append(ObservationRecord(organizationId: org, communityId: communityId, date: date))
            }
        }
    }

    private static func stars(_ r: FieldReader) -> Int? {
        let expected = LocalText("expected.stars")
        if case .text(let s) = r.row["stars"], let level = ratingLevels[s] { return level }
        return r.integer("stars", required: true, minimum: 1, maximum: 5, expected: expected)
    }

    // MARK: - Projection

    /// Converts every layer to WGS84 longitude/latitude and to the working CRS; returns the working CRS.
    private func project(from crs: CoordinateSystem, settings: DatasetSettings) -> CoordinateSystem {
        progress.report(stage: LocalText("progress.stage.project_coordinates"), done: 0, total: nil)
        // 1. longitude/latitude, each layer from its own CRS (dataset.json layers, a .prj) or the dataset's
        let toLonLat: CoordinateTransformer
        do { toLonLat = try CoordinateTransformer(from: crs, to: .wgs84) } catch {
            problems.add(
                file: "dataset.json", field: "crs", message: DatasetSettings.crsProblem(error),
                expected: DatasetSettings.crsExpected)
            return settings.workingCRS ?? crs
        }
        let entities = ["communities", "grids", "buildings", "facilities", "candidates", "roads"]
        let layerCRS = entities.map { layerLog.crsOfEntity[$0] ?? crs }
        func transformer(from source: CoordinateSystem, to target: CoordinateSystem, field: String) -> CoordinateTransformer? {
            do { return try CoordinateTransformer(from: source, to: target) } catch {
                problems.add(
                    file: "dataset.json", field: field, message: DatasetSettings.crsProblem(error),
                    expected: DatasetSettings.crsExpected)
                return nil
            }
        }
        var layers: [LayerCoordinates] = [
            LayerCoordinates(communities.geometry), LayerCoordinates(grids.geometry), LayerCoordinates(buildings.geometry),
            LayerCoordinates(facilities.geometry), LayerCoordinates(candidates.geometry), LayerCoordinates(roads.geometry)
        ]
        let names = [
            communities.ids.file, grids.ids.file, buildings.ids.file, facilities.ids.file,
            candidates.ids.file, roads.ids.file
        ]
        let locations = [
            communities.locations, grids.locations, buildings.locations, facilities.locations,
            candidates.locations, roads.locations
        ]
        var failed = Array(repeating: Set<Int>(), count: layers.count)
        for k in layers.indices {
            let t = layerCRS[k] == crs ? toLonLat : transformer(from: layerCRS[k], to: .wgs84, field: "layers.\(entities[k]).crs")
            guard let t else { return settings.workingCRS ?? crs }
            layers[k].lonLat = convert(
                layers[k].source, layers[k], with: t, file: names[k], locations: locations[k],
                failed: &failed[k])
        }
        // 2. the working CRS
        let working: CoordinateSystem
        if let w = settings.workingCRS {
            working = w
        } else {
            var box = BoundingBox.empty
            for l in layers { for p in l.lonLat where p.isFinite { box.include(p) } }
            working = CoordinateSystem.automaticWorkingCRS(center: box.isEmpty ? Point(0, 0) : box.center)
        }
        // 3. metres: straight from the source CRS when PROJ knows it, else from WGS84
        var toMetres: [CoordinateSystem: CoordinateTransformer] = [:]
        for k in layers.indices {
            let fromLonLat = layerCRS[k].isChineseObfuscated
            let source = fromLonLat ? CoordinateSystem.wgs84 : layerCRS[k]
            if toMetres[source] == nil {
                do { toMetres[source] = try CoordinateTransformer(from: source, to: working) } catch {
                    problems.add(
                        file: "dataset.json", field: "working_crs", message: DatasetSettings.crsProblem(error),
                        expected: LocalText("expected.crs.projected"))
                    return working
                }
            }
            layers[k].metres = convert(
                fromLonLat ? layers[k].lonLat : layers[k].source, layers[k], with: toMetres[source]!,
                file: names[k], locations: locations[k], failed: &failed[k])
        }
        // 4. back onto the entities
        layers[0].forEachConverted { i, ll, m in
            communities.items[i].boundary = m.area
            communities.items[i].boundaryLonLat = ll.area
        }
        layers[1].forEachConverted { i, ll, m in
            grids.items[i].boundary = m.area
            grids.items[i].boundaryLonLat = ll.area
        }
        layers[2].forEachConverted { i, ll, m in
            if let p = m.sitePoint, let q = ll.sitePoint {
                buildings.items[i].location = p; buildings.items[i].lonLat = q
            }
            buildings.items[i].footprint = m.footprint
        }
        layers[3].forEachConverted { i, ll, m in
            if let p = m.sitePoint, let q = ll.sitePoint {
                facilities.items[i].location = p; facilities.items[i].lonLat = q
            }
            facilities.items[i].footprint = m.footprint
        }
        layers[4].forEachConverted { i, ll, m in
            if let p = m.sitePoint, let q = ll.sitePoint {
                candidates.items[i].location = p; candidates.items[i].lonLat = q
            }
        }
        layers[5].forEachConverted { i, ll, m in
            if case .lines(let a) = m { roads.items[i].lines = a }
            if case .lines(let a) = ll { roads.items[i].linesLonLat = a }
        }
        progress.report(stage: LocalText("progress.stage.project_coordinates"), done: 1, total: 1)
        return working
    }

    /// Converts a layer's flat coordinates in bulk; when PROJ fails on some point, converts
    /// point by point and reports each feature that cannot be converted (once: features in
    /// `failed` were reported by an earlier step).
    private func convert(
        _ input: [Point], _ layer: LayerCoordinates, with t: CoordinateTransformer,
        file: String, locations: [RecordLocation], failed: inout Set<Int>
    ) -> [Point] {
        var out = input
        do {
            try t.transform(&out)
            return out
        } catch {
            out = input
            var cursor = 0
            for (i, n) in layer.counts.enumerated() {
                for k in cursor..<cursor + n {
                    do {
                        out[k] = try t.transform(input[k])
                    } catch {
                        if !failed.contains(i) {
                            failed.insert(i)
                            problems.add(
                                file: file, at: locations[i], field: "geometry", message: DatasetSettings.crsProblem(error),
                                expected: LocalText("expected.crs.area_of_use", ["crs": "\(t.source)"]))
                        }
                        for j in cursor..<cursor + n { out[j] = Point(.nan, .nan) }
                        break
                    }
                }
                cursor += n
            }
            return out
        }
    }

    // MARK: - Containment and households

    /// Gives buildings, facilities and candidates without `community_id` the community containing them.
    private func assignCommunities() {
        let needBuildings = buildings.items.indices.filter {
            buildings.items[$0].communityId.isEmpty && buildings.geometry[$0].sitePoint != nil
        }
        let needFacilities = facilities.items.indices.filter { facilities.items[$0].communityId == nil }
        let needCandidates = candidates.items.indices.filter { candidates.items[$0].communityId == nil }
        guard !(needBuildings.isEmpty && needFacilities.isEmpty && needCandidates.isEmpty) else { return }
        progress.report(stage: LocalText("progress.stage.assign_communities"), done: 0, total: nil)
        let locator = AreaLocator(areas: communities.items.map(\.boundary))
        for i in needBuildings {
            let p = buildings.items[i].location
            if p.isFinite, let c = locator.area(containing: p) {
                buildings.items[i].communityId = communities.items[c].id
            } else if p.isFinite && communities.ids.trusted {
                problems.add(
                    file: buildings.ids.file, at: buildings.locations[i], field: "community_id",
                    message: LocalText("problem.building.no_community", ["id": buildings.items[i].id]),
                    expected: LocalText("expected.building.community"))
            }
        }
        for i in needFacilities where facilities.items[i].location.isFinite {
            if let c = locator.area(containing: facilities.items[i].location) {
                facilities.items[i].communityId = communities.items[c].id
            }
        }
        for i in needCandidates where candidates.items[i].location.isFinite {
            if let c = locator.area(containing: candidates.items[i].location) {
                candidates.items[i].communityId = communities.items[c].id
            }
        }
        progress.report(stage: LocalText("progress.stage.assign_communities"), done: 1, total: 1)
    }

    /// With households.csv, buildings take their counts from it; a `households` property that disagrees is a problem.
    private func applyHouseholds() {
        guard let f = file(.households), households.ids.trusted else { return }
        for i in buildings.items.indices {
            let totals = householdTotals[i]
            if let given = buildingGivenHouseholds[i], given != totals.count {
                problems.add(
                    file: buildings.ids.file, at: buildings.locations[i], field: "households",
                    message: LocalText(
                        "problem.building.households_differ",
                        ["given": "\(given)", "file": f.fileName, "count": "\(totals.count)", "id": buildings.items[i].id]),
                    expected: LocalText("expected.building.same_households"))
            }
            buildings.items[i].households = totals.count
            buildings.items[i].partyMembers = totals.party
            buildings.items[i].probationaryMembers = totals.probationary
        }
    }
}
