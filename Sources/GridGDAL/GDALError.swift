import CGDAL

/// An error from GDAL/OGR: what failed, as a case with its values, and GDAL's own messages
/// (`detail`, in GDAL's English; empty when GDAL gave none).
public struct GDALError: Error, CustomStringConvertible, Sendable {
    /// What failed.
    public enum Kind: Sendable, Hashable {
        case remotePathRead(path: String)
        case cannotOpen(path: String)
        case remotePathWrite(path: String)
        case noDriver(String)
        case cannotCreate(path: String, driver: String)
        case cannotReadFeature(layer: String)
        case unknownCRS(String)
        case cannotCreateLayer(layer: String, path: String)
        case cannotAddField(field: String, layer: String)
        case fieldRenamed(field: String, layer: String)
        case cannotWriteFeature(number: Int, layer: String)

        /// The English text.
        public var english: String {
            switch self {
            case .remotePathRead(let path): "remote or virtual paths are not read: \(path)"
            case .cannotOpen(let path): "GDAL cannot open \(path) as vector data"
            case .remotePathWrite(let path): "remote or virtual paths are not written: \(path)"
            case .noDriver(let driver): "GDAL has no driver \(driver)"
            case .cannotCreate(let path, let driver): "GDAL cannot create \(path) as \(driver)"
            case .cannotReadFeature(let layer): "cannot read the next feature of \(layer)"
            case .unknownCRS(let crs): "GDAL does not know the CRS \(crs)"
            case .cannotCreateLayer(let layer, let path): "GDAL cannot create the layer \(layer) in \(path)"
            case .cannotAddField(let field, let layer): "GDAL cannot add the field \(field) to \(layer)"
            case .fieldRenamed(let field, let layer): "GDAL did not keep the field name \(field) in \(layer)"
            case .cannotWriteFeature(let number, let layer): "GDAL cannot write feature \(number) of \(layer)"
            }
        }
    }
    public var kind: Kind
    /// GDAL's own messages, failures first; empty when GDAL said nothing.
    public var detail: String
    public init(_ kind: Kind, detail: String = "") {
        self.kind = kind
        self.detail = detail
    }
    /// GDAL's own messages, or what failed when GDAL gave none (English).
    public var message: String { detail.isEmpty ? kind.english : detail }
    public var description: String { message }
}

/// Collects what GDAL reports through its error handler while a call runs, instead of GDAL's
/// default of printing to stderr. GDAL's handler stack is per thread, so the log is pushed
/// around each call and popped after it.
final class GDALErrorLog {
    private(set) var failures: [String] = []
    private(set) var warnings: [String] = []

    /// Runs `body` with this log as GDAL's error handler.
    func capture<T>(_ body: () throws -> T) rethrows -> T {
        let me = Unmanaged.passUnretained(self).toOpaque()
        CPLPushErrorHandlerEx(
            { errorClass, _, message in
                guard let user = CPLGetErrorHandlerUserData() else { return }
                let log = Unmanaged<GDALErrorLog>.fromOpaque(user).takeUnretainedValue()
                let text = message.map { String(cString: $0) } ?? "unknown GDAL error"
                if errorClass == CE_Failure || errorClass == CE_Fatal {
                    log.failures.append(text)
                } else if errorClass == CE_Warning {
                    log.warnings.append(text)
                }
            }, me)
        defer { CPLPopErrorHandler() }
        return try body()
    }

    /// The failures since the last call, joined, or `fallback`; clears them.
    func takeFailure(_ kind: GDALError.Kind) -> GDALError {
        defer { failures.removeAll() }
        return GDALError(kind, detail: failures.joined(separator: "; "))
    }

    /// The warnings since the last call; clears them.
    func takeWarnings() -> [String] {
        defer { warnings.removeAll() }
        return warnings
    }

    var hasFailures: Bool { !failures.isEmpty }
}
