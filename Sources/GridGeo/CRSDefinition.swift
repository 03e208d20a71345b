import CProj

/// Facts about a CRS from PROJ's database, for writing them into a GeoPackage.
public enum CRSDefinition {
    /// The CRS's WKT (WKT1 as GDAL writes it, which every GeoPackage reader takes), or nil when
    /// PROJ does not know it (GCJ-02 and BD-09 have no definition).
    public static func wkt(_ crs: String) -> String? {
        withCRS(crs) { ctx, pj in proj_as_wkt(ctx.handle, pj, PJ_WKT1_GDAL, nil).map { String(cString: $0) } }
    }

    /// The CRS's name (`CGCS2000 / 3-degree Gauss-Kruger CM 117E`), or nil.
    public static func name(_ crs: String) -> String? {
        withCRS(crs) { _, pj in proj_get_name(pj).map { String(cString: $0) } }
    }

    private static func withCRS<T>(_ crs: String, _ body: (ProjContext, OpaquePointer) -> T?) -> T? {
        guard case .proj(let def) = CoordinateSystem(parsing: crs) else { return nil }
        let ctx = ProjContext()
        guard let pj = proj_create(ctx.handle, def) else { return nil }
        defer { proj_destroy(pj) }
        return body(ctx, pj)
    }
}
