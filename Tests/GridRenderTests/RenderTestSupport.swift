import GridGeo
/// The seeded generator (SplitMix64) of this test target's property tests.
typealias SeededGenerator = SplitMix64
