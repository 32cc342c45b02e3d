import Foundation
import PostgresTestSupport
import RenewalModel
import RenewalPostgres
import Synchronization
import Testing

@testable import RenewalStore

/// The two stores, each made fresh and empty for one test, with a way to run SQL on it behind
/// renewal's back (as an administrator with a database shell would).
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    var testDescription: String { rawValue }

    struct Made {
        let store: any ProgressStore
        /// Opens another store on the same database (another process or machine would).
        let reopen: @Sendable (StoreAccess) throws -> any ProgressStore
        /// Runs SQL outside renewal; throws what the database said.
        let rawSQL: @Sendable (String) throws -> Void
    }

    func make() throws -> Made {
        switch self {
        case .sqlite:
            let temporary = try TemporaryStore()
            let path = temporary.path
            return Made(
                store: temporary.store,
                reopen: { access in try SQLiteStore(path: path, access: access) },
                rawSQL: { sql in
                    let result = TestPostgres.run("/usr/bin/sqlite3", [path, sql])
                    guard result.status == 0, !result.output.contains("Error") else {
                        throw TestPostgresError(text: result.output)
                    }
                })
        case .postgres:
            let url = try TestPostgres.freshDatabase()
            let environment = TestPostgres.environment
            let open: @Sendable (StoreAccess) throws -> any ProgressStore = { access in
                guard case let .postgres(address) = try StoreLocation.parse(url, environment: environment) else {
                    throw TestPostgresError(text: "not a server URL: \(url)")
                }
                return try PostgresStore(address: address, access: access, environment: environment)
            }
            return Made(
                store: try open(.write), reopen: open,
                rawSQL: { sql in try TestPostgres.sql(sql, database: url) })
        }
    }
}

/// One suite, both stores: every rule of the store holds alike on SQLite and PostgreSQL.
@Suite("The store's rules, on SQLite and on PostgreSQL (issue 23)", .serialized)
struct StoreContractTests {
    static let text = "第一行\n第二行\t制表\\反斜杠\r回车"

    @Test(arguments: Backend.allCases)
    func recordStoresOnceThenSaysDuplicateOrConflict(_ backend: Backend) throws {
        let made = try backend.make()
        let store = made.store
        #expect(store.created)
        let first = NewEntry(
            itemId: "M02-1", date: Day("2026-10-31")!, value: 30, progress: Self.text, reportingUnit: "市工业和信息化局",
            recordedBy: "tester", recordedAt: "2026-11-05T09:00:00+08:00")
        guard case let .stored(stored) = try store.record(first) else {
            Issue.record("the first record was not stored")
            return
        }
        guard case .duplicate = try store.record(first) else {
            Issue.record("the same record twice was stored twice")
            return
        }
        var other = first
        other.value = 31
        guard case let .conflict(existing) = try store.record(other) else {
            Issue.record("another figure for the same item and day was stored")
            return
        }
        #expect(existing.id == stored.id)
        // A correction replaces it; the history keeps both.
        other.corrects = stored.id
        other.reason = "更正"
        guard case .stored = try store.record(other) else {
            Issue.record("a correction was refused")
            return
        }
        let read = try store.entries()
        #expect(read.map(\.value) == [30, 31])
        #expect(read[0].progress == Self.text)
        #expect(read[1].corrects == stored.id)
        #expect(try store.entryCount() == 2)
        #expect(try store.entry(id: stored.id)?.reportingUnit == "市工业和信息化局")
    }

    @Test(arguments: Backend.allCases)
    func aCorrectionMayNotLandOnAnotherUnitsFigure(_ backend: Backend) throws {
        let store = try backend.make().store
        let day = Day("2026-10-31")!
        let moving = try store.append(
            NewEntry(itemId: "G27-7", date: Day("2026-09-30")!, value: 8000, recordedBy: "a", recordedAt: "t"))
        try store.append(NewEntry(itemId: "G27-7", date: day, value: 8983, recordedBy: "b", recordedAt: "t"))
        let correction = NewEntry(
            itemId: "G27-7", date: day, value: 9100, recordedBy: "a", recordedAt: "t", corrects: moving.id, reason: "x")
        guard case let .conflict(existing) = try store.record(correction) else {
            Issue.record("the correction silently won over another figure")
            return
        }
        #expect(existing.value == 8983)
    }

    @Test(arguments: Backend.allCases)
    func manyEntriesAllOrNothingWithDuplicatesSkipped(_ backend: Backend) throws {
        let store = try backend.make().store
        // 300 rows go through COPY on PostgreSQL, the 10 after through single INSERTs.
        let many = (0..<300).map { index in
            NewEntry(
                itemId: "M0\(index % 9 + 1)-1", date: Day(ordinal: Day("2025-01-01")!.ordinal + index),
                value: Double(index),
                progress: index == 7 ? Self.text : "进展\(index)", recordedBy: "import", recordedAt: "t",
                baselineYear: index == 299 ? 2023 : nil, origin: "import returns.csv:\(index + 2)")
        }
        let first = try store.appendAll(many)
        #expect(first.added.count == 300)
        #expect(first.duplicates.isEmpty)
        #expect(first.added.map(\.id) == first.added.map(\.id).sorted { Int($0)! < Int($1)! })
        let again = try store.appendAll(Array(many.prefix(10)) + [many[0]])
        #expect(again.added.isEmpty)
        #expect(again.duplicates == Array(0...10))
        let read = try store.entries()
        #expect(read.count == 300)
        #expect(read[7].progress == Self.text)
        #expect(read.map(\.id) == first.added.map(\.id))
        #expect(read[299].baselineYear == 2023)
        #expect(try store.duplicates(among: [many[3], .sample("M02-1", "2030-01-01")]) == [0])
        let judging = try store.entries(detail: .judging)
        #expect(judging.map(\.id) == read.map(\.id))
        let allNoted = judging.allSatisfy { $0.hasProgress }
        #expect(allNoted)
        let expected = read.filter { $0.itemId == "M03-1" }.count
        #expect(try store.entries(for: ["M03-1"]).count == expected)
    }

    @Test(arguments: Backend.allCases)
    func latestReportsAreTheSameQuery(_ backend: Backend) throws {
        let store = try backend.make().store
        for (date, unit) in [("2026-09-30", "甲"), ("2026-10-31", "甲"), ("2026-10-31", "乙"), ("2026-12-31", "乙")] {
            try store.append(
                NewEntry(
                    itemId: "M04-1", date: Day(date)!, value: 1, reportingUnit: unit, recordedBy: "t", recordedAt: "t"))
        }
        let reports = try store.latestReports(asOf: Day("2026-12-06")!).sorted { ($0.unit ?? "") < ($1.unit ?? "") }
        #expect(reports.map(\.date.description) == ["2026-10-31", "2026-10-31"])
    }

    @Test(arguments: Backend.allCases)
    func everyKindOfWriteChangesTheToken(_ backend: Backend) throws {
        let store = try backend.make().store
        var tokens = [try store.changeToken()]
        try store.append(
            NewEntry(itemId: "M02-1", date: Day("2026-11-30")!, value: 1, recordedBy: "t", recordedAt: "2026-12-06"))
        tokens.append(try store.changeToken())
        try store.flag(itemId: "M02-1", note: "n", by: "t", at: "2026-12-06T09:00:00+08:00", followUp: nil)
        tokens.append(try store.changeToken())
        try store.reply(itemId: "M02-1", note: "r", unit: nil, by: "t", at: "2026-12-06T10:00:00+08:00")
        tokens.append(try store.changeToken())
        _ = try store.unflag(itemId: "M02-1", by: "t", at: "2026-12-06T11:00:00+08:00", note: "done")
        tokens.append(try store.changeToken())
        // A dashboard elsewhere reloads on each of these (a reply included).
        #expect(Set(tokens).count == tokens.count, "\(tokens)")
    }

    @Test(arguments: Backend.allCases)
    func flagsRepliesAndClosingKeepTheirHistory(_ backend: Backend) throws {
        let store = try backend.make().store
        let before = try store.changeToken()
        let flag = try store.flag(
            itemId: "M02-2", note: "请说明", by: "专班", at: "2026-11-20T15:00:00+08:00", followUp: Day("2026-12-10"))
        #expect(try store.changeToken() != before)
        let made = try store.flag(itemIds: ["M02-2", "M04-1", "M04-1"], note: "催办", by: "专班", at: "t", followUp: nil)
        #expect(made.map(\.itemId) == ["M04-1"])
        #expect(try store.reply(itemId: "M02-2", note: "已整改", unit: "市工业和信息化局", by: "王", at: "2026-11-25") == 1)
        #expect(try store.unflag(itemId: "M02-2", by: "专班", at: "2026-11-30", note: "办结") == 1)
        #expect(try store.flags().map(\.itemId) == ["M04-1"])
        let all = try store.flags(includeCleared: true)
        #expect(all.count == 2)
        let closed = try #require(all.first { $0.id == flag.id })
        #expect(closed.replies == [FlagNote(note: "已整改", unit: "市工业和信息化局", by: "王", at: "2026-11-25")])
        #expect(closed.closingNote == "办结")
        #expect(closed.clearedAt == "2026-11-30")
        #expect(closed.followUp == "2026-12-10")
        #expect(try store.flaggedItemIds() == ["M04-1"])
    }

    @Test(arguments: Backend.allCases)
    func theDatabaseItselfRefusesToRewriteHistory(_ backend: Backend) throws {
        let made = try backend.make()
        try made.store.append(.sample())
        try made.store.flag(itemId: "M02-1", note: "n", by: "b", at: "t", followUp: nil)
        try made.store.reply(itemId: "M02-1", note: "r", by: "b", at: "t")
        let table = backend == .sqlite ? "flagEvent" : "flag_event"
        for sql in [
            "UPDATE entry SET value = 99", "DELETE FROM entry", "UPDATE \(table) SET note = 'x'",
            "DELETE FROM \(table)",
            "DELETE FROM flag",
        ] {
            #expect(throws: (any Error).self, "\(backend): \(sql) was allowed") { try made.rawSQL(sql) }
        }
        if backend == .postgres {
            #expect(throws: (any Error).self) { try made.rawSQL("TRUNCATE entry CASCADE") }
            #expect(throws: (any Error).self) { try made.rawSQL("UPDATE flag SET note = 'rewritten'") }
        }
        #expect(try made.store.entries().map(\.value) == [10])
        #expect(try made.store.flags().first?.replies?.map(\.note) == ["r"])
    }

    /// 20 writers, each on its own connection, record at once: of those recording the same item
    /// and day exactly one stores; of those recording different items, all do.
    @Test(arguments: Backend.allCases)
    func twentyWritersAtOnceLoseNothingAndDuplicateNothing(_ backend: Backend) throws {
        let made = try backend.make()
        let writers = try (0..<20).map { _ in try made.reopen(.write) }
        let outcomes = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 40) { index in
            let store = writers[index % 20]
            // The first 20 race on one item and day with different figures; the next 20 each
            // record an item of their own.
            let entry =
                index < 20
                ? NewEntry.sample("M02-1", "2026-10-31", Double(index))
                : NewEntry.sample("M0\(index % 9 + 1)-\(index)", "2026-10-31", 1)
            let outcome: String
            switch try? store.record(entry) {
            case .stored: outcome = "stored"
            case .conflict: outcome = "conflict"
            case .duplicate: outcome = "duplicate"
            case nil: outcome = "failed"
            }
            outcomes.withLock { $0.append(index < 20 ? "race " + outcome : "own " + outcome) }
        }
        let counted = Dictionary(grouping: outcomes.withLock { $0 }, by: { $0 }).mapValues(\.count)
        #expect(counted == ["race stored": 1, "race conflict": 19, "own stored": 20], "\(backend): \(counted)")
        #expect(try made.store.entryCount() == 21)
    }

    @Test(arguments: Backend.allCases)
    func aReadOnlyOpenNeverWrites(_ backend: Backend) throws {
        let made = try backend.make()
        try made.store.append(.sample())
        let reader = try made.reopen(.read)
        #expect(try reader.entryCount() == 1)
        #expect(!reader.created)
        #expect(throws: StoreError.self) { try reader.append(.sample("M03-1")) }
        #expect(try made.store.entryCount() == 1)
    }
}
