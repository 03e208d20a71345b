import ArgumentParser
import Foundation
import GridService

/// `gridplan map --out FILE.svg [--theme area|coverage|grids|sites]`: the district on one SVG map.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw the district as one SVG map: communities shaded, buildings by coverage, facilities, gaps, grids.",
        discussion: """
        Themes: area (communities shaded by facility area per 100 households against the standard), coverage \
        (by the share of households within reach), grids (grid boundaries over neutral communities), sites \
        (area shading with the proposed sites of `gridplan site`, numbered by rank). Every theme but grids also draws \
        the first --sites proposed sites. Every theme draws buildings \
        as dots sized by households and coloured covered/not covered, facilities by kind, gap neighbourhoods \
        outlined, stored grid boundaries, a legend, a scale bar and a north arrow. Chinese labels use the first \
        installed font of a CJK fallback list (Noto Sans CJK SC, WenQuanYi Micro Hei, ...).
        """)

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "The SVG file to write (- for stdout).")
    var out: String

    @Option(name: .long, help: "What shades the communities: area, coverage, grids or sites.")
    var theme: String = "area"

    @Option(name: .long, help: "Coverage reach of community- and grid-level facilities, metres (default reach.default, 500).")
    var radius: Double?

    @Option(name: .long, help: "Title printed on the map.")
    var title: String?

    @Option(name: .long, help: "Width of the drawing in pixels.")
    var width: Double?

    @Option(name: .long, help: "Proposed sites to draw, numbered by rank (the first N of `gridplan site`; 0 for none).")
    var sites: Int = 10

    @Option(name: .long, help: "A standards file replacing seeds/standards.json.")
    var standards: String?

    func run() throws {
        try reportingErrors {
            let target = OutputTarget(out)
            let options = MapOptions(theme: theme, out: target.path, radius: radius, title: title,
                                     width: width, sites: sites, standards: standards)
            let result = try store.context().map(options)
            target.deliver(text: result.svg, summary: "map: \(result.path ?? out): \(result.communities) communities, "
                + "\(result.buildings) buildings, \(result.facilities) facilities, \(result.gaps) gap neighbourhoods, "
                + "\(result.grids) grids, \(result.sites) sites")
        }
    }
}
