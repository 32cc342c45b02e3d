import ArgumentParser
import RenewalReports

/// `renewal summary`: where every programme stands.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Each programme's measures counted by status, with a bar, then the overall targets."
    )

    @OptionGroup var options: ReportOptions

    @Flag(name: .long, help: "JSON instead of text.")
    var json = false

    func run() throws {
        let inputs = try options.load(detail: .judging)
        let report = SummaryReport(context: inputs.context)
        if json { try JSONOutput.print(report) } else { print(report.text()) }
        exitAfterReport()
    }
}
