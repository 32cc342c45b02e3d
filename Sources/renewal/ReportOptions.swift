import ArgumentParser
import Foundation
import RenewalModel
import RenewalReports
import RenewalStore

/// Options every report shares: date, language, width, extra entries, and the store.
struct ReportOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Judge as of this day, YYYY-MM-DD (default: today).")
    var asOf: String?

    @OptionGroup var lang: LanguageOption

    @Option(name: .customLong("entries"), help: "Also read entries from a CSV return, without storing them (README: \"Entries CSV\").")
    var entriesPath: String?

    @Option(name: .customLong("width"), help: "Fit text output to this many columns (default 80).")
    var width: Int = 80

    @OptionGroup var source: StoreOptions

    /// Everything a report needs, or a `CLIError` that names what was wrong. Reports that only
    /// show judgements (summary, overdue) read entries without their text: far less to read.
    func load(detail: ProgressStore.EntryDetail = .full) throws -> ReportInputs {
        let language = try parsedLanguage()
        let asOf = try parsedAsOf()
        guard width >= 40 else { throw CLIError("--width must be at least 40 (got \(width))") }
        let plan: Plan, opened: OpenedStore
        var entries: [ProgressEntry]
        // The plan and an existing store are read at once. Otherwise the plan comes first: the
        // demo store is made from it, and a bad plan must not leave a new empty store behind.
        if source.demo || !FileManager.default.fileExists(atPath: source.storePath) {
            plan = try source.plan()
            opened = try source.openStore(plan: plan)
            entries = try opened.store.entries(detail: detail)
        } else {
            let planPath = source.planPath
            (plan, (opened, entries)) = try concurrently({ try StoreOptions.plan(path: planPath) }, {
                let store = try source.openFile()
                return (store, try store.store.entries(detail: detail))
            })
        }
        if let entriesPath {
            do {
                entries += try EntriesCSV.read(path: entriesPath, plan: plan, today: Today.day())
            } catch let error as EntriesError {
                throw CLIError(error.description)
            }
        }
        let flags = try opened.store.flags()
        let evaluation = StatusEngine(plan: plan).evaluate(entries: entries, flagged: Set(flags.map(\.itemId)), asOf: asOf)
        if !evaluation.unknownItemEntries.isEmpty {
            // The plan no longer has these ids (an edited plan file): say so, judge the rest.
            let ids = Set(evaluation.unknownItemEntries.map(\.itemId)).sorted().joined(separator: ", ")
            let count = evaluation.unknownItemEntries.count
            let what = count == 1 ? "1 entry names an id" : "\(count) entries name ids"
            let message = "warning: \(what) the plan does not have (\(ids)); ignored\n"
            FileHandle.standardError.write(Data(message.utf8))
        }
        let context = ReportContext(plan: plan, evaluation: evaluation, language: language, width: width, entries: entries,
                                    flags: flags, isSample: opened.isDemo)
        return ReportInputs(plan: plan, context: context, store: opened.store, entries: entries, flags: flags)
    }

    func parsedLanguage() throws -> Language { try lang.parsed() }

    func parsedAsOf() throws -> Day {
        guard let text = asOf else { return Today.day() }
        guard let day = Day(text) else {
            throw CLIError("--as-of \"\(text)\" is not a date; use YYYY-MM-DD, e.g. --as-of 2026-11-29")
        }
        return day
    }
}

struct ReportInputs {
    let plan: Plan
    let context: ReportContext
    let store: ProgressStore
    let entries: [ProgressEntry]
    let flags: [SupervisionFlag]
}
