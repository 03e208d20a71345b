import GridFormats
import GridService

/// The help pages, generated from the command table: overview, usage, and every option with
/// its value name, default and choices. Texts come from the declarations (English; a message
/// catalogue can replace them by their keys).
enum HelpText {
    /// Where the texts come from (English until a catalogue is chosen at run time).
    static let catalogue = MessageCatalogue.english
    static let width = 80
    static let labelWidth = 24

    /// `gridplan …` help for a command.
    static func command(_ spec: CommandSpec) -> String {
        var out = wrap("OVERVIEW: \(spec.summary)", width: width) + "\n\n"
        if !spec.discussion.isEmpty { out += wrap(spec.discussion, width: width) + "\n\n" }
        out += "USAGE: \(usage(spec))\n\n"
        let positionals = spec.fields.filter { $0.positional && !$0.hidden }
        if !positionals.isEmpty {
            out += "ARGUMENTS:\n"
            for f in positionals { out += row(f.displayName, describe(f)) }
            out += "\n"
        }
        out += "OPTIONS:\n"
        for f in spec.fields where !f.positional && !f.hidden {
            let label = f.isFlag ? f.flag : "\(f.flag) <\(f.placeholder)>"
            let aliases = f.aliases.map { "--\($0)" }
            out += row(([label] + aliases).joined(separator: ", "), describe(f))
        }
        out += row("--version", "Show the version.")
        out += row("-h, --help", "Show help information.")
        return out
    }

    /// Help for a group (`gridplan report`) or the whole tool (empty path).
    static func group(_ path: [String]) -> String {
        let name = (["gridplan"] + path).joined(separator: " ")
        let summary =
            path.isEmpty
            ? "Plan community service facilities, grids and the party organization network of a district."
            : CommandSpec.summary(of: path)
        var out = wrap("OVERVIEW: \(summary)", width: width) + "\n\n"
        out += "USAGE: \(name) <subcommand>\n"
        if path == ["report"] {
            out += "       gridplan report --html <file>   (the same as gridplan report html --out <file>)\n"
        }
        out += "\nOPTIONS:\n"
        if path.isEmpty { out += row("--version", "Show the version.") }
        out += row("-h, --help", "Show help information.")
        out += "\nSUBCOMMANDS:\n"
        for word in CommandSpec.children(of: path) {
            out += row(word, CommandSpec.summary(of: path + [word]))
        }
        out += "\n  See '\(name) <subcommand> --help' for detailed help.\n"
        return out
    }

    /// The usage line: every option, required ones without brackets.
    static func usage(_ spec: CommandSpec) -> String {
        var parts = ["gridplan"] + spec.path
        for f in spec.fields.filter(\.positional) + spec.fields.filter({ !$0.positional }) where !f.hidden {
            var text = f.positional ? "<\(f.placeholder)>" : f.isFlag ? f.flag : "\(f.flag) <\(f.placeholder)>"
            if f.isList { text += " ..." }
            parts.append(f.requirement == .optional ? "[\(text)]" : text)
        }
        return parts.joined(separator: " ")
    }

    /// The help of a field, then its choices and default.
    static func describe(_ f: OptionField) -> String {
        var extras: [String] = []
        if let set = f.choices { extras.append((f.isList ? "some of: " : "values: ") + set.values.joined(separator: ", ")) }
        if let d = f.defaultValue { extras.append("default: " + (d.stringValue ?? JSONWriter.write(d))) }
        if f.requirement == .commandLine || f.requirement == .always, !f.positional { extras.append("required") }
        let help = catalogue.help(f)
        return extras.isEmpty ? help : "\(help) (\(extras.joined(separator: "; ")))"
    }

    /// One option row: the label, then the description wrapped in its column.
    static func row(_ label: String, _ text: String) -> String {
        let indent = String(repeating: " ", count: labelWidth + 2)
        let lines = wrap(text, width: width - indent.count).split(separator: "\n", omittingEmptySubsequences: false)
        var out = "  " + label
        if label.count < labelWidth {
            out += String(repeating: " ", count: labelWidth - label.count)
        } else {
            out += "\n" + indent
        }
        out += lines.joined(separator: "\n" + indent) + "\n"
        return out
    }

    /// Words of `text` in lines of at most `width` characters.
    static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty && line.count + 1 + word.count > width { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
