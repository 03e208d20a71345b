import Foundation
import GridLocale

/// A structural check of a Shapefile's `.shp` and `.shx` before GDAL reads them: GDAL reads a
/// corrupt record as a feature without geometry and says nothing, so a damaged file would import
/// as communities without boundaries. Checks the index header and that every record the index
/// points to lies inside the `.shp` with a valid shape type.
enum ShapefileCheck {
    private static let shapeTypes: Set<Int32> = [0, 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28, 31]

    /// A problem (location, message), or nil when the files are intact.
    static func problem(shp: URL) -> (location: String, message: LocalText)? {
        let shx = shp.deletingPathExtension().appendingPathExtension("shx")
        guard let index = try? Data(contentsOf: shx, options: .alwaysMapped),
            let main = try? Data(contentsOf: shp, options: .alwaysMapped)
        else { return ("", LocalText("problem.shapefile.unreadable")) }
        func bigEndian(_ d: Data, _ at: Int) -> Int32 {
            d.withUnsafeBytes { Int32(bigEndian: $0.loadUnaligned(fromByteOffset: at, as: Int32.self)) }
        }
        func littleEndian(_ d: Data, _ at: Int) -> Int32 {
            d.withUnsafeBytes { Int32(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: Int32.self)) }
        }
        guard index.count >= 100, bigEndian(index, 0) == 9994 else {
            return ("", LocalText("problem.shapefile.not_index", ["file": shx.lastPathComponent]))
        }
        guard main.count >= 100, bigEndian(main, 0) == 9994 else {
            return ("", LocalText("problem.shapefile.damaged_header", ["file": shp.lastPathComponent]))
        }
        let declared = littleEndian(main, 32)
        let records = (index.count - 100) / 8
        for i in 0..<records {
            let offset = Int(bigEndian(index, 100 + 8 * i)) * 2
            let length = Int(bigEndian(index, 104 + 8 * i)) * 2
            guard offset >= 100, length >= 4, offset + 8 + length <= main.count else {
                return ("feature \(i)", LocalText("problem.shapefile.truncated", ["file": shp.lastPathComponent]))
            }
            let type = littleEndian(main, offset + 8)
            guard shapeTypes.contains(type), type == 0 || type == declared else {
                return (
                    "feature \(i)", LocalText("problem.shapefile.corrupt_record", ["type": "\(type)", "declared": "\(declared)"])
                )
            }
        }
        return nil
    }
}
