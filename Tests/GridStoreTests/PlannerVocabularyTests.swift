import Foundation
import Testing
import GridFormats
import GridModel
@testable import GridStore

/// Every alias and enumeration value of docs/data-format.md §6 (the contract's table) is
/// recognised: the test reads the table from the document, so the code and the document cannot drift.
struct PlannerVocabularyTests {
    static let section6: String = {
        let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/data-format.md")
        let text = (try? String(contentsOf: doc, encoding: .utf8)) ?? ""
        guard let start = text.range(of: "## 6.") else { return "" }
        let rest = text[start.lowerBound...]
        let end = rest.range(of: "```json")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }()

    /// (header, field) for every alias in the table.
    static let aliases: [(String, String)] = section6.split(separator: "\n").compactMap { line -> [(String, String)]? in
        let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        guard cells.count == 2, cells[0].hasPrefix("`") else { return nil }
        let fields = cells[0].split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`"))
        }
        let names = cells[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if fields.count > 1 { return Array(zip(names, fields)) }
        return names.map { ($0, fields[0]) }
    }.flatMap { $0 }

    /// (enumeration, Chinese value, contract value) for every value listed under "Values:".
    static let values: [(String, String, String)] = {
        guard let start = section6.range(of: "Values:") else { return [] }
        let text = section6[start.upperBound...].replacingOccurrences(of: "\n  ", with: " ")
        var out: [(String, String, String)] = []
        for line in text.split(separator: "\n") where line.hasPrefix("- ") && !line.contains("booleans") {
            let head = line.prefix { $0 != ":" }
            let kind = head.contains("facility") ? "facility" : head.contains("unit") ? "unit" : "level"
            for entry in line.dropFirst(head.count + 1).split(separator: ";") {
                let parts = entry.components(separatedBy: "→")
                guard parts.count == 2 else { continue }
                let raw = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: " `.\n"))
                for chinese in parts[0].split(separator: ",") {
                    out.append((kind, chinese.trimmingCharacters(in: .whitespaces), raw))
                }
            }
        }
        return out
    }()

    @Test func theDocumentTableIsRead() {
        #expect(Self.aliases.count == 46, "\(Self.aliases.count) aliases parsed")
        #expect(Self.values.count == 20, "\(Self.values.count) values parsed")
        // Nothing built in beyond the document either.
        #expect(PlannerVocabulary.fieldOfAlias.count == Self.aliases.count)
        #expect(PlannerVocabulary.enumerationValues.values.reduce(0) { $0 + $1.count } == Self.values.count)
    }

    @Test(arguments: aliases.map { [$0.0, $0.1] })
    func aliasNamesItsField(_ pair: [String]) {
        let problems = ProblemCollector(maxProblems: 10)
        let mapping = ColumnMapping.resolve(
            header: ["  \(pair[0]) "], explicit: [:], lowercase: true, file: "f.csv",
            location: "line 1", entity: "buildings", problems: problems)
        #expect(mapping.columns[pair[1]] == 0, "\(pair[0]) should name \(pair[1])")
        #expect(mapping.shown(pair[1]) == pair[0])
        #expect(problems.isEmpty)
    }

    private func reader(_ field: String, _ value: String) -> (FieldReader, ProblemCollector) {
        let problems = ProblemCollector(maxProblems: 10)
        let row = SourceRow(file: "f.csv", location: .line(2), storage: .values(fields: [.text(value)], columns: [field: 0]))
        return (FieldReader(row: row, problems: problems), problems)
    }

    @Test(arguments: values.map { [$0.0, $0.1, $0.2] })
    func enumerationValueIsRecognised(_ entry: [String]) {
        let field = entry[0] == "level" ? "level" : "kind"
        let (r, problems) = reader(field, entry[1])
        switch entry[0] {
        case "facility": #expect(r.choice(field, FacilityKind.self, required: true)?.rawValue == entry[2])
        case "unit": #expect(r.choice(field, UnitKind.self, required: true)?.rawValue == entry[2])
        default: #expect(r.choice(field, FacilityLevel.self, required: true)?.rawValue == entry[2])
        }
        #expect(problems.isEmpty)
    }

    @Test func chineseBooleans() {
        #expect(reader("embedded", "是").0.bool("embedded") == true)
        #expect(reader("embedded", "否").0.bool("embedded") == false)
    }

    @Test func ambiguousHeaderNamesBothColumns() throws {
        let d = try TestDataset(baseDataset())
        defer { d.remove() }
        try d.write("units.csv", "id,kind,staff,职工数\nU1,机关,10,12\n")
        let problems = d.problems()
        expectProblem(
            problems, file: "units.csv", location: "line 1", field: "staff, 职工数", messageContains: "both columns map to staff")
    }

    @Test func explicitFieldMappingAndChineseValues() throws {
        var files = baseDataset()
        files["dataset.json"] =
            #"{"name": "t", "crs": "EPSG:4326", "layers": {"units": {"fields": {"id": "单位代码", "staff": "实有职工"}}}}"#
        files["units.csv"] = "单位代码,单位类型,实有职工,职工数\nU1,非公有制企业,25,99\n"
        let d = try TestDataset(files)
        defer { d.remove() }
        let snapshot = try d.read()
        #expect(snapshot.units.map(\.id) == ["U1"])
        #expect(snapshot.units.first?.kind == .nonPublic)
        #expect(snapshot.units.first?.staff == 25)
    }

    @Test func messagesNameTheColumnAsWritten() throws {
        let d = try TestDataset(baseDataset())
        defer { d.remove() }
        try d.write("units.csv", "编号,单位类型,职工数\nU1,工厂,很多\n")
        let problems = d.problems()
        expectProblem(problems, file: "units.csv", location: "line 2", field: "职工数", messageContains: "not a number")
        expectProblem(problems, file: "units.csv", location: "line 2", field: "单位类型", messageContains: "unknown kind '工厂'")
    }
}
