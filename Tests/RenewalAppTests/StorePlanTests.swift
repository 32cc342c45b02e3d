import Foundation
import PostgresTestSupport
import RenewalApp
import RenewalModel
import RenewalStore
import Testing

/// Issue 24, item 4: a store keeps which plan its entries belong to (fingerprint, 文号, title)
/// and refuses to judge them against another plan without saying so; a revised file of the
/// same plan is used and said so; `adoptPlan` makes a store follow the plan in use.
@Suite("A store follows one plan")
struct StorePlanTests {
    static let today = Day("2026-12-06")!
    static let zhangqiu = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "Data/examples/plans/zhangqiu-shape.json").path

    func entry(_ itemId: String, _ value: Double) -> NewEntry {
        NewEntry(
            itemId: itemId, date: Day("2026-11-30")!, value: value, progress: "", reportingUnit: nil,
            recordedBy: "测试", recordedAt: "2026-12-06T10:00:00+08:00", origin: "record")
    }

    /// The same plan text with one goal changed: another file of the same document.
    func revisedPlan(in folder: String) throws -> String {
        let text = try String(contentsOfFile: Self.zhangqiu, encoding: .utf8)
        let revised = text.replacingOccurrences(of: "\"value\": 28000", with: "\"value\": 29000")
        #expect(revised != text)
        let path = folder + "/zhangqiu-revised.json"
        try revised.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: StoreKind.allCases)
    func theFirstWriteRecordsThePlanAndAnotherPlanIsRefused(_ kind: StoreKind) throws {
        let place = try kind.place()
        var zhangqiu = place.source
        zhangqiu.planPath = Self.zhangqiu
        let writer = try Workspace.open(zhangqiu, access: .write, today: Self.today)
        let recorded = try #require(try writer.store.recordedPlan())
        #expect(recorded.documentNumber == "章政发〔2024〕2号" && recorded.fingerprint == writer.planFingerprint)
        #expect(recorded.title.hasPrefix("济南市章丘区"))
        try writer.store.append(entry("ZQ-4", 20000))

        // Linqing's built-in plan, to read or to write: refused, naming both plans and the way on.
        for access in [StoreAccess.read, .write] {
            #expect {
                _ = try Workspace.open(place.source, access: access, today: Self.today)
            } throws: { error in
                let phrase = AppError.phrase(for: error)
                return phrase.zh.contains("章政发〔2024〕2号") && phrase.zh.contains("《临清市")
                    && phrase.zh.contains("renewal store plan --adopt") && phrase.en.contains("another plan")
            }
        }
        // Nothing changed by the refusals.
        let again = try Workspace.open(zhangqiu, access: .read, today: Self.today)
        #expect(try again.store.entryCount() == 1 && again.planNote == nil)
        #expect(try again.store.recordedPlan() == recorded)

        // Adopting: the store follows Linqing's plan from now on; the earlier record is kept.
        let adopted = try Workspace.open(
            place.source, plan: try place.source.loadPlan(), access: .write, today: Self.today, adoptPlan: true)
        #expect(try adopted.store.recordedPlan()?.fingerprint == adopted.planFingerprint)
        #expect(throws: (any Error).self) { _ = try Workspace.open(zhangqiu, access: .read, today: Self.today) }
    }

    @Test(arguments: StoreKind.allCases)
    func aRevisedFileOfTheSamePlanIsUsedAndSaidSo(_ kind: StoreKind) throws {
        let place = try kind.place()
        var original = place.source
        original.planPath = Self.zhangqiu
        _ = try Workspace.open(original, access: .write, today: Self.today)
        var revised = place.source
        revised.planPath = try revisedPlan(in: place.folder)
        let reader = try Workspace.open(revised, access: .read, today: Self.today)
        let note = try #require(reader.planNote)
        #expect(note.zh.contains("另一版本") && note.en.contains("another file"))
        #expect(try reader.store.recordedPlan()?.fingerprint != reader.planFingerprint, "a reader records nothing")
        // A writer records the revision; then neither says anything more.
        let writer = try Workspace.open(revised, access: .write, today: Self.today)
        #expect(writer.planNote != nil)
        #expect(try writer.store.recordedPlan()?.fingerprint == writer.planFingerprint)
        #expect(try Workspace.open(revised, access: .read, today: Self.today).planNote == nil)
        #expect(try Workspace.open(original, access: .read, today: Self.today).planNote != nil)
    }

    @Test func relationsBetweenPlans() {
        let a = StorePlan(fingerprint: "a", documentNumber: "章政发〔2024〕2号", title: "T")
        #expect(a.relation(to: a) == .same)
        #expect(a.relation(to: StorePlan(fingerprint: "b", documentNumber: "章政发〔2024〕2号", title: "T2")) == .revised)
        #expect(a.relation(to: StorePlan(fingerprint: "b", documentNumber: "临政发〔2024〕8号", title: "T")) == .other)
        // Format 1 files give no 文号: the title decides.
        #expect(a.relation(to: StorePlan(fingerprint: "b", documentNumber: nil, title: "T")) == .revised)
        #expect(a.relation(to: StorePlan(fingerprint: "b", documentNumber: nil, title: "U")) == .other)
    }

    @Test func aCopyFollowsThePlanItsSourceFollowed() throws {
        let from = try StoreKind.sqlite.place()
        var source = from.source
        source.planPath = Self.zhangqiu
        let writer = try Workspace.open(source, access: .write, today: Self.today)
        try writer.store.append(entry("ZQ-4", 20000))
        let to = try StoreKind.postgres.place()
        _ = try StoreCopy.run(from: source, to: to.source)
        var target = to.source
        target.planPath = Self.zhangqiu
        let copied = try Workspace.open(target, access: .read, today: Self.today)
        #expect(try copied.store.recordedPlan()?.fingerprint == writer.planFingerprint)
        #expect(throws: (any Error).self) { _ = try Workspace.open(to.source, access: .read, today: Self.today) }
    }
}
