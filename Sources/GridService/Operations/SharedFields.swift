import GridAnalysis
import GridLocale
import GridModel
import GridRender

/// Options several operations share, declared once; an operation that reads one differently
/// restates only its help (`SharedFields.radius.help(...)`).
public enum SharedFields {
    public static let standards = OptionField(
        "standards", .text, help: "A standards file replacing seeds/standards.json.",
        valueName: "file")
    public static let radius = OptionField(
        "radius", .number,
        help: "Reach of community- and grid-level facilities, metres (default reach.default, 500).",
        valueName: "m")
    public static let standard = OptionField(
        "standard", .number, help: "m² per 100 households to apply (default area.per100, 30; 80: the aspiration value).",
        valueName: "m2")
    public static let allocate = OptionField.choice(
        "allocate", AreaAllocationMethod.self,
        help: "How facility area is attributed: to its own community, or shared by the households within reach.",
        valueName: "method", default: .community)
    public static let countKinds = OptionField(
        "count_kinds", .choiceList(FacilityKind.choiceSet),
        help: "Exactly these facility kinds count, embedded or not (comma-separated).", valueName: "kinds")
    public static let circle = OptionField.choice(
        "circle", LifeCircle.self,
        help: "A life circle instead of a radius: 5min (300 m), 10min (500 m) or 15min (1,000 m).")
    public static let network = OptionField(
        "network", .flag, help: "Measure along the walking network built from the imported roads.")
    public static let kinds = OptionField(
        "kinds", .choiceList(FacilityKind.choiceSet),
        help: "Facility kinds that count, comma-separated (default: the standards' counted kinds plus embedded facilities).",
        valueName: "kinds")
    public static let link = OptionField(
        "link", .number, help: "Single-linkage distance of gap neighbourhoods, metres (default half the radius).",
        valueName: "m")
    public static let decay = OptionField.choice(
        "decay", DistanceDecay.self,
        help: "Accessibility distance decay: none (2SFCA) or gaussian (E2SFCA).")
    public static let community = OptionField(
        "community", .textList,
        help: "Only this community (repeat or comma-separate for several).", valueName: "id")
    public static let minHouseholds = OptionField(
        "min_households", .integer, help: "Fewest households per grid (default grid.households, 300).",
        valueName: "n")
    public static let maxHouseholds = OptionField(
        "max_households", .integer, help: "Most households per grid (default grid.households max, 500).",
        valueName: "n")
    /// The map theme of `map` and `report html`.
    public static let theme = OptionField.choice("theme", MapTheme.self, help: "What shades the communities.", default: .area)
    /// How many proposed sites `map` and `report html` show.
    public static let sites = OptionField(
        "sites", .integer, help: "Proposed sites to draw, numbered by rank (the first N of `gridplan site`; 0 for none).",
        valueName: "n", default: 10)
    /// The language of tables, messages, errors, maps and reports (`--lang zh|en`); without it
    /// `GRIDPLAN_LANG`, then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), then English.
    /// Every operation has it; JSON keys and numbers are the same in both languages.
    public static let lang = OptionField(
        "lang", .choice(ChoiceSet(names: Language.allCases.map(\.rawValue))),
        help: "Language of tables, messages and errors: zh or en (default GRIDPLAN_LANG, then the locale).",
        valueName: "zh|en")
    /// The CSV header row: the contract's English names (default, what scripts read) or Chinese.
    /// Offered by every operation with a CSV format.
    public static let headers = OptionField(
        "headers", .choice(ChoiceSet(names: Language.allCases.map(\.rawValue).reversed())),
        help: "CSV header row: en, the contract's column names (default), or zh, Chinese names.", valueName: "en|zh",
        default: "en")
    /// The reach options of `coverage` and `report underserved`.
    public static let coverageReach = [radius, circle, network, kinds, link, decay, standards]
    /// The consent an assistant's client gives an operation that always writes (`import`,
    /// `export`) before the MCP tool runs it: `apply: true`. Not offered on the command line or
    /// over JSON-RPC, where running the command is the consent.
    public static func writeConsent(_ method: String) -> OptionField {
        var field = OptionField(
            "apply", .flag,
            help: "Must be true for this tool to write (the store or files); without it the tool refuses and writes nothing.",
            availability: .rpcOnly)
        field.helpKey = "\(method).apply"
        return field
    }
}
