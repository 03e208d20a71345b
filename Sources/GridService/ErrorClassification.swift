import GridFormats
import GridGeo
import GridLocale
import GridStore
import GridXLSX
import GridModel

/// How an error reaches the user, the same for every front end: the CLI's exit code and
/// stderr text, the JSON-RPC error code and message, and the dataset problems (JSON-RPC
/// `data.problems`).
public struct ErrorClassification: Sendable {
    /// The CLI's exit code (sysexits.h): 65 bad data, 64 bad usage, 1 otherwise.
    public var exitCode: Int32
    /// The JSON-RPC error code.
    public var rpcCode: Int
    /// What the CLI prints on stderr.
    public var message: String
    /// The JSON-RPC error message.
    public var rpcMessage: String
    /// The dataset problems behind a data error, and how many there were in all.
    public var problems: (list: [ValidationProblem], total: Int)?

    /// JSON-RPC application codes.
    public static let invalidInputCode = -32001  // the dataset or a file is invalid: data.problems lists them
    public static let projectionCode = -32003  // PROJ could not do a conversion
    public static let invalidParamsCode = -32602
    public static let internalErrorCode = -32603

    /// The error in `language`, without a prefix: a syntax error of a JSON text (`line 1, column 5:
    /// unexpected '}', expected a value`), a usage error, a dataset problem, a PROJ failure; any
    /// other error (a library's own) as it describes itself.
    public static func describe(_ error: Error, _ language: Language) -> String {
        switch error {
        case let e as JSONParseError:
            language.tr("location.line_column", ["line": "\(e.line)", "column": "\(e.column)"]) + ": "
                + e.issue.localText.text(language)
        case let e as UsageError: e.text(language)
        case let e as ValidationProblem: e.text(language)
        case let e as InputError: e.report(language: language)
        case let e as ProjectionError: e.localText.text(language)
        case let e as WorkbookError: e.localText.text(language)
        default: GDALErrorText.localText(error)?.text(language) ?? "\(error)"
        }
    }

    /// The error's texts in `language` (the problems in `problems` keep their English fields,
    /// the same in every language).
    public init(_ error: Error, language: Language = .en) {
        let l = language
        switch error {
        case let e as InputError:
            self.init(
                exitCode: 65, rpcCode: Self.invalidInputCode, message: e.report(language: l),
                rpcMessage: l.tr("error.rpc.invalid_input", ["count": String(e.totalCount)]),
                problems: (e.problems, e.totalCount))
        case let e as ValidationProblem:
            self.init(
                exitCode: 65, rpcCode: Self.invalidInputCode, message: e.text(l),
                rpcMessage: l.tr("error.rpc.invalid_input_one", ["problem": e.text(l)]), problems: ([e], 1))
        case let e as UsageError:
            self.init(
                exitCode: 64, rpcCode: Self.invalidParamsCode, message: l.tr("error.prefix", ["message": e.text(l)]),
                rpcMessage: l.tr("error.rpc.invalid_params", ["message": e.text(l)]), problems: nil)
        case let e as LanguageError:
            let text = l.tr("error.language", ["source": e.source, "value": e.value])
            self.init(
                exitCode: 64, rpcCode: Self.invalidParamsCode, message: l.tr("error.prefix", ["message": text]),
                rpcMessage: l.tr("error.rpc.invalid_params", ["message": text]), problems: nil)
        case let e as ProjectionError:
            let text = e.localText.text(l)
            self.init(
                exitCode: 65, rpcCode: Self.projectionCode, message: l.tr("error.prefix", ["message": text]),
                rpcMessage: text, problems: nil)
        default:
            self.init(
                exitCode: 1, rpcCode: Self.internalErrorCode, message: l.tr("error.prefix", ["message": "\(error)"]),
                rpcMessage: l.tr("error.rpc.internal", ["message": "\(error)"]), problems: nil)
        }
    }

    init(exitCode: Int32, rpcCode: Int, message: String, rpcMessage: String, problems: (list: [ValidationProblem], total: Int)?) {
        self.exitCode = exitCode; self.rpcCode = rpcCode; self.message = message
        self.rpcMessage = rpcMessage; self.problems = problems
    }
}
