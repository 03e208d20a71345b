import GridModel

/// Field names of exported Shapefiles: a `.dbf` holds at most 10 bytes per name, so longer
/// column names get a fixed short name from `table` (README "Planners' files"), and a name
/// missing from it is cut to 10 bytes and numbered when that repeats another. The export writes
/// the mapping into its `dataset.json` (`layers.NAME.fields`), so the folder imports back.
public enum ShapefileFieldNames {
    /// Column → short name, for every column of the export longer than 10 bytes.
    public static let table: [String: String] = [
        "community_id": "comm_id", "party_members": "party_mem", "probationary_members": "prob_mem",
        "usable_area_m2": "usable_m2", "available_area_m2": "avail_m2", "building_id": "bldg_id",
        "party_workers": "party_wkr", "has_organization": "has_org", "last_training_date": "last_train",
        "days_on_site": "onsite_day", "organization_id": "org_id", "facility_count": "fac_count",
        "facility_area_m2": "fac_m2", "area_per_100_households": "per100_m2", "required_area_m2": "req_m2",
        "meets_standard": "meets_std", "standard_m2_per_100_households": "std_per100",
        "nearest_facility_id": "nearest_id", "covering_facility_id": "cover_id"
    ]

    /// The short name of every column of `columns`, in order, each at most 10 bytes and distinct.
    public static func names(_ columns: [String]) -> [String] {
        var used = Set<String>()
        return columns.map { column in
            var name = column.utf8.count <= 10 ? column : table[column] ?? cut(column, 10)
            var n = 1
            while used.contains(name.lowercased()) {
                let suffix = String(n)
                name = cut(table[column] ?? column, 10 - suffix.utf8.count) + suffix
                n += 1
            }
            used.insert(name.lowercased())
            return name
        }
    }

    /// The longest prefix of `text` of at most `bytes` UTF-8 bytes (never half a character).
    static func cut(_ text: String, _ bytes: Int) -> String {
        var out = "", count = 0
        for c in text {
            let n = String(c).utf8.count
            if count + n > bytes { break }
            out.append(c); count += n
        }
        return out
    }
}
