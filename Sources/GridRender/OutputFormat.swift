/// The output formats every command offers (`--format`); `xlsx` is written to a file (`--out`).
public enum OutputFormat: String, CaseIterable, Codable, Sendable {
    case table, json, csv, geojson, xlsx
}
