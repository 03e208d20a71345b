import Foundation
import Testing
import TestSupport

@Test func crsConvertOneLinePerLineAndReportsBadLines() throws {
    let r = try CLI.run(
        ["crs", "convert", "--from", "EPSG:4326", "--to", "EPSG:4548"],
        stdin: "116.391 39.907\nnot a point\n116.391,39.907 keep-me\n")
    #expect(r.status == 65)
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.count == 4)  // three lines and the final newline
    #expect(lines[1] == "* *")
    #expect(r.stderr.contains("stdin:line 2:"))
    // cs2cs gives 447945.3134 4417612.6956 for WGS84 → UTM 50N; here CGCS2000 GK CM117 (same datum at this scale)
    let f = lines[0].split(separator: " ").compactMap { Double($0) }
    #expect(abs(f[0] - 447924.48) < 1.0 && abs(f[1] - 4419380.45) < 1.0)
    #expect(lines[2].hasSuffix(" keep-me"))
}

@Test func crsConvertRoundTripsThroughGCJ02() throws {
    let there = try CLI.run(["crs", "convert", "--from", "EPSG:4326", "--to", "GCJ-02"], stdin: "116.404 39.915\n")
    #expect(there.status == 0)
    let back = try CLI.run(["crs", "convert", "--from", "GCJ-02", "--to", "EPSG:4326"], stdin: there.stdout)
    let f = back.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Double($0) }
    #expect(abs(f[0] - 116.404) < 1e-7 && abs(f[1] - 39.915) < 1e-7)
}

@Test func crsConvertUnknownCRSFailsClearly() throws {
    let r = try CLI.run(["crs", "convert", "--from", "EPSG:4326", "--to", "EPSG:12345678"], stdin: "1 2\n")
    #expect(r.status != 0)
    #expect(r.stderr.contains("EPSG:12345678"))
    #expect(r.stdout.isEmpty)
}
