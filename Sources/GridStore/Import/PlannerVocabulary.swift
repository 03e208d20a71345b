/// Column names and values as planners write them (docs/data-format.md §6): the one table of
/// built-in Chinese aliases for contract fields and Chinese values for enumerations, used by
/// every reader (CSV, GeoJSON and the GDAL formats).
enum PlannerVocabulary {
    /// Contract field → the headers that also name it (exact match after trimming spaces).
    static let fieldAliases: [(field: String, aliases: [String])] = [
        ("id", ["编号", "编码", "代码", "ID"]),
        ("name", ["名称"]),
        ("community_id", ["社区编号", "社区编码", "社区代码", "所属社区"]),
        ("street", ["街道", "所属街道"]),
        ("grid_id", ["网格编号", "网格编码", "所属网格"]),
        ("building_id", ["楼栋编号", "楼栋编码"]),
        ("households", ["户数", "住户数"]),
        ("residents", ["人口", "常住人口"]),
        ("persons", ["人数"]),
        ("party_members", ["党员数", "党员人数"]),
        ("probationary_members", ["预备党员数"]),
        ("floors", ["层数"]),
        ("kind", ["类型", "设施类型", "单位类型"]),
        ("level", ["层级", "级别"]),
        ("usable_area_m2", ["使用面积", "使用面积(平方米)", "使用面积（平方米）"]),
        ("available_area_m2", ["可用面积", "可用面积(平方米)", "可用面积（平方米）"]),
        ("embedded", ["嵌入党建元素"]),
        ("staff", ["职工数", "在职人数"]),
        ("party_workers", ["专职党务工作者数", "党务工作者数"]),
        ("walkable", ["可步行"]),
        ("lon", ["经度"]),
        ("lat", ["纬度"]),
        ("x", ["X坐标"]),
        ("y", ["Y坐标"])
    ]

    /// Enumeration field → Chinese value → contract value. Facility and unit kinds share `kind`
    /// (their Chinese values are distinct); booleans (是/否) are read by `FieldReader.bool`.
    static let enumerationValues: [String: [String: String]] = [
        "kind": [
            // facilities
            "党群服务中心": "party_mass_center", "党群服务站": "party_mass_station", "党群服务站点": "party_mass_station",
            "城市驿站": "city_station", "城市书房": "city_study", "小游园": "pocket_park", "口袋公园": "pocket_park",
            "物业服务中心": "property_service", "其他": "other",
            // organisation units
            "机关": "agency", "事业单位": "institution", "国有企业": "soe", "国企": "soe",
            "非公企业": "non_public", "非公有制企业": "non_public", "社会组织": "social_org"
        ],
        "level": ["区": "district", "街道": "street", "社区": "community", "网格": "grid"]
    ]

    /// Alias header → contract field.
    static let fieldOfAlias: [String: String] = {
        var map: [String: String] = [:]
        for (field, aliases) in fieldAliases { for a in aliases { map[a] = field } }
        return map
    }()

    /// The contract value a Chinese enumeration value stands for, or nil.
    static func value(_ text: String, field: String) -> String? {
        enumerationValues[field]?[text]
    }
}
