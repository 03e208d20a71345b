/// The output formats every command offers (`--format`).
public enum OutputFormat: String, CaseIterable, Codable, Sendable {
    case table, json, csv, geojson
}
