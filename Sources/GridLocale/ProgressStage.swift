/// A progress stage's name in a language. The library reports stages by their English names
/// (`ProgressReporter.report(stage:…)`); the front ends show them through this.
public enum ProgressStage {
    /// `stage` in `language`; a stage not known here is shown as reported.
    public static func text(_ stage: String, _ language: Language) -> String {
        if stage.hasPrefix("read ") {
            return language.tr("progress.stage.read", ["name": String(stage.dropFirst("read ".count))])
        }
        if stage.hasPrefix("siting ("), stage.hasSuffix(")") {
            let objective = String(stage.dropFirst("siting (".count).dropLast())
            return language.tr("progress.stage.siting", ["objective": objective])
        }
        switch stage {
        case "area standard": return language.tr("progress.stage.area_standard")
        case "assign communities": return language.tr("progress.stage.assign_communities")
        case "export": return language.tr("progress.stage.export")
        case "grid plan": return language.tr("progress.stage.grid_plan")
        case "grid polygons": return language.tr("progress.stage.grid_polygons")
        case "map": return language.tr("progress.stage.map")
        case "party network": return language.tr("progress.stage.party_network")
        case "project coordinates": return language.tr("progress.stage.project_coordinates")
        case "report": return language.tr("progress.stage.report")
        case "under-served ranking": return language.tr("progress.stage.underserved")
        default: return stage
        }
    }

    /// The whole progress line: `stage: done/total`, or `stage: done` when the total is unknown.
    public static func line(_ stage: String, done: Int, total: Int?, _ language: Language) -> String {
        let name = text(stage, language)
        if let total { return language.tr("progress.line.counted", ["stage": name, "done": done, "total": total]) }
        return language.tr("progress.line.running", ["stage": name, "done": done])
    }
}
