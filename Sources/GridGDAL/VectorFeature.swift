import CGDAL

/// One attribute value of a feature, typed as the layer declares it.
public enum VectorValue: Sendable, Equatable {
    case null
    case integer(Int)
    case real(Double)
    /// Text, already recoded to UTF-8 by GDAL.
    case text(String)
    /// A date (`YYYY-MM-DD`) or date-time as GDAL writes it.
    case date(String)
}

/// One feature read from a layer; owns the OGR feature handle and destroys it on deinit.
public final class VectorFeature {
    let handle: OGRFeatureH
    let layer: VectorLayer

    init(handle: OGRFeatureH, layer: VectorLayer) {
        self.handle = handle
        self.layer = layer
    }

    deinit { OGR_F_Destroy(handle) }

    /// The feature id GDAL gives (0-based for Shapefiles, a row id for GeoPackages).
    public var featureID: Int { Int(OGR_F_GetFID(handle)) }

    /// The value of field `index`.
    public func value(at index: Int) -> VectorValue {
        let i = Int32(index)
        guard OGR_F_IsFieldSetAndNotNull(handle, i) != 0, let definition = OGR_F_GetFieldDefnRef(handle, i) else { return .null }
        switch OGR_Fld_GetType(definition) {
        case OFTInteger, OFTInteger64: return .integer(Int(OGR_F_GetFieldAsInteger64(handle, i)))
        case OFTReal: return .real(OGR_F_GetFieldAsDouble(handle, i))
        case OFTDate:
            var y: Int32 = 0, m: Int32 = 0, d: Int32 = 0, h: Int32 = 0, mi: Int32 = 0, tz: Int32 = 0
            var s: Float = 0
            guard OGR_F_GetFieldAsDateTimeEx(handle, i, &y, &m, &d, &h, &mi, &s, &tz) != 0 else { return .null }
            func pad(_ v: Int32, _ n: Int) -> String { String(repeating: "0", count: max(0, n - String(v).count)) + String(v) }
            return .date("\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))")
        case OFTDateTime: return .date(String(cString: OGR_F_GetFieldAsString(handle, i)))
        default: return .text(String(cString: OGR_F_GetFieldAsString(handle, i)))
        }
    }

    /// The feature's geometry, nil when it has none.
    public var geometry: VectorGeometry? {
        guard let g = OGR_F_GetGeometryRef(handle) else { return nil }
        return VectorGeometry(g)
    }
}
