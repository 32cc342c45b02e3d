import Dispatch
import Foundation
import RenewalApp
import RenewalModel
import RenewalStore
import RenewalUI

/// `--db postgresql://…`: the same workload on an SQLite file and on PostgreSQL, side by side:
/// writing it, writers recording at once (1, 4 and 16, each on its own connection), `overdue`
/// as a whole program, and the dashboard's first frame. The URL names a server and a role that
/// may create databases; each measurement gets a new database, dropped afterwards.
struct StoreComparison {
    let serverURL: String
    let plan: Plan
    let entries: [ProgressEntry]
    let files: WorkloadFiles
    let builtInPlan: Bool
    let asOf: Day
    let repeatCount: Int
    let renewal: String

    /// Entries each writer records in the concurrency measurements.
    static let perWriter = 40

    /// A store of each kind, new and empty: (its --db text, how to drop it).
    func freshStore(_ kind: String, _ name: String) throws -> String {
        if kind == "SQLite" {
            let path = files.folder.appending(path: "\(name).sqlite").path
            try? FileManager.default.removeItem(atPath: path)
            return path
        }
        let database = "renewal_bench_\(getpid())_\(name)"
        try psql(serverURL, "DROP DATABASE IF EXISTS \(database) WITH (FORCE)")
        try psql(serverURL, "CREATE DATABASE \(database)")
        return Self.url(serverURL, database: database)
    }

    static func url(_ server: String, database: String) -> String {
        guard var parts = URLComponents(string: server) else { return server }
        parts.path = "/" + database
        return parts.string ?? server
    }

    func psql(_ url: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = [url, "-qtA", "-v", "ON_ERROR_STOP=1", "-c", sql]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("psql failed: \(sql)") }
    }

    func open(_ text: String, _ access: StoreAccess) throws -> any ProgressStore {
        try WorkspaceSource(planPath: nil, storeText: text, demo: false).openNamedStore(access: access)
    }

    func run() throws -> [(String, [Double], [Double], String)] {
        var rows: [(String, [Double], [Double], String)] = []
        var stores: [String: String] = [:]
        var writes: [String: [Double]] = [:]
        // The digest is kept, and read, for the plan the commands measured use.
        let fingerprint =
            builtInPlan ? PlanSource.embedded.fingerprint : try PlanSource.file(path: files.planPath).fingerprint
        for kind in ["SQLite", "PostgreSQL"] {
            let text = try freshStore(kind, "workload")
            stores[kind] = text
            let store = try open(text, .write)
            store.keepJudgingDigest(plan: plan, planFingerprint: fingerprint)
            let start = ContinuousClock.now
            _ = try store.appendAll(entries.map(Self.newEntry))
            writes[kind] = [milliseconds(ContinuousClock.now - start)]
        }
        rows.append(("write the workload (one import)", writes["SQLite"]!, writes["PostgreSQL"]!, "ms"))
        for writers in [1, 4, 16] {
            var rates: [String: [Double]] = [:]
            for kind in ["SQLite", "PostgreSQL"] {
                rates[kind] = try (0..<max(1, repeatCount / 5)).map { round in
                    try recordAtOnce(kind: kind, writers: writers, round: round)
                }.sorted()
            }
            rows.append(("\(writers) writers at once, entries/s", rates["SQLite"]!, rates["PostgreSQL"]!, "/s"))
        }
        let digestKey = JudgingDigest.key(planFingerprint: fingerprint, rules: .standard)
        var frames: [String: [Double]] = [:], overdue: [String: [Double]] = [:]
        for kind in ["SQLite", "PostgreSQL"] {
            let text = stores[kind]!
            frames[kind] = try measure(repeatCount) {
                let store = try open(text, .browse)
                let data = AppData(
                    plan: plan, entries: try store.judgingEntries(asOf: asOf, digestKey: digestKey).entries,
                    flags: try store.flags(), asOf: asOf, today: asOf, isSample: false)
                _ = Renderer.render(AppState(data: data, width: 200, height: 60))
            }
            let command = ChildProcess(
                executable: renewal,
                arguments: ["overdue", "--json", "--db", text, "--as-of", asOf.description]
                    + (builtInPlan ? [] : ["--plan", files.planPath]))
            overdue[kind] = try (0..<repeatCount).map { _ in
                let outcome = try command.run(
                    outputFile: files.folder.appending(path: "out.txt").path,
                    errorFile: files.folder.appending(path: "err.txt").path)
                guard outcome.status == 0 else { throw BenchError("renewal overdue failed on \(kind)") }
                return outcome.milliseconds
            }.sorted()
        }
        rows.append(("start to first frame (in process, 200x60)", frames["SQLite"]!, frames["PostgreSQL"]!, "ms"))
        rows.append(("renewal overdue --json (whole program)", overdue["SQLite"]!, overdue["PostgreSQL"]!, "ms"))
        // Last, since it moves the stores' latest entry past the day judged above.
        var records: [String: [Double]] = [:]
        for kind in ["SQLite", "PostgreSQL"] {
            records[kind] = try recordIntoTheWorkload(stores[kind]!, fingerprint: fingerprint)
        }
        rows.append(("one record into the workload, digest kept", records["SQLite"]!, records["PostgreSQL"]!, "ms"))
        if let server = stores["PostgreSQL"], let name = URLComponents(string: server)?.path.dropFirst() {
            try? psql(serverURL, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
        return rows
    }

    /// One `record` at a time into the store holding the whole workload, as `renewal record`
    /// makes it (the judging digest brought up to date in the same transaction); milliseconds each.
    func recordIntoTheWorkload(_ text: String, fingerprint: String) throws -> [Double] {
        let store = try open(text, .write)
        store.keepJudgingDigest(plan: plan, planFingerprint: fingerprint)
        let targets = plan.allTargets.filter { $0.kind == .quantitative }
        return try (0..<max(5, repeatCount * 4)).map { index in
            let entry = NewEntry(
                itemId: targets[index % targets.count].id, date: asOf.adding(days: 1 + index), value: Double(index),
                progress: "bench", recordedBy: "bench", recordedAt: "2026-11-29T00:00:00+08:00")
            let start = ContinuousClock.now
            guard case .stored = try store.record(entry) else { throw BenchError("not stored") }
            return milliseconds(ContinuousClock.now - start)
        }.sorted()
    }

    /// `writers` threads, each with its own store (its own connection), recording `perWriter`
    /// entries through `record` (the same-day rule decided in each write's transaction) at once;
    /// entries stored per second of wall time. Every entry must be stored exactly once.
    func recordAtOnce(kind: String, writers: Int, round: Int) throws -> Double {
        let text = try freshStore(kind, "writers\(writers)r\(round)")
        _ = try open(text, .write)
        let targets = plan.allTargets.filter { $0.kind == .quantitative }
        let stores = try (0..<writers).map { _ in try open(text, .write) }
        let failures = DispatchQueue(label: "failures")
        nonisolated(unsafe) var failed: [String] = []
        let start = ContinuousClock.now
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            for index in 0..<Self.perWriter {
                let target = targets[(writer * Self.perWriter + index) % targets.count]
                let day = Day("2024-05-01")!.adding(days: writer * Self.perWriter + index)
                let entry = NewEntry(
                    itemId: target.id, date: day, value: Double(index), progress: "bench",
                    recordedBy: "writer\(writer)", recordedAt: "2026-11-29T00:00:00+08:00")
                do {
                    guard case .stored = try stores[writer].record(entry) else { throw BenchError("not stored") }
                } catch {
                    failures.sync { failed.append("\(error)") }
                }
            }
        }
        let elapsed = milliseconds(ContinuousClock.now - start)
        let count = try stores[0].entryCount()
        guard failed.isEmpty, count == writers * Self.perWriter else {
            throw BenchError("\(kind), \(writers) writers: \(count) stored, failures: \(failed.prefix(3))")
        }
        if kind == "PostgreSQL", let name = URLComponents(string: text)?.path.dropFirst() {
            try? psql(serverURL, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
        return Double(count) / (elapsed / 1000)
    }

    static func newEntry(_ entry: ProgressEntry) -> NewEntry {
        NewEntry(
            itemId: entry.itemId, date: entry.date, value: entry.value, milestone: entry.milestone,
            progress: entry.progress, recordedBy: "bench", recordedAt: "2026-11-29T00:00:00+08:00",
            baselineYear: entry.baselineYear)
    }
}
