import GridGeo
import GridModel

/// How a facility's usable area is attributed to communities (or grids) for the area standard.
public enum AreaAllocationMethod: String, Codable, Sendable, CaseIterable {
    /// A facility's whole area belongs to the community it lies in (`community_id`).
    case community
    /// A facility's area is shared among the communities whose households lie within its
    /// reach, in proportion to those households (street-level facilities reach the 15-minute
    /// circle, others the radius). A facility whose reach holds no households at all falls
    /// back to its own community.
    case reach
}

/// The area each key (a community id or a grid id) receives from the counted facilities.
public struct AreaAllocation: Sendable, Equatable {
    /// Usable area attributed to each key, m² (exact, unrounded).
    public var areaByKey: [String: Double] = [:]
    /// Number of counted facilities contributing a positive share (or, for a zero-area
    /// facility, attributed) to each key.
    public var facilityCountByKey: [String: Int] = [:]
    /// Area of counted facilities attributed to no key (outside every community, or, by
    /// reach, outside every community with no households in reach), m².
    public var unallocatedArea: Double = 0
    /// Ids of the facilities whose area (or part of it) went unallocated, sorted.
    public var unallocatedFacilityIds: [String] = []
    /// Ids of the facilities that fell back to their own key because their reach held no households (reach only), sorted.
    public var reachFallbackFacilityIds: [String] = []

    public init() {}

    /// Attributes the area of `facilities[counted]` to keys.
    ///
    /// - Parameters:
    ///   - buildings: the households that weigh the reach shares.
    ///   - buildingKey: the key a building's households belong to (nil: not weighed).
    ///   - ownKey: the key a facility belongs to by itself (nil: outside every key).
    ///   - method: `.community` gives each facility to `ownKey`; `.reach` shares it.
    ///   - selection: which facilities count and how far each reaches.
    /// - Complexity: O(b log b) to build a k-d tree over the buildings, then per facility a
    ///   radius query, O(√b + k) for k buildings in reach. Never all facility–building pairs.
    public static func allocate(
        facilities: [Facility], buildings: [Building],
        buildingKey: (Building) -> String?, ownKey: (Facility) -> String?,
        method: AreaAllocationMethod, selection: FacilitySelection
    ) -> AreaAllocation {
        var result = AreaAllocation()
        var unallocated = Set<String>()
        var fallbacks: [String] = []
        let counted = selection.countedIndices(facilities)

        func give(_ key: String?, _ area: Double, _ f: Facility) {
            guard let key else {
                result.unallocatedArea += area
                unallocated.insert(f.id)
                return
            }
            result.areaByKey[key, default: 0] += area
            result.facilityCountByKey[key, default: 0] += 1
        }

        switch method {
        case .community:
            for i in counted { give(ownKey(facilities[i]), facilities[i].usableAreaM2, facilities[i]) }
        case .reach:
            // Only buildings with households and a key weigh the shares.
            let weighed = buildings.filter { $0.households > 0 && buildingKey($0) != nil }
            let keys = weighed.map { buildingKey($0)! }
            let tree = KDTree(points: weighed.map(\.location))
            for i in counted {
                let f = facilities[i]
                var weights: [String: Int] = [:]
                tree.forEach(within: selection.reach(of: f), of: f.location) { j, _ in
                    weights[keys[j], default: 0] += weighed[j].households
                }
                let total = weights.values.reduce(0, +)
                if total == 0 {
                    fallbacks.append(f.id)
                    give(ownKey(f), f.usableAreaM2, f)
                    continue
                }
                for key in weights.keys.sorted() {
                    give(key, f.usableAreaM2 * Double(weights[key]!) / Double(total), f)
                }
            }
        }
        result.unallocatedFacilityIds = unallocated.sorted()
        result.reachFallbackFacilityIds = fallbacks.sorted()
        return result
    }
}
