import ArgumentParser
import Foundation
import RenewalModel
import RenewalStore
import RenewalUI
import RenewalWorkload

/// `renewal-bench`: measures renewal at the city's scale and at a province's (136 counties).
///
///     swift build -c release --product renewal-bench
///     .build/release/renewal-bench [--repeat N] [--counties N] [--months N] [--scale city|province|both] [--keep DIR]
///     .build/release/renewal-bench --help
///
/// Prints the median and 95th percentile of each measurement, in milliseconds, and peak memory.
/// Release builds only give meaningful figures; see BENCHMARKS.md.

/// The command line, parsed by swift-argument-parser like `renewal`'s.
struct Options: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renewal-bench",
        abstract: "Measure renewal at the city's scale and a province's (release builds; see BENCHMARKS.md).")

    enum Scale: String, CaseIterable, ExpressibleByArgument {
        case city, province, both
    }

    @Option(name: .customLong("repeat"), help: "Runs of each measurement.")
    var repeatCount = 15

    @Option(help: "Counties in the province workload (at least 2).")
    var counties = 136

    @Option(
        help: """
            Months of returns in both workloads (default: every month that has ended by the as-of day, \
            as a store holds on that day; more puts returns after it, which judging must skip).
            """)
    var months: Int?

    @Option(help: "Which workloads to measure.")
    var scale: Scale = .both

    @Option(help: "Keep the workload files (plan, store, taskwarrior data) in this folder, one per scale.")
    var keep: String?

    @Option(
        name: .customLong("db"),
        help: """
            Also run the workload on PostgreSQL beside SQLite: a postgresql:// URL whose role may create \
            databases (password from PGPASSWORD or the password file).
            """)
    var db: String?

    /// The day every measurement judges (the workloads' returns run up to it).
    var asOf: Day { Day("2026-11-29") ?? Day(ordinal: 0) }

    var scales: [String] { scale == .both ? ["city", "province"] : [scale.rawValue] }

    func validate() throws {
        guard repeatCount >= 1 else { throw ValidationError("--repeat must be at least 1") }
        guard counties >= 2 else { throw ValidationError("--counties must be at least 2") }
        if let months, months < 1 { throw ValidationError("--months must be at least 1") }
    }

    func run() throws {
        print("# renewal-bench (\(repeatCount) runs each)")
        for scale in scales {
            do {
                let (rows, facts, stores) = try measureAll(scale: scale, options: self)
                print("")
                print("## \(scale): \(facts[0])")
                print("")
                for fact in facts.dropFirst() { print("- \(fact)") }
                if facts.count > 1 { print("") }
                print("| measurement | median | p95 | unit |")
                print("|---|---:|---:|---|")
                for row in rows {
                    let digits = row.unit == "ms" && percentile(row.samples, 0.5) >= 100 ? 0 : row.unit == "MB" ? 0 : 2
                    func text(_ value: Double) -> String { String(format: "%.\(digits)f", value) }
                    print(
                        "| \(row.name) | \(text(percentile(row.samples, 0.5))) | "
                            + "\(text(percentile(row.samples, 0.95))) | \(row.unit) |"
                    )
                }
                print("")
                print("peak resident memory so far: \(String(format: "%.0f", peakMemoryMB())) MB")
                if !stores.isEmpty {
                    print("")
                    print("### \(scale): SQLite and PostgreSQL (medians; p95 in brackets)")
                    print("")
                    print("| measurement | SQLite | PostgreSQL | unit |")
                    print("|---|---:|---:|---|")
                    for (name, sqlite, postgres, unit) in stores {
                        func text(_ samples: [Double]) -> String {
                            let median = percentile(samples, 0.5), high = percentile(samples, 0.95)
                            return String(format: median >= 100 ? "%.0f (%.0f)" : "%.1f (%.1f)", median, high)
                        }
                        print("| \(name) | \(text(sqlite)) | \(text(postgres)) | \(unit) |")
                    }
                }
            } catch {
                FileHandle.standardError.write(Data("renewal-bench: \(scale): \(error)\n".utf8))
                throw ExitCode.failure
            }
        }
    }
}

/// Times a closure `count` times; returns milliseconds, sorted.
func measure(_ count: Int, _ body: () throws -> Void) rethrows -> [Double] {
    var samples: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<count {
        samples.append(milliseconds(try clock.measure { try body() }))
    }
    return samples.sorted()
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let rank = Int((p * Double(sorted.count - 1)).rounded())
    return sorted[min(sorted.count - 1, max(0, rank))]
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024  // ru_maxrss is in KiB on Linux
}

/// One line of the table: samples (sorted) in milliseconds, megabytes or as a ratio.
struct Row {
    var name: String
    var samples: [Double]
    var unit = "ms"
}

/// Every measurement at one scale.
func measureAll(
    scale: String, options: Options
) throws -> (rows: [Row], facts: [String], stores: [(String, [Double], [Double], String)]) {
    let base = try PlanLoader.embedded()
    let plan = Workload.plan(base, counties: scale == "city" ? 1 : options.counties)
    let months = options.months ?? Workload.monthsEnded(from: plan.startDate, by: options.asOf)
    let entries = Workload.entries(plan, months: months, seed: 2026)
    let folder =
        options.keep.map { URL(filePath: $0).appending(path: scale) }
        ?? FileManager.default.temporaryDirectory.appending(path: "renewal-bench-\(scale)-\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    defer { if options.keep == nil { try? FileManager.default.removeItem(at: folder) } }
    let files = WorkloadFiles(folder: folder)
    // renewal's plan cache goes with the workload, not into the user's own cache folder.
    setenv("XDG_CACHE_HOME", folder.appending(path: "cache").path, 1)
    let storePath = files.storePath

    // Write the workload to a store file, as a task force would hold it.
    let writeTime = try files.writePlanAndStore(plan: plan, entries: entries, builtInPlan: scale == "city")
    let facts =
        "\(plan.allTargets.count) targets, \(plan.measures.count) measures, \(entries.count) "
        + "entries over \(months) months (written, with the judging digest, in "
        + "\(String(format: "%.1f", milliseconds(writeTime) / 1000)) s)"

    var rows: [Row] = []
    let n = options.repeatCount
    var loaded: [ProgressEntry] = []
    rows.append(
        Row(
            name: "load complete entries from the store",
            samples: try measure(n) { _ = try SQLiteStore(path: storePath, access: .read).entries() }))
    rows.append(
        Row(
            name: "load entries for judging (no text)",
            samples: try measure(n) {
                loaded = try SQLiteStore(path: storePath, access: .read).entries(detail: .judging)
            }))
    // Reading a plan file's bytes with its SHA-256 fingerprint (every run with --plan does this).
    rows.append(
        Row(
            name: "read the plan file and its SHA-256 fingerprint",
            samples: try measure(n) { _ = try PlanSource.file(path: files.planPath) }))
    let planSource = scale == "city" ? PlanSource.embedded : try PlanSource.file(path: files.planPath)
    let digestKey = JudgingDigest.key(planFingerprint: planSource.fingerprint, rules: .standard)
    var digest: (entries: [ProgressEntry], fromDigest: Bool) = ([], false)
    rows.append(
        Row(
            name: "load entries for judging (digest when current)",
            samples: try measure(n) {
                digest = try SQLiteStore(path: storePath, access: .read).judgingEntries(
                    asOf: options.asOf, digestKey: digestKey)
            }))
    var evaluation = StatusEngine(plan: plan).evaluate(entries: loaded, asOf: options.asOf)
    rows.append(
        Row(
            name: "status of the whole plan",
            samples: measure(n) {
                evaluation = StatusEngine(plan: plan).evaluate(entries: loaded, asOf: options.asOf)
            }))
    rows.append(
        Row(
            name: "start to first frame (overview, 200x60)",
            samples: try measure(n) {
                // As `renewal` starts the dashboard (DashboardData.loadFirst: the digest when current).
                let opened = try SQLiteStore(path: storePath, access: .browse)
                let data = AppData(
                    plan: plan, entries: try opened.judgingEntries(asOf: options.asOf, digestKey: digestKey).entries,
                    flags: try opened.flags(),
                    asOf: options.asOf,
                    today: options.asOf, isSample: false)
                _ = Renderer.render(AppState(data: data, width: 200, height: 60))
            }))
    let reader = try SQLiteStore(path: storePath, access: .read)
    let data = AppData(plan: plan, entries: loaded, flags: [], asOf: options.asOf, today: options.asOf, isSample: false)
    let firstProgramme = plan.programmes[0].number
    let firstMeasure = plan.measures[1].number
    let views: [(String, [Screen])] = [
        ("overview", [.overview]), ("programme", [.overview, .programme(firstProgramme)]),
        ("measure", [.overview, .programme(firstProgramme), .measure(firstMeasure)]),
        ("overdue", [.overview, .overdue]),
        ("units", [.overview, .units]), ("help", [.overview, .help]),
    ]
    for (name, stack) in views {
        var state = AppState(data: data, width: 200, height: 60)
        state.stack = stack
        // As the dashboard's loop does: the measure view's history is read from the store once.
        let (started, effects) = Reducer.update(state, .started)
        state = started
        for case let .loadHistory(items) in effects {
            state = Reducer.update(state, .historyLoaded(items: items, entries: try reader.entries(for: Set(items)))).0
        }
        rows.append(Row(name: "render \(name) (200x60)", samples: measure(n) { _ = Renderer.render(state) }))
    }
    var search = AppState(data: data, width: 200, height: 60)
    search.stack = [.overview, .search]
    search.searchEditing = true
    search.searchQuery = "晨星"
    rows.append(
        Row(
            name: "search keystroke + frame",
            samples: measure(n) {
                let (next, _) = Reducer.update(search, .char("工"))
                _ = Renderer.render(next)
            }))
    var keyState = AppState(data: data, width: 200, height: 60)
    rows.append(
        Row(
            name: "navigation keystroke + frame",
            samples: measure(n) {
                let (next, _) = Reducer.update(keyState, .char("j"))
                keyState = next
                _ = Renderer.render(next)
            }))

    // Importing a 10,000-row return into a fresh store.
    var csv = "指标编号,日期,数值,进展情况\n"
    let quantitative = base.allTargets.filter { $0.kind == .quantitative && $0.recurrence == .annual }
    for i in 0..<10_000 {
        let target = quantitative[i % quantitative.count]
        csv += "\(target.id),2026-\(String(format: "%02d", i % 10 + 1))-15,\(i),进展\(i)\n"
    }
    var importRun = 0
    rows.append(
        Row(
            name: "import a 10,000-row return",
            samples: try measure(max(3, n / 3)) {
                importRun += 1
                let fresh = try SQLiteStore(
                    path: folder.appending(path: "import-\(importRun).sqlite").path, access: .write)
                let checked = try EntriesCSV.readReturn(
                    data: Data(csv.utf8), file: "bench.csv", plan: base, today: options.asOf)
                _ = try ReturnImporter.run(
                    checked, file: "bench.csv", store: fresh, by: "bench", at: "t", dryRun: false)
            }))
    // The same return twice over (20,000 rows, every one a duplicate) checked with --dry-run
    // against the store that holds it: quadratic before issue 10 (17.6 s), linear now.
    let doubled = csv + (csv.split(separator: "\n", maxSplits: 1).last.map(String.init) ?? "")
    let imported = try SQLiteStore(path: folder.appending(path: "import-1.sqlite").path, access: .read)
    rows.append(
        Row(
            name: "dry run of a 20,000-row return, all duplicates",
            samples: try measure(max(3, n / 3)) {
                let checked = try EntriesCSV.readReturn(
                    data: Data(doubled.utf8), file: "bench.csv", plan: base, today: options.asOf)
                let outcome = try ReturnImporter.run(
                    checked, file: "bench.csv", store: imported, by: "bench", at: "t", dryRun: true)
                guard outcome.added == 0, outcome.duplicateLines.count == 20_000 else {
                    throw BenchError("the dry run miscounted")
                }
            }))

    // Whole programs on the same files: renewal, taskwarrior holding the same targets, and the
    // bare sqlite3 query that any store-backed answer must at least run.
    try files.writeTasks(plan: plan, evaluation: evaluation)
    var comparison = try SideBySide(
        files: files, builtInPlan: scale == "city", asOf: options.asOf, repeatCount: n)
    rows += try comparison.run()
    // The digest must judge like every entry: said here for the workload measured (the tests prove it).
    let same = StatusEngine(plan: plan).evaluate(entries: digest.entries, asOf: options.asOf) == evaluation
    let digestFact =
        digest.fromDigest
        ? "judging digest: \(digest.entries.count) of \(loaded.count) entries read; verdicts "
            + (same ? "identical to reading every entry" : "DIFFER from reading every entry")
        : "judging digest not used: returns dated after \(options.asOf) (every entry is read)"
    var stores: [(String, [Double], [Double], String)] = []
    if let url = options.db {
        stores = try StoreComparison(
            serverURL: url, plan: plan, entries: entries, files: files, builtInPlan: scale == "city",
            asOf: options.asOf,
            repeatCount: n, renewal: comparison.renewal
        ).run()
    }
    return (rows, [facts, digestFact] + comparison.facts, stores)
}

Options.main()
