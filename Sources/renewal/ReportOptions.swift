import ArgumentParser
import Foundation
import RenewalModel
import RenewalReports
import RenewalStore

/// Options every report shares: date, language, width, extra entries, and the store.
struct ReportOptions: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: .bilingual("按此日期判定（默认今天）。", "Judge as of this day (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: Day?

    @OptionGroup var lang: LanguageOption

    @Option(
        name: .customLong("entries"),
        help: .bilingual("同时读入一份 CSV 报表中的记录，但不保存。", "Also read the entries of a CSV return, without storing them."))
    var entriesPath: String?

    @Option(name: .customLong("width"), help: .bilingual("文本输出的宽度（列数）。", "Fit text output to this many columns."))
    var width: Int = 80

    @OptionGroup var source: StoreOptions

    /// Everything a report needs, or a `CLIError` that names what was wrong. Reports that only
    /// show judgements (summary, overdue) read entries without their text: far less to read.
    /// Those that judge only on the day asked (`verdictsOnly`) read the store's judging digest
    /// when it is current, which judges like every entry (`JudgingDigest`); their
    /// `ReportInputs.entries` then hold only the entries that decide. A report on a few items
    /// (`show`) names them with `only` once the plan is known: only their entries are read. An
    /// item is judged from its own entries alone, so its verdict is the one every entry gives;
    /// the rest of the plan is judged from nothing, and not shown.
    func load(
        detail: EntryDetail = .full, verdictsOnly: Bool = false,
        only items: ((Plan) -> Set<String>)? = nil
    ) throws -> ReportInputs {
        let language = lang.language
        let asOf = self.asOf ?? Today.day()
        guard width >= 40, width <= 1000 else {
            throw CLIError("--width 应在 40 到 1000 之间（收到 \(width)）", "--width must be from 40 to 1000 (got \(width))")
        }
        // Entries from --entries could land between the digest's: then every entry is read.
        let useDigest = verdictsOnly && detail == .judging && entriesPath == nil
        let plan: Plan, opened: OpenedStore
        var entries: [ProgressEntry]
        // The plan and an existing store are read at once. Otherwise the plan comes first: the
        // demo store is made from it, and a bad plan must not leave a new empty store behind.
        if source.demo || !source.storeMayExist {
            plan = try source.plan()
            opened = try source.openStore(plan: plan, access: .read)
            entries = try opened.store.entries(detail: detail)
        } else if let items {
            plan = try source.plan()
            opened = try source.openFile(access: .read)
            entries = try opened.store.entries(judging: items(plan))
        } else {
            let planSource = try source.planSource()
            let digestKey = JudgingDigest.key(planFingerprint: planSource.fingerprint, rules: .standard)
            (plan, (opened, entries)) = try concurrently(
                { try StoreOptions.plan(from: planSource) },
                {
                    let opened = try source.openFile(access: .read)
                    let entries =
                        useDigest
                        ? try opened.store.judgingEntries(asOf: asOf, digestKey: digestKey).entries
                        : try opened.store.entries(detail: detail)
                    return (opened, entries)
                })
        }
        // A bad file's EntriesError reaches `Renewal.finish`, which prints it in the run's language.
        if let entriesPath { entries += try EntriesCSV.read(path: entriesPath, plan: plan, today: Today.day()) }
        // Flags as of the date judged: raised by then and not yet cleared.
        let everyFlag = try opened.store.flags(includeCleared: true)
        let flags = everyFlag.open(on: asOf)
        let evaluation = StatusEngine(plan: plan).evaluate(entries: entries, flags: flags, asOf: asOf)
        if !evaluation.unknownItemEntries.isEmpty {
            // The plan no longer has these ids (an edited plan file): say so, judge the rest.
            let ids = Set(evaluation.unknownItemEntries.map(\.itemId)).sorted().joined(separator: ", ")
            let count = evaluation.unknownItemEntries.count
            Console.note(
                language.pick(
                    "注意：\(count) 条记录的编号不在方案中（\(ids)），已忽略",
                    count == 1
                        ? "warning: 1 entry names an id the plan does not have (\(ids)); ignored"
                        : "warning: \(count) entries name ids the plan does not have (\(ids)); ignored"))
        }
        let context = ReportContext(
            plan: plan, evaluation: evaluation, language: language, width: width, entries: entries,
            flags: flags,
            flagHistory: everyFlag.filter { $0.isRaised(by: asOf) },
            isSample: opened.isDemo)
        return ReportInputs(plan: plan, context: context, store: opened.store, entries: entries, flags: flags)
    }

}

struct ReportInputs {
    let plan: Plan
    let context: ReportContext
    let store: any ProgressStore
    let entries: [ProgressEntry]
    let flags: [SupervisionFlag]
}
