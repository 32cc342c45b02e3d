import Foundation
import PostgresTestSupport
import RenewalApp
import RenewalModel
import RenewalPostgres
import RenewalStore
import Testing

@Suite("The application layer opens the plan and the right store, keeps the digest, records by the rules")
struct WorkspaceTests {
    static let today = Day("2026-12-06")!

    func entry(
        _ itemId: String, _ date: String, _ value: Double, corrects: String? = nil, reason: String? = nil
    )
        -> NewEntry
    {
        NewEntry(
            itemId: itemId, date: Day(date)!, value: value, progress: "", reportingUnit: "市工业和信息化局",
            recordedBy: "测试", recordedAt: "2026-12-06T10:00:00+08:00", corrects: corrects, reason: reason,
            origin: "record")
    }

    @Test(arguments: StoreKind.allCases)
    func thePathOrTheURLPicksTheBackend(_ kind: StoreKind) throws {
        let place = try kind.place()
        let workspace = try Workspace.open(place.source, access: .write, today: Self.today)
        #expect(workspace.store.created)
        switch kind {
        case .sqlite: #expect(workspace.store is SQLiteStore)
        case .postgres: #expect(workspace.store is PostgresStore)
        }
        #expect(workspace.plan.measures.count == 34)
        #expect(!workspace.isDemo)
    }

    @Test(arguments: StoreKind.allCases)
    func aWorkspaceOpenedToWriteKeepsTheDigestEveryReportReads(_ kind: StoreKind) throws {
        let place = try kind.place()
        let writer = try Workspace.open(place.source, access: .write, today: Self.today)
        guard case .stored = try writer.record(entry("M02-1", "2026-11-30", 12)) else {
            Issue.record("not stored")
            return
        }
        let (reader, first) = try Workspace.open(place.source, access: .read, today: Self.today) {
            try $0.entries(asOf: Self.today, detail: .judging, digest: true)
        }
        #expect(first.entries.map(\.itemId) == ["M02-1"])
        // Both stores keep the digest in the write's transaction.
        #expect(first.fromDigest)
        // Asking for every entry never reads the digest.
        #expect(try reader.reader.entries(asOf: Self.today, detail: .judging, digest: false).fromDigest == false)
    }

    @Test func aBadPlanLeavesNoNewStoreBehind() throws {
        let place = try StoreKind.sqlite.place()
        let planFile = place.folder + "/plan.json"
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: planFile))
        var source = place.source
        source.planPath = planFile
        #expect(throws: AppError.self) { try Workspace.open(source, access: .write, today: Self.today) }
        #expect(!FileManager.default.fileExists(atPath: source.storeText))
    }

    @Test func readingAStoreThatIsNotThereSaysSoAndCreatesNothing() throws {
        let place = try StoreKind.sqlite.place()
        let error = #expect(throws: AppError.self) {
            try Workspace.open(place.source, access: .read, today: Self.today)
        }
        #expect(error?.phrase.en.contains(place.source.storeText) == true)
        #expect(!FileManager.default.fileExists(atPath: place.source.storeText))
        #expect(try place.source.openExistingStore() == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func aCorrectionMustSayWhyAndNameAnEntryOfItsItem(_ kind: StoreKind) throws {
        let workspace = try Workspace.open(try kind.place().source, access: .write, today: Self.today)
        guard case let .stored(first) = try workspace.record(entry("M02-1", "2026-11-30", 12)) else {
            Issue.record("not stored")
            return
        }
        _ = try workspace.record(entry("M03-1", "2026-11-30", 5))
        let refused: [(NewEntry, String)] = [
            (entry("M02-1", "2026-11-30", 13, corrects: first.id, reason: " "), "reason"),
            (entry("M02-1", "2026-11-30", 13, corrects: "999", reason: "口径"), "no entry"),
            (entry("M03-1", "2026-11-30", 6, corrects: first.id, reason: "口径"), "is for M02-1"),
            (entry("M02-1", "2026-11-29", 13, reason: "口径"), "goes with a correction"),
        ]
        for (candidate, said) in refused {
            let error = #expect(throws: AppError.self) { try workspace.record(candidate) }
            #expect(error?.phrase.en.contains(said) == true, "\(error?.phrase.en ?? "")")
        }
        #expect(try workspace.store.entryCount() == 2)
        guard case .stored = try workspace.record(entry("M02-1", "2026-11-30", 13, corrects: first.id, reason: "口径"))
        else {
            Issue.record("the correction was not stored")
            return
        }
        #expect(try workspace.store.entryCount() == 3)
    }

    @Test func theDemoIsMadeFromThePlanAndSaysSo() throws {
        let source = WorkspaceSource(planPath: nil, storeText: "/nonexistent/x.sqlite", demo: true)
        let workspace = try Workspace.open(source, access: .write, today: Self.today)
        #expect(workspace.isDemo)
        #expect(try workspace.store.entryCount() > 50)
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent/x.sqlite"))
    }
}
