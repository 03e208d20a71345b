import GridGeo

/// The seeded generator of every property test (GridGeo's SplitMix64), so a failure reproduces
/// from the seed it names, on any platform.
public typealias SeededGenerator = SplitMix64
