import Foundation
import Testing

/// Hard-coded English outside the catalogue cannot come back: every string literal in `Sources/`
/// that is prose (two words or more) and is handed to something that shows text to a person (an
/// error, a problem, a note, stderr) fails this test naming its file and line. The allow-list
/// holds only literals that are not such text, each with its reason.
@Suite struct EnglishLiteralScanTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// One string literal: where it is, its text (interpolations as written), the function it is
    /// an argument of and the argument's label.
    struct Literal {
        var file: String
        var line: Int
        var text: String
        var callee: String
        var label: String
    }

    /// Functions and initialisers whose text reaches a person.
    static let sinkCallees: Set<String> = [
        "note", "printError", "print", "UsageError", "ValidationProblem", "GeometryIssue", "add", "report", "failed",
        "fail", "failure", "problem"
    ]
    /// Argument labels whose text reaches a person.
    static let sinkLabels: Set<String> = ["message", "expected", "reason", "detail"]
    /// Programming errors: they stop the program in a test run, never in a user's.
    static let programmingErrors: Set<String> = [
        "preconditionFailure", "precondition", "assertionFailure", "assert", "fatalError"
    ]
    /// Callees ending like these are errors (`throw SomethingError("…")`).
    static let sinkSuffixes = ["Error", "Failure", "Issue", "Problem"]

    /// Literals that are handed to a sink but are not text for a person, each with its reason:
    /// (file name, the literal's start, reason).
    static let allowed: [(file: String, prefix: String, reason: String)] = [
        (
            "ParallelChunks.swift", "parallelChunks:",
            "a precondition of the chunk contract: a programming error, never shown in a user's run"
        ),
        (
            "OptionValues.swift", "no field",
            "a declaration that names an undeclared field: a programming error caught by OperationDeclarationTests"
        ),
        (
            "FeatureTable.swift", "\\(name):",
            "a table built with the wrong number of values: a programming error of an export writer"
        ),
        (
            "SortedJSONEncoder.swift", "Unable to encode",
            "Foundation's EncodingError context for a value JSON cannot hold: a programming error, never a user's"
        ),
        // Integrity checks of gridplan's own store: they fire on a damaged or foreign GeoPackage
        // (or a bug), never on a planner's dataset, and are reported for a developer as they are.
        ("GeoPackage/SnapshotReader.swift", "", "a store row without geometry: a damaged store, for a developer"),
        ("GeoPackage/RTreeBulkLoader.swift", "", "the bulk R-tree loader's checks of its own input: a bug or a damaged store"),
        ("GeoPackage/GeometryBlob.swift", "", "a geometry blob gridplan did not write: a damaged store, for a developer"),
        (
            "GridPostgres/PostgresConnection.swift", "libpq could not allocate",
            "libpq out of memory: GridPostgres serves the tests' PostGIS cluster, no command"
        )
    ]

    /// Whether `text` is English prose: two words of letters after removing interpolations and
    /// placeholders (`\(x)`), so `"lon,lat"`, `"line \(n)"` or `"%.2f"` are not.
    static func isProse(_ text: String) -> Bool {
        var plain = text
        while let r = plain.range(of: #"\\\([^()]*(\([^()]*\)[^()]*)*\)"#, options: .regularExpression) {
            plain.replaceSubrange(r, with: " ")
        }
        return plain.range(of: #"[A-Za-z]{2,}[,;:'’]? +[A-Za-z]{2,}"#, options: .regularExpression) != nil
    }

    /// Every string literal of a Swift source with the call it is an argument of. A small lexer:
    /// comments are skipped, `"…"`, `#"…"#` and `"""…"""` literals read with their escapes.
    static func literals(in text: String, file: String) -> [Literal] {
        let c = Array(text.unicodeScalars)
        var out: [Literal] = []
        var i = 0
        var line = 1
        // The code so far with every literal blanked, to find callees and labels backwards.
        var code: [Unicode.Scalar] = []
        func at(_ k: Int) -> Unicode.Scalar? { k < c.count ? c[k] : nil }
        while i < c.count {
            let ch = c[i]
            if ch == "\n" { line += 1 }
            if ch == "/" && at(i + 1) == "/" {
                while i < c.count && c[i] != "\n" { i += 1 }
                continue
            }
            if ch == "/" && at(i + 1) == "*" {
                i += 2
                while i < c.count && !(c[i] == "*" && at(i + 1) == "/") {
                    if c[i] == "\n" { line += 1 }
                    i += 1
                }
                i += 2
                continue
            }
            var hashes = 0
            var j = i
            while at(j) == "#" { hashes += 1; j += 1 }
            if at(j) == "\"" {
                let startLine = line
                let triple = at(j + 1) == "\"" && at(j + 2) == "\""
                j += triple ? 3 : 1
                var body = ""
                var depth = 0  // interpolation parentheses
                while j < c.count {
                    let s = c[j]
                    if s == "\n" { line += 1 }
                    if s == "\\" && depth == 0 {
                        body.unicodeScalars.append(s)
                        if let n = at(j + 1) { body.unicodeScalars.append(n) }
                        if at(j + 1) == "(" { depth = 1 }
                        j += 2
                        continue
                    }
                    if depth > 0 {
                        if s == "(" { depth += 1 } else if s == ")" { depth -= 1 }
                        body.unicodeScalars.append(s)
                        j += 1
                        continue
                    }
                    if s == "\"" {
                        let closes = triple ? (at(j + 1) == "\"" && at(j + 2) == "\"") : true
                        var k = j + (triple ? 3 : 1)
                        var h = 0
                        while h < hashes && at(k) == "#" { h += 1; k += 1 }
                        if closes && h == hashes {
                            j = k
                            break
                        }
                    }
                    body.unicodeScalars.append(s)
                    j += 1
                }
                let (callee, label) = context(code)
                out.append(Literal(file: file, line: startLine, text: body, callee: callee, label: label))
                code.append(contentsOf: "\"\"".unicodeScalars)
                i = j
                continue
            }
            code.append(ch)
            i += 1
        }
        return out
    }

    /// The function whose argument list is open at the end of `code`, and the label of the
    /// argument being written (empty when unlabelled).
    static func context(_ code: [Unicode.Scalar]) -> (callee: String, label: String) {
        var depth = 0
        var k = code.count - 1
        var label = ""
        var sawSeparator = false
        func identifier(endingAt end: Int) -> String {
            var s = end
            while s >= 0 && (CharacterSet.alphanumerics.contains(code[s]) || code[s] == "_") { s -= 1 }
            return String(String.UnicodeScalarView(code[(s + 1)..<(end + 1)]))
        }
        while k >= 0 {
            let s = code[k]
            if s == ")" || s == "]" || s == "}" {
                depth += 1
            } else if s == "(" || s == "[" || s == "{" {
                if depth == 0 {
                    guard s == "(" else { return ("", label) }
                    var e = k - 1
                    while e >= 0 && code[e] == " " { e -= 1 }
                    return (e >= 0 ? identifier(endingAt: e) : "", label)
                }
                depth -= 1
            } else if depth == 0 && s == "," {
                sawSeparator = true
            } else if depth == 0 && s == ":" && !sawSeparator && label.isEmpty
                && code[(k + 1)...].dropLast(0).allSatisfy({ $0 == " " || $0 == "\n" })
            {
                // `label: "…"`: only blanks between the colon and the literal
                var e = k - 1
                while e >= 0 && code[e] == " " { e -= 1 }
                if e >= 0 { label = identifier(endingAt: e) }
            }
            k -= 1
        }
        return ("", label)
    }

    /// Whether the literal goes to something that shows text to a person.
    static func isSink(_ l: Literal) -> Bool {
        if programmingErrors.contains(l.callee) { return false }
        if sinkLabels.contains(l.label) { return true }
        if l.label.isEmpty && sinkCallees.contains(l.callee) { return true }
        return sinkSuffixes.contains { l.callee.hasSuffix($0) } && l.label != "help"
    }

    static func offenders() throws -> [Literal] {
        var found: [Literal] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "swift" && !url.path.contains("/GridLocale/Catalogue/") {
            let text = try String(contentsOf: url, encoding: .utf8)
            let name = url.path.replacingOccurrences(of: sources.path + "/", with: "")
            for l in literals(in: text, file: name) where isProse(l.text) && isSink(l) {
                if allowed.contains(where: { name.hasSuffix($0.file) && l.text.hasPrefix($0.prefix) }) { continue }
                found.append(l)
            }
        }
        return found
    }

    @Test func noEnglishProseIsHandedToAnErrorOrNote() throws {
        for l in try Self.offenders() {
            Issue.record(
                "Sources/\(l.file):\(l.line): English text outside the catalogue: \"\(l.text)\" (\(l.callee) \(l.label))")
        }
    }

    /// The scanner itself: it finds what it must and passes what it may.
    @Test func theScannerFindsProseArgumentsAndSkipsTheRest() {
        let sample = #"""
            // problems.add(file: f, message: "a comment is not code")
            problems.add(
                file: name, message: "cannot read the file",
                expected: LocalText("expected.csv.valid"))
            throw UsageError("no such store here")
            let sql = "SELECT id FROM buildings"
            note(language.tr("note.demo", ["store": "x y z"]))
            printError("stdin:line \(n): \(why)")
            reader.report("geometry", "missing geometry here", expected: "a finite number")
            let help = OptionField("radius", .number, help: "Reach of a new site, metres.")
            """#
        let found = Self.literals(in: sample, file: "Sample.swift").filter { Self.isProse($0.text) && Self.isSink($0) }
        #expect(
            found.map(\.text) == ["cannot read the file", "no such store here", "missing geometry here", "a finite number"])
        #expect(found.map(\.line) == [3, 5, 9, 9])
        #expect(!Self.isProse("line \\(n)"))
        #expect(!Self.isProse("lon,lat"))
        #expect(Self.isProse("unknown CRS '\\(name)'"))
    }
}
