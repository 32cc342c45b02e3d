import ArgumentParser
import RenewalApp
import RenewalModel
import RenewalReports

/// `renewal reporting`: who has filed the last due period's return (the dashboard's `b`).
struct ReportingCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "reporting",
            abstract: CommandLanguage.pick(
                "报送情况：上一期报表各单位应报几项、已报几项、最近一次报送，未报送的单位在前。",
                "Reporting status: for the last due return, each unit's items, how many are filed, its last report; "
                    + "units that have not reported first.")
        )
    }

    @OptionGroup var options: ReportOptions

    @Flag(name: .long, help: .bilingual("输出 JSON。", "JSON instead of text."))
    var json = false

    func run() throws {
        let inputs = try options.load(detail: .judging, verdictsOnly: true)
        let asOf = inputs.context.evaluation.asOf
        // The store answers with one aggregate query; entries from --entries (ids "file:line") are added.
        let fromFile = inputs.entries.filter { $0.id.contains(":") }
        let reports = try inputs.store.latestReports(asOf: asOf) + LatestReport.from(fromFile, asOf: asOf)
        let status = ReportingStatus(
            plan: inputs.plan, evaluation: inputs.context.evaluation, reports: reports,
            language: inputs.context.language, width: options.width, isSample: inputs.context.isSample)
        if json { try JSONOutput.print(status) } else { Console.print(status.text(plan: inputs.plan)) }
    }
}
