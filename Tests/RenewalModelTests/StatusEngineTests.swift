import Foundation
import Testing

@testable import RenewalModel

private typealias T = TestPlan

/// Rule 1: each comparator, met and not met, at its boundary.
@Suite("Comparators")
struct ComparatorTests {
    let engine = StatusEngine(plan: TestPlan.with([]))

    @Test func atLeastIncludesTheValue() {
        #expect(engine.meets(50, goal: 50, comparator: .atLeast))
        #expect(!engine.meets(49.99, goal: 50, comparator: .atLeast))
    }

    @Test func moreThanExcludesTheValue() {
        #expect(!engine.meets(95, goal: 95, comparator: .moreThan))
        #expect(engine.meets(95.01, goal: 95, comparator: .moreThan))
    }

    @Test func atMostIncludesTheValue() {
        #expect(engine.meets(10, goal: 10, comparator: .atMost))
        #expect(!engine.meets(10.01, goal: 10, comparator: .atMost))
    }

    @Test func aboutAcceptsFivePercentBelowAndAnythingAbove() {
        #expect(engine.meets(190, goal: 200, comparator: .about))
        #expect(!engine.meets(189.9, goal: 200, comparator: .about))
        #expect(engine.meets(230, goal: 200, comparator: .about))
    }

    @Test func reachAndAllIncludeTheValue() {
        #expect(engine.meets(6000, goal: 6000, comparator: .reach))
        #expect(!engine.meets(5999, goal: 6000, comparator: .reach))
        #expect(engine.meets(100, goal: 100, comparator: .all))
        #expect(!engine.meets(99.9, goal: 100, comparator: .all))
    }

    @Test func aboutToleranceComesFromTheRules() {
        let loose = StatusEngine(plan: TestPlan.with([]), rules: StatusRules(aboutTolerance: 0.10))
        #expect(loose.meets(181, goal: 200, comparator: .about))
        #expect(!engine.meets(181, goal: 200, comparator: .about))
    }

    @Test func aMoreThanTargetIsNotDoneAtExactlyItsValue() {
        let target = T.quantitative(">", .moreThan, 95, reading: .level)
        #expect(T.judge(target, [T.entry(">", "2025-06-30", 95)], asOf: "2025-07-01").status != .done)
        #expect(T.judge(target, [T.entry(">", "2025-06-30", 95.5)], asOf: "2025-07-01").status == .done)
    }
}

/// Rules 1–8 for cumulative and level targets on a straight line from the start to the deadline.
@Suite("Trajectory targets")
struct TrajectoryTests {
    // 2024-01-01 to 2024-06-30 is 181 days, to 2024-12-28 twice that: the path is read at the end
    // of the last due period, and as of 2024-07-11 (June's return missing from today) that is
    // exactly half-way.
    static let window = (start: "2024-01-01", deadline: "2024-12-28")

    func judge(
        _ value: Double?, asOf: String = "2024-07-11", on date: String = "2024-06-30",
        comparator: GoalComparator = .atLeast
    ) -> TargetEvaluation {
        let target = T.quantitative("M01-1", comparator, 100, deadline: Self.window.deadline)
        let entries = value.map { [T.entry("M01-1", date, $0)] } ?? []
        return T.judge(target, entries, asOf: asOf, start: Self.window.start)
    }

    @Test func theReturnDayIsInTimeTheNextDayItIsDue() {
        // June's return is due by 10 July, that day included: on the 10th the path is still read
        // at the end of May, and nothing of June is missing; from the 11th it is June's end.
        #expect(judge(45, asOf: "2024-07-10").expectedOn == T.day("2024-05-31"))
        #expect(judge(45, asOf: "2024-07-11").expectedOn == T.day("2024-06-30"))
        #expect(judge(nil, asOf: "2024-07-10").status == .noReport)
        let late = T.quantitative("M01-1", .atLeast, 100, deadline: Self.window.deadline)
        let may = [T.entry("M01-1", "2024-05-31", 40)]
        #expect(T.judge(late, may, asOf: "2024-07-10", start: Self.window.start).markers.isEmpty)
        #expect(
            T.judge(late, may, asOf: "2024-07-11", start: Self.window.start).markers == [.noCurrentReport])
    }

    @Test func lagOfExactlyTenPointsIsOnTrack() {
        let result = judge(40)
        #expect(abs((result.lag ?? 0) - 10) < 1e-6)
        #expect(result.status == .onTrack)
    }

    @Test func lagJustOverTenPointsIsBehind() {
        #expect(judge(39.9).status == .behind)
    }

    @Test func lagOfExactlyThirtyPointsIsBehind() {
        #expect(judge(20).status == .behind)
    }

    @Test func lagJustOverThirtyPointsIsSeverelyBehind() {
        #expect(judge(19.9).status == .severelyBehind)
    }

    @Test func aheadOfScheduleIsOnTrackWithNegativeLag() {
        let result = judge(80)
        #expect(result.status == .onTrack)
        #expect((result.lag ?? 0) < 0)
        #expect(abs((result.expected ?? 0) - 50) < 1e-9)
    }

    @Test func metIsDoneBeforeAnythingElse() {
        #expect(judge(100).status == .done)
        #expect(judge(120).status == .done)
    }

    @Test func onTheDeadlineDayItIsDueSoonNotYetOverdue() {
        let result = judge(96, asOf: Self.window.deadline, on: "2024-11-30")
        #expect(result.status == .dueSoon)
        // A lag past the thresholds still says how far behind.
        #expect(judge(50, asOf: Self.window.deadline, on: "2024-11-30").status == .severelyBehind)
    }

    /// Rule 3 (DESIGN §4 v3): with the deadline period's figure in, overdue the day after the
    /// deadline; without it the final return is awaited, the deadline day's verdict kept with
    /// 待报终值, until the return is missing (the 11th of the next month).
    @Test func afterTheDeadlineTheFinalReturnIsAwaitedThenItIsOverdue() {
        let final = judge(96, asOf: "2024-12-29", on: "2024-12-28")
        #expect(final.status == .overdue)
        #expect(!final.markers.contains(.awaitingFinal))
        for day in ["2024-12-29", "2025-01-01", "2025-01-10"] {
            let awaited = judge(96, asOf: day, on: "2024-11-30")
            #expect(awaited.status == .dueSoon, "\(day)")
            #expect(awaited.markers == [.awaitingFinal], "\(day)")
            // Never better than on the deadline day: a severe lag stays one.
            #expect(judge(50, asOf: day, on: "2024-11-30").status == .severelyBehind, "\(day)")
            #expect(judge(nil, asOf: day).markers.contains(.awaitingFinal), "\(day)")
        }
        for value in [96.0, 50] {
            let due = judge(value, asOf: "2025-01-11", on: "2024-11-30")
            #expect(due.status == .overdue)
            #expect(due.markers.isEmpty || !due.markers.contains(.awaitingFinal))
        }
        #expect(judge(nil, asOf: "2025-01-11").status == .overdue)
        // Met late, after the deadline, whenever it comes: 逾期完成 with no marker.
        let met = T.quantitative("M01-1", .atLeast, 100, deadline: Self.window.deadline)
        let late = T.judge(met, [T.entry("M01-1", "2025-01-05", 100)], asOf: "2025-01-06", start: Self.window.start)
        #expect(late.status == .doneLate)
        #expect(late.markers.isEmpty)
    }

    /// Rule 5: a figure three or more periods old is too old to judge by (未报送, 数据陈旧); two
    /// periods old it keeps its verdict, marked 数据陈旧; rules 1 and 3 still win.
    @Test func aFigureThreePeriodsOldIsTooOldToJudgeBy() {
        // As of 2024-09-11 the last due period is August: June is two periods back; as of
        // 2024-10-11 (September due) three.
        let kept = judge(45, asOf: "2024-09-11")
        #expect(kept.status != .noReport)
        #expect(kept.markers == [.stale])
        let old = judge(45, asOf: "2024-10-10")
        #expect(old.status != .noReport)
        let tooOld = judge(45, asOf: "2024-10-11")
        #expect(tooOld.status == .noReport)
        #expect(tooOld.markers == [.stale])
        #expect(judge(100, asOf: "2024-10-11").status == .done)
    }

    /// A level (a rate, a share, a stock) starts where it stood: without a baseline it is
    /// 基数缺失, never judged from 0 (DESIGN §4); met, it is done all the same.
    @Test func aLevelWithoutABaselineIsBaselineMissing() {
        let level = T.quantitative("M01-1", .atLeast, 77, reading: .level, deadline: "2027-12-31")
        let figure = T.entry("M01-1", "2025-06-30", 66.5)
        #expect(T.judge(level, [figure], asOf: "2025-07-11").status == .baselineMissing)
        #expect(T.judge(level, [], asOf: "2025-07-11").status == .baselineMissing)
        let base = T.entry("M01-1", "2023-12-31", 62, baselineYear: 2023)
        #expect(T.judge(level, [base, figure], asOf: "2025-07-11").status != .baselineMissing)
        #expect(T.judge(level, [T.entry("M01-1", "2025-06-30", 78)], asOf: "2025-07-11").status == .done)
    }

    @Test func nothingReportedIsNoReport() {
        #expect(judge(nil).status == .noReport)
    }

    @Test func beforeTheStartItIsNotStarted() {
        let target = T.quantitative(deadline: "2025-12-31")
        #expect(T.judge(target, [], asOf: "2024-03-31", start: "2024-04-08").status == .notStarted)
    }

    @Test func metAfterTheDeadlineIsDoneLate() {
        let target = T.quantitative(deadline: "2025-12-31")
        let entries = [T.entry("M01-1", "2025-12-31", 90), T.entry("M01-1", "2026-02-28", 101)]
        #expect(T.judge(target, entries, asOf: "2026-03-01").status == .doneLate)
    }

    @Test func metOnTheDeadlineDayIsDone() {
        let target = T.quantitative(deadline: "2025-12-31")
        #expect(T.judge(target, [T.entry("M01-1", "2025-12-31", 100)], asOf: "2026-03-01").status == .done)
    }

    @Test func entriesAfterTheAsOfDateAreIgnored() {
        let target = T.quantitative(deadline: "2025-12-31")
        let entries = [T.entry("M01-1", "2025-06-30", 100)]
        #expect(T.judge(target, entries, asOf: "2025-06-29").status == .noReport)
        #expect(T.judge(target, entries, asOf: "2025-06-30").status == .done)
    }

    @Test func theLatestEntryCounts() {
        let target = T.quantitative(deadline: Self.window.deadline)
        let entries = [T.entry("M01-1", "2024-06-02", 100), T.entry("M01-1", "2024-06-30", 45)]
        let result = T.judge(target, entries, asOf: "2024-07-11", start: Self.window.start)
        #expect(result.actual == 45)
        #expect(result.status == .onTrack)
    }

    @Test func aLevelTargetStartsFromItsBaselineWhenOneIsEntered() {
        // Mechanisation 90% at the start, 94% due: 92% half-way is exactly on schedule.
        let target = T.quantitative("M01-1", .atLeast, 94, reading: .level, deadline: Self.window.deadline)
        let entries = [T.entry("M01-1", "2023-12-31", 90, baselineYear: 2023), T.entry("M01-1", "2024-06-30", 92)]
        let result = T.judge(target, entries, asOf: "2024-07-11", start: Self.window.start)
        #expect(result.baseline == 90)
        #expect(abs((result.progress ?? 0) - 0.5) < 1e-9)
        #expect(abs(result.lag ?? 99) < 1e-9)
    }

    @Test func anAtMostTargetProgressesDownward() {
        // From 100 down to at most 60: 80 half-way is on schedule; 95 is severely behind.
        let target = T.quantitative("M01-1", .atMost, 60, reading: .level, deadline: Self.window.deadline)
        let base = T.entry("M01-1", "2023-12-31", 100, baselineYear: 2023)
        func judged(_ value: Double) -> Status {
            T.judge(
                target, [base, T.entry("M01-1", "2024-06-30", value)], asOf: "2024-07-11", start: Self.window.start
            ).status
        }
        #expect(judged(80) == .onTrack)
        #expect(judged(95) == .severelyBehind)
        #expect(judged(60) == .done)
    }

    @Test func thresholdsComeFromTheRules() {
        let strict = StatusRules(onTrackMaxLag: 5, behindMaxLag: 20)
        let plan = T.with([T.quantitative(deadline: Self.window.deadline)], start: Self.window.start)
        let result = StatusEngine(plan: plan, rules: strict)
            .evaluate(entries: [T.entry("M01-1", "2024-06-30", 40)], asOf: T.day("2024-07-11"))
        #expect(result.target("M01-1")?.status == .behind)
    }
}

/// Year-to-date figures: annual (每年) targets judged year by year, and one-year targets.
@Suite("Year-to-date and annual targets")
struct AnnualTests {
    let annual = T.quantitative("M01-1", .atLeast, 150, reading: .yearToDate, deadline: nil, recurrence: .annual)

    /// A past year's miss is history (DESIGN §4 v3): shown year by year, never the status of
    /// the year being judged.
    @Test func eachYearIsJudgedAndAPastMissIsHistory() {
        let entries = [
            T.entry("M01-1", "2024-12-31", 160),
            T.entry("M01-1", "2025-12-31", 100),
            T.entry("M01-1", "2026-06-30", 70),
        ]
        let result = T.judge(annual, entries, asOf: "2026-07-01")
        #expect(result.years.map(\.status) == [.done, .overdue, .onTrack])
        #expect(result.status == .onTrack)
        #expect(result.year == 2026)
        #expect(result.deadline == T.day("2026-12-31"))
        // In the January window the year just ended is the one judged: its miss is the status.
        let january = T.judge(annual, entries, asOf: "2026-01-20")
        #expect(january.year == 2025)
        #expect(january.status == .overdue)
    }

    @Test func whenEveryPastYearMetTheCurrentYearDecides() {
        let entries = [
            T.entry("M01-1", "2024-12-31", 160), T.entry("M01-1", "2025-11-30", 151),
            T.entry("M01-1", "2026-06-30", 20),
        ]
        // As of 2026-07-11 June's return is missing if not in: the year's pace is read on 2026-06-30.
        let result = T.judge(annual, entries, asOf: "2026-07-11")
        #expect(result.years.map(\.status) == [.done, .done, .severelyBehind])
        #expect(result.status == .severelyBehind)
        #expect(result.year == 2026)
    }

    @Test func aYearWithNothingReportedIsOverdueOnceItEnds() {
        let result = T.judge(annual, [T.entry("M01-1", "2025-03-31", 40)], asOf: "2025-04-01")
        #expect(result.years.map(\.status) == [.overdue, .onTrack])
    }

    @Test func theNewYearIsJudgedOnceJanuarysReturnIsDue() {
        let entries = [T.entry("M01-1", "2024-12-31", 160), T.entry("M01-1", "2025-12-31", 150)]
        // Until 10 February the year just ended decides; the new year is never 未报送 in January.
        let january = T.judge(annual, entries, asOf: "2026-02-10")
        #expect(january.years.map(\.status) == [.done, .done])
        #expect(january.status == .done)
        let result = T.judge(annual, entries, asOf: "2026-02-11")
        #expect(result.years.map(\.status) == [.done, .done, .noReport])
        #expect(result.status == .noReport)
    }

    @Test func theYearsPaceIsTheShareOfTheYearToTheLastDuePeriod() {
        // As of 2025-07-11 the last due period is June: 2025-06-30 is day 181 of 365.
        let result = T.judge(annual, [T.entry("M01-1", "2025-06-30", 75)], asOf: "2025-07-11", start: "2025-01-01")
        #expect(abs((result.expected ?? 0) - 150 * 181 / 365) < 1e-9)
        #expect(result.expectedOn == T.day("2025-06-30"))
        #expect(result.status == .onTrack)
    }

    @Test func annualTargetsStopAtThePlansEnd() {
        let result = T.judge(annual, [], asOf: "2029-06-01")
        #expect(result.years.map { $0.year ?? 0 } == [2024, 2025, 2026, 2027])
    }

    @Test func aOneYearTargetIsJudgedOnItsDeadlineYearsFigure() {
        // 装备制造业营业收入达到200亿元左右 by 2025: the 2025 figure decides.
        let target = T.quantitative("M01-1", .about, 200, reading: .yearToDate, deadline: "2025-12-31")
        let entries = [T.entry("M01-1", "2024-12-31", 210), T.entry("M01-1", "2025-12-31", 191)]
        #expect(T.judge(target, entries, asOf: "2026-01-10").status == .done)
        #expect(
            T.judge(
                target, [T.entry("M01-1", "2024-12-31", 210), T.entry("M01-1", "2025-12-31", 189)],
                asOf: "2026-01-10"
            ).status == .overdue)
        // A good 2024 is not done: the goal is for 2025.
        #expect(T.judge(target, [T.entry("M01-1", "2024-12-31", 210)], asOf: "2024-12-31").status == .onTrack)
    }
}

/// Targets relative to a baseline year (较2023年增长45%).
@Suite("Baseline-relative targets")
struct RelativeTests {
    let target = T.quantitative("G27-7", .reach, 45, reading: .yearToDate, deadline: "2027-12-31", baselineYear: 2023)
    var base: ProgressEntry { T.entry("G27-7", "2023-12-31", 1000, baselineYear: 2023) }

    func judge(_ entries: [ProgressEntry], asOf: String) -> TargetEvaluation {
        let plan = T.with([], overall: [target])
        guard let result = T.evaluate(plan, entries, asOf: asOf).target("G27-7") else { fatalError() }
        return result
    }

    @Test func withoutTheBaselineItIsBaselineMissing() {
        #expect(judge([T.entry("G27-7", "2026-06-30", 600)], asOf: "2026-07-01").status == .baselineMissing)
    }

    @Test func withoutTheBaselineItIsBaselineMissingEvenWithoutReports() {
        // Rule 4 before rule 5: the missing figure is the task force's own to enter.
        #expect(judge([], asOf: "2026-07-01").status == .baselineMissing)
        #expect(judge([base], asOf: "2026-07-10").status == .noReport)
    }

    @Test func theGoalIsTheBaselineGrown() {
        let result = judge([base, T.entry("G27-7", "2027-12-31", 1450)], asOf: "2028-01-05")
        #expect(result.goal == 1450)
        #expect(result.status == .done)
        #expect(judge([base, T.entry("G27-7", "2027-12-31", 1449)], asOf: "2028-01-05").status == .overdue)
    }

    @Test func earlierYearsFollowTheCompoundPath() {
        // 2026 goal: 1000 × 1.45^(3/4) ≈ 1321.3; half a year in, 600 is about 45% of it.
        let result = judge([base, T.entry("G27-7", "2026-06-30", 600)], asOf: "2026-07-01")
        let yearGoal = 1000 * Foundation.pow(1.45, 0.75)
        #expect(abs((result.goal ?? 0) - yearGoal) < 1e-6)
        #expect(result.status == .onTrack)
        #expect(judge([base, T.entry("G27-7", "2026-06-30", 150)], asOf: "2026-07-01").status == .severelyBehind)
    }

    @Test func aboutADoublingIsMetWithinTolerance() {
        let double = T.quantitative(
            "G27-6", .about, 100, reading: .yearToDate, deadline: "2027-12-31", baselineYear: 2023)
        let plan = T.with([], overall: [double])
        let base = T.entry("G27-6", "2023-12-31", 500, baselineYear: 2023)
        let met = T.evaluate(plan, [base, T.entry("G27-6", "2027-12-31", 950)], asOf: "2028-01-02").target("G27-6")
        let missed = T.evaluate(plan, [base, T.entry("G27-6", "2027-12-31", 949)], asOf: "2028-01-02").target("G27-6")
        #expect(met?.status == .done)
        #expect(missed?.status == .overdue)
    }

    @Test func aCompoundLevelTargetUsesTheBaselinePath() {
        let level = T.quantitative("M01-1", .atLeast, 21, reading: .level, deadline: "2025-12-31", baselineYear: 2023)
        let entries = [T.entry("M01-1", "2023-12-31", 100, baselineYear: 2023), T.entry("M01-1", "2024-12-31", 110)]
        // Half-way (2024-12-31 of 2023-12-31…2025-12-31) the compound path stands at 110; it is
        // read there once December's return is due.
        let result = T.judge(level, entries, asOf: "2025-01-11")
        #expect(abs((result.expected ?? 0) - 110) < 0.1)
        #expect(result.status == .onTrack)
    }
}

/// Milestones with and without deadlines, and measures that only report narrative progress.
@Suite("Milestones")
struct MilestoneTests {
    @Test func doneByTheDeadlineIsDone() {
        let result = T.judge(T.milestone(), [T.entry("M01-1", "2025-12-31", milestone: .done)], asOf: "2026-01-05")
        #expect(result.status == .done)
    }

    @Test func doneAfterTheDeadlineIsDoneLate() {
        let result = T.judge(T.milestone(), [T.entry("M01-1", "2026-01-01", milestone: .done)], asOf: "2026-01-05")
        #expect(result.status == .doneLate)
    }

    @Test func inProgressBeforeTheDeadlineIsOnTrack() {
        let result = T.judge(
            T.milestone(), [T.entry("M01-1", "2025-05-31", milestone: .inProgress)], asOf: "2025-06-01")
        #expect(result.status == .onTrack)
    }

    @Test func notDoneAfterTheDeadlineIsOverdueOnceTheFinalReturnIsDue() {
        let november = [T.entry("M01-1", "2025-11-30", milestone: .inProgress)]
        let awaited = T.judge(T.milestone(), november, asOf: "2026-01-01")
        #expect(awaited.status == .dueSoon)
        #expect(awaited.markers == [.awaitingFinal])
        #expect(T.judge(T.milestone(), november, asOf: "2026-01-10").status == .dueSoon)
        #expect(T.judge(T.milestone(), november, asOf: "2026-01-11").status == .overdue)
        let december = [T.entry("M01-1", "2025-12-31", milestone: .inProgress)]
        #expect(T.judge(T.milestone(), december, asOf: "2026-01-01").status == .overdue)
        #expect(T.judge(T.milestone(), [], asOf: "2026-01-01").status == .noReport)
        #expect(T.judge(T.milestone(), [], asOf: "2026-01-11").status == .overdue)
    }

    @Test func nothingReportedIsNoReport() {
        #expect(T.judge(T.milestone(), [], asOf: "2025-01-01").status == .noReport)
    }

    @Test func aBlankNarrativeReportCountsAsNone() {
        let narrative = Measure(
            number: 2, title: "叙述措施", titleEn: "Narrative", text: "", leadUnits: ["市工业和信息化局"],
            responsibleUnits: [], targets: [])
        let plan = T.with([], extraMeasures: [narrative])
        let blank = T.entry("M02", "2025-05-31", milestone: .inProgress, progress: " 　")
        #expect(T.evaluate(plan, [blank], asOf: "2025-06-10").measure(2)?.status == .noReport)
        let written = T.entry("M02", "2025-05-31", milestone: .inProgress, progress: "完成设备摸排")
        #expect(T.evaluate(plan, [written], asOf: "2025-06-10").measure(2)?.status == .ongoing)
        // Read for judging without its text, the entry still knows it was blank.
        let lean = ProgressEntry(
            id: "1", itemId: "M02", date: T.day("2025-05-31"), value: nil, milestone: .inProgress,
            corrects: nil, baselineYear: nil, hasProgress: false)
        #expect(T.evaluate(plan, [lean], asOf: "2025-06-10").measure(2)?.status == .noReport)
    }

    @Test func withoutADeadlineItIsOngoingWhileTheLastDuePeriodHasAReport() {
        let undated = T.milestone(deadline: nil)
        let entries = [T.entry("M01-1", "2025-05-31", milestone: .inProgress)]
        #expect(T.judge(undated, entries, asOf: "2025-07-10").status == .ongoing)  // last due: May
        #expect(T.judge(undated, entries, asOf: "2025-07-11").status == .noReport)  // last due: June
    }

    @Test func aLaterReportWithdrawingDoneCounts() {
        let entries = [
            T.entry("M01-1", "2025-03-01", milestone: .done), T.entry("M01-1", "2025-04-01", milestone: .inProgress),
        ]
        #expect(T.judge(T.milestone(), entries, asOf: "2025-04-02").status == .onTrack)
    }

    @Test func aMeasureWithoutTargetsIsJudgedOnItsNarrativeReports() {
        let narrative = Measure(
            number: 2, title: "叙述措施", titleEn: "Narrative", text: "", leadUnits: ["市工业和信息化局"],
            responsibleUnits: [], targets: [])
        let plan = T.with([], extraMeasures: [narrative])
        #expect(T.evaluate(plan, [], asOf: "2025-01-01").measure(2)?.status == .noReport)
        let reported = T.evaluate(plan, [T.entry("M02", "2024-12-20", milestone: .inProgress)], asOf: "2025-01-01")
        #expect(reported.measure(2)?.status == .ongoing)
        #expect(reported.measure(2)?.latestNarrative?.date == T.day("2024-12-20"))
        let old = T.evaluate(plan, [T.entry("M02", "2024-10-01", milestone: .inProgress)], asOf: "2025-01-01")
        #expect(old.measure(2)?.status == .noReport)
        #expect(T.evaluate(plan, [], asOf: "2023-06-01").measure(2)?.status == .notStarted)
    }
}

/// 临期未完成 (a status of its own), 本期未报, 数据陈旧 and 督办.
@Suite("Markers")
struct MarkerTests {
    @Test func dueSoonWithinThirtyDaysOfTheDeadlineWhatsoeverTheLag() {
        let target = T.quantitative(deadline: "2025-12-31")
        let entries = [T.entry("M01-1", "2025-11-30", 96)]
        #expect(T.judge(target, entries, asOf: "2025-11-30").status == .onTrack)  // 31 days to go
        #expect(T.judge(target, entries, asOf: "2025-12-01").status == .dueSoon)  // 30 days
        #expect(T.judge(target, entries, asOf: "2025-12-31").status == .dueSoon)  // the deadline day itself
        // The day after: November's figure is not December's, so the final return is awaited.
        #expect(T.judge(target, entries, asOf: "2026-01-01").status == .dueSoon)
        #expect(T.judge(target, entries, asOf: "2026-01-11").status == .overdue)
        let december = [T.entry("M01-1", "2025-12-31", 97)]
        #expect(T.judge(target, december, asOf: "2026-01-01").status == .overdue)
    }

    @Test func aDoneItemIsNeverDueSoon() {
        let target = T.quantitative(deadline: "2025-12-31")
        let judged = T.judge(target, [T.entry("M01-1", "2025-12-10", 100)], asOf: "2025-12-15")
        #expect(judged.status == .done)
        #expect(judged.markers.isEmpty)
    }

    @Test func notReportedThisPeriodThenStale() {
        let target = T.quantitative(deadline: "2027-12-31")
        let entries = [T.entry("M01-1", "2025-01-31", 10)]
        // January's return is due by 2025-02-10; February's by 2025-03-10; March's by 2025-04-10.
        #expect(T.judge(target, entries, asOf: "2025-03-10").markers.isEmpty)  // last due: January
        #expect(T.judge(target, entries, asOf: "2025-03-11").markers == [.noCurrentReport])  // last due: February
        #expect(T.judge(target, entries, asOf: "2025-04-10").markers == [.noCurrentReport])
        #expect(T.judge(target, entries, asOf: "2025-04-11").markers == [.stale])  // two periods old
        #expect(T.judge(target, entries, asOf: "2025-04-11").status != .noReport)
        let tooOld = T.judge(target, entries, asOf: "2025-05-11")  // three: too old to judge by
        #expect(tooOld.status == .noReport)
        #expect(tooOld.markers == [.stale])
    }

    @Test func flaggedItemsCarryTheMarker() {
        let target = T.quantitative(deadline: "2027-12-31")
        #expect(T.judge(target, [], asOf: "2025-02-11", flagged: ["M01-1"]).markers == [.flagged])
        let plan = T.with([target])
        #expect(
            T.evaluate(plan, [], asOf: "2025-02-11", flagged: ["M01"]).measure(1)?.markers.contains(.flagged) == true)
    }
}

/// Corrections, unknown ids and the roll-ups.
@Suite("Entries and roll-ups")
struct RollupTests {
    @Test func aCorrectionReplacesTheEntryItNames() {
        let target = T.quantitative(deadline: "2025-12-31")
        let wrong = T.entry("M01-1", "2025-06-30", 100, id: "a")
        let fixed = T.entry("M01-1", "2025-06-30", 10, id: "b", corrects: "a")
        let result = T.judge(target, [wrong, fixed], asOf: "2025-07-01")
        #expect(result.actual == 10)
        #expect(result.status != .done)
        // A correction of a correction: only the last one stands.
        let again = T.entry("M01-1", "2025-06-30", 60, id: "c", corrects: "b")
        #expect(T.judge(target, [wrong, fixed, again], asOf: "2025-07-01").actual == 60)
    }

    @Test func entriesForUnknownIdsAreReportedNotFatal() {
        let plan = T.with([T.quantitative()])
        let result = T.evaluate(plan, [T.entry("M99-9", "2025-01-01", 1)], asOf: "2025-02-01")
        #expect(result.unknownItemEntries.map(\.itemId) == ["M99-9"])
        #expect(result.target("M01-1")?.status == .noReport)
    }

    @Test func aMeasureTakesTheWorstStatusOfItsTargets() {
        let plan = T.with([
            T.quantitative("M01-1", deadline: "2025-12-31"), T.quantitative("M01-2", deadline: "2027-12-31"),
        ])
        let entries = [T.entry("M01-1", "2025-12-01", 100), T.entry("M01-2", "2026-01-01", 1)]
        let result = T.evaluate(plan, entries, asOf: "2026-01-02")
        #expect(result.target("M01-1")?.status == .done)
        #expect(result.target("M01-2")?.status == .severelyBehind)
        #expect(result.measure(1)?.status == .severelyBehind)
    }

    @Test func programmesCountStatusesNotAverages() {
        let narrative = Measure(
            number: 2, title: "叙述", titleEn: "N", text: "", leadUnits: ["市工业和信息化局"],
            responsibleUnits: [], targets: [])
        let plan = T.with([T.quantitative(deadline: "2025-12-31")], extraMeasures: [narrative])
        let result = T.evaluate(plan, [T.entry("M01-1", "2025-06-01", 100)], asOf: "2025-07-01")
        let counts = result.programmes[0].counts
        #expect(counts[.done] == 1)
        #expect(counts[.noReport] == 1)
        #expect(counts.total == 2)
        #expect(result.measureCounts[.done] == 1)
    }

    @Test func severityOrdersWorstFirst() {
        // DESIGN §4: 逾期未完成, 严重滞后, 进度滞后, 临期未完成, 未报送, 基数缺失, 按序时推进, 持续推进,
        // 逾期完成, 已完成, 未启动.
        #expect(
            Status.worstFirst == [
                .overdue, .severelyBehind, .behind, .dueSoon, .noReport, .baselineMissing,
                .onTrack, .ongoing, .doneLate, .done, .notStarted,
            ])
        #expect(Status.overdue > Status.severelyBehind)
        #expect(Status.severelyBehind > Status.behind)
        #expect(Status.behind > Status.dueSoon)
        #expect(Status.dueSoon > Status.noReport)
        #expect(Status.onTrack > Status.done)
    }

    @Test func everyStatusHasALabelAndAMarkInBothLanguages() {
        for status in Status.allCases {
            #expect(!status.label(.zh).isEmpty)
            #expect(!status.label(.en).isEmpty)
            #expect(status.mark.unicodeScalars.count == 1)
            #expect(status.asciiMark.count == 1)
        }
        #expect(Set(Status.allCases.map(\.mark)).count == Status.allCases.count)
        #expect(Set(Status.allCases.map(\.asciiMark)).count == Status.allCases.count)
    }
}
