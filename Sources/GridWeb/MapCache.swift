import Foundation
import GridService
import GridStore

/// The map indexes of the store's current state, one per distance (straight line, and the
/// walking network when asked for): each built once per state (the straight-line one starts
/// with the server, so the first view does not wait for it), shared by every map request, and
/// rebuilt after a method that wrote. Requests arriving while one is built wait for that build.
final class MapCache: @unchecked Sendable {
    private struct Key: Hashable {
        var generation: Int
        var network: Bool
    }

    private let lock = NSLock()
    private var cached: [Bool: (generation: Int, index: MapIndex)] = [:]
    private var building: [Key: Task<MapIndex, any Error>] = [:]

    /// The layers the map draws (households are never read for it; roads only for the network).
    static func layers(network: Bool) -> Set<StoreLayer> {
        network
            ? [.communities, .grids, .buildings, .facilities, .candidates, .roads]
            : [.communities, .grids, .buildings, .facilities, .candidates]
    }

    /// Starts building the straight-line index of the current state in the background.
    func prepare(_ runner: MethodRunner) {
        Task { _ = try? await index(runner, network: false) }
    }

    /// The index of the store's current state, buildings coloured by the straight-line coverage
    /// or (`network`) the coverage along the walking network.
    func index(_ runner: MethodRunner, network: Bool = false) async throws -> MapIndex {
        let generation = runner.generation
        let key = Key(generation: generation, network: network)
        if let hit = lock.withLock({ cached[network]?.generation == generation ? cached[network]?.index : nil }) {
            return hit
        }
        let task: Task<MapIndex, any Error> = lock.withLock {
            if let t = building[key] { return t }
            let t = Task { try await Self.build(runner, network: network) }
            building = building.filter { $0.key.generation >= generation }
            building[key] = t
            return t
        }
        do {
            let index = try await task.value
            lock.withLock {
                if (cached[network]?.generation ?? -1) <= generation { cached[network] = (generation, index) }
            }
            return index
        } catch {
            // A failed build is not kept: the next request tries again.
            lock.withLock { building[key] = nil }
            throw error
        }
    }

    private static func build(_ runner: MethodRunner, network: Bool) async throws -> MapIndex {
        let context = runner.context.requestContext()
        let built = await runner.perform(deadline: nil, counted: false) { () -> Result<MapIndex, ErrorText> in
            do {
                let snapshot = try context.snapshot(layers: layers(network: network))
                var options = CoverageOptions()
                options.network = network
                let coverage = try context.coverage(options)
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
