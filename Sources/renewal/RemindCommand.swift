import ArgumentParser
import Foundation
import RenewalApp
import RenewalModel
import RenewalReports
import RenewalStore
import RenewalText

/// `renewal remind`: 催办, as `b` then `f` / `F` do in the dashboard (DESIGN §4): today's
/// reporting status, one flag per unfinished item that lacks the last due return (naming its lead
/// units), items already under an open flag left alone, the units reached counted.
struct RemindCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "remind",
            abstract: CommandLanguage.pick(
                "催办：对上一期报表缺报的未完成事项逐项督办（已完成的不催办，已督办的不重复），写明说明和反馈期限。",
                "Remind (催办): flag every unfinished item that lacks the last due return, one flag per item "
                    + "(finished or already flagged items are left), with a note and a reply date."))
    }

    @Option(name: .long, help: .bilingual("只催办这个单位（全称或简称）。", "Remind this unit only (full or short name)."))
    var unit: String?

    @Option(name: .long, help: .bilingual("催办说明（默认：请尽快报送某月进展）。", "The note (default: asks for the month's return)."))
    var note: String?

    @Option(
        name: .customLong("follow-up"),
        help: .bilingual("反馈期限（默认今天起 10 天）。", "Reply due date (default: ten days from today).", valueName: "YYYY-MM-DD")
    )
    var followUp: Day?

    @Flag(
        name: .customLong("dry-run"), help: .bilingual("只列出将催办的事项，不写入。", "List what would be flagged; write nothing."))
    var dryRun = false

    @Flag(name: .long, help: .bilingual("输出 JSON。", "JSON instead of text."))
    var json = false

    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var source: StoreOptions

    @OptionGroup var lang: LanguageOption

    /// What `--json` prints: the reminder, what it carries, and whether it was written.
    struct Answer: Encodable {
        var reminder: Reminder
        var note: String
        var followUp: String
        var written: Bool
        var flagIds: [String]
    }

    func validate() throws {
        if let note { try UsageError.unlessWritten(note, "--note 不能为空：请写明催办要求", "--note is empty: say what is asked") }
    }

    func run() throws {
        let language = lang.language
        let loaded = try source.loadPlan()
        let plan = loaded.plan
        let today = Today.day()
        let selected = try unit.map { try UnitReference.resolve($0, plan: plan) }
        let due = followUp ?? today.adding(days: 10)
        guard due >= today else {
            throw CLIError(
                "反馈期限 \(due) 早于今天（\(today)）：请给出今天或以后的日期",
                "the reply date \(due) is before today (\(today)): give today or a later day")
        }
        let written = note?.trimmingCharacters(in: .whitespaces)
        // Writes happen today (DESIGN §4): the status judged is today's, whatever --as-of elsewhere.
        let opened = try source.workspace(loaded, access: dryRun ? .read : .write)
        let store = opened.store
        let entries = try store.entries(detail: .judging)
        let flags = try store.flags(includeCleared: true)
        let evaluation = StatusEngine(plan: plan).evaluate(entries: entries, flags: flags, asOf: today)
        let status = ReportingStatus(
            plan: plan, evaluation: evaluation, reports: try store.latestReports(asOf: today), language: language)
        let reminder = Reminder(
            status: status, plan: plan, openFlags: Set(flags.filter(\.isOpen).map(\.itemId)), unit: selected?.name)
        let text = written ?? reminder.defaultNote(language)
        var made: [SupervisionFlag] = []
        if !dryRun && !reminder.isEmpty {
            made = try store.flag(
                itemIds: reminder.items.map(\.itemId), note: text, by: recorder.name, at: Today.timestamp(),
                followUp: due)
        }
        if json {
            try JSONOutput.print(
                Answer(
                    reminder: reminder, note: text, followUp: due.description, written: !made.isEmpty,
                    flagIds: made.map(\.id)))
            return
        }
        if opened.isDemo { Console.print(SampleBanner.text(language)) }
        Console.print(
            language.pick(
                "催办：\(reminder.periodStart) 至 \(reminder.periodEnd) 的报表，\(reminder.dueOn) 截止（今天 \(today)）",
                "Reminder: the return for \(reminder.periodStart) to \(reminder.periodEnd), due \(reminder.dueOn) "
                    + "(today \(today))"))
        guard !reminder.isEmpty else {
            Console.print(reminder.nothingToRemind(plan: plan, language))
            return
        }
        for item in reminder.items {
            let title =
                plan.target(id: item.itemId).map { language.pick($0.description, $0.descriptionEn) }
                ?? plan.measure(itemId: item.itemId).map { language.pick($0.title, $0.titleEn) } ?? ""
            let leads = item.leadUnits.map { plan.unitName($0, language, short: true) }
                .joined(separator: language.pick("、", ", "))
            Console.print(
                TextLayout.truncate(
                    "  " + TextLayout.padRight(item.itemId, to: 7) + language.pick("牵头 ", "lead ") + leads + "  "
                        + title,
                    to: HelpText.width, ellipsis: true))
        }
        let summary = reminder.summary(language, done: !dryRun) + language.pick("，反馈期限 \(due)", ", reply by \(due)")
        Console.print(dryRun ? language.pick("试运行（未写入）：", "Dry run (nothing written): ") + summary : summary)
        Console.print(language.pick("说明：", "Note: ") + text)
        if opened.isDemo && !dryRun { Console.print(SampleBanner.nothingKept(language)) }
    }
}
