import Foundation
import RenewalModel
import Testing

@testable import RenewalReports
@testable import RenewalStore

/// `renewal show` reads only the shown items' entries (issue 14): every measure's and target's
/// page must be what it is when every entry is read, corrections (even one filed under another
/// item) and flags included.
@Suite("Show reads only its items")
struct ShowOnlyItemsTests {
    @Test(arguments: [Language.zh, .en])
    func everyPageIsTheSameFromItsOwnEntries(_ language: Language) throws {
        let plan = try PlanLoader.embedded()
        let store = try DemoStore.create(plan: plan, today: Day("2026-11-30")!)
        // A correction filed under another item, naming an entry of M04-1.
        let wrong = try #require(try store.entries(for: ["M04-1"]).last { $0.value != nil })
        try store.append(
            NewEntry(
                itemId: "M06-2", date: wrong.date, value: 1, recordedBy: "test",
                recordedAt: "2026-11-30T10:00:00+08:00",
                corrects: wrong.id, reason: "filed under the wrong item"))
        let asOf = Day("2026-11-30")!
        let every = try store.entries()
        let flags = try store.flags(includeCleared: true).open(on: asOf)
        func context(_ entries: [ProgressEntry]) -> ReportContext {
            let evaluation = StatusEngine(plan: plan).evaluate(entries: entries, flags: flags, asOf: asOf)
            return ReportContext(
                plan: plan, evaluation: evaluation, language: language, entries: entries, flags: flags, isSample: true)
        }
        let full = context(every)
        var compared = 0
        for measure in plan.measures {
            let own = try store.entries(judging: MeasureReport.items(number: measure.number, plan: plan))
            let whole = try #require(MeasureReport(context: full, number: measure.number))
            let part = try #require(MeasureReport(context: context(own), number: measure.number))
            #expect(part.text() == whole.text(), "measure \(measure.number)")
            #expect(try JSONText.encode(part) == JSONText.encode(whole), "measure \(measure.number)")
            compared += 1
        }
        for target in plan.allTargets {
            let own = try store.entries(judging: [target.id])
            let whole = try #require(TargetReport(context: full, targetId: target.id))
            let part = try #require(TargetReport(context: context(own), targetId: target.id))
            #expect(part.text() == whole.text(), "target \(target.id)")
            #expect(try JSONText.encode(part) == JSONText.encode(whole), "target \(target.id)")
            compared += 1
        }
        #expect(compared == plan.measures.count + plan.allTargets.count)
        // The correction filed elsewhere is read with M04-1, so the entry it names no longer
        // counts; read without it, the verdict would stand on the corrected figure.
        let read = try store.entries(judging: ["M04-1"])
        #expect(read.contains { $0.corrects == wrong.id })
        let judged = context(read).evaluation.target("M04-1")
        #expect(judged == full.evaluation.target("M04-1"))
        #expect(judged?.actualDate != wrong.date || judged?.actual != wrong.value)
        let withoutIt = context(try store.entries(for: ["M04-1"])).evaluation.target("M04-1")
        #expect(withoutIt?.actual == wrong.value && withoutIt?.actualDate == wrong.date)
    }
}
