import RenewalModel
import Testing

@testable import RenewalReports
@testable import RenewalStore

/// The pieces of presentation the dashboard and the reports share, tested once here.
@Suite("Shared presentation")
struct PresentationTests {
    static func item(_ id: String, _ status: Status, lag: Double? = nil, deadline: String? = nil) -> TargetEvaluation {
        TargetEvaluation(targetId: id, status: status, lag: lag, deadline: deadline.flatMap { Day($0) })
    }

    @Test func lateItemsGoWorstThenLargerLagThenEarlierDeadlineThenId() {
        let items = [
            Self.item("B", .behind, lag: 12, deadline: "2027-12-31"),
            Self.item("A", .behind, lag: 12, deadline: "2027-12-31"),
            Self.item("C", .behind, lag: 12, deadline: "2026-12-31"),
            Self.item("D", .behind, lag: 20, deadline: "2027-12-31"),
            Self.item("E", .overdue, deadline: "2025-12-31"),
            Self.item("F", .dueSoon, deadline: "2026-12-20"),
        ]
        #expect(items.sorted(by: Ordering.worstFirst).map(\.targetId) == ["E", "D", "C", "A", "B", "F"])
    }

    @Test(arguments: 1...40)
    func barSegmentsFillTheWidthExactly(_ width: Int) {
        let counts = StatusCounts([.done, .done, .overdue, .noReport, .behind, .onTrack, .severelyBehind, .dueSoon])
        let segments = StatusBar.segments(counts, width: width)
        #expect(segments.map(\.cells).reduce(0, +) == width)
        #expect(segments.allSatisfy { $0.cells > 0 })
        #expect(segments.map(\.status) == segments.map(\.status).sorted(), "best first")
        if width >= 7 { #expect(segments.count == 7, "every status present shows once there is room") }
    }

    @Test func barSegmentsAreProportionalAndEveryPresentStatusShows() {
        let counts = StatusCounts(Array(repeating: .done, count: 18) + [.overdue, .behind])
        let segments = StatusBar.segments(counts, width: 20)
        #expect(segments.map(\.status) == [.done, .behind, .overdue])
        #expect(segments.map(\.cells) == [18, 1, 1])
        #expect(StatusBar.segments(StatusCounts(), width: 10).isEmpty)
    }

    @Test func labelsAndHeadingsInBothLanguages() throws {
        #expect(MilestoneState.done.label(.zh) == "完成" && MilestoneState.inProgress.label(.zh) == "推进中")
        #expect(MilestoneState.done.label(.en) == "done" && MilestoneState.inProgress.label(.en) == "in progress")
        let plan = try TestPlanData.plan()
        let programme = try #require(plan.programmes.first { $0.number == 2 })
        #expect(programme.heading(.zh) == "二、工业技改提升工程")
        #expect(programme.heading(.en).hasPrefix("2. "))
        let measure = try #require(plan.measure(number: 2))
        #expect(measure.heading(.zh).hasPrefix("（二）"))
        #expect(measure.heading(.en).hasPrefix("2. "))
        let unit = try #require(plan.units.first { $0.short != $0.name })
        #expect(plan.unitName(unit.name, .zh) == unit.name)
        #expect(plan.unitName(unit.name, .zh, short: true) == unit.short)
        #expect(plan.unitName(unit.name, .en) == unit.nameEn)
        #expect(plan.unitName("不存在的单位", .en) == "不存在的单位", "an unknown name is shown as given")
    }
}

/// The real plan, as the reports see it.
enum TestPlanData {
    static func plan() throws -> Plan { try PlanLoader.embedded() }
}
