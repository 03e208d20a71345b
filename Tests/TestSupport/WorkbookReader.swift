import Foundation

/// One worksheet as openpyxl reads it.
public struct WorkbookSheet: Sendable {
    public var name: String
    /// Every row, the header first; cells are `String`, `Double`, `Int`, `Bool` or nil (`NSNull`).
    public var rows: [[JSONCell]]
    /// openpyxl's `freeze_panes` (`A2` when the header row is frozen), nil when nothing is frozen.
    public var freezePanes: String?
    /// Each column's width as the file sets it (nil when unset).
    public var widths: [Double?]
    /// The number format of each cell of the first data row.
    public var numberFormats: [String]
}

/// A cell value read back from a workbook.
public enum JSONCell: Sendable, Equatable {
    case text(String), number(Double), bool(Bool), empty
}

/// Reads `.xlsx` files with openpyxl from the test venv (`Tools/setup`), an implementation
/// independent of the libxlsxwriter that writes them. Tests need it with
/// `.enabled(if: WorkbookReader.shouldRun)`: in CI (`CI=true`) a missing openpyxl fails loudly.
public enum WorkbookReader {
    public static let isAvailable: Bool = TestVenv.hasModules(["openpyxl"])

    /// Run where openpyxl is installed, and always in CI (where its absence is a failure).
    public static var shouldRun: Bool { isAvailable || ProcessInfo.processInfo.environment["CI"] == "true" }

    struct Missing: Error, CustomStringConvertible {
        var description: String { "openpyxl is missing from the test venv (run Tools/setup)" }
    }

    static let script = """
        import json, sys, openpyxl
        from openpyxl.utils import get_column_letter
        wb = openpyxl.load_workbook(sys.argv[1])
        def tag(v):
            if v is None: return None
            if isinstance(v, bool): return ["b", v]
            if isinstance(v, (int, float)): return ["n", v]
            return ["s", str(v)]
        out = []
        for ws in wb.worksheets:
            rows = [[tag(v) for v in r] for r in ws.iter_rows(values_only=True)]
            widths = []
            for i in range(ws.max_column):
                d = ws.column_dimensions.get(get_column_letter(i + 1))
                widths.append(d.width if d is not None and d.customWidth else None)
            formats = [c.number_format for c in ws[2]] if ws.max_row >= 2 else []
            out.append({"name": ws.title, "rows": rows, "freeze": ws.freeze_panes, "widths": widths, "formats": formats})
        print(json.dumps(out, ensure_ascii=False))
        """

    /// Every sheet of the workbook at `path`, in order.
    public static func read(_ path: String) throws -> [WorkbookSheet] {
        guard let python = TestVenv.python, isAvailable else { throw Missing() }
        let result = try ProcessRunner.run(python, ["-c", script, path])
        guard result.status == 0 else { throw CocoaError(.fileReadCorruptFile, userInfo: ["stderr": result.stderr]) }
        guard let sheets = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return sheets.map { s in
            let rows = (s["rows"] as? [[Any]] ?? []).map { $0.map(cell) }
            return WorkbookSheet(
                name: s["name"] as? String ?? "", rows: rows, freezePanes: s["freeze"] as? String,
                widths: (s["widths"] as? [Any] ?? []).map { ($0 as? NSNumber)?.doubleValue },
                numberFormats: s["formats"] as? [String] ?? [])
        }
    }

    /// A cell as the script tags it: `["s", text]`, `["n", number]`, `["b", bool]` or null.
    static func cell(_ value: Any) -> JSONCell {
        guard let pair = value as? [Any], pair.count == 2, let tag = pair[0] as? String else { return .empty }
        switch tag {
        case "s": return .text(pair[1] as? String ?? "")
        case "n": return .number((pair[1] as? NSNumber)?.doubleValue ?? .nan)
        case "b": return .bool((pair[1] as? NSNumber)?.boolValue ?? false)
        default: return .empty
        }
    }
}
