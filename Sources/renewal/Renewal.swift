import ArgumentParser

/// `renewal`: follow the Linqing equipment-renewal and trade-in plan from a terminal.
@main
struct Renewal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renewal",
        abstract: "跟踪临清市大规模设备更新和消费品以旧换新实施方案的落实情况 / Track the Linqing renewal plan.",
        discussion: """
        默认中文输出，--lang en 切换为英文。每个报表都接受 --as-of YYYY-MM-DD（默认今天）。
        Chinese by default; --lang en for English. Every report takes --as-of YYYY-MM-DD (default: today).
        """,
        subcommands: [PlanCommand.self, SummaryCommand.self, OverdueCommand.self, ShowCommand.self]
    )
}
