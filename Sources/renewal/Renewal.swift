import ArgumentParser
import Foundation

/// `renewal`: follow the Linqing equipment-renewal and trade-in plan from a terminal.
@main
struct Renewal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renewal",
        abstract: "跟踪临清市大规模设备更新和消费品以旧换新实施方案的落实情况 / Track the Linqing renewal plan.",
        discussion: """
        默认中文输出，--lang en 切换为英文。每个报表都接受 --as-of YYYY-MM-DD（默认今天）。
        进展保存在 SQLite 文件中（--db 或 RENEWAL_DB 指定位置）；--demo 使用虚构的示例数据。
        Chinese by default; --lang en for English. Every report takes --as-of YYYY-MM-DD (default: today).
        Progress lives in one SQLite file (--db or RENEWAL_DB); --demo uses fictional sample data.
        """,
        subcommands: [
            DashboardCommand.self, SummaryCommand.self, OverdueCommand.self, ShowCommand.self, HistoryCommand.self, ReportCommand.self,
            RecordCommand.self, BaselineCommand.self, ImportCommand.self, TemplateCommand.self,
            FlagCommand.self, UnflagCommand.self, FlagsCommand.self, PlanCommand.self, SnapshotCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )

    /// Options people put before the subcommand (`renewal --demo summary`) are moved after it,
    /// where the subcommand's own option groups parse them.
    static func main() {
        let arguments = GlobalArguments.reorder(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}

enum GlobalArguments {
    /// Options that every command accepts, with whether they take a value.
    static let options: [String: Bool] = ["--demo": false, "--db": true, "--plan": true, "--lang": true, "--as-of": true]

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
        guard !leading.isEmpty, index < arguments.count else { return arguments }
        // The subcommand comes first, then the options that preceded it, then the rest.
        return [arguments[index]] + leading + arguments[(index + 1)...]
    }
}
