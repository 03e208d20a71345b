import GridLocale
import Testing

@Suite struct ProgressStageTests {
    @Test func englishLinesAreAsReported() {
        #expect(ProgressStage.line("read buildings.csv", done: 3, total: 10, .en) == "read buildings.csv: 3/10")
        #expect(ProgressStage.line("siting (pmedian)", done: 0, total: nil, .en) == "siting (pmedian): 0")
        #expect(ProgressStage.line("grid plan", done: 1, total: 1, .en) == "grid plan: 1/1")
    }

    @Test func chineseLinesTranslateKnownStages() {
        let read = ProgressStage.line("read buildings.csv", done: 3, total: 10, .zh)
        #expect(read.contains("buildings.csv") && read.contains("3/10") && !read.contains("read"))
        let siting = ProgressStage.text("siting (pmedian)", .zh)
        #expect(siting.contains("pmedian") && !siting.contains("siting"))
        for stage in ["area standard", "assign communities", "grid plan", "project coordinates", "report"] {
            #expect(ProgressStage.text(stage, .zh) != stage)
        }
    }
}
