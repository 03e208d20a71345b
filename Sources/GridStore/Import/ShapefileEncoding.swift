import Foundation

/// Chooses the text encoding of a Shapefile's `.dbf`: an explicit `encoding` in dataset.json wins,
/// then the `.cpg` beside it (GDAL reads it), else UTF-8 when the field names and records are
/// valid UTF-8, else GBK (CP936), what Chinese GIS offices write.
struct ShapefileEncoding {
    /// GDAL's `ENCODING` open option, nil to let GDAL follow the `.cpg`.
    var openOption: String?
    /// The encoding and how it was chosen, for the dry run.
    var description: String

    static func choose(shp: URL, explicit: String?) -> ShapefileEncoding {
        if let explicit { return ShapefileEncoding(openOption: explicit, description: "\(explicit) (dataset.json)") }
        let cpg = shp.deletingPathExtension().appendingPathExtension("cpg")
        if let text = try? String(contentsOf: cpg, encoding: .utf8) {
            return ShapefileEncoding(openOption: nil, description: "\(trimmed(text)) (.cpg)")
        }
        let dbf = shp.deletingPathExtension().appendingPathExtension("dbf")
        guard let data = try? Data(contentsOf: dbf) else { return ShapefileEncoding(openOption: nil, description: "") }
        if isUTF8(dbfText: data) { return ShapefileEncoding(openOption: "UTF-8", description: "UTF-8 (detected, no .cpg)") }
        return ShapefileEncoding(openOption: "CP936", description: "CP936 (detected: not UTF-8, no .cpg)")
    }

    /// True when the `.dbf`'s field names and record area are valid UTF-8 (the header's binary
    /// fields are skipped).
    static func isUTF8(dbfText data: Data) -> Bool {
        let bytes = [UInt8](data)
        guard bytes.count >= 32 else { return true }
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        var text: [UInt8] = []
        var offset = 32
        while offset + 32 <= min(headerLength, bytes.count), bytes[offset] != 0x0D {
            text.append(contentsOf: bytes[offset..<offset + 11].filter { $0 != 0 })
            text.append(0x20)
            offset += 32
        }
        if headerLength < bytes.count { text.append(contentsOf: bytes[headerLength...]) }
        return String(data: Data(text), encoding: .utf8) != nil
    }
}
