import Foundation
import GridService
import GridStore

/// The map index of the store's current state: built once per state (the first build starts
/// with the server, so the first view does not wait for it), shared by every map request, and
/// rebuilt after a method that wrote. Requests arriving while it is built wait for that one build.
final class MapCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cached: (generation: Int, index: MapIndex)?
    private var building: (generation: Int, task: Task<MapIndex, any Error>)?

    /// The layers the map draws (households are never read for it).
    static let layers: Set<StoreLayer> = [.communities, .grids, .buildings, .facilities, .candidates]

    /// Starts building the index of the current state in the background.
    func prepare(_ runner: MethodRunner) {
        Task { _ = try? await index(runner) }
    }

    /// The index of the store's current state.
    func index(_ runner: MethodRunner) async throws -> MapIndex {
        let generation = runner.generation
        if let hit = lock.withLock({ cached?.generation == generation ? cached?.index : nil }) { return hit }
        let task: Task<MapIndex, any Error> = lock.withLock {
            if let b = building, b.generation == generation { return b.task }
            let t = Task { try await Self.build(runner) }
            building = (generation, t)
            return t
        }
        do {
            let index = try await task.value
            lock.withLock { if (cached?.generation ?? -1) <= generation { cached = (generation, index) } }
            return index
        } catch {
            // A failed build is not kept: the next request tries again.
            lock.withLock { if building?.generation == generation { building = nil } }
            throw error
        }
    }

    private static func build(_ runner: MethodRunner) async throws -> MapIndex {
        let context = runner.context.requestContext()
        let built = await runner.perform(deadline: nil, counted: false) { () -> Result<MapIndex, ErrorText> in
            do {
                let snapshot = try context.snapshot(layers: layers)
                let coverage = try context.coverage(CoverageOptions())
                return .success(MapIndex(snapshot: snapshot, coverage: coverage))
            } catch {
                return .failure(ErrorText(error: error))
            }
        }
        switch built {
        case .done(.success(let index)): return index
        case .done(.failure(let e)): throw e.error
        case .busy, .timedOut: throw CancellationError()
        }
    }
}

/// An error carried out of the methods' queue.
struct ErrorText: Error, @unchecked Sendable {
    let error: Error
}
