import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GridGeo
import GridModel
import Testing
@testable import GridRender

/// Collects every element of an SVG document: name, attributes, and the text inside it.
final class SVGCollector: NSObject, XMLParserDelegate {
    struct Element { var name: String; var attributes: [String: String]; var text = ""; var ancestors: [String] }
    var elements: [Element] = []
    private var stack: [Int] = []

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let ancestors = stack.map { elements[$0].attributes["id"] ?? elements[$0].name }
        elements.append(Element(name: name, attributes: attributes, ancestors: ancestors))
        stack.append(elements.count - 1)
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let i = stack.last { elements[i].text += string }
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    /// Parses `svg`; fails the test when it is not well-formed XML.
    static func parse(_ svg: String) -> SVGCollector? {
        let c = SVGCollector()
        let p = XMLParser(data: Data(svg.utf8))
        p.delegate = c
        return p.parse() ? c : nil
    }

    func all(_ name: String, class cls: String? = nil) -> [Element] {
        elements.filter { $0.name == name && (cls == nil || $0.attributes["class"] == cls) }
    }
    func byId(_ id: String) -> Element? { elements.first { $0.attributes["id"] == id } }
    func inside(_ id: String) -> [Element] { elements.filter { $0.ancestors.contains(id) } }
}

/// A district of `n × n` square communities 400 m wide, 3 buildings and 1 facility in each.
private func grid(n: Int, names: (Int) -> String = { "社区\($0)" }) -> Snapshot {
    func ll(_ p: Point) -> Point { Point(114.3 + p.x / 96_000, 30.5 + p.y / 111_000) }
    var communities: [Community] = [], buildings: [Building] = [], facilities: [Facility] = []
    for i in 0..<n {
        for j in 0..<n {
            let k = i * n + j
            let x0 = Double(i) * 400, y0 = Double(j) * 400
            let ring = [Point(x0, y0), Point(x0 + 400, y0), Point(x0 + 400, y0 + 400), Point(x0, y0 + 400), Point(x0, y0)]
            let mp = MultiPolygon([Polygon(exterior: ring)])
            communities.append(Community(id: "C\(k)", name: names(k), boundary: mp, boundaryLonLat: mp.map(ll)))
            for b in 0..<3 {
                let p = Point(x0 + 100 + Double(b) * 100, y0 + 120)
                buildings.append(
                    Building(id: "B\(k)-\(b)", communityId: "C\(k)", households: 40 * (b + 1), location: p, lonLat: ll(p)))
            }
            let fp = Point(x0 + 200, y0 + 300)
            facilities.append(
                Facility(
                    id: "F\(k)", kind: FacilityKind.allCases[k % FacilityKind.allCases.count], usableAreaM2: 100,
                    communityId: "C\(k)", level: k == 0 ? .street : .community, location: fp, lonLat: ll(fp)))
        }
    }
    return Snapshot(
        metadata: DatasetMetadata(name: "测试区", sourceCRS: "EPSG:4326", workingCRS: "EPSG:4547"),
        communities: communities, buildings: buildings, facilities: facilities)
}

/// The x extent, in pixels, of a path's `d` made of M/L/Z commands.
private func pathXExtent(_ d: String) -> ClosedRange<Double> { pathBox(d).minX...pathBox(d).maxX }

/// The pixel bounding box of a path's `d` made of M/L/Z commands.
private func pathBox(_ d: String) -> BoundingBox {
    let numbers = d.split(whereSeparator: { "MLZ".contains($0) }).flatMap { $0.split(separator: ",") }.compactMap { Double($0) }
    return BoundingBox(points: stride(from: 0, to: numbers.count - 1, by: 2).map { Point(numbers[$0], numbers[$0 + 1]) })
}

@Suite struct MapSVGTests {
    @Test func holdsEveryFeatureAndTheMapFurniture() throws {
        let snap = grid(n: 3)
        var o = MapOverlays()
        for (k, c) in snap.communities.enumerated() { o.communityValues[c.id] = k == 4 ? nil : Double(k) * 10 }
        o.valueLegend = ChoroplethLegend(title: "m² / 100户", threshold: 30, good: 60) { String(format: "%.0f", $0) }
        for (k, b) in snap.buildings.enumerated() { o.buildingCovered[b.id] = k % 3 != 0 }
        o.gapOutlines = [(label: "G1", ring: [Point(50, 50), Point(350, 50), Point(200, 300), Point(50, 50)])]
        o.sites = [(rank: 1, location: Point(600, 600)), (rank: 2, location: Point(1000, 200))]
        o.gridBoundaries = [MultiPolygon([Polygon(exterior: [Point(0, 0), Point(200, 0), Point(200, 200), Point(0, 0)])])]
        let svg = MapSVG.render(snapshot: snap, overlays: o, title: "测试区 地图", subtitle: "sub")
        let doc = try #require(SVGCollector.parse(svg), "the SVG is not well-formed XML")

        #expect(doc.elements.first?.name == "svg")
        #expect(doc.all("path", class: "community").count == 9)
        #expect(doc.all("circle", class: "building").count == 27)
        #expect(doc.all("rect", class: "facility").count == 9)
        #expect(doc.all("path", class: "gap").count == 1)
        #expect(doc.all("path", class: "grid").count == 1)
        let sites = doc.all("g", class: "site")
        #expect(sites.count == 2)
        #expect(Set(sites.compactMap { $0.attributes["data-rank"] }) == ["1", "2"])
        // Covered and uncovered buildings differ in colour, and the split matches the flags.
        let fills = doc.all("circle", class: "building").compactMap { $0.attributes["fill"] }
        #expect(fills.filter { $0 == MapSVG.uncoveredColor }.count == 9)
        #expect(fills.filter { $0 == MapSVG.coveredColor }.count == 18)
        // The community without a value is grey; the others are shaded.
        let noData = doc.all("path", class: "community").filter { $0.attributes["fill"] == MapSVG.noDataColor }
        #expect(noData.map { $0.attributes["data-id"] } == ["C4"])
        // Facilities are coloured by kind.
        for r in doc.all("rect", class: "facility") {
            let kind = try #require(FacilityKind(rawValue: r.attributes["data-kind"] ?? ""))
            #expect(r.attributes["fill"] == MapSVG.kindColors[kind])
        }
        // Title, legend, scale bar, north arrow; Chinese text kept as text, CJK fonts named.
        #expect(doc.all("title").first?.text == "测试区 地图")
        let legendTexts = doc.inside("legend").filter { $0.name == "text" }.map(\.text)
        #expect(legendTexts.contains { $0.contains("30") && $0.contains("标准") })
        #expect(legendTexts.contains { $0.contains("无住户") })
        #expect(legendTexts.contains { $0.contains("党群服务中心") })
        #expect(legendTexts.contains { $0.contains("建议新址") })
        #expect(doc.byId("north") != nil)
        #expect(doc.inside("north").contains { $0.name == "text" && $0.text == "N" })
        let font = doc.elements.first?.attributes["font-family"] ?? ""
        #expect(font.contains("Noto Sans CJK SC") && font.contains("WenQuanYi Micro Hei") && font.hasSuffix("sans-serif"))
        #expect(doc.all("text", class: "label").contains { $0.text == "社区0" })
    }

    @Test func scaleBarHasARoundLengthDrawnToScale() throws {
        for n in [1, 3, 12] {
            let snap = grid(n: n)
            let svg = MapSVG.render(snapshot: snap, title: "t")
            let doc = try #require(SVGCollector.parse(svg))
            // Metres per pixel from a community square of 400 m.
            let square = try #require(doc.all("path", class: "community").first?.attributes["d"])
            let x = pathXExtent(square)
            let metresPerPixel = 400 / (x.upperBound - x.lowerBound)
            let bar = try #require(doc.byId("scalebar"))
            let length = try #require(Double(bar.attributes["data-length-m"] ?? ""))
            let px = try #require(Double(bar.attributes["data-length-px"] ?? ""))
            // 1, 2 or 5 × 10ⁿ metres.
            let exponent = floor(log10(length)), mantissa = length / pow(10, exponent)
            #expect([1.0, 2, 5].contains { abs($0 - mantissa) < 1e-9 }, "length \(length)")
            #expect(abs(px * metresPerPixel - length) / length < 0.02, "bar \(px) px ≠ \(length) m at \(metresPerPixel) m/px")
            #expect(px > 55 && px <= 150.5)
            let label = doc.inside("scalebar").filter { $0.name == "text" }.map(\.text).last ?? ""
            #expect(label == (length >= 1000 ? "\(Int(length / 1000)) km" : "\(Int(length)) m"))
        }
    }

    @Test func labelsNeverOverlap() throws {
        // Many small communities with long names and a site at the centre of every third one:
        // no label may overlap another or a site's numbered circle, and each stays in its community.
        let snap = grid(n: 8) { "很长很长的社区名字\($0)" }
        var o = MapOverlays()
        o.sites = stride(from: 0, to: 64, by: 3).enumerated().map {
            (rank: $0.offset + 1, location: snap.communities[$0.element].boundary!.centroid)
        }
        let svg = MapSVG.render(snapshot: snap, overlays: o, title: "t", width: 900)
        let doc = try #require(SVGCollector.parse(svg))
        let labels = doc.all("text", class: "label")
        #expect(labels.count > 0)
        let fs = 11.0
        let squares = Dictionary(
            uniqueKeysWithValues: doc.all("path", class: "community").map {
                ($0.attributes["data-id"]!, pathBox($0.attributes["d"]!))
            })
        for l in labels {
            let anchor = Point(Double(l.attributes["x"]!)!, Double(l.attributes["y"]!)! - fs * 0.35)
            let square = try #require(squares[l.attributes["data-id"] ?? ""])
            #expect(square.expanded(by: 0.5).contains(anchor), "\(l.text) at \(anchor) outside \(square)")
        }
        let boxes = labels.map { l -> BoundingBox in
            let x = Double(l.attributes["x"]!)!, y = Double(l.attributes["y"]!)!, w = MapSVG.textWidth(l.text, fontSize: fs)
            return BoundingBox(minX: x - w / 2, minY: y - fs, maxX: x + w / 2, maxY: y)
        }
        for i in boxes.indices { for j in boxes.indices where j > i { #expect(!boxes[i].intersects(boxes[j])) } }
        let circles = doc.elements.filter { $0.name == "circle" && $0.ancestors.contains("sites") }.map { c -> BoundingBox in
            let x = Double(c.attributes["cx"]!)!, y = Double(c.attributes["cy"]!)!, r = Double(c.attributes["r"]!)!
            return BoundingBox(minX: x - r, minY: y - r, maxX: x + r, maxY: y + r)
        }
        #expect(circles.count == o.sites.count)
        for b in boxes { #expect(!circles.contains { $0.intersects(b) }) }
    }

    @Test func labelPointOfAConcaveShapeIsInside() {
        // A U shape whose centroid lies in the notch.
        let u = Polygon(exterior: [
            Point(0, 0), Point(300, 0), Point(300, 300), Point(200, 300), Point(200, 100),
            Point(100, 100), Point(100, 300), Point(0, 300), Point(0, 0)
        ])
        #expect(!u.contains(u.centroid))
        let p = MapSVG.labelPoint(MultiPolygon([u]))
        #expect(u.contains(p))
        // A convex square keeps its centroid.
        let sq = Polygon(exterior: [Point(0, 0), Point(10, 0), Point(10, 10), Point(0, 10), Point(0, 0)])
        #expect(MapSVG.labelPoint(MultiPolygon([sq])) == Point(5, 5))
    }

    @Test func choroplethRunsRedThroughYellowToGreen() {
        let legend = ChoroplethLegend(title: "t", threshold: 30, good: 60) { "\($0)" }
        func rgb(_ hex: String) -> (Int, Int, Int) {
            let v = Int(hex.dropFirst(), radix: 16)!
            return (v >> 16, (v >> 8) & 0xff, v & 0xff)
        }
        let zero = rgb(MapSVG.color(0, legend)), standard = rgb(MapSVG.color(30, legend)), good = rgb(MapSVG.color(60, legend))
        #expect(zero.0 > zero.1 && zero.0 > zero.2)  // red
        #expect(standard.0 > 200 && standard.1 > 200)  // yellow
        #expect(good.1 > good.0 && good.1 > good.2)  // green
        #expect(MapSVG.color(90, legend) == MapSVG.color(60, legend))  // saturates
        // Monotone: more area, less red.
        let reds = stride(from: 30.0, through: 60, by: 5).map { rgb(MapSVG.color($0, legend)).0 }
        #expect(zip(reds, reds.dropFirst()).allSatisfy { $0 >= $1 })
    }

    @Test func textIsEscaped() throws {
        var snap = grid(n: 1)
        snap.communities[0].name = "A & B <\"社区\">"
        let svg = MapSVG.render(snapshot: snap, title: "x < y & z")
        let doc = try #require(SVGCollector.parse(svg))
        #expect(doc.all("title").first?.text == "x < y & z")
        #expect(doc.all("text", class: "label").first?.text == "A & B <\"社区\">")
    }

    @Test func buildingDotAreaGrowsWithHouseholds() {
        #expect(MapSVG.buildingRadius(households: 0) == 1.2)
        #expect(MapSVG.buildingRadius(households: 100) < MapSVG.buildingRadius(households: 400))
        let r100 = MapSVG.buildingRadius(households: 100), r400 = MapSVG.buildingRadius(households: 400)
        #expect(abs(r400 / r100 - 2) < 1e-9)  // area ∝ households
        #expect(MapSVG.buildingRadius(households: 1_000_000) == 7)
    }
}
