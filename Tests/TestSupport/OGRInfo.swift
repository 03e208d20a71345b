import Foundation

/// One layer as `ogrinfo -ro -al -so` reports it.
public struct OGRLayer: Sendable {
    public var name: String
    public var geometry: String
    public var features: Int
    /// The last `ID["EPSG",n]` of the layer's CRS, nil when the layer has none.
    public var epsg: Int?
    /// Every EPSG code in the CRS (datum, units, ...).
    public var epsgCodes: [Int] = []
    /// The CRS's name (`WGS 84`, `CGCS2000 / 3-degree Gauss-Kruger CM 114E`).
    public var crsName: String?
}

/// GDAL's `ogrinfo` (Debian gdal-bin), the independent reader the store and export tests check
/// against. Tests that need it declare `.enabled(if: OGRInfo.isAvailable, …)` so they show as
/// skipped where it is missing.
public enum OGRInfo {
    /// The `ogrinfo` on `PATH`, or nil.
    public static let executable: URL? = ProcessRunner.executable(named: "ogrinfo")

    /// Whether `ogrinfo` is installed.
    public static var isAvailable: Bool { executable != nil }

    /// Runs `ogrinfo args…`: its exit status and what it printed on stdout.
    public static func run(_ args: [String]) throws -> (status: Int32, output: String) {
        guard let executable else { throw CocoaError(.fileNoSuchFile) }
        let result = try ProcessRunner.run(executable, args)
        return (result.status, result.stdout)
    }

    /// Every layer of the data source at `path`; `options` go before it (`--config KEY VALUE`).
    public static func layers(_ path: String, options: [String] = []) throws -> [OGRLayer] {
        let text = try run(["-ro", "-al", "-so"] + options + [path]).output
        return text.components(separatedBy: "Layer name: ").dropFirst().map(layer)
    }

    /// One layer's summary, from the text after its "Layer name: ".
    private static func layer(_ chunk: String) -> OGRLayer {
        let lines = chunk.split(separator: "\n").map(String.init)
        func value(_ key: String) -> String? {
            lines.first { $0.hasPrefix(key) }.map { String($0.dropFirst(key.count)).trimmingCharacters(in: .whitespaces) }
        }
        // The CRS block runs from "Layer SRS WKT:" to the axis mapping; its last ID is the CRS's own.
        var epsg: Int? = nil, crsName: String? = nil, codes: [Int] = []
        if let start = chunk.range(of: "Layer SRS WKT:") {
            let end =
                chunk.range(of: "Data axis to CRS axis mapping", range: start.upperBound..<chunk.endIndex)?.lowerBound
                ?? chunk.endIndex
            let block = chunk[start.upperBound..<end]
            var from = block.startIndex
            while let r = block.range(of: "ID\\[\"EPSG\",[0-9]+\\]", options: .regularExpression, range: from..<block.endIndex) {
                let code = Int(block[r].filter(\.isNumber))
                epsg = code
                if let code { codes.append(code) }
                from = r.upperBound
            }
            crsName = block.split(separator: "\n").first.flatMap { line in
                line.range(of: "\"[^\"]*\"", options: .regularExpression).map { String(line[$0].dropFirst().dropLast()) }
            }
        }
        return OGRLayer(
            name: lines.first ?? "", geometry: value("Geometry:") ?? "",
            features: Int(value("Feature Count:") ?? "") ?? -1, epsg: epsg, epsgCodes: codes, crsName: crsName)
    }
}
