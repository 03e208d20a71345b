import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

/// Counts SVG elements by name and class.
final class SVGElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var ids: Set<String> = []
    var rootFont = ""
    /// `data-rank` of the site markers, ascending.
    var ranks: [Int] { rankList.sorted() }
    private var rankList: [Int] = []
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == "svg" && rootFont.isEmpty { rootFont = attributes["font-family"] ?? "" }
        counts["\(name).\(attributes["class"] ?? "")", default: 0] += 1
        if let id = attributes["id"] { ids.insert(id) }
        if attributes["class"] == "site", let r = Int(attributes["data-rank"] ?? "") { rankList.append(r) }
    }
    static func parse(_ data: Data) -> SVGElementCounter? {
        let c = SVGElementCounter()
        let p = XMLParser(data: data)
        p.delegate = c
        return p.parse() ? c : nil
    }
}

@Suite(.serialized) struct MapCLITests {
    @Test(arguments: ["area", "coverage", "grids"])
    func mapOfTheDemoHoldsEveryFeature(theme: String) throws {
        let dir = try CLI.temporaryDirectory()
        let out = dir.appendingPathComponent("map.svg")
        let r = try CLI.run(
            ["map", "--db", MapsDemo.store, "--out", out.path, "--theme", theme], environment: MapsDemo.environment)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let svg = try #require(SVGElementCounter.parse(try Data(contentsOf: out)), "the map is not well-formed XML")
        let communities = try MapsDemo.geojsonFeatures("communities").filter { !($0["geometry"] is NSNull) }.count
        #expect(svg.counts["path.community"] == communities)
        #expect(svg.counts["circle.building"] == (try MapsDemo.geojsonFeatures("buildings").count))
        #expect(svg.counts["rect.facility"] == (try MapsDemo.geojsonFeatures("facilities").count))
        #expect(svg.counts["path.grid"] == (try MapsDemo.geojsonFeatures("grids").filter { !($0["geometry"] is NSNull) }.count))
        // As many gap outlines as coverage reports gap neighbourhoods.
        let cov = try CLI.run(["coverage", "--db", MapsDemo.store, "--format", "json"], environment: MapsDemo.environment)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(cov.stdout.utf8)) as? [String: Any])
        #expect(svg.counts["path.gap", default: 0] == (doc["gaps"] as? [Any])?.count)
        #expect(svg.ids.isSuperset(of: ["legend", "scalebar", "north", "communities", "buildings", "facilities"]))
        #expect(svg.rootFont.contains("WenQuanYi Micro Hei"))
    }

    @Test func sitesAreNumberedAsTheSitingListRanksThem() throws {
        let r = try CLI.run(
            ["map", "--db", MapsDemo.store, "--out", "-", "--theme", "sites", "--sites", "5"], environment: MapsDemo.environment)
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try #require(SVGElementCounter.parse(Data(r.stdout.utf8)))
        let site = try CLI.run(
            ["site", "--db", MapsDemo.store, "--count", "5", "--format", "json"], environment: MapsDemo.environment)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(site.stdout.utf8)) as? [String: Any])
        let sites = try #require(doc["sites"] as? [[String: Any]])
        #expect(sites.count > 0)
        #expect(svg.counts["g.site", default: 0] == sites.count)
        #expect(svg.ranks == sites.compactMap { $0["rank"] as? Int }.sorted())
        // --sites 0 draws none; the grids theme never draws sites.
        for args in [["--theme", "area", "--sites", "0"], ["--theme", "grids"]] {
            let none = try CLI.run(["map", "--db", MapsDemo.store, "--out", "-"] + args, environment: MapsDemo.environment)
            #expect(SVGElementCounter.parse(Data(none.stdout.utf8))?.counts["g.site", default: 0] == 0)
        }
    }

    /// `map --out` and `report --html` write whole files or none: a file replaced keeps its mode and
    /// equals what stdout carries; a folder that does not exist, or a folder as the target, is a
    /// usage error naming the path, and no file (nor a temporary one) is left.
    @Test(arguments: [["map", "--theme", "grids", "--sites", "0"], ["report", "--sites", "0"]])
    func outputFilesAreWrittenWholeOrNotAtAll(command: [String]) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let option = command[0] == "map" ? "--out" : "--html"
        func run(_ target: String) throws -> CLIRun {
            try CLI.run(command + ["--db", MapsDemo.store, option, target], environment: MapsDemo.environment)
        }
        let file = dir.appendingPathComponent("result.out")
        try Data("old".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        let r = try run(file.path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.contains(command[0] == "map" ? "<svg" : "<html"), "\(written.prefix(80))")
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o640)
        if command[0] == "map" {
            #expect(try run("-").stdout == written + (written.hasSuffix("\n") ? "" : "\n"))
        }
        for (target, reason) in [
            (dir.appendingPathComponent("missing/result.out").path, "does not exist"), (dir.path, "is a folder")
        ] {
            let bad = try run(target)
            #expect(bad.status == 64)
            #expect(
                bad.stderr.contains("error: \(option) \(target): cannot write") && bad.stderr.contains(reason), "\(bad.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["result.out"])
    }

    @Test(arguments: [
        (["map", "--out", "x.svg", "--theme", "heat"], "--theme"),
        (["map", "--out", "x.svg", "--width", "10"], "--width"),
        (["map", "--out", "x.svg", "--sites", "-1"], "--sites")
    ])
    func rejectsBadOptions(args: [String], mentions: String) throws {
        let dir = try CLI.temporaryDirectory()
        let r = try CLI.run(
            args + ["--db", dir.appendingPathComponent("none.gpkg").path], in: dir, environment: MapsDemo.environment)
        #expect(r.status == 64)
        #expect(r.stderr.contains(mentions), "\(r.stderr)")
    }
}
