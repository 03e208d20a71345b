/// A coordinate reference system named by the user: anything PROJ knows, or one of
/// the two Chinese obfuscated systems that PROJ does not implement.
public enum CoordinateSystem: Hashable, Sendable, CustomStringConvertible {
    /// A definition PROJ understands (`EPSG:4326`, `EPSG:4547`, WKT, a PROJ string ...).
    case proj(String)
    /// GCJ-02 longitude/latitude (Amap, Tencent maps).
    case gcj02
    /// BD-09 longitude/latitude (Baidu maps).
    case bd09

    /// WGS84 geographic longitude/latitude.
    public static let wgs84 = CoordinateSystem.proj("EPSG:4326")

    /// Parses a user's spelling: `GCJ-02`, `gcj02`, `BD-09`, `bd09` (any case), else a PROJ definition.
    public init(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        let key = t.uppercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
        switch key {
        case "GCJ02": self = .gcj02
        case "BD09", "BD09LL": self = .bd09
        case "WGS84": self = .wgs84
        default: self = .proj(t)
        }
    }

    /// The canonical name, as reports print it.
    public var description: String {
        switch self {
        case .proj(let s): return s
        case .gcj02: return "GCJ-02"
        case .bd09: return "BD-09"
        }
    }

    /// True for GCJ-02 and BD-09, which are longitude/latitude systems derived from WGS84.
    public var isChineseObfuscated: Bool { self == .gcj02 || self == .bd09 }

    /// The working CRS `auto` picks for a dataset centred at `center` (longitude, latitude):
    /// the CGCS2000 3-degree Gauss-Kruger zone (central-meridian form, EPSG:4534–4554) whose
    /// central meridian is nearest when the centre lies within 73°E–136°E, else the WGS84 UTM zone.
    public static func automaticWorkingCRS(center: Point) -> CoordinateSystem {
        let lon = center.x, lat = center.y
        if lon >= 73 && lon <= 136 {
            let zone = min(45, max(25, Int(((lon + 1.5) / 3).rounded(.down))))
            return .proj("EPSG:\(4509 + zone)")
        }
        var zone = Int(((lon + 180) / 6).rounded(.down)) + 1
        zone = min(60, max(1, zone))
        return .proj(lat >= 0 ? "EPSG:\(32600 + zone)" : "EPSG:\(32700 + zone)")
    }
}

import Foundation
