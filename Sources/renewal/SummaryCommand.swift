import ArgumentParser
import RenewalApp
import RenewalReports

/// `renewal summary`: where every programme stands.
struct SummaryCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "summary",
            abstract: CommandLanguage.pick(
                "各工程措施按状态计数并画出进度条，然后列出总体目标。",
                "Each programme's measures counted by status, with a bar, then the overall targets.")
        )
    }

    @OptionGroup var options: ReportOptions

    @Flag(name: .long, help: .bilingual("输出 JSON。", "JSON instead of text."))
    var json = false

    func run() throws {
        let inputs = try options.load(detail: .judging, verdictsOnly: true)
        let report = SummaryReport(context: inputs.context)
        if json { try JSONOutput.print(report) } else { Console.print(report.text()) }
        exitAfterReport()
    }
}
