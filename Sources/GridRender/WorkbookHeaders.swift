import GridLocale
import GridXLSX

/// Header rows and sheet names of the workbooks gridplan writes: the contract's English names,
/// or in Chinese the catalogue's `xlsx.header.NAME` and `xlsx.sheet.NAME` (the field names of
/// docs/data-format.md §6 where it has one). A dotted name (`total.households`) is translated
/// part by part; a name with no Chinese entry stays as written.
public enum WorkbookHeaders {
    public static func header(_ key: String, _ language: Language) -> String {
        guard language == .zh else { return key }
        return key.split(separator: ".", omittingEmptySubsequences: false).map { part in
            let id = "xlsx.header.\(part)"
            return Catalogue.messages[id] != nil ? Catalogue.text(id, .zh) : String(part)
        }.joined(separator: ".")
    }

    public static func sheetName(_ name: String, _ language: Language) -> String {
        guard language == .zh else { return name }
        return name.split(separator: ".", omittingEmptySubsequences: false).map { part in
            let sheet = "xlsx.sheet.\(part)", field = "xlsx.header.\(part)"
            if Catalogue.messages[sheet] != nil { return Catalogue.text(sheet, .zh) }
            return Catalogue.messages[field] != nil ? Catalogue.text(field, .zh) : String(part)
        }.joined(separator: ".")
    }

    /// The sheet with each column's numbers shown with the column's largest number of decimals,
    /// so a column reads 659.10, 556.00 rather than 659.1, 556.
    public static func uniformDecimals(_ sheet: Sheet) -> Sheet {
        var places = [Int](repeating: 0, count: sheet.headers.count)
        for row in sheet.rows {
            for (i, cell) in row.enumerated() where i < places.count {
                if case .number(_, let d) = cell { places[i] = max(places[i], d) }
            }
        }
        var out = sheet
        out.rows = sheet.rows.map { row in
            row.enumerated().map { i, cell in
                if case .number(let x, _) = cell, i < places.count { return .number(x, decimals: places[i]) }
                return cell
            }
        }
        return out
    }
}
