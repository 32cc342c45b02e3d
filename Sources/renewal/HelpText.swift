import Foundation
import RenewalApp
import RenewalModel
import RenewalText

/// swift-argument-parser's help and usage text, made to speak the run's language and fit 80
/// columns.
///
/// The parser writes its section headings and stock phrases in English and wraps by counting
/// characters, so a Chinese description (two columns a character) runs to twice the width and a
/// usage line lists every option on one line (181 columns for `record`). The help strings are
/// ours (chosen by `CommandLanguage` before parsing); this translates the parser's own words and
/// re-wraps every line by display width, keeping each description's indent.
enum HelpText {
    static let width = 80

    /// `text` (help, usage or a parse error's hints) in `language`, no line wider than 80 columns.
    static func localize(_ text: String, _ language: Language) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let translated = language == .zh ? translate(String(line)) : String(line)
            lines.append(contentsOf: wrap(translated))
        }
        return lines.joined(separator: "\n")
    }

    /// The parser's fixed English phrases, in Chinese.
    static func translate(_ line: String) -> String {
        var line = line
        let prefixes = [
            ("OVERVIEW: ", "概述："), ("USAGE: ", "用法："), ("Usage: ", "用法："), ("Help: ", "说明："),
            ("ARGUMENTS:", "参数："), ("OPTIONS:", "选项："), ("SUBCOMMANDS:", "子命令："),
        ]
        for (english, chinese) in prefixes where line.hasPrefix(english) {
            line = chinese + line.dropFirst(english.count)
        }
        let phrases = [
            ("Show help information.", "显示帮助信息。"), ("Show the version.", "显示版本号。"),
            ("See 'renewal help <subcommand>' for detailed help.", "各命令的详细说明：renewal help <命令>。"),
            (" (default)", "（默认）  "), ("<subcommand>", "<命令>"), ("[<options>]", "[<选项>]"),
        ]
        for (english, chinese) in phrases { line = line.replacingOccurrences(of: english, with: chinese) }
        // "(values: zh, en; default: zh)" → "（可选：zh、en；默认：zh）"
        if let range = line.range(of: " (values: "), let close = line[range.upperBound...].firstIndex(of: ")") {
            let inside = line[range.upperBound..<close].replacingOccurrences(of: "; default: ", with: "；默认：")
                .replacingOccurrences(of: ", ", with: "、")
            line.replaceSubrange(range.lowerBound...close, with: "（可选：\(inside)）")
        }
        // "(default: 80)" → "（默认：80）"
        while let range = line.range(of: " (default: ") ?? line.range(of: "(default: ") {
            guard let close = line[range.upperBound...].firstIndex(of: ")") else { break }
            let value = line[range.upperBound..<close]
            line.replaceSubrange(range.lowerBound...close, with: "（默认：\(value)）")
        }
        // "See 'renewal record --help' for more information." → "详见 renewal record --help。"
        if let start = line.range(of: "See '"), let end = line.range(of: "' for more information.") {
            line.replaceSubrange(
                start.lowerBound..<end.upperBound, with: "详见 " + line[start.upperBound..<end.lowerBound] + "。")
        }
        return line
    }

    /// One help line as lines of at most 80 columns. A usage line breaks between its options
    /// (never inside `[--value <value>]`); a description keeps the column it starts in.
    static func wrap(_ line: String) -> [String] {
        guard DisplayWidth.of(line) > width else { return [line] }
        let indentWidth = descriptionColumn(line)
        if isUsage(line) {
            var lines: [String] = []
            var current = ""
            for token in usageTokens(line) {
                let candidate = current.isEmpty ? token : current + " " + token
                if !current.isEmpty && DisplayWidth.of(candidate) > width {
                    lines.append(current)
                    current = String(repeating: " ", count: 8) + token
                } else {
                    current = candidate
                }
            }
            if !current.isEmpty { lines.append(current) }
            return lines
        }
        let head = String(line.prefix(indentWidth))
        let body = String(line.dropFirst(head.count))
        let pad = String(repeating: " ", count: DisplayWidth.of(head))
        return TextLayout.wrap(body, width: max(20, width - DisplayWidth.of(head))).enumerated().map { index, text in
            (index == 0 ? head : pad) + text
        }
    }

    static func isUsage(_ line: String) -> Bool {
        ["USAGE: ", "Usage: ", "用法："].contains { line.hasPrefix($0) }
    }

    /// Where a line's description starts: after an option's or a command's name and its gap of
    /// two or more spaces, else after the leading spaces (a continuation or a paragraph).
    static func descriptionColumn(_ line: String) -> Int {
        let characters = Array(line)
        var index = 0
        while index < characters.count, characters[index] == " " { index += 1 }
        let leading = index
        guard leading >= 2 else { return leading }
        while index + 1 < characters.count {
            if characters[index] == " " && characters[index + 1] == " " {
                var end = index
                while end < characters.count, characters[end] == " " { end += 1 }
                return end < characters.count ? end : leading
            }
            index += 1
        }
        return leading
    }

    /// A usage line split at the spaces outside brackets.
    static func usageTokens(_ line: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var depth = 0
        for character in line {
            if character == "[" || character == "<" || character == "(" { depth += 1 }
            if character == "]" || character == ">" || character == ")" { depth = max(0, depth - 1) }
            if character == " " && depth == 0 {
                if !current.isEmpty { tokens.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// A parse error of swift-argument-parser, in Chinese; nil when the wording is not one we know
    /// (the caller then gives a Chinese sentence and the parser's own words apart).
    static func parseError(_ message: String) -> String? {
        let patterns: [(String, (String) -> String)] = [
            ("Missing value for ", { "\($0) 缺少取值" }),
            ("Unknown option ", { "没有 \($0) 这个选项" }),
            ("Unexpected argument ", { "多余的参数 \($0)" }),
            ("Missing expected argument ", { "缺少参数 \($0)" }),
        ]
        // "…. Please provide one of the following:" with the choices on "  - " lines below.
        let choicesBelow = message.split(separator: "\n").dropFirst().filter { $0.hasPrefix("  - ") }
            .map { "'\($0.dropFirst(4))'" }.joined(separator: ", ")
        let line = (message.split(separator: "\n").first.map(String.init) ?? message)
            .replacingOccurrences(of: "the following:", with: choicesBelow)
        for (english, chinese) in patterns where line.hasPrefix(english) {
            var rest = String(line.dropFirst(english.count))
            var hint = ""
            if let dot = rest.range(of: ". Did you mean ") {
                let suggestion = rest[dot.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: "'?"))
                hint = "；您是不是要用 \(suggestion)？"
                rest = String(rest[..<dot.lowerBound])
            }
            return chinese(rest.replacingOccurrences(of: "'", with: "")) + hint
        }
        if line.hasPrefix("The value '"), let forRange = line.range(of: "' is invalid for '") {
            let value = line[line.index(line.startIndex, offsetBy: 11)..<forRange.lowerBound]
            let option = line[forRange.upperBound...].prefix { $0 != "'" }
            // ". Please provide one of 'md', 'html' or 'csv'." → "；可选：md、html、csv"
            var choices = ""
            if let list = line.range(of: ". Please provide one of ") {
                let words = line[list.upperBound...].split(whereSeparator: { "', .".contains($0) }).filter {
                    $0 != "or" && $0 != "and"
                }
                choices = "；可选：" + words.joined(separator: "、")
            }
            return "\(option) 的取值 \(value) 无效\(choices)"
        }
        return nil
    }
}
