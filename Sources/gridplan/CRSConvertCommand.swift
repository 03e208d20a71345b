import Foundation
import GridLocale
import GridService

/// `gridplan crs convert --from CRS --to CRS`: lines on stdin, one result line each on stdout;
/// a line that cannot be converted is written as `* *` and reported on stderr (exit 65).
enum CRSConvertCommand {
    /// Converts stdin to stdout; returns the exit code.
    static func run(from: String, to: String, language: Language) throws -> Int32 {
        let conversion = try CRSConversion(from: from, to: to)
        var failures = 0
        var lineNumber = 0
        var out = ""
        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            switch conversion.convert(line: line) {
            case .converted(let text): out += text + "\n"
            case .failed(let why):
                failures += 1
                out += "* *\n"
                printError(language.tr("conversion.line.failed", ["line": "\(lineNumber)", "problem": why.text(language)]))
            }
            if out.utf8.count > 1 << 16 { StandardOutput.write(out); out = "" }
        }
        StandardOutput.write(out)
        if failures > 0 {
            printError(language.tr("conversion.lines.failed", ["failures": "\(failures)", "lines": "\(lineNumber)"]))
            return 65
        }
        return 0
    }
}
