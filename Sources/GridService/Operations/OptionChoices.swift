import GridAnalysis
import GridModel
import GridRender

// The enumerated choices of the operations' options: the analysis enums, read as options,
// and the choices that exist only as options.

extension SitingObjective: OptionChoice {}
extension CandidateSet: OptionChoice {}
extension SitingCapacity: OptionChoice {}
extension AreaAllocationMethod: OptionChoice {}
extension GridPlanMethod: OptionChoice {}
extension MapTheme: OptionChoice {}
extension FacilityKind: OptionChoice {
    /// Facility kinds are matched exactly (they are the dataset's `kind` values).
    public static func choice(parsing text: String) -> FacilityKind? { FacilityKind(rawValue: text) }
}

/// A life circle (`--circle`): a reach taken from the standards file.
public enum LifeCircle: String, OptionChoice {
    case fiveMinutes = "5min", tenMinutes = "10min", fifteenMinutes = "15min"

    /// The standards rule holding the reach, and the reach when the file lacks it.
    public var rule: (id: String, fallbackMetres: Double) {
        switch self {
        case .fiveMinutes: return ("reach.5min", 300)
        case .tenMinutes: return ("reach.10min", 500)
        case .fifteenMinutes: return ("reach.15min", 1000)
        }
    }
}

/// Distance decay of the accessibility (`--decay`).
public enum DistanceDecay: String, OptionChoice {
    /// 2SFCA: every building within the catchment weighs 1.
    case uniform = "none"
    /// E2SFCA: Gaussian decay inside the catchment.
    case gaussian

    public static func choice(parsing text: String) -> DistanceDecay? {
        switch text.lowercased() {
        case "none", "2sfca": return .uniform
        case "gaussian", "e2sfca": return .gaussian
        default: return nil
        }
    }

    public var choiceLabel: String { self == .uniform ? "none (2SFCA)" : "gaussian (E2SFCA)" }

    /// The accessibility method computed.
    public var method: AccessibilityMethod { self == .uniform ? .twoStep : .gaussian }
}

/// The level of `report area --by`.
public enum AreaReportLevel: String, OptionChoice {
    case community, grid
}

/// Export formats (`export --format`).
public enum ExportFormat: String, OptionChoice {
    case geojson, csv, gpkg, shp, kml, xlsx
}
