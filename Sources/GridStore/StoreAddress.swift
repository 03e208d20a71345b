import Foundation
import GridModel

/// Which store `--db` names: a file path is a GeoPackage; a `postgresql://` or `postgres://`
/// URI is a PostGIS database, the district within it chosen by gridplan's own query parameter
/// `dataset=NAME` (else the imported dataset's name, or the database's only district).
public enum StoreAddress: Sendable, Equatable {
    case geoPackage(path: String)
    case postgis(PostGISAddress)

    /// Reads `--db`; a URI that is not a usable PostgreSQL address is a usage error.
    public init(_ db: String) throws {
        if PostGISAddress.isURI(db) {
            self = .postgis(try PostGISAddress(db))
        } else {
            self = .geoPackage(path: db)
        }
    }

    /// The address as a person may read it.
    public var display: String {
        switch self {
        case .geoPackage(let path): path
        case .postgis(let address): address.display
        }
    }
}

/// A PostgreSQL connection URI as gridplan takes it: libpq's URI without a password (libpq reads
/// PGPASSWORD or ~/.pgpass) and with gridplan's own parameters (`dataset`, `lock_wait`) taken
/// out before the rest goes to libpq.
public struct PostGISAddress: Sendable, Equatable {
    /// The URI libpq receives (gridplan's parameters removed, a connect timeout added when absent).
    public var conninfo: String
    /// The URI as given, for messages (it holds no password: one is refused).
    public var display: String
    /// The district (`dataset=NAME`), when named.
    public var dataset: String?
    /// How long an import waits for another import of the same district, seconds (`lock_wait`, default 60).
    public var lockWait: Double

    /// Whether `text` is a PostgreSQL URI rather than a file path.
    public static func isURI(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
    }

    public init(_ uri: String) throws {
        display = uri
        guard Self.isURI(uri), let schemeEnd = uri.range(of: "://") else {
            throw UsageError(key: "usage.postgis.bad_uri", ["uri": uri, "reason": "postgresql://"])
        }
        let afterScheme = uri[schemeEnd.upperBound...]
        let queryStart = afterScheme.firstIndex(of: "?")
        let authorityAndPath = queryStart.map { afterScheme[..<$0] } ?? afterScheme
        let authority = authorityAndPath.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        if let at = authority.lastIndex(of: "@"), authority[..<at].contains(":") {
            throw UsageError(key: "usage.postgis.password_in_uri", ["uri": Self.redacted(uri)])
        }
        if authority.contains(where: { $0 == " " }) {
            throw UsageError(key: "usage.postgis.bad_uri", ["uri": uri, "reason": "space"])
        }
        var kept: [String] = []
        var dataset: String?
        var lockWait = 60.0
        var hasTimeout = false
        if let queryStart {
            let query = afterScheme[afterScheme.index(after: queryStart)...]
            for pair in query.split(separator: "&") where !pair.isEmpty {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = String(parts[0]).lowercased()
                let value = parts.count > 1 ? String(parts[1]).removingPercentEncoding ?? String(parts[1]) : ""
                switch key {
                case "dataset":
                    guard !value.isEmpty else {
                        throw UsageError(key: "usage.postgis.bad_uri", ["uri": uri, "reason": "dataset="])
                    }
                    dataset = value
                case "lock_wait":
                    guard let seconds = Double(value), seconds >= 0 else {
                        throw UsageError(key: "usage.postgis.bad_uri", ["uri": uri, "reason": "lock_wait=\(value)"])
                    }
                    lockWait = seconds
                case "password":
                    throw UsageError(key: "usage.postgis.password_in_uri", ["uri": Self.redacted(uri)])
                default:
                    if key == "connect_timeout" { hasTimeout = true }
                    kept.append(String(pair))
                }
            }
        }
        if !hasTimeout { kept.append("connect_timeout=10") }
        let base = uri[..<(queryStart ?? uri.endIndex)]
        conninfo = String(base) + "?" + kept.joined(separator: "&")
        self.dataset = dataset
        self.lockWait = lockWait
    }

    /// `uri` with anything between `://` and `@` after a colon replaced, and `password=` values hidden.
    static func redacted(_ uri: String) -> String {
        var text = uri.replacingOccurrences(of: #"(://[^:/@?]*):[^@/?]*@"#, with: "$1:***@", options: .regularExpression)
        text = text.replacingOccurrences(of: #"(?i)(password=)[^&]*"#, with: "$1***", options: .regularExpression)
        return text
    }
}
