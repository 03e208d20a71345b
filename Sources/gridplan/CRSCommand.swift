import ArgumentParser
import Foundation
import GridService

/// `gridplan crs …`: coordinate tools.
struct CRSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crs",
        abstract: "Coordinate reference system tools.",
        subcommands: [CRSConvertCommand.self])
}

/// `gridplan crs convert --from CRS --to CRS`: lines on stdin, one result line each on stdout.
struct CRSConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert 'x y' (or 'lon lat') lines on stdin between CRSs, one output line per input line.",
        discussion: """
        CRS: anything PROJ knows (EPSG:4326, EPSG:4490, EPSG:4547, a PROJ string) or GCJ-02 / BD-09.
        Geographic coordinates are always longitude first. A line that cannot be converted is written
        as '* *' and reported on stderr with its line number; the exit code is then 65.
        """)

    @Option(name: .long, help: "Source CRS.") var from: String
    @Option(name: .long, help: "Target CRS.") var to: String

    func run() throws {
        try reportingErrors {
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
                    printError("stdin:line \(lineNumber): \(why)")
                }
                if out.utf8.count > 1 << 16 { writeStandardOutput(out); out = "" }
            }
            writeStandardOutput(out)
            if failures > 0 {
                printError("\(failures) of \(lineNumber) lines could not be converted")
                throw ExitCode(65)
            }
        }
    }
}
