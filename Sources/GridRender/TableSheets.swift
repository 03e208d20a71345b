import GridLocale
import GridModel
import GridXLSX

/// An exported layer (`FeatureTable`) as a worksheet: its columns, then `lon`,`lat` for points
/// (full precision, shown with 7 decimals) or `wkt` for polygons and lines (longitude/latitude,
/// as the CSV export writes it). Booleans are Excel booleans, numbers numbers.
public enum TableSheets {
    /// Excel's limit on the text of one cell.
    public static let cellLimit = 32_767

    /// The sheet of `table`, and how many `wkt` cells were left empty because the geometry's
    /// text is longer than a cell holds.
    public static func sheet(_ table: FeatureTable, language: Language) -> (sheet: Sheet, omittedGeometries: Int) {
        var headers = table.columns.map { WorkbookHeaders.header($0.name, language) }
        switch table.geometryKind {
        case .point?: headers += [WorkbookHeaders.header("lon", language), WorkbookHeaders.header("lat", language)]
        case .multiPolygon?, .multiLineString?: headers.append("wkt")
        case nil: break
        }
        var omitted = 0
        var rows: [[Sheet.Cell]] = []
        rows.reserveCapacity(table.features.count)
        for f in table.features {
            var row = zip(table.columns, f.values).map { column, value -> Sheet.Cell in
                switch value {
                case .text(let s): return .text(s)
                case .integer(let n): return .number(Double(n), decimals: 0)
                case .real(let x): return .number(x, decimals: column.name.hasSuffix("rate") ? 4 : 2)
                case .boolean(let b): return .boolean(b)
                case .null: return .empty
                }
            }
            switch table.geometryKind {
            case .point?:
                if case .point(let p)? = f.lonLat {
                    row += [.number(p.x, decimals: 7), .number(p.y, decimals: 7)]
                } else {
                    row += [.empty, .empty]
                }
            case .multiPolygon?, .multiLineString?:
                if let g = f.lonLat {
                    let text = ExportWriters.wkt(g)
                    if text.utf16.count <= cellLimit { row.append(.text(text)) } else { row.append(.empty); omitted += 1 }
                } else {
                    row.append(.empty)
                }
            case nil: break
            }
            rows.append(row)
        }
        return (Sheet(name: WorkbookHeaders.sheetName(table.name, language), headers: headers, rows: rows), omitted)
    }
}
