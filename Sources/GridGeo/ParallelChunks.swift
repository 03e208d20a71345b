import Dispatch

/// Splits `0..<count` into `chunks` contiguous ranges of about equal length, runs `body` on them
/// concurrently and returns what each range produced, concatenated in index order.
///
/// `body` receives one range and returns one element per index of it; scratch state it declares
/// is private to that range, so a chunk can reuse buffers across its indices. The result does not
/// depend on `chunks` (only the load balance does). With one chunk, or `count` ≤ 1, `body` runs on
/// the calling thread.
/// - Precondition: `body(range)` returns exactly `range.count` elements.
public func parallelChunks<Element>(
    count: Int, chunks: Int,
    _ body: @Sendable (Range<Int>) -> [Element]
) -> [Element] {
    let chunkCount = max(1, min(chunks, count))
    if chunkCount == 1 { return count > 0 ? body(0..<count) : [] }
    let parts = UnsafeMutablePointer<[Element]>.allocate(capacity: chunkCount)
    parts.initialize(repeating: [], count: chunkCount)
    defer { parts.deinitialize(count: chunkCount); parts.deallocate() }
    nonisolated(unsafe) let shared = parts
    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
        let range = (count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount)
        let part = body(range)
        precondition(
            part.count == range.count, "parallelChunks: a chunk returned \(part.count) elements for \(range.count) indices")
        shared[chunk] = part  // each chunk writes only its own slot
    }
    var out: [Element] = []
    out.reserveCapacity(count)
    for chunk in 0..<chunkCount { out += parts[chunk] }
    return out
}

/// `transform` applied to every index of `0..<count`, in `chunks` concurrent chunks, in index order.
public func parallelMap<Element>(count: Int, chunks: Int, _ transform: @escaping @Sendable (Int) -> Element) -> [Element] {
    parallelChunks(count: count, chunks: chunks) { range in range.map(transform) }
}
