import ArgumentParser
import Foundation
import RenewalApp
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

    func validate() throws {
        guard width >= 40, width <= 1000 else {
            throw UsageError("--width 应在 40 到 1000 之间（收到 \(width)）", "--width must be from 40 to 1000 (got \(width))")
        }
    }

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
        // Entries from --entries could land between the digest's: then every entry is read.
        let useDigest = verdictsOnly && detail == .judging && entriesPath == nil
        let workspace: Workspace
        var entries: [ProgressEntry]
        if let items {
            // Only these items' entries: the plan names them, so it comes first.
            workspace = try source.workspace(access: .read)
            entries = try workspace.store.entries(judging: items(workspace.plan))
        } else {
            (workspace, entries) = try Workspace.open(source.workspaceSource, access: .read, today: Today.day()) {
                try $0.entries(asOf: asOf, detail: detail, digest: useDigest).entries
            }
            _ = StoreOptions.noted(workspace)
        }
        let plan = workspace.plan
        // A bad file's EntriesError reaches `Renewal.finish`, which prints it in the run's language.
        if let entriesPath { entries += try EntriesCSV.read(path: entriesPath, plan: plan, today: Today.day()) }
        // Flags as of the date judged: raised by then and not yet cleared.
        let everyFlag = try workspace.store.flags(includeCleared: true)
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
            isSample: workspace.isDemo)
        return ReportInputs(plan: plan, context: context, store: workspace.store, entries: entries, flags: flags)
    }

}

struct ReportInputs {
    let plan: Plan
    let context: ReportContext
    let store: any ProgressStore
    let entries: [ProgressEntry]
    let flags: [SupervisionFlag]
}

/// Ends the process once a report is written. Returning normally would free every entry read
/// (hundreds of thousands at a province's scale) one by one, for a process that is about to
/// end anyway; the system takes the memory back at once.
func exitAfterReport() -> Never {
    fflush(nil)  // every output stream
    exit(EXIT_SUCCESS)
}
