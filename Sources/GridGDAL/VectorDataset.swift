import CGDAL

/// A vector dataset GDAL opened (a Shapefile, a GeoPackage, a workbook, a KML file, a FileGDB
/// folder). Owns the GDAL dataset handle and closes it on deinit; its layers and features keep
/// it alive. Opened read-only, or created new for writing (`init(creating:driver:)`, the export's
/// Shapefile and KML writers). Not `Sendable`: use one dataset per thread.
public final class VectorDataset {
    let handle: GDALDatasetH
    let log: GDALErrorLog
    /// The path it was opened from.
    public let path: String

    /// Opens `path` read-only as a vector dataset. `openOptions` are GDAL's `KEY=VALUE` open
    /// options (e.g. `ENCODING=CP936` for a Shapefile); `drivers` limits which drivers may
    /// open it (all when empty). Throws GDAL's own message when the file cannot be opened.
    public init(path: String, openOptions: [String] = [], drivers: [String] = []) throws {
        GDALEnvironment.ensure()
        if path.hasPrefix("/vsi") || path.contains("://") {
            throw GDALError(.remotePathRead(path: path))
        }
        let log = GDALErrorLog()
        let options = CStringList(openOptions), allowed = CStringList(drivers)
        let flags = UInt32(GDAL_OF_VECTOR) | UInt32(GDAL_OF_READONLY) | UInt32(GDAL_OF_VERBOSE_ERROR)
        let opened = log.capture { GDALOpenEx(path, flags, allowed.constPointer, options.constPointer, nil) }
        guard let opened else { throw log.takeFailure(.cannotOpen(path: path)) }
        handle = opened
        self.log = log
        self.path = path
    }

    /// Creates a new vector dataset at `path` with GDAL's driver `driver` (`ESRI Shapefile`: a
    /// folder of Shapefiles, one per layer; `KML`; `XLSX`), `options` its `KEY=VALUE` creation
    /// options. Written to disk when the dataset is released (or at `flush()`).
    public init(creating path: String, driver: String, options: [String] = []) throws {
        GDALEnvironment.ensure()
        if path.hasPrefix("/vsi") || path.contains("://") {
            throw GDALError(.remotePathWrite(path: path))
        }
        let log = GDALErrorLog()
        guard let gdalDriver = GDALGetDriverByName(driver) else { throw GDALError(.noDriver(driver)) }
        let creation = CStringList(options)
        let created = log.capture { GDALCreate(gdalDriver, path, 0, 0, 0, GDT_Unknown, creation.pointer) }
        guard let created else { throw log.takeFailure(.cannotCreate(path: path, driver: driver)) }
        handle = created
        self.log = log
        self.path = path
    }

    deinit { GDALClose(handle) }

    /// The short name of the driver that opened it (`ESRI Shapefile`, `GPKG`, `XLSX`, `LIBKML`...).
    public var driverName: String {
        guard let driver = GDALGetDatasetDriver(handle) else { return "" }
        return String(cString: GDALGetDriverShortName(driver))
    }

    public var layerCount: Int { Int(GDALDatasetGetLayerCount(handle)) }

    /// The layers' names, in order.
    public var layerNames: [String] {
        (0..<layerCount).compactMap { i in
            GDALDatasetGetLayer(handle, Int32(i)).map { String(cString: OGR_L_GetName($0)) }
        }
    }

    /// The layer at `index`, or nil.
    public func layer(at index: Int) -> VectorLayer? {
        guard index >= 0, index < layerCount, let h = GDALDatasetGetLayer(handle, Int32(index)) else { return nil }
        return VectorLayer(handle: h, dataset: self)
    }

    /// The layer named `name`, or nil.
    public func layer(named name: String) -> VectorLayer? {
        guard let h = log.capture({ GDALDatasetGetLayerByName(handle, name) }) else { return nil }
        return VectorLayer(handle: h, dataset: self)
    }

    /// Warnings GDAL gave since the last call (e.g. characters that could not be recoded).
    public func takeWarnings() -> [String] { log.takeWarnings() }
}

/// Whether a character set name is one iconv (and so GDAL's recoding) knows.
public func isKnownEncoding(_ name: String) -> Bool {
    GDALEnvironment.ensure()
    let log = GDALErrorLog()
    return log.capture {
        let recoded = CPLRecode("a", name, "UTF-8")
        defer { VSIFree(recoded) }
        return !log.hasFailures && log.takeWarnings().isEmpty
    }
}
