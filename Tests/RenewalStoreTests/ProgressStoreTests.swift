import Foundation
import GRDB
import RenewalModel
import Testing

@testable import RenewalStore

@Suite("Progress store")
struct ProgressStoreTests {
    @Test func anEmptyFileIsMigratedToTheCurrentSchema() throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        #expect(
            try temp.store.appliedMigrations() == [
                "v1: entries and flags", "v2: application id", "v3: flag events", "v4: judging digest",
                "v5: change counter", "v6: replying unit", "v7: flags close once", "v8: plan of the store",
            ])
        #expect(try temp.store.entryCount() == 0)
        // Reopening runs no migration twice and keeps the data.
        try temp.store.append(.sample())
        let again = try SQLiteStore(path: temp.path, access: .write)
        #expect(try again.entryCount() == 1)
        #expect(try again.appliedMigrations().count == 8)
    }

    /// The 督办 life cycle: raised with a 反馈期限, answered (反馈), closed (办结) with a note; every step
    /// kept (the events cannot be changed or deleted).
    @Test func aFlagIsAnsweredAndClosedAndItsHistoryKept() throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        let flag = try temp.store.flag(
            itemId: "M02-1", note: "请说明进度", by: "专班", at: "2026-11-01T09:00:00+08:00", followUp: Day("2026-11-11"))
        #expect(try temp.store.reply(itemId: "M02-1", note: "已加快申报", by: "工信局", at: "2026-11-05T10:00:00+08:00") == 1)
        #expect(try temp.store.reply(itemId: "M99-9", note: "无此项", by: "x", at: "2026-11-05T10:00:00+08:00") == 0)
        var stored = try #require(try temp.store.flags().first)
        #expect(
            stored.id == flag.id
                && stored.replies == [FlagNote(note: "已加快申报", by: "工信局", at: "2026-11-05T10:00:00+08:00")])
        #expect(stored.replied(by: Day("2026-11-05")!) && !stored.replied(by: Day("2026-11-04")!))
        #expect(try temp.store.unflag(itemId: "M02-1", by: "专班", at: "2026-11-20T09:00:00+08:00", note: "已办结") == 1)
        #expect(try temp.store.flags().isEmpty)
        stored = try #require(try temp.store.flags(includeCleared: true).first)
        #expect(stored.closingNote == "已办结" && stored.clearedBy == "专班" && stored.replies?.count == 1)
        // Append-only.
        #expect(throws: (any Error).self) {
            try temp.store.pool.write { try $0.execute(sql: "UPDATE flagEvent SET note = 'x'") }
        }
        #expect(throws: (any Error).self) {
            try temp.store.pool.write { try $0.execute(sql: "DELETE FROM flagEvent") }
        }
    }

    /// 超期未反馈: a reply answers a flag as a report on the item does.
    @Test func aReplyAnswersTheFlag() throws {
        let plan = try PlanLoader.embedded()
        let raised = SupervisionFlag(
            id: "1", itemId: "M02-1", note: "请说明", flaggedBy: "专班", flaggedAt: "2026-11-01T09:00:00+08:00",
            followUp: "2026-11-11")
        var answered = raised
        answered.replies = [FlagNote(note: "已说明", by: "工信局", at: "2026-11-09T09:00:00+08:00")]
        let engine = StatusEngine(plan: plan)
        for (day, expected) in [("2026-11-11", false), ("2026-11-12", true)] {
            let judged = engine.evaluate(entries: [], flags: [raised], asOf: Day(day)!).target("M02-1")
            #expect(judged?.markers.contains(.followUpOverdue) == expected, "\(day)")
        }
        #expect(
            engine.evaluate(entries: [], flags: [answered], asOf: Day("2026-11-12")!).target("M02-1")?
                .markers.contains(.followUpOverdue) == false)
    }

    @Test func theStoreIsInWALMode() throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        let mode = try temp.store.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func theDefaultPathFollowsXDG() {
        #expect(
            SQLiteStore.defaultPath(environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/home/u"])
                == "/x/data/renewal/renewal.sqlite")
        #expect(
            SQLiteStore.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.local/share/renewal/renewal.sqlite"
        )
    }

    @Test func entriesRoundTripWithEveryField() throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        var entry = NewEntry.sample("M05-1", "2025-11-30", nil)
        entry.milestone = .done
        entry.progress = "烘干体系建成"
        entry.problems = "无"
        entry.nextSteps = "验收"
        entry.reportingUnit = "市农业农村局"
        let stored = try temp.store.append(entry)
        let read = try #require(try temp.store.entries().first)
        #expect(read == stored)
        #expect(read.milestone == .done)
        #expect(read.progress == "烘干体系建成")
        #expect(read.recordedBy == "test")
        #expect(read.date == Day("2025-11-30"))
    }

    @Test func entriesCannotBeUpdatedOrDeleted() throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        try temp.store.append(.sample())
        #expect(throws: DatabaseError.self) {
            try temp.store.pool.write { try $0.execute(sql: "UPDATE entry SET value = 99") }
        }
        #expect(throws: DatabaseError.self) {
            try temp.store.pool.write { try $0.execute(sql: "DELETE FROM entry") }
        }
        #expect(try temp.store.entries().first?.value == 10)
    }

    @Test func aCorrectionIsANewEntryAndTheStatusUsesIt() throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        let plan = try PlanLoader.embedded()
        let wrong = try temp.store.append(.sample("M02-1", "2025-12-31", 55))
        var fix = NewEntry.sample("M02-1", "2025-12-31", 45)
        fix.corrects = wrong.id
        fix.reason = "重复统计"
        try temp.store.append(fix)
        let entries = try temp.store.entries()
        #expect(entries.count == 2)
        let evaluation = StatusEngine(plan: plan).evaluate(entries: entries, asOf: Day("2026-01-10")!)
        #expect(evaluation.target("M02-1")?.actual == 45)
        #expect(evaluation.target("M02-1")?.status == .overdue)
    }

    @Test func anEntryNamingAnIdThePlanLacksIsReportedNotFatal() throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        try temp.store.append(.sample("M99-1"))
        try temp.store.append(.sample("M02-1", "2025-06-30", 20))
        let plan = try PlanLoader.embedded()
        let evaluation = StatusEngine(plan: plan).evaluate(entries: try temp.store.entries(), asOf: Day("2025-07-01")!)
        #expect(evaluation.unknownItemEntries.map(\.itemId) == ["M99-1"])
        #expect(evaluation.target("M02-1")?.actual == 20)
    }

    @Test func flagsAreKeptAndCleared() throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        try temp.store.flag(
            itemId: "M02-2", note: "请说明原因", by: "张三", at: "2026-11-20T10:00:00+08:00", followUp: Day("2026-12-10"))
        #expect(try temp.store.flaggedItemIds() == ["M02-2"])
        let flag = try #require(try temp.store.flags().first)
        #expect(flag.note == "请说明原因")
        #expect(flag.followUp == "2026-12-10")
        #expect(try temp.store.unflag(itemId: "M02-2", by: "李四", at: "2026-11-25T10:00:00+08:00") == 1)
        #expect(try temp.store.flaggedItemIds() == [])
        let history = try temp.store.flags(includeCleared: true)
        #expect(history.first?.clearedAt == "2026-11-25T10:00:00+08:00")
        #expect(try temp.store.unflag(itemId: "M02-2", by: "李四", at: "2026-11-26T10:00:00+08:00") == 0)
    }

    /// 催办 flags many items in one transaction: an item already under an open flag keeps it, a
    /// repeated id is flagged once; a store that refuses the write keeps none of them.
    @Test func remindingFlagsManyItemsAtOnce() throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        try temp.store.flag(itemId: "M02-2", note: "已督办", by: "张三", at: "2026-11-20T10:00:00+08:00", followUp: nil)
        let made = try temp.store.flag(
            itemIds: ["M02-1", "M02-2", "M04-1", "M02-1"], note: "请报送", by: "专班", at: "2026-11-21T10:00:00+08:00",
            followUp: Day("2026-12-01"))
        #expect(made.map(\.itemId) == ["M02-1", "M04-1"])
        #expect(try temp.store.flags().map(\.itemId).sorted() == ["M02-1", "M02-2", "M04-1"])
        #expect(try temp.store.flags().first { $0.itemId == "M02-2" }?.note == "已督办", "the open flag is kept")
        let reader = try SQLiteStore(path: temp.path, access: .read)
        #expect(throws: StoreError.self) {
            try reader.flag(itemIds: ["M05-1"], note: "x", by: "x", at: "2026-11-22T10:00:00+08:00", followUp: nil)
        }
        #expect(try temp.store.flags().count == 3)
    }

    @Test func appendAllSkipsDuplicatesOfStoredAndOfEachOther() throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        try temp.store.append(.sample("M02-1", "2025-06-30", 10))
        let batch: [NewEntry] = [
            .sample("M02-1", "2025-06-30", 10), .sample("M02-1", "2025-07-31", 12), .sample("M02-1", "2025-07-31", 12),
        ]
        let result = try temp.store.appendAll(batch)
        #expect(result.added.count == 1)
        #expect(result.duplicates.count == 2)
        #expect(try temp.store.entryCount() == 2)
    }

    @Test func theDemoStoreHoldsARealisticMix() throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        let plan = try PlanLoader.embedded()
        try DemoStore.load(into: temp.store, plan: plan, today: Day("2026-11-29")!)
        let entries = try temp.store.entries()
        #expect(entries.count > 1000)
        #expect(entries.contains { $0.corrects != nil })
        #expect(entries.allSatisfy { $0.isBaseline || $0.progress.hasPrefix("（示例）") })
        let flags = try temp.store.flaggedItemIds()
        #expect(flags == ["M02-2", "G27-5", "M06-2", "G25-5"], "four open flags")
        // The life cycle is in the sample: one flag past its 反馈期限, one answered late, one
        // answered and closed; replies name their unit.
        let all = try temp.store.flags(includeCleared: true)
        #expect(all.contains { $0.itemId == "M13-1" && $0.replies?.count == 1 && $0.closingNote != nil && !$0.isOpen })
        #expect(all.first { $0.itemId == "M13-1" }?.replies?.first?.unit == "市卫生健康局")
        let ledger = FlagLedger.lines(all, entries: entries, plan: plan, on: Day("2026-11-29")!, includeClosed: true)
        #expect(ledger.map(\.state).contains(.repliedLate(days: 4)), "G25-5: 逾期反馈 in the sample")
        let unanswered = StatusEngine(plan: plan).evaluate(entries: entries, flags: all, asOf: Day("2026-11-29")!)
        #expect(unanswered.target("M06-2")?.markers.contains(.followUpOverdue) == true)
        let evaluation = StatusEngine(plan: plan).evaluate(entries: entries, flagged: flags, asOf: Day("2026-11-29")!)
        let statuses = Set(evaluation.targets.map(\.status))
        for status in [
            Status.done, .doneLate, .onTrack, .behind, .severelyBehind, .overdue, .noReport, .baselineMissing,
        ] {
            #expect(statuses.contains(status), "the sample lacks \(status)")
        }
        #expect(evaluation.measures.contains { $0.status == .ongoing })
        #expect(evaluation.measures.contains { $0.status == .noReport })
        #expect(evaluation.targets.contains { $0.markers.contains(.stale) })
        #expect(evaluation.targets.contains { $0.markers.contains(.flagged) })
        #expect(evaluation.target("M10-1")?.markers.contains(.noCurrentReport) == true)
        // The every-year farm-machinery targets are due soon from 1 December.
        let december = StatusEngine(plan: plan).evaluate(entries: entries, flagged: flags, asOf: Day("2026-12-01")!)
        #expect(december.target("M04-1")?.status == .dueSoon)
    }

    @Test func duplicatesAreFoundAgainstTheStoreAndWithinTheList() throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        try temp.store.append(.sample("M02-1", "2025-06-30", 10))
        let entries: [NewEntry] = [
            .sample("M02-1", "2025-06-30", 10), .sample("M02-1", "2025-07-31", 11),
            .sample("M02-1", "2025-07-31", 11), .sample("M02-1", "2025-06-30", 12),
        ]
        // Stored, new, a repeat of the new one, a different figure (not a duplicate).
        #expect(try temp.store.duplicates(among: entries) == [0, 2])
        #expect(NewEntry.repeats(among: entries) == [2])
        // 20,000 rows that all repeat 10,000 stored ones: every one found, in one pass.
        let many = (0..<10_000).map { NewEntry.sample("M04-1", "2026-0\($0 % 9 + 1)-15", Double($0)) }
        _ = try temp.store.appendAll(many)
        #expect(try temp.store.duplicates(among: many + many).count == 20_000)
    }

    @Test func aStoreOpenedToBrowseChecksForDamageBeforeItsFirstWrite() throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        for day in 1...28 {
            try temp.store.append(.sample("M02-2", String(format: "2025-02-%02d", day), Double(day % 5)))
        }
        // Everything into the main file, then garbage over the entry table's first page.
        let queue = try DatabaseQueue(path: temp.path)
        let (root, pageSize) = try queue.inDatabase { db in
            _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            return (
                try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'entry'") ?? 0,
                try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
            )
        }
        try queue.close()
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temp.path))
        try handle.seek(toOffset: UInt64((root - 1) * pageSize))
        handle.write(Data(repeating: 0xA5, count: pageSize))
        try handle.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: temp.path))

        // The dashboard opens it at once (no check yet); the first write is refused.
        let browsing = try SQLiteStore(path: temp.path, access: .browse)
        #expect(throws: StoreError.self) { try browsing.append(.sample("M02-1", "2025-07-31", 4)) }
        #expect(throws: StoreError.self) {
            try browsing.flag(itemId: "M02-1", note: "x", by: "t", at: "t", followUp: nil)
        }
        // A command that writes refuses to open it at all.
        #expect(throws: StoreError.self) { try SQLiteStore(path: temp.path, access: .write) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: temp.path)) == before)
    }

    @Test func aStoreOpenedToReadTakesNoWrite() throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        try temp.store.append(.sample())
        let reader = try SQLiteStore(path: temp.path, access: .read)
        #expect(try reader.entryCount() == 1)
        #expect(throws: StoreError.readOnly(path: temp.path)) { try reader.append(.sample("M02-1", "2025-07-31", 4)) }
        #expect(throws: StoreError.missing(path: temp.path + "-typo")) {
            try SQLiteStore(path: temp.path + "-typo", access: .read)
        }
        #expect(!FileManager.default.fileExists(atPath: temp.path + "-typo"))
    }

    @Test func entriesReadForJudgingKnowWhetherTheirProgressWasWritten() throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        let texts = [
            "", " \u{3000} ", "完成设备摸排", "\u{A0}\u{2003}\n\u{0C}", " \t已开展", "x", "\u{3000}\u{301}",
            "\u{85}\u{2028}",
        ]
        for (index, text) in texts.enumerated() {
            var entry = NewEntry.sample("M08", Day(ordinal: Day("2025-06-30")!.ordinal + index).description, nil)
            entry.milestone = .inProgress
            entry.progress = text
            try temp.store.append(entry)
        }
        // The judging read (from the bytes in place) and the full read (from Strings) agree on every
        // kind of blank: Unicode spaces, a whitespace with a combining mark, control separators.
        let full = try temp.store.entries(detail: .full).map(\.hasProgress)
        #expect(full == [false, false, true, false, true, true, false, false])
        #expect(try temp.store.entries(detail: .judging).map(\.hasProgress) == full)
    }
}
