import Foundation
import GridGeo
import GridModel

/// Draws the district as one SVG map: communities (shaded when values are given), grid
/// boundaries, buildings as dots sized by households and coloured by coverage, facilities by
/// kind, gap neighbourhoods outlined, proposed sites numbered; with title, legend, scale bar
/// and north arrow. Coordinates are the working CRS (metres, true shapes); Chinese labels use
/// a CJK font-family fallback list.
public enum MapSVG {
    /// Fonts tried in order; Debian's fonts-noto-cjk provides the first.
    public static let fontFamily = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif"

    /// Fill colour per facility kind (also used in the legend).
    public static let kindColors: [FacilityKind: String] = [
        .partyMassCenter: "#c0392b", .partyMassStation: "#e67e22", .cityStation: "#2980b9",
        .cityStudy: "#8e44ad", .pocketPark: "#27ae60", .propertyService: "#7f8c8d", .other: "#34495e",
    ]

    /// The SVG text of the map, `width` pixels wide.
    public static func render(snapshot: Snapshot, overlays: MapOverlays = MapOverlays(), title: String,
                              subtitle: String = "", width: Double = 1200) -> String {
        var box = BoundingBox.empty
        for c in snapshot.communities { if let b = c.boundary { box = box.union(b.boundingBox) } }
        for b in snapshot.buildings { box.include(b.location) }
        for f in snapshot.facilities { box.include(f.location) }
        if box.isEmpty { box = BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1) }
        let margin = 20.0, top = 70.0, legendWidth = 240.0
        let mapWidth = width - legendWidth - 2 * margin
        let scale = mapWidth / max(box.width, 1)
        let mapHeight = max(box.height, 1) * scale
        let height = max(top + mapHeight + margin + 50, 620)
        func sx(_ x: Double) -> Double { margin + (x - box.minX) * scale }
        func sy(_ y: Double) -> Double { top + (box.maxY - y) * scale }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        func path(_ mp: MultiPolygon) -> String {
            var d = ""
            for poly in mp.polygons {
                for ring in poly.rings where ring.count > 2 {
                    d += "M" + ring.map { "\(f(sx($0.x))),\(f(sy($0.y)))" }.joined(separator: "L") + "Z"
                }
            }
            return d
        }

        var svg = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" font-family="\(fontFamily)">
        <title>\(escape(title))</title>
        <rect width="100%" height="100%" fill="#ffffff"/>
        <text x="\(f(margin))" y="32" font-size="22" font-weight="bold">\(escape(title))</text>
        <text x="\(f(margin))" y="54" font-size="13" fill="#555">\(escape(subtitle))</text>

        """
        // Communities.
        svg += "<g id=\"communities\" stroke=\"#444\" stroke-width=\"1\">\n"
        for c in snapshot.communities {
            guard let b = c.boundary else { continue }
            var fill = "#f4f1ea"
            if let legend = overlays.valueLegend, let value = overlays.communityValues[c.id] {
                fill = value.map { color($0, legend) } ?? "#dddddd"
            }
            let label = escape(c.name ?? c.id)
            svg += "<path class=\"community\" data-id=\"\(escape(c.id))\" d=\"\(path(b))\" fill=\"\(fill)\" fill-rule=\"evenodd\"><title>\(label)</title></path>\n"
        }
        svg += "</g>\n"
        // Grid boundaries.
        if !overlays.gridBoundaries.isEmpty {
            svg += "<g id=\"grids\" fill=\"none\" stroke=\"#6c5ce7\" stroke-width=\"0.8\" stroke-dasharray=\"3,2\">\n"
            for g in overlays.gridBoundaries { svg += "<path class=\"grid\" d=\"\(path(g))\"/>\n" }
            svg += "</g>\n"
        }
        // Buildings.
        svg += "<g id=\"buildings\" stroke=\"none\" fill-opacity=\"0.75\">\n"
        for b in snapshot.buildings {
            let r = max(0.8, min(6, (Double(b.households)).squareRoot() * 0.25))
            let fill: String
            switch overlays.buildingCovered[b.id] {
            case true?: fill = "#2e86de"
            case false?: fill = "#e74c3c"
            case nil: fill = "#636e72"
            }
            svg += "<circle class=\"building\" cx=\"\(f(sx(b.location.x)))\" cy=\"\(f(sy(b.location.y)))\" r=\"\(f(r))\" fill=\"\(fill)\"/>\n"
        }
        svg += "</g>\n"
        // Gap neighbourhoods.
        if !overlays.gapOutlines.isEmpty {
            svg += "<g id=\"gaps\" fill=\"#e74c3c\" fill-opacity=\"0.08\" stroke=\"#c0392b\" stroke-width=\"1.5\" stroke-dasharray=\"5,3\">\n"
            for gap in overlays.gapOutlines where gap.ring.count > 2 {
                let d = "M" + gap.ring.map { "\(f(sx($0.x))),\(f(sy($0.y)))" }.joined(separator: "L") + "Z"
                svg += "<path class=\"gap\" d=\"\(d)\"><title>\(escape(gap.label))</title></path>\n"
            }
            svg += "</g>\n"
        }
        // Facilities.
        svg += "<g id=\"facilities\" stroke=\"#fff\" stroke-width=\"1\">\n"
        for fac in snapshot.facilities {
            let x = sx(fac.location.x), y = sy(fac.location.y)
            let size = fac.level == .street ? 7.0 : 4.5
            let color = kindColors[fac.kind] ?? "#000"
            let name = escape(fac.name ?? fac.id)
            svg += "<rect class=\"facility\" data-kind=\"\(fac.kind.rawValue)\" x=\"\(f(x - size))\" y=\"\(f(y - size))\" width=\"\(f(2 * size))\" height=\"\(f(2 * size))\" fill=\"\(color)\"><title>\(name)</title></rect>\n"
        }
        svg += "</g>\n"
        // Proposed sites.
        if !overlays.sites.isEmpty {
            svg += "<g id=\"sites\" font-size=\"10\" font-weight=\"bold\" text-anchor=\"middle\">\n"
            for s in overlays.sites {
                let x = sx(s.location.x), y = sy(s.location.y)
                svg += "<g class=\"site\"><circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"9\" fill=\"#fdcb6e\" stroke=\"#2d3436\" stroke-width=\"1.5\"/><text x=\"\(f(x))\" y=\"\(f(y + 3.5))\">\(s.rank)</text></g>\n"
            }
            svg += "</g>\n"
        }
        // Community labels last, so they sit on top.
        svg += "<g id=\"labels\" font-size=\"11\" text-anchor=\"middle\" fill=\"#2d3436\" stroke=\"#fff\" stroke-width=\"2.5\" paint-order=\"stroke\">\n"
        for c in snapshot.communities {
            guard let b = c.boundary else { continue }
            let p = b.centroid
            svg += "<text x=\"\(f(sx(p.x)))\" y=\"\(f(sy(p.y)))\">\(escape(c.name ?? c.id))</text>\n"
        }
        svg += "</g>\n"
        svg += legend(x: width - legendWidth, y: top, overlays: overlays)
        svg += scaleBar(x: margin, y: top + mapHeight + 30, metresPerPixel: 1 / scale)
        svg += northArrow(x: margin + mapWidth - 20, y: top + 30)
        svg += "</svg>\n"
        return svg
    }

    /// Diverging red → yellow → green colour of `value` around the legend's threshold.
    static func color(_ value: Double, _ legend: ChoroplethLegend) -> String {
        let t: Double
        if value < legend.threshold {
            t = legend.threshold > 0 ? 0.5 * max(0, value) / legend.threshold : 0.5
        } else {
            let span = max(legend.good - legend.threshold, 1e-9)
            t = 0.5 + 0.5 * min(1, (value - legend.threshold) / span)
        }
        // red (215,48,39) → yellow (254,224,139) → green (26,152,80)
        let (a, b, u): ((Double, Double, Double), (Double, Double, Double), Double) =
            t < 0.5 ? ((215, 48, 39), (254, 224, 139), t / 0.5) : ((254, 224, 139), (26, 152, 80), (t - 0.5) / 0.5)
        let r = Int(a.0 + (b.0 - a.0) * u), g = Int(a.1 + (b.1 - a.1) * u), bl = Int(a.2 + (b.2 - a.2) * u)
        return String(format: "#%02x%02x%02x", r, g, bl)
    }

    static func legend(x: Double, y: Double, overlays: MapOverlays) -> String {
        var s = "<g id=\"legend\" font-size=\"12\" transform=\"translate(\(x),\(y))\">\n"
        var row = 0.0
        func line(_ text: String) { s += "<text x=\"22\" y=\"\(row + 11)\">\(escape(text))</text>\n"; row += 18 }
        if let legend = overlays.valueLegend {
            s += "<text x=\"0\" y=\"\(row + 11)\" font-weight=\"bold\">\(escape(legend.title))</text>\n"; row += 20
            let stops = [0, legend.threshold * 0.5, legend.threshold, (legend.threshold + legend.good) / 2, legend.good]
            for v in stops {
                s += "<rect x=\"0\" y=\"\(row)\" width=\"16\" height=\"12\" fill=\"\(color(v, legend))\" stroke=\"#444\" stroke-width=\"0.5\"/>\n"
                line(legend.format(v) + (v == legend.threshold ? " (标准 standard)" : ""))
            }
            row += 6
        }
        s += "<text x=\"0\" y=\"\(row + 11)\" font-weight=\"bold\">楼栋 Buildings</text>\n"; row += 20
        for (fill, text) in [("#2e86de", "覆盖 covered"), ("#e74c3c", "未覆盖 not covered"), ("#636e72", "楼栋 building")] {
            s += "<circle cx=\"8\" cy=\"\(row + 6)\" r=\"5\" fill=\"\(fill)\"/>\n"; line(text)
        }
        row += 6
        s += "<text x=\"0\" y=\"\(row + 11)\" font-weight=\"bold\">设施 Facilities</text>\n"; row += 20
        for kind in FacilityKind.allCases {
            s += "<rect x=\"3\" y=\"\(row + 1)\" width=\"10\" height=\"10\" fill=\"\(kindColors[kind]!)\"/>\n"
            line(kind.chineseName + " " + kind.rawValue)
        }
        if !overlays.sites.isEmpty {
            s += "<circle cx=\"8\" cy=\"\(row + 6)\" r=\"7\" fill=\"#fdcb6e\" stroke=\"#2d3436\"/>\n"; line("建议新址 proposed site (rank)")
        }
        if !overlays.gapOutlines.isEmpty {
            s += "<rect x=\"1\" y=\"\(row + 1)\" width=\"14\" height=\"10\" fill=\"none\" stroke=\"#c0392b\" stroke-dasharray=\"4,2\"/>\n"; line("服务空白区 under-served")
        }
        if !overlays.gridBoundaries.isEmpty {
            s += "<line x1=\"0\" y1=\"\(row + 6)\" x2=\"16\" y2=\"\(row + 6)\" stroke=\"#6c5ce7\" stroke-dasharray=\"3,2\"/>\n"; line("网格 grid boundary")
        }
        s += "</g>\n"
        return s
    }

    /// A scale bar of a round length (1, 2 or 5 × 10ⁿ metres) about 150 px long.
    static func scaleBar(x: Double, y: Double, metresPerPixel: Double) -> String {
        let target = 150 * metresPerPixel
        let exponent = floor(log10(target))
        let base = pow(10, exponent)
        let length = [1.0, 2, 5, 10].map { $0 * base }.last { $0 <= target } ?? base
        let px = length / metresPerPixel
        let label = length >= 1000 ? "\(Int(length / 1000)) km" : "\(Int(length)) m"
        return """
        <g id="scalebar" font-size="12"><rect x="\(x)" y="\(y)" width="\(px / 2)" height="6" fill="#2d3436"/><rect x="\(x + px / 2)" y="\(y)" width="\(px / 2)" height="6" fill="#fff" stroke="#2d3436"/><text x="\(x)" y="\(y + 20)">0</text><text x="\(x + px)" y="\(y + 20)" text-anchor="middle">\(label)</text></g>

        """
    }

    /// An arrow pointing to grid north (the working CRS's y axis).
    static func northArrow(x: Double, y: Double) -> String {
        """
        <g id="north" transform="translate(\(x),\(y))"><path d="M0,-22 L8,8 L0,2 L-8,8 Z" fill="#2d3436"/><text x="0" y="22" font-size="13" text-anchor="middle" font-weight="bold">N</text></g>

        """
    }

    /// XML-escapes text.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(ch)
            }
        }
        return out
    }
}
