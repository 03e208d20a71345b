import GridFormats

/// What running an operation does beyond answering: declared with the operation, so a front end
/// that must ask before anything is written (the MCP server's tools) reads it from one table.
public enum OperationEffect: Sendable, Equatable {
    /// Reads only.
    case readOnly
    /// Writes the store only when the flag field `flag` is true (`grids plan --apply`); without
    /// it the operation is a preview.
    case writesWhen(flag: String)
    /// Writes (the store or files) unless the flag field `previewFlag` is true
    /// (`import --dry-run`); nil when every run writes (`export`).
    case writes(previewFlag: String?)
}

extension OperationDeclaration {
    /// Whether a call with `parameters` writes (a flag given as anything but `true` counts as unset).
    public func writes(with parameters: JSONObject) -> Bool {
        switch effect {
        case .readOnly: return false
        case .writesWhen(let flag): return parameters[flag] == .bool(true)
        case .writes(let preview):
            guard let preview else { return true }
            return parameters[preview] != .bool(true)
        }
    }

    /// The flag a client passes to let a call write: the operation's own (`apply` of `grids plan`),
    /// or `SharedFields.writeConsent` for operations that always write; nil for read-only ones.
    public var writeConsent: OptionField? {
        switch effect {
        case .readOnly: return nil
        case .writesWhen(let flag): return fields.first { $0.name == flag }
        case .writes: return SharedFields.writeConsent(method)
        }
    }
}
