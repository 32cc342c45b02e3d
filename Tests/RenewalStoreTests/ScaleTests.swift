import Foundation
import GRDB
import RenewalModel
import Testing

@testable import RenewalStore

/// What the province-scale work changed: plans numbered their own way, indexed lookups, entries
/// read without their text, and the entry's shared text box.
@Suite("Plans and entries at scale")
struct ScaleTests {
    let plan: Plan

    init() throws {
        plan = try PlanLoader.embedded()
    }

    /// The same plan with its programmes and measures numbered from `offset` on.
    func renumbered(by offset: Int, programmes: [Programme]? = nil) -> Plan {
        let moved = (programmes ?? plan.programmes).map { programme in
            Programme(
                number: programme.number + offset, key: programme.key, title: programme.title,
                titleEn: programme.titleEn,
                measures: programme.measures.map { measure in
                    let number = measure.number + offset
                    return Measure(
                        number: number, title: measure.title, titleEn: measure.titleEn, text: measure.text,
                        leadUnits: measure.leadUnits, responsibleUnits: measure.responsibleUnits,
                        targets: measure.targets.map { target in
                            var copy = target
                            copy.id = Measure.itemId(number) + target.id.dropFirst(measure.itemId.count)
                            return copy
                        })
                })
        }
        let overall = plan.overallTargets.map { target in
            var copy = target
            copy.relatedMeasures = target.relatedMeasures?.map { $0 + offset }
            return copy
        }
        return Plan(
            title: plan.title, titleEn: plan.titleEn, startDate: plan.startDate, endDate: plan.endDate,
            units: plan.units,
            overallTargets: overall, programmes: moved)
    }

    @Test func aPlanMayNumberItsOwnSectionsAndMeasures() {
        #expect(renumbered(by: 100).problems().map(\.en) == [])
    }

    @Test func numbersOutOfOrderOrRepeatedAreProblems() {
        let swapped = [plan.programmes[1], plan.programmes[0]] + plan.programmes.dropFirst(2)
        let problems = renumbered(by: 0, programmes: swapped).problems().map(\.en)
        #expect(
            problems.contains("programme numbers must be positive, once each, in order; found 2 after 3"), "\(problems)"
        )
        #expect(
            problems.contains { $0.hasPrefix("measure numbers must be positive, once each, in order; found ") },
            "\(problems)")
        #expect(
            renumbered(by: -1).problems().map(\.en).contains(
                "measure numbers must be positive, once each, in order; found 0"))
    }

    @Test func indexedLookupsAgreeWithAScanOfThePlan() {
        for target in plan.allTargets {
            #expect(plan.target(id: target.id) == target)
            #expect(
                plan.measure(containingTarget: target.id)?.number
                    == plan.measures.first { $0.targets.contains(target) }?.number)
        }
        for target in plan.allTargets {
            #expect(plan.leadUnits(forItem: target.id) == plan.leadUnits(forTarget: target.id))
        }
        for measure in plan.measures {
            #expect(plan.measure(itemId: measure.itemId) == measure)
            #expect(plan.leadUnits(forItem: measure.itemId) == measure.leadUnits)
            #expect(plan.measure(number: measure.number) == measure)
            #expect(plan.programme(containing: measure.number)?.measures.contains(measure) == true)
        }
        for unit in plan.units {
            #expect(plan.unit(named: unit.name) == unit)
            #expect(plan.unit(named: unit.short) == unit)
            #expect(plan.unit(named: unit.id) == unit)
        }
        #expect(plan.target(id: "M99-9") == nil)
        #expect(plan.measure(number: 35) == nil)
        #expect(plan.measure(itemId: "M35") == nil && plan.leadUnits(forItem: "M35").isEmpty)
        #expect(plan.unit(named: "不存在的局") == nil)
    }

    @Test func aPlanSurvivesAnEncodeAndDecode() throws {
        let data = try JSONEncoder().encode(plan)
        #expect(try Plan.decode(json: data) == plan)
    }

    @Test func entriesReadForJudgingAreTheCompleteOnesWithoutText() throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        var first = NewEntry.sample("M05-1", "2025-11-30", nil)
        first.milestone = .done
        first.progress = "烘干体系建成"
        first.reportingUnit = "市农业农村局"
        try temp.store.append(first)
        try temp.store.append(.sample("M02-1", "2025-06-30", 12.5))
        var baseline = NewEntry.sample("G27-3", "2023-12-31", 1000)
        baseline.baselineYear = 2023
        try temp.store.append(baseline)
        var correction = NewEntry.sample("M02-1", "2025-06-30", 13)
        correction.corrects = "2"
        correction.reason = "笔误"
        try temp.store.append(correction)

        let complete = try temp.store.entries()
        let judging = try temp.store.entries(detail: .judging)
        #expect(complete.count == 4)
        #expect(complete[0].progress == "烘干体系建成" && complete[0].reportingUnit == "市农业农村局")
        #expect(complete[3].reason == "笔误" && complete[3].recordedBy == "test")
        let stripped = complete.map {
            ProgressEntry(
                id: $0.id, itemId: $0.itemId, date: $0.date, value: $0.value, milestone: $0.milestone,
                corrects: $0.corrects, baselineYear: $0.baselineYear, hasProgress: $0.hasProgress)
        }
        #expect(judging == stripped)
        #expect(judging.allSatisfy { $0.progress.isEmpty && $0.recordedBy == nil && $0.reason == nil })
    }

    @Test func aDateEditedByHandIsReadAsDayOneRatherThanACrash() throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        try temp.store.append(.sample("M02-1", "2025-06-30", 1))
        try temp.store.append(.sample("M02-1", "2025-07-31", 2))
        // The append-only trigger guards against updates; a hand edit drops it first.
        try temp.store.pool.write { db in
            try db.execute(
                sql:
                    "DROP TRIGGER entry_no_update; UPDATE entry SET date = '2025/8/1' WHERE id = 1; "
                    + "UPDATE entry SET date = 'soon' WHERE id = 2"
            )
        }
        for detail in [EntryDetail.full, .judging] {
            let dates = try temp.store.entries(detail: detail).map(\.date)
            #expect(dates == [Day("2025-08-01")!, Day(ordinal: -719162)])
        }
    }

    @Test func isoBytesParseOnlyExactDates() {
        func parse(_ text: String) -> Day? {
            var copy = text
            return copy.withUTF8 { Day(isoBytes: $0) }
        }
        #expect(parse("2026-11-29") == Day(year: 2026, month: 11, day: 29))
        #expect(parse("2026-02-30") == nil)
        #expect(parse("2026/11/29") == nil)
        #expect(parse("2026-1-29") == nil)
        #expect(parse("") == nil)
        #expect(parse("２０２６-11-29") == nil)
    }

    @Test func anEntrysTextIsCopiedOnWrite() {
        let original = ProgressEntry(
            id: "1", itemId: "M02-1", date: Day("2025-06-30")!, value: 1, progress: "进展", recordedBy: "张三")
        var copy = original
        copy.progress = "改过"
        copy.reason = "核实"
        #expect(original.progress == "进展" && original.reason == nil)
        #expect(copy.progress == "改过" && copy.recordedBy == "张三" && copy.reason == "核实")
        #expect(copy != original)
        var emptied = original
        emptied.progress = ""
        emptied.recordedBy = nil
        #expect(emptied == ProgressEntry(id: "1", itemId: "M02-1", date: Day("2025-06-30")!, value: 1))
    }

    @Test func anEntryEncodesAsBefore() throws {
        let entry = ProgressEntry(
            id: "7", itemId: "M02-1", date: Day("2025-06-30")!, value: 3, progress: "进展", recordedBy: "李四")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(entry), as: UTF8.self)
        #expect(
            json
                == #"{"date":"2025-06-30","id":"7","itemId":"M02-1","nextSteps":"","problems":"","progress":"进展","#
                + #""recordedBy":"李四","value":3}"#
        )
        #expect(try JSONDecoder().decode(ProgressEntry.self, from: Data(json.utf8)) == entry)
    }
}
