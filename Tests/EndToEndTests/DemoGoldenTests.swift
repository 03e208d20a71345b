import Foundation
import Testing
import TestSupport

/// One pinned output of the demo district: the golden file and the command that produces it
/// (a line of Golden/commands.tsv).
struct GoldenCase: Sendable, CustomTestStringConvertible {
    var file: String
    var arguments: [String]

    /// Whether the golden file holds the output's SHA-256 digest rather than the output.
    var isDigest: Bool { file.hasSuffix(".sha256") }
    var testDescription: String { file }

    static var folder: URL { CLI.repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Golden") }

    /// Every case of Golden/commands.tsv (comment lines start with #).
    static let all: [GoldenCase] = {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("commands.tsv"), encoding: .utf8) else {
            return []
        }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map { line in
            let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
            return GoldenCase(file: fields[0], arguments: fields[1].split(separator: " ").map(String.init))
        }
    }()
}

/// The demo district imported once into a store of its own (no other test writes to it).
enum GoldenDemo {
    static let store: Result<String, ValidationFailure> = {
        do {
            let db = try CLI.temporaryDirectory().appendingPathComponent("golden.gpkg").path
            let r = try CLI.run(["import", CLI.demoDataset.path, "--db", db])
            return r.status == 0 ? .success(db) : .failure(ValidationFailure("demo import failed: \(r.stderr)"))
        } catch {
            return .failure(ValidationFailure("demo import failed: \(error)"))
        }
    }()

    /// Runs `gridplan args… --db STORE` on the demo store; records an issue when it fails.
    static func run(_ args: [String]) throws -> CLIRun {
        let db = try store.get()
        let r = try CLI.run(args + ["--db", db])
        #expect(r.status == 0, "gridplan \(args.joined(separator: " ")): \(r.stderr)")
        return r
    }
}

/// The demo's outputs equal the committed golden files byte for byte (the README's figures come
/// from them). A deliberate change of an output is made by running `Tools/update-golden` and
/// committing the new files with the change that explains them.
@Suite struct DemoGoldenTests {
    @Test func manifestListsEveryGoldenFile() throws {
        let listed = Set(GoldenCase.all.map(\.file))
        // the outputs the README's figures come from must stay pinned
        let pinned: Set = [
            "report-area.txt", "report-area.json", "site-count-5.txt", "site-count-5.json",
            "report-underserved.txt", "report-underserved.json", "coverage.txt", "coverage.json.sha256",
            "grids-plan.txt", "grids-plan.json.sha256", "report-party.txt", "report-party.json.sha256"
        ]
        #expect(pinned.isSubset(of: listed), "Golden/commands.tsv lacks \(pinned.subtracting(listed).sorted())")
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: GoldenCase.folder.path)).subtracting([
            "commands.tsv"
        ])
        #expect(present == listed, "golden files without a command or commands without a file")
    }

    @Test(arguments: GoldenCase.all)
    func outputEqualsGoldenFile(_ golden: GoldenCase) throws {
        let r = try GoldenDemo.run(golden.arguments)
        let expected = try String(contentsOf: GoldenCase.folder.appendingPathComponent(golden.file), encoding: .utf8)
        let hint = "if the change is deliberate, run Tools/update-golden and commit Tests/EndToEndTests/Golden/"
        if golden.isDigest {
            let digest = SHA256.hex(Array(r.stdout.utf8))
            #expect(
                digest == expected.trimmingCharacters(in: .whitespacesAndNewlines),
                "gridplan \(golden.arguments.joined(separator: " ")): SHA-256 differs from Golden/\(golden.file); \(hint)")
        } else if r.stdout != expected {
            let difference = Self.firstDifference(r.stdout, expected)
            let command = golden.arguments.joined(separator: " ")
            Issue.record(Comment(rawValue: "gridplan \(command) differs from Golden/\(golden.file) \(difference); \(hint)"))
        }
    }

    /// The SHA-256 the digests are made with gives the standard test vectors (FIPS 180-4).
    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// "at line N: got … expected …" for the first line that differs.
    static func firstDifference(_ got: String, _ expected: String) -> String {
        let a = got.components(separatedBy: "\n"), b = expected.components(separatedBy: "\n")
        for i in 0..<max(a.count, b.count) where (i < a.count ? a[i] : nil) != (i < b.count ? b[i] : nil) {
            return "at line \(i + 1): got \"\(i < a.count ? a[i] : "<end>")\", expected \"\(i < b.count ? b[i] : "<end>")\""
        }
        return ""
    }
}
