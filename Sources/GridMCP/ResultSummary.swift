import GridFormats
import GridLocale

/// The short text beside a tool's structured content, for an assistant to quote: the catalogue's
/// `mcp.summary.<method>` template filled with figures read from the result's JSON, nothing
/// computed. A fact is a path into the JSON: `total.deficit_m2`, `communities.0.name` (an array
/// index), `#gaps` (an array's length), `%total.coverage_rate` (a rate as a percentage).
enum ResultSummary {
    static let facts: [String: [String: String]] = [
        "info": [
            "store": "store.path", "dataset": "store.dataset_name", "communities": "store.counts.communities",
            "buildings": "store.counts.buildings", "households": "store.households", "crs": "store.working_crs"
        ],
        "report.area": [
            "per100": "total.area_per_100_households", "standard": "standard_m2_per_100_households",
            "meeting": "total.communities_meeting_standard", "communities": "total.community_count", "deficit": "total.deficit_m2"
        ],
        "coverage": [
            "rate": "%total.coverage_rate", "covered": "total.covered_households", "households": "total.households",
            "radius": "radius_m", "gaps": "#gaps"
        ],
        "report.underserved": [
            "underserved": "underserved_communities", "communities": "#communities", "first": "communities.0.name",
            "first_id": "communities.0.id", "deficit": "communities.0.deficit_m2"
        ],
        "site": [
            "count": "#sites", "before": "covered_households_before", "after": "covered_households_after",
            "total": "total_households", "first": "sites.0.name", "first_id": "sites.0.candidate_id"
        ],
        "grids.plan": [
            "grids": "#grids", "min": "min_households", "max": "max_households", "violations": "#violations", "applied": "applied"
        ],
        "party.plan": party, "report.party": party,
        "report.compliance": [
            "year": "year", "findings": "total.findings", "staffing": "total.staffing_shortfalls",
            "organizations": "total.missing_organizations", "untrained": "total.untrained_secretaries",
            "contacts": "total.contact_shortfalls"
        ],
        "crs.convert": ["count": "#points", "from": "from", "to": "to"],
        "inspect": ["layers": "#layers", "problems": "total_problems", "valid": "valid"],
        "import": [
            "dataset": "dataset_name", "communities": "counts.communities", "households": "households", "store": "store",
            "crs": "working_crs"
        ],
        "import.dry_run": [
            "layers": "#dry_run.layers", "problems": "dry_run.total_problems", "valid": "dry_run.valid",
            "dataset": "dataset_name"
        ],
        "export": ["layers": "#layers", "format": "format", "path": "path"]
    ]

    static let party = [
        "grids": "total.coverage.grids", "organization": "%total.coverage.organization_coverage_rate",
        "work": "%total.coverage.work_coverage_rate", "central": "total.coverage.central_households",
        "groups": "total.coverage.party_groups", "shortfalls": "#shortfalls"
    ]

    /// The summary of `json`, the result of `tool`, in `language`.
    static func text(tool: AssistantTool, json: JSONValue, language: Language) -> String {
        var method = tool.operation.method
        if method == "import", json.objectValue?["dry_run"] != nil { method = "import.dry_run" }
        guard let facts = facts[method] else { return tool.name }
        var arguments: [String: String] = [:]
        for (name, path) in facts { arguments[name] = fact(path, in: json, language: language) ?? "—" }
        return Catalogue.text("mcp.summary.\(method)", language, arguments)
    }

    /// The value at `path` as text, or nil when the JSON has nothing there.
    static func fact(_ path: String, in json: JSONValue, language: Language) -> String? {
        var path = Substring(path)
        let percent = path.hasPrefix("%")
        let count = path.hasPrefix("#")
        if percent || count { path = path.dropFirst() }
        var value = json
        for step in path.split(separator: ".") {
            switch value {
            case .object(let object): guard let next = object[String(step)] else { return nil }; value = next
            case .array(let items):
                guard let index = Int(step), items.indices.contains(index) else { return nil }
                value = items[index]
            default: return nil
            }
        }
        switch value {
        case .array(let items) where count: return String(items.count)
        case .number(let n) where percent: return number(n.double * 100, digits: 1) + "%"
        case .number(let n): return n.int.map(String.init) ?? number(n.double, digits: 2)
        case .string(let s): return s
        case .bool(let b): return Catalogue.text(b ? "common.yes" : "common.no", language)
        default: return nil
        }
    }

    /// `value` with at most `digits` decimals, trailing zeros dropped.
    static func number(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }
}
