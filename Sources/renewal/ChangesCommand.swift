import ArgumentParser
import RenewalApp
import RenewalModel
import RenewalReports

/// `renewal changes`: what changed since an earlier day, item by item (the dashboard's `c`).
struct ChangesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "changes",
            abstract: CommandLanguage.pick(
                "与上期相比：新增逾期、本期销号、新完成、变差、变好，逐项列出两个日期的状态。",
                "Changes since an earlier day: newly overdue, no longer overdue, newly done, worse, better, "
                    + "item by item."
            )
        )
    }

    @Option(
        name: .long,
        help: .bilingual(
            "与此日期相比（默认截至日期的上月同日）。", "Compare with this day (default: a month before the as-of date).",
            valueName: "YYYY-MM-DD"))
    var since: Day?

    @OptionGroup var options: ReportOptions

    @Flag(name: .long, help: .bilingual("输出 JSON。", "JSON instead of text."))
    var json = false

    func run() throws {
        let inputs = try options.load(detail: .judging)
        let now = inputs.context.evaluation
        let day = since ?? Bulletin.monthBefore(now.asOf)
        guard day < now.asOf else {
            guard since != nil else {
                // No --since was given: the month before the as-of day is the calendar's first day.
                throw CLIError(
                    "截至日期 \(now.asOf) 之前没有可比较的日期；请给出更晚的 --as-of，或用 --since 指定比较的日期",
                    "there is no earlier day to compare \(now.asOf) with; give a later --as-of, or --since a day")
            }
            throw CLIError(
                "--since \(day) 应早于截至日期 \(now.asOf)", "--since \(day) must be before the as-of date \(now.asOf)")
        }
        let before = StatusEngine(plan: inputs.plan).evaluate(entries: inputs.entries, flags: inputs.flags, asOf: day)
        let changes = StatusChanges(plan: inputs.plan, before: before, now: now, language: inputs.context.language)
        if json {
            try JSONOutput.print(changes)
            return
        }
        if inputs.context.isSample { Console.print(SampleBanner.text(inputs.context.language)) }
        Console.print(changes.text(inputs.context.language, width: options.width))
    }
}
