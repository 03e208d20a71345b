/// A progress line in a language: the stage (a catalogue message, `progress.stage.*`) and its count.
public enum ProgressStage {
    /// `stage: done/total`, or `stage: done` when the total is unknown.
    public static func line(_ stage: LocalText, done: Int, total: Int?, _ language: Language) -> String {
        let name = stage.text(language)
        if let total { return language.tr("progress.line.counted", ["stage": name, "done": done, "total": total]) }
        return language.tr("progress.line.running", ["stage": name, "done": done])
    }
}
