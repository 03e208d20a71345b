import Testing
import GridGeo

@Test(arguments: [0, 1, 2, 15, 16, 17, 1_000])
func parallelChunksKeepIndexOrderForAnyChunkCount(count: Int) {
    let expected = (0..<count).map { $0 * $0 + 1 }
    for chunks in [1, 2, 3, 8, 16, 64] {
        #expect(parallelMap(count: count, chunks: chunks) { $0 * $0 + 1 } == expected)
        // a chunk sees one contiguous range and may keep scratch state across it
        let ranges = parallelChunks(count: count, chunks: chunks) { range -> [Range<Int>] in
            Array(repeating: range, count: range.count)
        }
        #expect(ranges.count == count)
        var previousEnd = 0
        for range in Set(ranges).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            #expect(range.lowerBound == previousEnd && !range.isEmpty)
            previousEnd = range.upperBound
        }
        #expect(previousEnd == count)
    }
}

@Test func parallelChunksUseAtMostTheChunksAsked() {
    let ranges = Set(parallelChunks(count: 100, chunks: 7) { range in Array(repeating: range, count: range.count) })
    #expect(ranges.count == 7)
    #expect(Set(parallelChunks(count: 3, chunks: 16) { range in Array(repeating: range, count: range.count) }).count == 3)
}
