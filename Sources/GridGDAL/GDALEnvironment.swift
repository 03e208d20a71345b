import CGDAL

/// GDAL's process-wide set-up, done once: every driver registered, network access off, the
/// reading defaults this program relies on.
enum GDALEnvironment {
    private static let registered: Void = {
        // No network: GDAL must never fetch anything (remote paths are refused before opening, too).
        CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "1")
        CPLSetConfigOption("GDAL_HTTP_MAX_RETRY", "0")
        CPLSetConfigOption("GDAL_HTTP_CONNECTTIMEOUT", "1")
        // No side-car files written next to the planner's data.
        CPLSetConfigOption("GDAL_PAM_ENABLED", "NO")
        // The first row of a sheet is always its header row.
        CPLSetConfigOption("OGR_XLSX_HEADERS", "FORCE")
        CPLSetConfigOption("OGR_ODS_HEADERS", "FORCE")
        GDALAllRegister()
    }()

    /// Registers GDAL's drivers on first use.
    static func ensure() { _ = registered }

    /// GDAL's version, e.g. `3.6.2`.
    static var version: String { String(cString: GDALVersionInfo("RELEASE_NAME")) }
}

/// A NULL-terminated `char**` list (GDAL's open options, driver lists), freed with the list.
final class CStringList {
    private(set) var pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

    init(_ items: [String]) {
        for item in items { pointer = CSLAddString(pointer, item) }
    }

    deinit { CSLDestroy(pointer) }

    /// The list as GDAL's `const char* const*` parameters take it (nil when empty).
    var constPointer: UnsafePointer<UnsafePointer<CChar>?>? {
        pointer.map { UnsafeRawPointer($0).assumingMemoryBound(to: UnsafePointer<CChar>?.self) }
    }
}
