import GridGeo
import Foundation
@testable import GridFormats
import TestSupport

/// A temporary file holding `bytes`, removed by `remove()`.
struct TempFile {
    let url: URL
    init(_ bytes: [UInt8], suffix: String = ".txt") throws {
        url = TemporaryFiles.path(prefix: "gridformats", suffix: suffix)
        try Data(bytes).write(to: url)
    }
    init(_ text: String, suffix: String = ".txt") throws {
        try self.init(Array(text.utf8), suffix: suffix)
    }
    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Random JSON values for round trips (strings include escapes, controls, CJK and astral
/// characters; numbers include exponents and long integers).
struct RandomJSON {
    var rng: SeededGenerator

    mutating func string() -> String {
        let pieces: [String] = [
            "a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\u{01}", "\u{1F}", "é", "中",
            "区", "😀", "\u{7F}", "\u{2028}", "id", "0"
        ]
        let n = Int.random(in: 0...8, using: &rng)
        return (0..<n).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    mutating func numberText() -> String {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: return String(Int.random(in: -1000...1000, using: &rng))
        case 1: return String(Int.random(in: Int.min...Int.max, using: &rng))
        case 2:
            let digits = (0..<Int.random(in: 19...30, using: &rng)).map { _ in String(Int.random(in: 1...9, using: &rng)) }
            return digits.joined()
        case 3:
            let m = Int.random(in: 0...99_999_999, using: &rng)
            let f = Int.random(in: 0...999_999, using: &rng)
            return "\(Bool.random(using: &rng) ? "-" : "")\(m).\(f)"
        case 4:
            return
                "\(Int.random(in: 1...9, using: &rng)).\(Int.random(in: 0...999, using: &rng))e\(Int.random(in: -300...300, using: &rng))"
        default:
            return "\(Double.random(in: -180...180, using: &rng))"
        }
    }

    mutating func value(depth: Int = 0) -> JSONValue {
        let leafOnly = depth >= 4
        switch Int.random(in: 0..<(leafOnly ? 5 : 8), using: &rng) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &rng))
        case 2, 3: return .number(try! JSONNumber(text: numberText()).unwrap())
        case 4: return .string(string())
        case 5: return .array((0..<Int.random(in: 0...5, using: &rng)).map { _ in value(depth: depth + 1) })
        default:
            var o = JSONObject()
            for k in 0..<Int.random(in: 0...6, using: &rng) {
                o.members.append((key: "\(string())#\(k)", value: value(depth: depth + 1)))
            }
            return .object(o)
        }
    }
}

struct Unwrapped: Error {}
extension Optional {
    func unwrap() throws -> Wrapped {
        guard let v = self else { throw Unwrapped() }
        return v
    }
}
