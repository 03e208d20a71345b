import Foundation
import GridGeo
import GridLocale
import GridModel

/// Draws the district as one SVG map: communities (shaded when values are given), grid
/// boundaries, buildings as dots sized by households and coloured by coverage, facilities by
/// kind, gap neighbourhoods outlined, proposed sites numbered; with title, legend, scale bar
/// and north arrow. Coordinates are the working CRS (metres, true shapes); Chinese labels use
/// a CJK font-family fallback list.
public enum MapSVG {
    /// Fonts tried in order; Debian's fonts-noto-cjk provides the first.
    public static let fontFamily =
        "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif"

    /// Fill colour per facility kind (also used in the legend).
    public static let kindColors: [FacilityKind: String] = [
        .partyMassCenter: "#c0392b", .partyMassStation: "#e67e22", .cityStation: "#2980b9",
        .cityStudy: "#8e44ad", .pocketPark: "#27ae60", .propertyService: "#7f8c8d", .other: "#34495e"
    ]

    /// The SVG text of the map, `width` pixels wide. The map area keeps true shapes (one scale
    /// for x and y) and is at most `1.2 × width` tall; the legend sits at the right.
    ///
    /// Elements carry classes the tests and stylesheets rely on: `path.community`, `path.grid`,
    /// `circle.building`, `rect.facility`, `path.gap`, `g.site`, `text.label`, and the groups
    /// `#legend`, `#scalebar` (with `data-length-m`) and `#north`.
    public static func render(
        snapshot: Snapshot, overlays: MapOverlays = MapOverlays(), title: String,
        subtitle: String = "", width: Double = 1200, language: DocumentLanguage = .both
    ) -> String {
        var box = BoundingBox.empty
        for c in snapshot.communities { if let b = c.boundary { box = box.union(b.boundingBox) } }
        for b in snapshot.buildings { box.include(b.location) }
        for f in snapshot.facilities { box.include(f.location) }
        if box.isEmpty { box = BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1) }
        box = box.expanded(by: max(box.width, box.height) * 0.01)
        let margin = 20.0, top = 70.0, legendWidth = 250.0
        let mapWidthMax = width - legendWidth - 2 * margin
        let mapHeightMax = width * 1.2
        let scale = min(mapWidthMax / max(box.width, 1), mapHeightMax / max(box.height, 1))
        let mapWidth = max(box.width, 1) * scale
        let mapHeight = max(box.height, 1) * scale
        let legendRows = legendHeight(overlays: overlays, hasNoData: hasNoData(snapshot, overlays))
        let height = max(top + mapHeight + margin + 50, top + legendRows + margin)
        func sx(_ x: Double) -> Double { margin + (x - box.minX) * scale }
        func sy(_ y: Double) -> Double { top + (box.maxY - y) * scale }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        func ringPath(_ ring: [Point]) -> String {
            "M" + ring.map { "\(f(sx($0.x))),\(f(sy($0.y)))" }.joined(separator: "L") + "Z"
        }
        func path(_ mp: MultiPolygon) -> String {
            var d = ""
            for poly in mp.polygons { for ring in poly.rings where ring.count > 2 { d += ringPath(ring) } }
            return d
        }

        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" font-family="\(fontFamily)">
            <title>\(escape(title))</title>
            <rect width="100%" height="100%" fill="#ffffff"/>
            <text x="\(f(margin))" y="32" font-size="22" font-weight="bold">\(escape(title))</text>
            <text x="\(f(margin))" y="54" font-size="13" fill="#555">\(escape(subtitle))</text>
            <rect x="\(f(margin))" y="\(f(top))" width="\(f(mapWidth))" height="\(f(mapHeight))" fill="#fbfbf8" stroke="#b2bec3" stroke-width="0.5"/>

            """
        // Communities.
        svg += "<g id=\"communities\" stroke=\"#555\" stroke-width=\"1\">\n"
        for c in snapshot.communities {
            guard let b = c.boundary else { continue }
            var fill = "#f4f1ea"
            var value = ""
            if let legend = overlays.valueLegend {
                if let v = overlays.communityValues[c.id] ?? nil {
                    fill = color(v, legend); value = " · " + legend.format(v)
                } else {
                    fill = noDataColor
                }
            }
            let label = escape((c.name ?? c.id) + value)
            svg +=
                "<path class=\"community\" data-id=\"\(escape(c.id))\" d=\"\(path(b))\" fill=\"\(fill)\" fill-rule=\"evenodd\"><title>\(label)</title></path>\n"
        }
        svg += "</g>\n"
        // Roads, for orientation.
        let roads = overlays.showRoads ? snapshot.roads : []
        if !roads.isEmpty {
            svg +=
                "<g id=\"roads\" fill=\"none\" stroke=\"#95a5a6\" stroke-opacity=\"0.45\" stroke-width=\"0.6\" stroke-linecap=\"round\">\n"
            for r in roads {
                let d = r.lines.filter { $0.points.count > 1 }
                    .map { "M" + $0.points.map { "\(f(sx($0.x))),\(f(sy($0.y)))" }.joined(separator: "L") }.joined()
                if !d.isEmpty { svg += "<path class=\"road\" d=\"\(d)\"/>\n" }
            }
            svg += "</g>\n"
        }
        // Grid boundaries.
        if !overlays.gridBoundaries.isEmpty {
            svg += "<g id=\"grids\" fill=\"none\" stroke=\"#5f27cd\" stroke-width=\"1.1\" stroke-dasharray=\"4,2\">\n"
            for g in overlays.gridBoundaries { svg += "<path class=\"grid\" d=\"\(path(g))\"/>\n" }
            svg += "</g>\n"
        }
        // Buildings: area proportional to households.
        svg += "<g id=\"buildings\" stroke=\"#ffffff\" stroke-width=\"0.3\" fill-opacity=\"0.8\">\n"
        for b in snapshot.buildings {
            let r = buildingRadius(households: b.households)
            let fill: String
            switch overlays.buildingCovered[b.id] {
            case true?: fill = coveredColor
            case false?: fill = uncoveredColor
            case nil: fill = neutralBuildingColor
            }
            svg +=
                "<circle class=\"building\" cx=\"\(f(sx(b.location.x)))\" cy=\"\(f(sy(b.location.y)))\" r=\"\(f(r))\" fill=\"\(fill)\"/>\n"
        }
        svg += "</g>\n"
        // Gap neighbourhoods.
        if !overlays.gapOutlines.isEmpty {
            svg +=
                "<g id=\"gaps\" fill=\"#e74c3c\" fill-opacity=\"0.08\" stroke=\"#c0392b\" stroke-width=\"1.5\" stroke-dasharray=\"5,3\">\n"
            for gap in overlays.gapOutlines where gap.ring.count > 2 {
                svg += "<path class=\"gap\" d=\"\(ringPath(gap.ring))\"><title>\(escape(gap.label))</title></path>\n"
            }
            svg += "</g>\n"
        }
        // Facilities: street-level and above larger.
        svg += "<g id=\"facilities\" stroke=\"#ffffff\" stroke-width=\"1\">\n"
        for fac in snapshot.facilities {
            let x = sx(fac.location.x), y = sy(fac.location.y)
            let size = (fac.level == .street || fac.level == .district) ? 6.5 : 4.5
            let color = kindColors[fac.kind] ?? "#000"
            let name = escape(
                (fac.name ?? fac.id) + " · " + fac.kind.chineseName + " · " + GeoJSONWriter.formatNumber(fac.usableAreaM2, 0)
                    + " m²")
            svg +=
                "<rect class=\"facility\" data-kind=\"\(fac.kind.rawValue)\" x=\"\(f(x - size))\" y=\"\(f(y - size))\" width=\"\(f(2 * size))\" height=\"\(f(2 * size))\" fill=\"\(color)\"><title>\(name)</title></rect>\n"
        }
        svg += "</g>\n"
        // Community labels, placed inside their polygon, largest communities first; a label that
        // would overlap one already placed is left out (the name stays in the polygon's tooltip).
        // Site markers are drawn later but claim their place first, so no label runs under a number.
        var placed: [BoundingBox] = overlays.sites.map { s in
            BoundingBox(
                minX: sx(s.location.x) - 10, minY: sy(s.location.y) - 10, maxX: sx(s.location.x) + 10, maxY: sy(s.location.y) + 10
            )
        }
        let fontSize = 11.0
        svg +=
            "<g id=\"labels\" font-size=\"\(f(fontSize))\" text-anchor=\"middle\" fill=\"#2d3436\" stroke=\"#ffffff\" stroke-width=\"2.5\" paint-order=\"stroke\">\n"
        let labelled = snapshot.communities.compactMap { c in c.boundary.map { (c, $0) } }.sorted {
            ($0.1.area, $1.0.id) > ($1.1.area, $0.0.id)
        }
        for (c, b) in labelled {
            let p = labelPoint(b)
            let text = c.name ?? c.id
            let w = textWidth(text, fontSize: fontSize)
            let x = sx(p.x), y = sy(p.y) + fontSize * 0.35
            var chosen: BoundingBox? = nil
            // The label point first, then shifted up or down, then sideways; a shifted label stays inside its community.
            let shifts: [(Double, Double)] = [(0, 0), (0, -1.2), (0, 1.2), (0, -2.4), (0, 2.4), (-0.6, 0), (0.6, 0)]
            for (kx, ky) in shifts {
                let cx = x + kx * (w + 20), cy = y + ky * fontSize
                if kx != 0 || ky != 0,
                    !b.contains(Point((cx - margin) / scale + box.minX, box.maxY - (cy - fontSize * 0.35 - top) / scale))
                {
                    continue
                }
                let candidate = BoundingBox(
                    minX: cx - w / 2 - 1, minY: cy - fontSize, maxX: cx + w / 2 + 1, maxY: cy + fontSize * 0.3)
                if !placed.contains(where: { $0.intersects(candidate) }) { chosen = candidate; break }
            }
            guard let spot = chosen else { continue }
            placed.append(spot)
            svg +=
                "<text class=\"label\" data-id=\"\(escape(c.id))\" x=\"\(f(spot.center.x))\" y=\"\(f(spot.maxY - fontSize * 0.3))\">\(escape(text))</text>\n"
        }
        svg += "</g>\n"
        // Proposed sites on top of everything, numbered by rank.
        if !overlays.sites.isEmpty {
            svg += "<g id=\"sites\" font-size=\"10\" font-weight=\"bold\" text-anchor=\"middle\">\n"
            for s in overlays.sites.sorted(by: { $0.rank > $1.rank }) {
                let x = sx(s.location.x), y = sy(s.location.y)
                svg +=
                    "<g class=\"site\" data-rank=\"\(s.rank)\"><circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"9\" fill=\"#fdcb6e\" stroke=\"#2d3436\" stroke-width=\"1.5\"/><text x=\"\(f(x))\" y=\"\(f(y + 3.5))\">\(s.rank)</text></g>\n"
            }
            svg += "</g>\n"
        }
        svg += legend(
            x: width - legendWidth, y: top, overlays: overlays, hasNoData: hasNoData(snapshot, overlays), language: language)
        svg += scaleBar(x: margin, y: top + mapHeight + 22, metresPerPixel: 1 / scale)
        svg += northArrow(x: margin + mapWidth - 24, y: top + 34)
        svg += "</svg>\n"
        return svg
    }

    static let coveredColor = "#2e86de", uncoveredColor = "#1e272e", neutralBuildingColor = "#636e72", noDataColor = "#dddddd"

    /// Dot radius in pixels: area proportional to households, 1.2 to 7 px.
    public static func buildingRadius(households: Int) -> Double {
        max(1.2, min(7, Double(max(households, 0)).squareRoot() * 0.3))
    }

    static func hasNoData(_ snapshot: Snapshot, _ o: MapOverlays) -> Bool {
        guard o.valueLegend != nil else { return false }
        return snapshot.communities.contains { $0.boundary != nil && (o.communityValues[$0.id] ?? nil) == nil }
    }

    /// A point inside the largest polygon: its centroid when inside, else the middle of the
    /// widest inside stretch of the horizontal line through the centroid.
    static func labelPoint(_ mp: MultiPolygon) -> Point {
        guard let poly = mp.polygons.max(by: { $0.area < $1.area }) else { return mp.centroid }
        let c = poly.centroid
        if poly.contains(c) { return c }
        var xs: [Double] = []
        let ring = poly.exterior
        for i in 0..<(ring.count - 1) {
            let a = ring[i], b = ring[i + 1]
            if (a.y <= c.y) != (b.y <= c.y) { xs.append(a.x + (c.y - a.y) / (b.y - a.y) * (b.x - a.x)) }
        }
        xs.sort()
        var best: (Double, Double)? = nil
        var i = 0
        while i + 1 < xs.count {
            if best == nil || xs[i + 1] - xs[i] > best!.1 - best!.0 { best = (xs[i], xs[i + 1]) }
            i += 2
        }
        if let best { return Point((best.0 + best.1) / 2, c.y) }
        return c
    }

    /// Estimated width of `text` in pixels: CJK characters one em, others 0.6 em.
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? fontSize : fontSize * 0.6) }
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

    /// Height of the legend in pixels (to size the drawing).
    static func legendHeight(overlays: MapOverlays, hasNoData: Bool) -> Double {
        var rows = 0.0
        if overlays.valueLegend != nil { rows += 20 + 5 * 18 + (hasNoData ? 18 : 0) + 6 }
        rows += 20 + 2 * 18 + 6 + 20 + Double(FacilityKind.allCases.count) * 18 + 18
        if !overlays.sites.isEmpty { rows += 18 }
        if !overlays.gapOutlines.isEmpty { rows += 18 }
        if !overlays.gridBoundaries.isEmpty { rows += 18 }
        return rows
    }

    static func legend(
        x: Double, y: Double, overlays: MapOverlays, hasNoData: Bool, language d: DocumentLanguage = .both
    ) -> String {
        var s = "<g id=\"legend\" font-size=\"12\" transform=\"translate(\(x),\(y))\">\n"
        var row = 0.0
        func line(_ text: String) { s += "<text x=\"22\" y=\"\(row + 11)\">\(escape(text))</text>\n"; row += 18 }
        func heading(_ text: String) {
            s += "<text x=\"0\" y=\"\(row + 11)\" font-weight=\"bold\">\(escape(text))</text>\n"; row += 20
        }
        if let legend = overlays.valueLegend {
            heading(legend.title)
            let stops = [0, legend.threshold * 0.5, legend.threshold, (legend.threshold + legend.good) / 2, legend.good]
            for v in stops {
                s +=
                    "<rect x=\"0\" y=\"\(row)\" width=\"16\" height=\"12\" fill=\"\(color(v, legend))\" stroke=\"#444\" stroke-width=\"0.5\"/>\n"
                let suffix =
                    v == legend.threshold
                    ? legend.thresholdLabel.map { " (\($0))" } ?? "" : (v == legend.good && legend.openEnded ? " +" : "")
                line(legend.format(v) + suffix)
            }
            if hasNoData {
                s +=
                    "<rect x=\"0\" y=\"\(row)\" width=\"16\" height=\"12\" fill=\"\(noDataColor)\" stroke=\"#444\" stroke-width=\"0.5\"/>\n"
                line(d.text("map.legend.no_households"))
            }
            row += 6
        }
        heading(d.text("map.legend.buildings"))
        let rows =
            overlays.buildingCovered.isEmpty
            ? [(neutralBuildingColor, d.text("map.legend.building"))]
            : [(coveredColor, d.text("map.legend.covered")), (uncoveredColor, d.text("map.legend.not_covered"))]
        for (fill, text) in rows {
            s += "<circle cx=\"8\" cy=\"\(row + 6)\" r=\"5\" fill=\"\(fill)\"/>\n"; line(text)
        }
        row += 6
        heading(d.text("map.legend.facilities"))
        for kind in FacilityKind.allCases {
            s += "<rect x=\"3\" y=\"\(row + 1)\" width=\"10\" height=\"10\" fill=\"\(kindColors[kind]!)\"/>\n"
            let english = kind.rawValue.replacingOccurrences(of: "_", with: " ")
            line(d == .both ? kind.chineseName + " " + english : d.single == .zh ? kind.chineseName : english)
        }
        s += "<text x=\"0\" y=\"\(row + 11)\" fill=\"#555\" font-size=\"11\">\(escape(d.text("map.legend.large")))</text>\n";
        row += 18
        if !overlays.sites.isEmpty {
            s += "<circle cx=\"8\" cy=\"\(row + 6)\" r=\"7\" fill=\"#fdcb6e\" stroke=\"#2d3436\"/>\n";
            line(d.text("map.legend.site"))
        }
        if !overlays.gapOutlines.isEmpty {
            s +=
                "<rect x=\"1\" y=\"\(row + 1)\" width=\"14\" height=\"10\" fill=\"none\" stroke=\"#c0392b\" stroke-dasharray=\"4,2\"/>\n";
            line(d.text("map.legend.gap"))
        }
        if !overlays.gridBoundaries.isEmpty {
            s +=
                "<line x1=\"0\" y1=\"\(row + 6)\" x2=\"16\" y2=\"\(row + 6)\" stroke=\"#5f27cd\" stroke-width=\"1.1\" stroke-dasharray=\"4,2\"/>\n";
            line(d.text("map.legend.grid"))
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
            <g id="scalebar" font-size="12" data-length-m="\(Int(length))" data-length-px="\(String(format: "%.2f", px))"><rect x="\(x)" y="\(y)" width="\(px / 2)" height="6" fill="#2d3436"/><rect x="\(x + px / 2)" y="\(y)" width="\(px / 2)" height="6" fill="#fff" stroke="#2d3436"/><text x="\(x)" y="\(y + 20)">0</text><text x="\(x + px)" y="\(y + 20)" text-anchor="middle">\(label)</text></g>

            """
    }

    /// An arrow pointing to grid north (the working CRS's y axis).
    static func northArrow(x: Double, y: Double) -> String {
        """
        <g id="north" transform="translate(\(x),\(y))"><circle r="19" cy="-2" fill="#ffffff" fill-opacity="0.8"/><path d="M0,-22 L8,8 L0,2 L-8,8 Z" fill="#2d3436"/><text x="0" y="22" font-size="13" text-anchor="middle" font-weight="bold">N</text></g>

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
