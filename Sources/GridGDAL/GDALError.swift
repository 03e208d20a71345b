import CGDAL

/// An error from GDAL/OGR: GDAL's own messages (failures first), or ours when GDAL gave none.
public struct GDALError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
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
    func takeFailure(_ fallback: String) -> GDALError {
        defer { failures.removeAll() }
        return GDALError(failures.isEmpty ? fallback : failures.joined(separator: "; "))
    }

    /// The warnings since the last call; clears them.
    func takeWarnings() -> [String] {
        defer { warnings.removeAll() }
        return warnings
    }

    var hasFailures: Bool { !failures.isEmpty }
}
