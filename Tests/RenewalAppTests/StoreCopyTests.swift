import Foundation
import PostgresTestSupport
import RenewalApp
import RenewalModel
import RenewalStore
import Testing

/// `renewal store copy`: SQLite to PostgreSQL and back, row for row, ids and times kept.
@Suite("Copying a store between SQLite and PostgreSQL (issue 23)")
struct StoreCopyTests {
    static let today = Day("2026-12-06")!

    /// A SQLite store holding the sample (entries, a correction, flags, replies, a closing) and
    /// an entry whose text holds what COPY must escape.
    func filledSQLite() throws -> StoreKind.Place {
        let place = try StoreKind.sqlite.place()
        let workspace = try Workspace.open(place.source, access: .write, today: Self.today)
        try DemoStore.load(into: workspace.store, plan: workspace.plan, today: Self.today)
        try workspace.store.append(
            NewEntry(
                itemId: "M02-1", date: Day("2026-11-30")!, value: 0.1 + 0.2,
                progress: "制表符\t换行\n回车\r反斜杠\\N 与 \u{1F600}", reportingUnit: "市工业和信息化局", recordedBy: "测试",
                recordedAt: "2026-12-06T10:00:00+08:00", origin: "record"))
        return place
    }

    @Test func sqliteToPostgresAndBackKeepsEveryRowItsIdAndItsTime() throws {
        let file = try filledSQLite()
        let server = try StoreKind.postgres.place()
        let there = try StoreCopy.run(from: file.source, to: server.source)
        #expect(there.counts[.entry]! > 50)
        #expect(there.counts[.flag] == 5)
        #expect(there.counts[.flagEvent] == 3)
        #expect(there.createdTarget)

        let back = StoreKind.Place(
            source: WorkspaceSource(
                planPath: nil, storeText: file.folder + "/back.sqlite", demo: false,
                environment: TestPostgres.environment),
            folder: file.folder)
        let again = try StoreCopy.run(from: server.source, to: back.source)
        #expect(again.checksum == there.checksum)

        let original = try file.source.openNamedStore(access: .read).storedRows()
        let returned = try back.source.openNamedStore(access: .read).storedRows()
        #expect(original == returned)
        #expect(StoreCopy.checksum(original) == there.checksum)

        // The copy is a working store: it judges alike, and new rows take ids above the copied.
        let copied = try Workspace.open(server.source, access: .write, today: Self.today)
        let entries = try copied.store.entries()
        #expect(entries == (try file.source.openNamedStore(access: .read).entries()))
        let next = try copied.store.append(
            NewEntry(
                itemId: "M03-1", date: Day("2026-12-01")!, value: 3, recordedBy: "测试",
                recordedAt: "2026-12-06T11:00:00+08:00"))
        #expect(Int(next.id)! == Int(entries.last!.id)! + 1)
        let flag = try copied.store.flag(
            itemId: "M03-1", note: "新督办", by: "测试", at: "2026-12-06T11:00:00+08:00", followUp: nil)
        #expect(Int(flag.id)! == 6)
    }

    @Test(arguments: StoreKind.allCases)
    func aTargetThatHoldsAnythingIsRefusedAndLeftAsItWas(_ kind: StoreKind) throws {
        let file = try filledSQLite()
        let target = try kind.place()
        let workspace = try Workspace.open(target.source, access: .write, today: Self.today)
        try workspace.store.flag(itemId: "M02-2", note: "已有", by: "测试", at: "2026-12-01T09:00:00+08:00", followUp: nil)
        let before = try workspace.store.storedRows()
        let error = #expect(throws: AppError.self) { try StoreCopy.run(from: file.source, to: target.source) }
        #expect(error?.phrase.en.contains("already holds entries or flags") == true)
        #expect(error?.phrase.zh.contains("已有记录或督办") == true)
        #expect(try workspace.store.storedRows() == before)
    }

    @Test func aNULCharacterThatPostgreSQLCannotHoldIsNamedAndNothingWritten() throws {
        let file = try filledSQLite()
        let path = file.source.storeText
        let sql =
            "INSERT INTO entry (itemId, date, value, progress, recordedBy, recordedAt) "
            + "VALUES ('M02-1', '2026-11-29', 1, 'a' || char(0) || 'b', 'x', '2026-12-06T12:00:00+08:00')"
        let inserted = TestPostgres.run("/usr/bin/sqlite3", [path, sql])
        #expect(inserted.status == 0, "\(inserted.output)")
        let last = try file.source.openNamedStore(access: .read).storedRows().entry.last?.first
        let server = try StoreKind.postgres.place()
        let error = #expect(throws: AppError.self) { try StoreCopy.run(from: file.source, to: server.source) }
        guard case let .integer(id) = last else {
            Issue.record("no id")
            return
        }
        #expect(
            error?.phrase.en.contains("entry #\(id) has a NUL character in progress") == true,
            "\(error?.phrase.en ?? "")")
        #expect(error?.phrase.en.contains("nothing was written") == true)
        #expect(try server.source.openNamedStore(access: .read).storedRows().isEmpty)
    }

    @Test func aStoreIsNotCopiedOntoItselfNorFromNowhere() throws {
        let file = try filledSQLite()
        #expect(throws: AppError.self) { try StoreCopy.run(from: file.source, to: file.source) }
        let nowhere = WorkspaceSource(planPath: nil, storeText: file.folder + "/none.sqlite", demo: false)
        let target = WorkspaceSource(planPath: nil, storeText: file.folder + "/target.sqlite", demo: false)
        let error = #expect(throws: AppError.self) { try StoreCopy.run(from: nowhere, to: target) }
        #expect(error?.phrase.en.contains("none.sqlite") == true)
        #expect(!FileManager.default.fileExists(atPath: target.storeText))
    }
}
