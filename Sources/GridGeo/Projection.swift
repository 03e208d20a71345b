import CProj
import Foundation

/// An error from PROJ or from a coordinate conversion: what failed, as a case with its values,
/// and PROJ's own message (`detail`, in PROJ's English).
public struct ProjectionError: Error, CustomStringConvertible, Sendable {
    /// What failed.
    public enum Kind: Sendable, Hashable {
        case unknownCRS(String)
        case notACRS(String)
        case noTransformation(from: String, to: String)
        case axisOrder(from: String, to: String)
        /// A point that PROJ could not convert; `index` is 1-based within a batch, nil for one point.
        case cannotConvert(index: Int?, x: Double, y: Double, from: String, to: String)

        /// The English text.
        public var english: String {
            switch self {
            case .unknownCRS(let name): "unknown CRS '\(name)'"
            case .notACRS(let name): "'\(name)' is not a coordinate reference system"
            case .noTransformation(let from, let to): "no transformation from \(from) to \(to)"
            case .axisOrder(let from, let to): "cannot normalize axis order from \(from) to \(to)"
            case .cannotConvert(nil, let x, let y, let from, let to): "cannot convert (\(x), \(y)) from \(from) to \(to)"
            case .cannotConvert(let i?, let x, let y, let from, let to):
                "cannot convert point \(i) (\(x), \(y)) from \(from) to \(to)"
            }
        }
    }
    public var kind: Kind
    /// PROJ's message and anything it logged (empty when PROJ said nothing).
    public var detail: String
    public init(_ kind: Kind, detail: String = "") {
        self.kind = kind
        self.detail = detail
    }
    /// The English text: what failed, then PROJ's message.
    public var message: String { detail.isEmpty ? kind.english : kind.english + ": " + detail }
    public var description: String { message }
}

/// PROJ's version and the path of the proj.db it reads.
public enum ProjInfo {
    public static var version: String { String(cString: proj_info().version) }

    /// The proj.db a context of this program reads ("" when PROJ has none).
    public static var databasePath: String { ProjContext().databasePath ?? "" }
}

/// Owns one PROJ context. PROJ contexts must not be shared between threads, so this
/// class is deliberately not `Sendable`: make one per thread.
///
/// PROJ keeps the last error in the context and leaves it there ("sticky") until it is reset:
/// a later call that fails without setting an error of its own would report the old one. So every
/// error is read from, and reset on, this context or the object that failed (never PROJ's default
/// context, which `proj_errno_reset(nil)` would reset).
final class ProjContext {
    let handle: OpaquePointer
    /// Messages PROJ logged since the last `takeError`.
    fileprivate var log: [String] = []
    /// An object of this context, made when a context-level error must be reset: PROJ resets a
    /// context's error only through an object of that context.
    private var errorResetObject: OpaquePointer?

    init() {
        handle = proj_context_create()
        proj_context_set_enable_network(handle, 0)
        proj_log_level(handle, PJ_LOG_ERROR)
        let me = Unmanaged.passUnretained(self).toOpaque()
        proj_log_func(handle, me) { user, _, message in
            guard let user, let message else { return }
            let ctx = Unmanaged<ProjContext>.fromOpaque(user).takeUnretainedValue()
            ctx.log.append(String(cString: message))
        }
    }

    deinit {
        if let errorResetObject { proj_destroy(errorResetObject) }
        proj_log_func(handle, nil, nil)
        proj_context_destroy(handle)
    }

    /// The path of the proj.db this context reads, or nil.
    var databasePath: String? {
        proj_context_get_database_path(handle).map { String(cString: $0) }
    }

    /// The current error of `object` (a PROJ object of this context), or of the context itself
    /// when nil, as a `ProjectionError` of `kind` with PROJ's message and anything logged;
    /// resets both the error and the log.
    func takeError(_ kind: ProjectionError.Kind, object: OpaquePointer? = nil) -> ProjectionError {
        let code = object.map { proj_errno($0) } ?? proj_context_errno(handle)
        var parts: [String] = []
        if code != 0, let s = proj_context_errno_string(handle, code) { parts.append(String(cString: s)) }
        parts.append(contentsOf: log.filter { !parts.contains($0) })
        log.removeAll()
        resetError(object: object)
        return ProjectionError(kind, detail: parts.joined(separator: "; "))
    }

    /// Clears the error of `object` and of this context (through `object`, or an object of this
    /// context kept for it).
    private func resetError(object: OpaquePointer?) {
        if let object {
            proj_errno_reset(object)
            return
        }
        guard proj_context_errno(handle) != 0 else { return }
        if errorResetObject == nil {
            errorResetObject = proj_create(handle, "+proj=longlat +ellps=WGS84")
        }
        if let errorResetObject { proj_errno_reset(errorResetObject) }
    }
}

/// A PROJ object handle, destroyed with its owner.
final class ProjObject {
    let handle: OpaquePointer
    let context: ProjContext
    init(_ handle: OpaquePointer, _ context: ProjContext) { self.handle = handle; self.context = context }
    deinit { proj_destroy(handle) }
}

/// Converts points between two coordinate systems, with longitude first for geographic ones
/// (axis order normalized for visualization) whatever the CRS definition says.
///
/// GCJ-02 and BD-09 are handled in the project (via WGS84); everything else by PROJ.
/// Not thread-safe: create one per thread (it owns a PROJ context).
public final class CoordinateTransformer {
    public let source: CoordinateSystem
    public let target: CoordinateSystem
    private let context = ProjContext()
    /// The PROJ leg between the PROJ-known ends (nil when both ends are the same or both are WGS84-derived).
    private var operation: ProjObject?
    private let projSource: String
    private let projTarget: String

    /// Prepares the conversion; throws a `ProjectionError` with PROJ's message when either CRS is unknown.
    public init(from source: CoordinateSystem, to target: CoordinateSystem) throws {
        self.source = source
        self.target = target
        projSource = CoordinateTransformer.projDefinition(source)
        projTarget = CoordinateTransformer.projDefinition(target)
        try CoordinateTransformer.checkCRS(projSource, context, name: source.description)
        try CoordinateTransformer.checkCRS(projTarget, context, name: target.description)
        if projSource != projTarget {
            guard let raw = proj_create_crs_to_crs(context.handle, projSource, projTarget, nil) else {
                throw context.takeError(.noTransformation(from: "\(source)", to: "\(target)"))
            }
            let raw2 = proj_normalize_for_visualization(context.handle, raw)
            proj_destroy(raw)
            guard let norm = raw2 else {
                throw context.takeError(.axisOrder(from: "\(source)", to: "\(target)"))
            }
            operation = ProjObject(norm, context)
        }
    }

    /// PROJ's definition for the PROJ-side end of a conversion (GCJ-02 and BD-09 go through WGS84).
    static func projDefinition(_ crs: CoordinateSystem) -> String {
        switch crs {
        case .proj(let s): return s
        case .gcj02, .bd09: return "EPSG:4326"
        }
    }

    /// Throws unless PROJ can build a CRS from `definition`.
    static func checkCRS(_ definition: String, _ context: ProjContext, name: String) throws {
        guard let pj = proj_create(context.handle, definition) else {
            throw context.takeError(.unknownCRS(name))
        }
        defer { proj_destroy(pj) }
        if proj_is_crs(pj) == 0 {
            throw ProjectionError(.notACRS(name))
        }
    }

    /// Whether a PROJ-known CRS is geographic (degrees); GCJ-02 and BD-09 are.
    public static func isGeographic(_ crs: CoordinateSystem) throws -> Bool {
        guard case .proj(let def) = crs else { return true }
        let ctx = ProjContext()
        guard let pj = proj_create(ctx.handle, def) else {
            throw ctx.takeError(.unknownCRS(def))
        }
        defer { proj_destroy(pj) }
        switch proj_get_type(pj) {
        case PJ_TYPE_GEOGRAPHIC_2D_CRS, PJ_TYPE_GEOGRAPHIC_3D_CRS, PJ_TYPE_GEOGRAPHIC_CRS: return true
        default: return false
        }
    }

    /// Converts one point; throws when PROJ cannot (the result would be infinite).
    public func transform(_ p: Point) throws -> Point {
        var q = p
        switch source {
        case .gcj02: q = ChinaCoordinates.gcj02ToWGS84(q)
        case .bd09: q = ChinaCoordinates.bd09ToWGS84(q)
        case .proj: break
        }
        if let op = operation {
            let out = proj_trans(op.handle, PJ_FWD, proj_coord(q.x, q.y, 0, 0))
            let r = Point(out.xy.x, out.xy.y)
            guard r.isFinite else {
                throw context.takeError(
                    .cannotConvert(index: nil, x: p.x, y: p.y, from: "\(source)", to: "\(target)"), object: op.handle)
            }
            q = r
        }
        switch target {
        case .gcj02: q = ChinaCoordinates.wgs84ToGCJ02(q)
        case .bd09: q = ChinaCoordinates.wgs84ToBD09(q)
        case .proj: break
        }
        return q
    }

    /// Converts many points in place with one PROJ call; throws naming the first point PROJ could not convert.
    public func transform(_ points: inout [Point]) throws {
        if points.isEmpty { return }
        switch source {
        case .gcj02: for i in points.indices { points[i] = ChinaCoordinates.gcj02ToWGS84(points[i]) }
        case .bd09: for i in points.indices { points[i] = ChinaCoordinates.bd09ToWGS84(points[i]) }
        case .proj: break
        }
        if let op = operation {
            let original = points
            let n = points.count
            let stride = MemoryLayout<Point>.stride
            points.withUnsafeMutableBytes { raw in
                let base = raw.baseAddress!.assumingMemoryBound(to: Double.self)
                _ = proj_trans_generic(
                    op.handle, PJ_FWD,
                    base, stride, n,
                    base + 1, stride, n,
                    nil, 0, 0, nil, 0, 0)
            }
            if let bad = points.firstIndex(where: { !$0.isFinite }) {
                let p = original[bad]
                throw context.takeError(
                    .cannotConvert(index: bad + 1, x: p.x, y: p.y, from: "\(source)", to: "\(target)"), object: op.handle)
            }
        }
        switch target {
        case .gcj02: for i in points.indices { points[i] = ChinaCoordinates.wgs84ToGCJ02(points[i]) }
        case .bd09: for i in points.indices { points[i] = ChinaCoordinates.wgs84ToBD09(points[i]) }
        case .proj: break
        }
    }
}
