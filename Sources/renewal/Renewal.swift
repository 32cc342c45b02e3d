import ArgumentParser
import Foundation
import RenewalApp
import RenewalModel
import RenewalStore
import RenewalText

/// `renewal`: follow the Linqing equipment-renewal and trade-in plan from a terminal.
@main
struct Renewal: ParsableCommand {
    /// The version `--version` prints.
    static let version = "0.4.0"

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "renewal",
            abstract: CommandLanguage.pick(
                "跟踪推动大规模设备更新和消费品以旧换新方案的落实情况（内置临清市方案，--plan 可用其他地区的方案）。",
                "Track a plan for large-scale equipment renewal and consumer-goods trade-in "
                    + "(Linqing's is built in; --plan for another)."),
            discussion: CommandLanguage.pick(
                """
                不带命令时打开仪表盘。默认中文输出，--lang en 切换为英文。
                报表都接受 --as-of YYYY-MM-DD（默认今天）。
                进展保存在一个 SQLite 文件中（用 --db 或 RENEWAL_DB 指定）；
                --demo 使用虚构的示例数据，不保留任何改动。
                退出码：0 成功；1 数据、文件或进展库有误（原因见标准错误输出）；
                64 命令行用法有误。
                """,
                """
                With no command, opens the dashboard. Chinese by default, --lang en for English.
                Reports take --as-of YYYY-MM-DD (default: today).
                Progress lives in one SQLite file (--db or RENEWAL_DB);
                --demo uses fictional sample data and keeps nothing.
                Exit status: 0 success; 1 bad data, file or store (the reason is on stderr);
                64 command-line usage error.
                """),
            version: version,
            subcommands: subcommands,
            defaultSubcommand: DashboardCommand.self
        )
    }

    static let subcommands: [ParsableCommand.Type] = [
        DashboardCommand.self, SummaryCommand.self, OverdueCommand.self, ShowCommand.self, HistoryCommand.self,
        ReportCommand.self, ReportingCommand.self, ChangesCommand.self,
        RecordCommand.self, BaselineCommand.self, ImportCommand.self, TemplateCommand.self,
        FlagCommand.self, UnflagCommand.self, ReplyCommand.self, FlagsCommand.self, RemindCommand.self,
        PlanCommand.self,
        SnapshotCommand.self,
        InitCommand.self, StoreCommand.self,
    ]

    /// Exit status for a command line that cannot be parsed (EX_USAGE, as the parser uses).
    static let usageExitCode: Int32 = 64

    static func main() {
        let given = Array(CommandLine.arguments.dropFirst())
        if given == ["--version"] {
            // Answered before the parser reflects over nineteen commands (issue 14: start-up).
            Swift.print(version)
            Foundation.exit(0)
        }
        let command = GlobalArguments.commandName(in: given)
        if let command, !CommandNames.all.contains(command) {
            fail(CommandNames.unknown(command), code: usageExitCode)
        }
        if command == nil, given.contains(where: { $0 == "--help" || $0 == "-h" }) {
            // `renewal --lang en --help`: the program's help, not the default command's.
            Swift.print(HelpText.localize(helpMessage(columns: HelpText.width), CommandLanguage.current))
            Foundation.exit(0)
        }
        do {
            var arguments = GlobalArguments.reorder(given)
            // The parser's own `help` takes no options; the language was read before parsing
            // (`renewal help summary --lang en` was refused).
            if arguments.first == "help" { arguments = GlobalArguments.withoutLanguage(arguments) }
            var parsed = try parseAsRoot(arguments)
            try parsed.run()
        } catch {
            finish(with: error)
        }
    }

    /// Ends the run for `error`: our own errors in the run's language (status 1), the parser's
    /// help and version on stdout (0), the parser's usage errors translated and ours (64).
    static func finish(with error: Error) -> Never {
        let language = CommandLanguage.current
        switch error {
        case is CLIError, is StoreError, is EntriesError, is Phrase:
            fail(ErrorText.phrase(error), code: 1)
        default:
            break
        }
        // Options that cannot go together (`validate()`): our words, the parser's exit status.
        if let usage = UsageError.found(in: error) { fail(usage.phrase, code: usageExitCode) }
        let code = exitCode(for: error)
        if code == .success {
            Swift.print(HelpText.localize(fullMessage(for: error, columns: HelpText.width), language))
            Foundation.exit(0)
        }
        if code.rawValue != usageExitCode && !(error is ValidationError) && !"\(type(of: error))".contains("Parser") {
            // Something else failed inside the parser's machinery: our generic message.
            fail(ErrorText.phrase(error), code: code.rawValue == 0 ? 1 : code.rawValue)
        }
        let english = message(for: error)
        let zh = HelpText.parseError(english) ?? "命令行参数有误（解析器原文：\(english)）"
        // A list of choices ("Please provide one of the following:" and "  - value" lines) reads
        // as one sentence; the first line wraps to 80 columns like everything else.
        let choices = english.split(separator: "\n").filter { $0.hasPrefix("  - ") }.map { "'\($0.dropFirst(4))'" }
        let sentence = (english.split(separator: "\n").first.map(String.init) ?? english)
            .replacingOccurrences(of: "the following:", with: choices.joined(separator: ", ") + ".")
        let first = language.pick("错误：", "Error: ") + language.pick(zh, sentence)
        var lines = TextLayout.wrap(first, width: HelpText.width)
        // The parser's usage and hint lines, without its own first ("Error: …") line.
        let full = fullMessage(for: error, columns: HelpText.width).split(
            separator: "\n", omittingEmptySubsequences: false)
        let rest = full.drop { !$0.hasPrefix("Usage:") && !$0.hasPrefix("Help:") }
        if !rest.isEmpty { lines.append(HelpText.localize(rest.joined(separator: "\n"), language)) }
        FileHandle.standardError.write(
            Data((ControlCharacters.visible(lines.joined(separator: "\n"), allowing: [.newline]) + "\n").utf8))
        Foundation.exit(usageExitCode)
    }

    /// Prints `phrase` as an error in the run's language and exits with `code`.
    static func fail(_ phrase: Phrase, code: Int32) -> Never {
        let language = CommandLanguage.current
        let text = language.pick("错误：", "Error: ") + phrase.text(language)
        FileHandle.standardError.write(Data((ControlCharacters.visible(text, allowing: [.newline]) + "\n").utf8))
        Foundation.exit(code)
    }
}

/// The names the program answers to, and what to say for any other.
enum CommandNames {
    static var all: Set<String> {
        Set(Renewal.subcommands.map { $0._commandName }).union(["help"])
    }

    /// "没有 sumary 这个命令；您是不是要用 summary？" and the list of commands, within 80 columns.
    static func unknown(_ name: String) -> Phrase {
        let typed = Quoted(name)
        let names = Renewal.subcommands.map { $0._commandName }
        func listed(_ head: String) -> String {
            TextLayout.wrap(head + names.joined(separator: " "), width: HelpText.width).joined(separator: "\n")
        }
        let suggestion = closest(to: name, among: names)
        let zh = suggestion.map { "没有 \(typed) 这个命令；您是不是要用 \($0)？" } ?? "没有 \(typed) 这个命令。"
        let en =
            suggestion.map { "there is no command \(typed); did you mean \($0)?" } ?? "there is no command \(typed)."
        return Phrase(
            zh + "\n" + listed("可用的命令（renewal --help 查看说明）："),
            en + "\n" + listed("Commands (renewal --help explains them): "))
    }

    /// The name within two edits of `name` (or that it begins), if there is one.
    static func closest(to name: String, among names: [String]) -> String? {
        let lowered = name.lowercased()
        if let prefixed = names.first(where: { $0.hasPrefix(lowered) && lowered.count >= 2 }) { return prefixed }
        let scored = names.map { ($0, editDistance(lowered, $0)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// Options every command accepts, which people also put before the command name.
enum GlobalArguments {
    /// Options that every command accepts, with whether they take a value.
    static let options: [String: Bool] = [
        "--demo": false, "--db": true, "--plan": true, "--lang": true, "--as-of": true,
    ]

    /// The first word that is not one of these options (or their values): the command, if any.
    static func commandName(in arguments: [String]) -> String? {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { return nil }
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if let takesValue = options[name] {
                index += takesValue && !argument.contains("=") ? 2 : 1
                continue
            }
            return argument.hasPrefix("-") ? nil : argument
        }
        return nil
    }

    /// `renewal --demo summary` → `renewal summary --demo`: swift-argument-parser reads a
    /// subcommand's options only after its name, and the root command has none of its own. (A
    /// root option group would not reach the subcommands' `run`; DECISIONS.md.)
    /// `arguments` without `--lang X` / `--lang=X`, wherever they stand.
    static func withoutLanguage(_ arguments: [String]) -> [String] {
        var kept: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--lang" {
                index += 2
                continue
            }
            if !argument.hasPrefix("--lang=") { kept.append(argument) }
            index += 1
        }
        return kept
    }

    static func reorder(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            guard let takesValue = options[name] else { break }
            leading.append(argument)
            if takesValue && !argument.contains("=") && index + 1 < arguments.count {
                leading.append(arguments[index + 1])
                index += 1
            }
            index += 1
        }
        guard !leading.isEmpty, index < arguments.count, CommandNames.all.contains(arguments[index]) else {
            return arguments
        }
        // The parser's own `help` takes no options; the language was read before parsing.
        if arguments[index] == "help" { return Array(arguments[index...]) }
        // The subcommand comes first, then the options that preceded it, then the rest.
        return [arguments[index]] + leading + arguments[(index + 1)...]
    }
}
