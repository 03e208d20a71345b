import Foundation
import GridFormats
import GridLocale
import GridModel
import GridStore

/// The JSON document a command-line option names (`--edits FILE.json`, `-` for standard input):
/// what a JSON client sends as the option's value.
public enum JSONArgumentFile {
    /// The parsed document of `path`; errors name the option, the file, and the line and column.
    public static func read(_ path: String, option: String) throws -> JSONValue {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let d = FileManager.default.contents(atPath: path) else {
                let reason = String(cString: strerror(FileManager.default.fileExists(atPath: path) ? EACCES : ENOENT))
                throw UsageError(key: "usage.json_file.unreadable", ["option": option, "path": path, "reason": reason])
            }
            data = d
        }
        do {
            return try JSONParser.parse(data)
        } catch let e as JSONParseError {
            let arguments = ["option": option, "path": path, "line": String(e.line), "column": String(e.column)]
            throw UsageError { l in
                var a = arguments
                a["problem"] = e.issue.localText.text(l)
                return l.tr("usage.json_file.syntax", a)
            }
        }
    }
}
