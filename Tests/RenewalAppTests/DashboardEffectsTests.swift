import Foundation
import RenewalApp
import RenewalModel
import RenewalReports
import RenewalStore
import RenewalUI
import Testing

/// Every dashboard effect run against a real store, without a terminal: what it writes, and the
/// messages it answers with.
@Suite("What each dashboard effect does, on SQLite and on PostgreSQL (issue 23)")
struct DashboardEffectsTests {
    static let today = Day("2026-12-06")!

    func effects(_ kind: StoreKind, language: Language = .zh) throws -> (DashboardEffects, String) {
        let place = try kind.place()
        let workspace = try Workspace.open(place.source, access: .write, today: Self.today)
        return (
            DashboardEffects(
                workspace: workspace, language: language, folder: place.folder, recorder: "测试员",
                today: { Self.today }, now: { "2026-12-06T10:00:00+08:00" }),
            place.folder
        )
    }

    func draft(_ itemId: String, _ value: Double, corrects: String? = nil) -> EntryDraft {
        var draft = EntryDraft(
            itemId: itemId, date: Day("2026-11-30")!, value: value, milestone: nil, progress: "推进中", problems: "",
            nextSteps: "", reportingUnit: "市工业和信息化局")
        draft.corrects = corrects
        draft.reason = corrects.map { _ in "口径调整" }
        return draft
    }

    /// The data a list of answers loaded, if any.
    func loaded(_ answers: [Message]) -> AppData? {
        for case let .dataLoaded(data) in answers { return data }
        return nil
    }

    func notice(_ answers: [Message]) -> (text: String, isError: Bool)? {
        for case let .notice(text, isError) in answers { return (text, isError) }
        for case let .failed(text) in answers { return (text, true) }
        return nil
    }

    @Test(arguments: StoreKind.allCases)
    func aRecordShowsAtOnceARepeatAddsNothingAnotherFigureIsRefused(_ kind: StoreKind) throws {
        let (effects, _) = try effects(kind)
        let asOf = Self.today
        let stored = effects.run(.record(draft("M02-1", 12)), asOf: asOf)
        let data = try #require(loaded(stored))
        #expect(data.entries.map(\.itemId) == ["M02-1"])
        #expect(try effects.workspace.store.entries().first?.recordedBy == "测试员")
        #expect(notice(stored) == nil)

        let repeated = effects.run(.record(draft("M02-1", 12)), asOf: asOf)
        #expect(loaded(repeated) == nil)
        #expect(notice(repeated)?.isError == false)
        #expect(notice(repeated)?.text.contains("完全相同") == true)

        let other = effects.run(.record(draft("M02-1", 13)), asOf: asOf)
        #expect(notice(other)?.isError == true)
        #expect(notice(other)?.text.contains("按 e") == true)
        #expect(try effects.workspace.store.entryCount() == 1)

        let id = data.entries[0].id
        let corrected = effects.run(.record(draft("M02-1", 13, corrects: id)), asOf: asOf)
        #expect(loaded(corrected)?.entries.count == 2)
    }

    @Test(arguments: StoreKind.allCases)
    func aFlagItsReplyAndItsClosingAreKeptAndShown(_ kind: StoreKind) throws {
        let (effects, _) = try effects(kind)
        let asOf = Self.today
        let flagged = try #require(
            loaded(effects.run(.flag(itemId: "M02-2", note: "请说明", followUp: Day("2026-12-16")!), asOf: asOf)))
        #expect(flagged.flags.map(\.itemId) == ["M02-2"])
        let replied = try #require(
            loaded(effects.run(.reply(itemId: "M02-2", note: "已部署", unit: "市工业和信息化局"), asOf: asOf)))
        #expect(replied.flags.first?.replies?.first?.unit == "市工业和信息化局")
        let closed = try #require(loaded(effects.run(.unflag(itemId: "M02-2", note: "办结"), asOf: asOf)))
        #expect(closed.flags.first?.clearedAt != nil)
        let reminded = try #require(
            loaded(
                effects.run(
                    .remind(itemIds: ["M02-2", "M03-1"], note: "催办", followUp: Day("2026-12-16")!), asOf: asOf)))
        #expect(reminded.flags.filter { $0.clearedAt == nil }.map(\.itemId).sorted() == ["M02-2", "M03-1"])
    }

    @Test(arguments: StoreKind.allCases)
    func aBadReturnIsRefusedOnTheMessageLineAndAGoodOneImported(_ kind: StoreKind) throws {
        let (effects, folder) = try effects(kind, language: .en)
        let header = EntriesCSV.header.joined(separator: ",")
        try Data((header + "\nM02-1,x,y\n").utf8).write(to: URL(fileURLWithPath: folder + "/bad.csv"))
        let bad = effects.run(.importFile(path: "bad.csv"), asOf: Self.today)
        #expect(notice(bad)?.isError == true)
        #expect(notice(bad)?.text.contains("nothing was imported") == true)
        #expect(notice(bad)?.text.contains("\n") == false)
        #expect(try effects.workspace.store.entryCount() == 0)

        let missing = effects.run(.importFile(path: "nowhere.csv"), asOf: Self.today)
        #expect(notice(missing)?.isError == true)

        try Data(DemoStore.sampleCSV.utf8).write(to: URL(fileURLWithPath: folder + "/sample.csv"))
        let good = effects.run(.importFile(path: "sample.csv"), asOf: Self.today)
        let count = try effects.workspace.store.entryCount()
        #expect(count > 50)
        #expect(loaded(good)?.entries.count == count)
        #expect(notice(good)?.text.hasPrefix("Imported \(count) entries") == true)
    }

    @Test func anExportGoesIntoTheFileNamedInTheDashboardsFolder() throws {
        let (effects, folder) = try effects(.sqlite, language: .en)
        let table = ExportTable(title: "逾期", header: ["编号", "状态"], rows: [["M02-1", "逾期"]])
        let answers = effects.run(.export(table, path: "out.csv"), asOf: Self.today)
        #expect(notice(answers)?.text == "Exported to \(folder)/out.csv")
        let written = try String(contentsOfFile: folder + "/out.csv", encoding: .utf8)
        #expect(written.contains("M02-1"))
        let nowhere = effects.run(.export(table, path: "no/such/folder/out.csv"), asOf: Self.today)
        #expect(notice(nowhere)?.isError == true)
    }

    @Test func aStoreOpenedOnlyToReadAnswersAWriteWithAnErrorNotACrash() throws {
        let place = try StoreKind.sqlite.place()
        _ = try Workspace.open(place.source, access: .write, today: Self.today)
        let reader = try Workspace.open(place.source, access: .read, today: Self.today)
        let effects = DashboardEffects(
            workspace: reader, language: .en, folder: place.folder, recorder: "测试员", today: { Self.today })
        let answers = effects.run(.flag(itemId: "M02-2", note: "x", followUp: Self.today), asOf: Self.today)
        guard case .failed = answers.first else {
            Issue.record("expected a failure, got \(answers)")
            return
        }
        #expect(try reader.store.flags().isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func theFirstFrameReadsTheDigestWhenItIsCurrent(_ kind: StoreKind) throws {
        let place = try kind.place()
        let writer = try Workspace.open(place.source, access: .write, today: Self.today)
        try DemoStore.load(into: writer.store, plan: writer.plan, today: Self.today)
        let first = try DashboardEffects.firstLoad(place.source, access: .browse, asOf: Self.today)
        let every = try DashboardEffects.firstLoad(place.source, access: .browse, asOf: Self.today, everyEntry: true)
        // Both stores keep the digest with the demo's writes: the first frame reads it.
        #expect(!first.complete)
        #expect(every.complete)
        // The same verdicts either way.
        for target in writer.plan.allTargets {
            #expect(
                first.data.evaluation.target(target.id)?.status == every.data.evaluation.target(target.id)?.status)
        }
    }
}
