import GridGeo
import GridModel
import TestSupport

enum GridsFixtures {
    static let metadata = DatasetMetadata(name: "test", sourceCRS: "EPSG:4326", workingCRS: "EPSG:4547")

    /// A building at (x, y) metres with a made-up lon/lat.
    static func building(
        _ id: String, _ community: String, _ x: Double, _ y: Double, households: Int,
        formal: Int = 0, probationary: Int = 0, grid: String? = nil
    ) -> Building {
        Building(
            id: id, communityId: community, gridId: grid, households: households, partyMembers: formal,
            probationaryMembers: probationary, location: Point(x, y),
            lonLat: Point(116 + x / 85_000, 39 + y / 111_000))
    }

    /// Buildings of one community in compounds (clusters) inside an 800 m square at `origin`;
    /// households 20–180, about 4 % above 500.
    static func randomCommunity(
        _ id: String, buildings n: Int, origin: Point,
        using rng: inout SeededGenerator
    ) -> [Building] {
        let clusters = Int.random(in: 1...4, using: &rng)
        let centres = (0..<clusters).map { _ in
            Point(origin.x + Double.random(in: 100...700, using: &rng), origin.y + Double.random(in: 100...700, using: &rng))
        }
        return (0..<n).map { i in
            let c = centres[Int.random(in: 0..<clusters, using: &rng)]
            let x = c.x + Double.random(in: -120...120, using: &rng)
            let y = c.y + Double.random(in: -120...120, using: &rng)
            let big = Int.random(in: 0..<25, using: &rng) == 0
            let hh = big ? Int.random(in: 501...700, using: &rng) : Int.random(in: 20...180, using: &rng)
            let num = String(i)
            return building(
                id + "-B" + String(repeating: "0", count: max(0, 3 - num.count)) + num, id, x, y, households: hh,
                formal: Int.random(in: 0...4, using: &rng), probationary: Int.random(in: 0...1, using: &rng))
        }
    }

    static func snapshot(_ buildings: [Building], grids: [Grid] = [], households: [Household] = []) -> Snapshot {
        let ids = Set(buildings.map(\.communityId)).sorted()
        return Snapshot(
            metadata: metadata, communities: ids.map { Community(id: $0, name: "社区" + $0) },
            grids: grids, buildings: buildings, households: households)
    }
}
