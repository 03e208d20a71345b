import CGDAL

/// The geometry type of a layer to create.
public enum VectorGeometryType: Sendable {
    case none, point, multiPolygon, multiLineString

    var ogr: OGRwkbGeometryType {
        switch self {
        case .none: return wkbNone
        case .point: return wkbPoint
        case .multiPolygon: return wkbMultiPolygon
        case .multiLineString: return wkbMultiLineString
        }
    }
}

extension VectorDataset {
    /// Creates a layer `name` of `geometry` in the CRS `crs` (`EPSG:4326`, or WKT; nil for none),
    /// `options` GDAL's layer creation options (`ENCODING=UTF-8` for a Shapefile's `.cpg`).
    public func createLayer(
        name: String, geometry: VectorGeometryType, crs: String?, options: [String] = []
    ) throws -> VectorLayer {
        var srs: OGRSpatialReferenceH? = nil
        if let crs, geometry != .none {
            srs = OSRNewSpatialReference(nil)
            OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
            guard log.capture({ OSRSetFromUserInput(srs, crs) }) == OGRERR_NONE else {
                OSRDestroySpatialReference(srs)
                throw log.takeFailure(.unknownCRS("\(crs)"))
            }
        }
        defer { if let srs { OSRDestroySpatialReference(srs) } }
        let creation = CStringList(options)
        let created = log.capture { GDALDatasetCreateLayer(handle, name, srs, geometry.ogr, creation.pointer) }
        guard let created else { throw log.takeFailure(.cannotCreateLayer(layer: name, path: path)) }
        return VectorLayer(handle: created, dataset: self)
    }

    /// Writes what is buffered to disk.
    public func flush() { log.capture { GDALFlushCache(handle) } }
}

extension VectorLayer {
    /// Adds an attribute field named exactly `name` (never shortened or renamed by GDAL: a name the
    /// format cannot hold is an error; `width` is the text width of a Shapefile's `.dbf`).
    /// Returns the field's index in the layer (a KML layer has its own Name and Description first).
    @discardableResult
    public func createField(_ name: String, kind: VectorField.Kind, width: Int? = nil) throws -> Int {
        let type: OGRFieldType
        switch kind {
        case .integer: type = OFTInteger64
        case .real: type = OFTReal
        case .date: type = OFTDate
        case .text, .other: type = OFTString
        }
        let definition = OGR_Fld_Create(name, type)
        defer { OGR_Fld_Destroy(definition) }
        if let width { OGR_Fld_SetWidth(definition, Int32(width)) }
        let log = dataset.log
        let result = log.capture { OGR_L_CreateField(handle, definition, 0) }
        guard result == OGRERR_NONE, !log.hasFailures else {
            throw log.takeFailure(.cannotAddField(field: name, layer: self.name))
        }
        let index = Int(OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(handle), name))
        guard index >= 0 else { throw GDALError(.fieldRenamed(field: name, layer: self.name)) }
        return index
    }

    /// Adds one feature: `values[i]` into the field at index `fields[i]` (as `createField` returned
    /// it), `geometry` in the layer's CRS. A value the field cannot hold is an error.
    public func add(values: [VectorValue], fields: [Int], geometry: VectorGeometry?) throws {
        let log = dataset.log
        let feature = OGR_F_Create(OGR_L_GetLayerDefn(handle))
        defer { OGR_F_Destroy(feature) }
        log.capture {
            for (value, field) in zip(values, fields) {
                let index = Int32(field)
                switch value {
                case .null: OGR_F_SetFieldNull(feature, index)
                case .integer(let n): OGR_F_SetFieldInteger64(feature, index, GIntBig(n))
                case .real(let x): OGR_F_SetFieldDouble(feature, index, x)
                case .text(let s), .date(let s): OGR_F_SetFieldString(feature, index, s)
                }
            }
        }
        if let geometry, let g = geometry.makeOGR() {
            OGR_F_SetGeometryDirectly(feature, g)
        }
        let result = log.capture { OGR_L_CreateFeature(handle, feature) }
        guard result == OGRERR_NONE, !log.hasFailures else {
            throw log.takeFailure(.cannotWriteFeature(number: Int(OGR_L_GetFeatureCount(handle, 0) + 1), layer: name))
        }
    }
}

extension VectorGeometry {
    /// A new OGR geometry (owned by the caller) holding this one; nil for empty or other types.
    func makeOGR() -> OGRGeometryH? {
        func ring(_ points: [VectorPosition], type: OGRwkbGeometryType) -> OGRGeometryH? {
            guard let g = OGR_G_CreateGeometry(type) else { return nil }
            for p in points { OGR_G_AddPoint_2D(g, p.x, p.y) }
            return g
        }
        func polygon(_ rings: [[VectorPosition]]) -> OGRGeometryH? {
            guard let g = OGR_G_CreateGeometry(wkbPolygon) else { return nil }
            for r in rings { if let lr = ring(r, type: wkbLinearRing) { OGR_G_AddGeometryDirectly(g, lr) } }
            return g
        }
        func collection(_ type: OGRwkbGeometryType, _ parts: [OGRGeometryH?]) -> OGRGeometryH? {
            guard let g = OGR_G_CreateGeometry(type) else { return nil }
            for part in parts { if let part { OGR_G_AddGeometryDirectly(g, part) } }
            return g
        }
        switch self {
        case .point(let p):
            guard let g = OGR_G_CreateGeometry(wkbPoint) else { return nil }
            OGR_G_SetPoint_2D(g, 0, p.x, p.y)
            return g
        case .lineString(let points): return ring(points, type: wkbLineString)
        case .polygon(let rings): return polygon(rings)
        case .multiPoint(let points):
            return collection(wkbMultiPoint, points.map { VectorGeometry.point($0).makeOGR() })
        case .multiLineString(let lines): return collection(wkbMultiLineString, lines.map { ring($0, type: wkbLineString) })
        case .multiPolygon(let polygons): return collection(wkbMultiPolygon, polygons.map(polygon))
        case .empty, .other: return nil
        }
    }
}
