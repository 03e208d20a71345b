import CGDAL

/// A field's name and type as a layer declares it.
public struct VectorField: Sendable, Equatable {
    public enum Kind: Sendable { case integer, real, text, date, other }
    public var name: String
    public var kind: Kind
}

/// One layer of a `VectorDataset` (a sheet of a workbook, a table of a GeoPackage). The handle
/// belongs to the dataset, which this object keeps alive.
public final class VectorLayer {
    let handle: OGRLayerH
    let dataset: VectorDataset

    init(handle: OGRLayerH, dataset: VectorDataset) {
        self.handle = handle
        self.dataset = dataset
    }

    public var name: String { String(cString: OGR_L_GetName(handle)) }

    /// The number of features (GDAL may count them by reading the layer).
    public var featureCount: Int { Int(dataset.log.capture { OGR_L_GetFeatureCount(handle, 1) }) }

    /// The attribute fields, in order.
    public var fields: [VectorField] {
        let definition = OGR_L_GetLayerDefn(handle)
        return (0..<Int(OGR_FD_GetFieldCount(definition))).map { i in
            let field = OGR_FD_GetFieldDefn(definition, Int32(i))
            let kind: VectorField.Kind
            switch OGR_Fld_GetType(field) {
            case OFTInteger, OFTInteger64: kind = .integer
            case OFTReal: kind = .real
            case OFTString: kind = .text
            case OFTDate, OFTDateTime: kind = .date
            default: kind = .other
            }
            return VectorField(name: String(cString: OGR_Fld_GetNameRef(field)), kind: kind)
        }
    }

    /// The layer's coordinate system as `AUTHORITY:CODE` when GDAL identifies one, else as WKT;
    /// nil when the layer declares none (no `.prj`, a sheet).
    public var coordinateSystem: String? {
        dataset.log.capture {
            guard let declared = OGR_L_GetSpatialRef(handle), let srs = OSRClone(declared) else { return nil }
            defer { OSRDestroySpatialReference(srs) }
            _ = OSRAutoIdentifyEPSG(srs)
            if let authority = OSRGetAuthorityName(srs, nil), let code = OSRGetAuthorityCode(srs, nil) {
                return "\(String(cString: authority)):\(String(cString: code))"
            }
            var wkt: UnsafeMutablePointer<CChar>?
            guard OSRExportToWkt(srs, &wkt) == OGRERR_NONE, let wkt else { return nil }
            defer { VSIFree(wkt) }
            return String(cString: wkt)
        }
    }

    /// True when the layer has a geometry column (a sheet or a plain table has none).
    public var hasGeometry: Bool {
        OGR_FD_GetGeomFieldCount(OGR_L_GetLayerDefn(handle)) > 0
    }

    /// Starts reading from the first feature again.
    public func rewind() { OGR_L_ResetReading(handle) }

    /// The next feature, nil at the end; throws when GDAL fails to read it (a corrupt file).
    public func nextFeature() throws -> VectorFeature? {
        let log = dataset.log
        let next = log.capture { OGR_L_GetNextFeature(handle) }
        if log.hasFailures {
            if let next { OGR_F_Destroy(next) }
            throw log.takeFailure(.cannotReadFeature(layer: name))
        }
        return next.map { VectorFeature(handle: $0, layer: self) }
    }
}
