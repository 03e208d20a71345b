/// One kind of file in a dataset folder.
struct EntitySpec {
    /// Base name: `buildings` for `buildings.geojson` / `buildings.csv`.
    let name: String
    let required: Bool
    /// CSV-only entities (households, units, compliance records) have no geometry.
    let csvOnly: Bool
    /// Geometry rule, nil for non-spatial entities.
    let geometry: GeometryRule?

    static let communities = EntitySpec(name: "communities", required: true, csvOnly: false, geometry: .area)
    static let grids = EntitySpec(name: "grids", required: false, csvOnly: false, geometry: .area)
    static let buildings = EntitySpec(name: "buildings", required: true, csvOnly: false, geometry: .site)
    static let households = EntitySpec(name: "households", required: false, csvOnly: true, geometry: nil)
    static let facilities = EntitySpec(name: "facilities", required: true, csvOnly: false, geometry: .site)
    static let candidates = EntitySpec(name: "candidates", required: false, csvOnly: false, geometry: .site)
    static let roads = EntitySpec(name: "roads", required: false, csvOnly: false, geometry: .line)
    static let units = EntitySpec(name: "units", required: false, csvOnly: true, geometry: nil)
    static let secretaries = EntitySpec(name: "secretaries", required: false, csvOnly: true, geometry: nil)
    static let contacts = EntitySpec(name: "contacts", required: false, csvOnly: true, geometry: nil)
    static let ratings = EntitySpec(name: "ratings", required: false, csvOnly: true, geometry: nil)
    static let observations = EntitySpec(name: "observations", required: false, csvOnly: true, geometry: nil)

    /// Every entity, in reading order.
    static let all: [EntitySpec] = [
        .communities, .grids, .buildings, .households, .facilities, .candidates, .roads,
        .units, .secretaries, .contacts, .ratings, .observations
    ]
}
