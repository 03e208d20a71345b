import GridGeo
import GridModel

/// Which facilities count toward the area standard and coverage, and how far each one reaches.
///
/// Rules (docs/standards.md area.counted_kinds and reach.*): kinds in `countedKinds` always
/// count; other kinds count only when `embedded` is true. Street-level facilities reach the
/// 15-minute circle (`streetReach`, 1,000 m); all others reach `radius`.
public struct FacilitySelection: Sendable {
    /// Kinds that always count.
    public var countedKinds: Set<FacilityKind>
    /// When false, only `countedKinds` count, embedded or not (`--count-kinds` given explicitly).
    public var countEmbeddedOthers: Bool
    /// Reach of community- and grid-level facilities, metres.
    public var radius: Double
    /// Reach of street- and district-level facilities, metres (the 15-minute circle).
    public var streetReach: Double

    public init(countedKinds: Set<FacilityKind>, countEmbeddedOthers: Bool = true, radius: Double, streetReach: Double) {
        self.countedKinds = countedKinds
        self.countEmbeddedOthers = countEmbeddedOthers
        self.radius = radius
        self.streetReach = streetReach
    }

    /// The defaults of a standards file with the given radius.
    public init(standards: PolicyStandards, radius: Double? = nil) {
        self.init(
            countedKinds: standards.countedKinds, countEmbeddedOthers: true,
            radius: radius ?? standards.defaultRadius, streetReach: standards.streetLevelReach)
    }

    /// Whether `f` counts.
    public func counts(_ f: Facility) -> Bool {
        countedKinds.contains(f.kind) || (countEmbeddedOthers && f.embedded)
    }

    /// How far `f` reaches, metres.
    public func reach(of f: Facility) -> Double { reach(level: f.level) }

    /// How far a facility at `level` reaches: street and district level the 15-minute circle, others `radius`.
    public func reach(level: FacilityLevel?) -> Double {
        level == .street || level == .district ? max(streetReach, radius) : radius
    }

    /// Indices of the counted facilities in `facilities`, in order.
    public func countedIndices(_ facilities: [Facility]) -> [Int] {
        facilities.indices.filter { counts(facilities[$0]) }
    }
}
