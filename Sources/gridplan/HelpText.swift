import Foundation
import GridFormats
import GridLocale
import GridRender
import GridService

/// The help pages, generated from the command table: overview, usage, and every option with
/// its value name, default and choices. Every text is the catalogue's, in the language asked for.
enum HelpText {
    static let width = 80
    static let labelWidth = 24

    /// `gridplan …` help for a command.
    static func command(_ spec: CommandSpec, _ language: Language) -> String {
        let l = language
        var out = wrap("\(l.tr("help.heading.overview"))\(spec.summary(l))", width: width) + "\n\n"
        let discussion = spec.discussion(l)
        if !discussion.isEmpty { out += wrap(discussion, width: width) + "\n\n" }
        out += "\(l.tr("help.heading.usage"))\(usage(spec))\n\n"
        let positionals = spec.fields.filter { $0.positional && !$0.hidden }
        if !positionals.isEmpty {
            out += "\(heading(l, "arguments"))\n"
            for f in positionals { out += row(f.displayName, describe(f, l)) }
            out += "\n"
        }
        out += "\(heading(l, "options"))\n"
        for f in spec.fields where !f.positional && !f.hidden {
            let label = f.isFlag ? f.flag : "\(f.flag) <\(f.placeholder)>"
            let aliases = f.aliases.map { "--\($0)" }
            out += row(([label] + aliases).joined(separator: ", "), describe(f, l))
        }
        out += row("--version", l.tr("help.cli.version"))
        out += row("-h, --help", l.tr("help.cli.help"))
        return out
    }

    /// Help for a group (`gridplan report`) or the whole tool (empty path).
    static func group(_ path: [String], _ language: Language) -> String {
        let l = language
        let name = (["gridplan"] + path).joined(separator: " ")
        let summary = path.isEmpty ? l.tr("help.cli.overview") : CommandSpec.summary(of: path, l)
        var out = wrap("\(l.tr("help.heading.overview"))\(summary)", width: width) + "\n\n"
        let usage = l.tr("help.heading.usage")
        out += "\(usage)\(name) <subcommand>\n"
        if path == ["report"] {
            out +=
                String(repeating: " ", count: TextTable.displayWidth(usage))
                + "gridplan report --html <file>   \(l.tr("help.report.html_alias"))\n"
        }
        out += "\n\(heading(l, "options"))\n"
        if path.isEmpty { out += row("--version", l.tr("help.cli.version")) }
        out += row("-h, --help", l.tr("help.cli.help"))
        out += "\n\(heading(l, "subcommands"))\n"
        for word in CommandSpec.children(of: path) {
            out += row(word, CommandSpec.summary(of: path + [word], l))
        }
        out += "\n  \(l.tr("help.group.see", ["name": name]))\n"
        return out
    }

    /// A section heading on a line of its own (`OPTIONS:`).
    static func heading(_ l: Language, _ name: String) -> String {
        l.tr("help.heading.\(name)").trimmingCharacters(in: .whitespaces)
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
    static func describe(_ f: OptionField, _ l: Language) -> String {
        var extras: [String] = []
        if let set = f.choices {
            extras.append(
                l.tr(f.isList ? "help.extra.some_of" : "help.extra.values", ["values": set.values.joined(separator: ", ")]))
        }
        if let d = f.defaultValue { extras.append(l.tr("help.extra.default", ["value": d.stringValue ?? JSONWriter.write(d)])) }
        if f.requirement == .commandLine || f.requirement == .always, !f.positional { extras.append(l.tr("help.extra.required")) }
        let help = f.help(in: l)
        guard !extras.isEmpty else { return help }
        return l == .zh ? "\(help)（\(extras.joined(separator: "；"))）" : "\(help) (\(extras.joined(separator: "; ")))"
    }

    /// One option row: the label, then the description wrapped in its column.
    static func row(_ label: String, _ text: String) -> String {
        let indent = String(repeating: " ", count: labelWidth + 2)
        let lines = wrap(text, width: width - indent.count).split(separator: "\n", omittingEmptySubsequences: false)
        var out = "  " + label
        if TextTable.displayWidth(label) < labelWidth {
            out += String(repeating: " ", count: labelWidth - label.count)
        } else {
            out += "\n" + indent
        }
        out += lines.joined(separator: "\n" + indent) + "\n"
        return out
    }

    /// Words of `text` in lines of at most `width` terminal columns. Chinese text, which has no
    /// spaces between words, may break between any two wide characters.
    static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            for piece in breakable(String(word)) {
                let w = TextTable.displayWidth(piece.text)
                let space = line.isEmpty || !piece.spaced ? 0 : 1
                if !line.isEmpty && lineWidth + space + w > width {
                    lines.append(line); line = ""; lineWidth = 0
                } else if space == 1 {
                    line += " "; lineWidth += 1
                }
                line += piece.text; lineWidth += w
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    /// A word cut before each wide character (and after the last), the first piece preceded by
    /// the space that separated the word; an English word is one piece.
    static func breakable(_ word: String) -> [(text: String, spaced: Bool)] {
        var pieces: [(text: String, spaced: Bool)] = []
        var current = ""
        for ch in word {
            let wide = TextTable.displayWidth(String(ch)) == 2
            if wide && !current.isEmpty { pieces.append((current, pieces.isEmpty)); current = "" }
            current.append(ch)
            if wide { pieces.append((current, pieces.isEmpty)); current = "" }
        }
        if !current.isEmpty { pieces.append((current, pieces.isEmpty)) }
        return pieces
    }
}
