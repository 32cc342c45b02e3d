import Foundation
import Testing

/// The month as a 专班 lives it (issue 21), through the real binary: what a department could
/// contest must not happen.
@Suite("The month at the calendar's edges (issue 21)", .serialized)
struct MonthAtTheEdgesTests {
    let folder: URL
    let db: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appending(path: "renewal-month-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        db = folder.appending(path: "store.sqlite").path
    }

    func run(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(arguments, environment: ["RENEWAL_DB": db, "USER": "tester"])
    }

    /// Item 10: a correction cannot move a report onto a day where another unit's different
    /// figure stands and silently win; `record` refuses the same collision.
    @Test func aCorrectionCannotOverrideAnotherReportOnItsNewDay() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try run(["record", "G27-7", "--date", "2026-10-31", "--value", "8983", "--unit", "发改局"])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try run(["record", "G27-7", "--date", "2026-09-30", "--value", "8000", "--unit", "商务投促局"])
        #expect(second.status == 0, "\(second.stderr)")
        let moved = try run([
            "record", "G27-7", "--date", "2026-10-31", "--value", "8100", "--corrects", "2", "--reason", "日期填错",
        ])
        #expect(moved.status == 1)
        #expect(moved.stderr.contains("已有记录 #1") && moved.stderr.contains("请先更正 #1"), "\(moved.stderr)")
        #expect(try CLI.sqlite(db, "SELECT count(*) FROM entry") == "2", "nothing stored")
        // On its own day, or onto a day holding the same figure, a correction goes in.
        let fixed = try run([
            "record", "G27-7", "--date", "2026-09-30", "--value", "8100", "--corrects", "2", "--reason", "数值填错",
        ])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        let same = try run([
            "record", "G27-7", "--date", "2026-10-31", "--value", "8983", "--corrects", "3", "--reason", "日期填错",
        ])
        #expect(same.status == 0, "\(same.stderr)")
        let english = try run([
            "record", "G27-7", "--date", "2026-10-31", "--value", "1", "--corrects", "4", "--reason", "x", "--lang",
            "en",
        ])
        #expect(english.status == 1)
        #expect(english.stderr.contains("cannot override it"), "\(english.stderr)")
    }

    /// Item 12: `renewal flags --as-of` is the 督办台账: each flag's state on that day, its lead units.
    @Test func theLedgerShowsEachFlagsStateOnTheDay() throws {
        let ledger = try run(["flags", "--demo", "--as-of", "2026-12-20"])
        #expect(ledger.status == 0, "\(ledger.stderr)")
        #expect(ledger.stdout.contains("督办台账（截至 2026-12-20）"), "\(ledger.stdout)")
        #expect(ledger.stdout.contains("超期未反馈 10 天") && ledger.stdout.contains("牵头 工信局"), "\(ledger.stdout)")
        let earlier = try run(["flags", "--demo", "--as-of", "2026-12-10"])
        #expect(!earlier.stdout.contains("#1 M02-2") || earlier.stdout.contains("待反馈"), "\(earlier.stdout)")
        // Before the flags were raised there is nothing on the ledger.
        let before = try run(["flags", "--demo", "--as-of", "2026-10-01", "--lang", "en"])
        #expect(before.stdout.contains("No flags."), "\(before.stdout)")
    }

    /// Item 15: the bulletin lists a co-led item once, under its first lead unit, naming the others;
    /// a milestone shows its latest state with its date, never 实际 无; the 督办 section says each
    /// flag's reply state (超期未反馈 N 天).
    @Test func theBulletinListsCoLedItemsOnceWithMilestoneStatesAndReplyStates() throws {
        for format in ["text", "md"] {
            let result = try run(["report", "--demo", "--format", format, "--as-of", "2026-12-05"])
            #expect(result.status == 0, "\(result.stderr)")
            let text = result.stdout
            let lines = text.split(separator: "\n").filter { $0.contains("G25-2") && $0.contains("新能源汽车保有量") }
            #expect(lines.count == 1, "\(format): \(lines)")
            #expect(text.contains("共同牵头：交警大队、生态环境分局、商务投促局"), "\(format)")
            #expect(text.contains("推进中（2026-10-31）") && !text.contains("实际 无"), "\(format)")
            #expect(text.contains("超期未反馈 20 天"), "\(format)")
        }
    }
}
