/// The warm start the siting programs give CBC (`MaximalCoveringProgram`, `PMedianProgram`).
enum SitingWarmStart {
    /// A value for each of a program's `variableCount` variables: the site variable `sites[j]`
    /// is 1 for the free candidates fixed in, then the incumbent's, then the first other free
    /// ones, until `count` are open; every other variable is 0 (CBC completes the rest).
    /// `sites[j]` is -1 for a candidate left out of the program.
    static func values(
        variableCount: Int, sites: [Int], free: [Int], fixedIn: [Bool], incumbent: [Int], count: Int
    ) -> [Double] {
        var start = [Double](repeating: 0, count: variableCount)
        var open = 0
        func openSite(_ j: Int) {
            guard open < count, sites[j] >= 0, start[sites[j]] == 0 else { return }
            start[sites[j]] = 1
            open += 1
        }
        if !fixedIn.isEmpty { for j in free where fixedIn[j] { openSite(j) } }
        for j in Set(incumbent).sorted() { openSite(j) }
        for j in free { openSite(j) }
        return start
    }
}
