import GridLocale
import Testing

@Suite struct ProgressStageTests {
    @Test func englishLinesAreAsBefore() {
        let read = LocalText("progress.stage.read", ["name": "buildings.csv"])
        #expect(ProgressStage.line(read, done: 3, total: 10, .en) == "read buildings.csv: 3/10")
        let siting = LocalText("progress.stage.siting", ["objective": "pmedian"])
        #expect(ProgressStage.line(siting, done: 0, total: nil, .en) == "siting (pmedian): 0")
        #expect(ProgressStage.line(LocalText("progress.stage.grid_plan"), done: 1, total: 1, .en) == "grid plan: 1/1")
    }

    @Test func chineseLinesNameTheStageInChinese() {
        let read = LocalText("progress.stage.read", ["name": "buildings.csv"])
        #expect(ProgressStage.line(read, done: 3, total: 10, .zh) == "读取 buildings.csv：3/10")
        let siting = LocalText("progress.stage.siting", ["objective": "pmedian"])
        #expect(ProgressStage.line(siting, done: 0, total: nil, .zh) == "选址（pmedian）：0")
        let write = LocalText("progress.stage.write", ["layer": "households"])
        #expect(ProgressStage.line(write, done: 5, total: 9, .zh) == "写入 households：5/9")
    }
}
