import Foundation

/// Computes the status of every target, measure and programme as of a date (DESIGN §4).
///
/// Pure: the input is the plan, the progress entries and the flagged item ids; nothing is read
/// or written. The rules are applied in the order the design gives, first match wins:
/// 1. the comparator is met → 已完成 (逾期完成 when first met after the deadline);
/// 2. the as-of date is before the plan's start → 未启动;
/// 3. the deadline has passed → 逾期未完成 (while the deadline period's return is awaited, the
///    verdict of the deadline day, 临期未完成 at best, marked 待报终值);
/// 4. a relative or level target without its baseline → 基数缺失;
/// 5. nothing reported, or only figures too old to judge by → 未报送 (未启动 before the plan's
///    first return is due);
/// 6. lag (expected progress at the end of the last due period minus actual, in points) against
///    the thresholds in `StatusRules` → 严重滞后 / 进度滞后;
/// 7. the deadline within `StatusRules.dueSoonDays` → 临期未完成, whatever the lag below 6;
/// 8. otherwise → 按序时推进.
public struct StatusEngine: Sendable {
    public let plan: Plan
    public let rules: StatusRules

    public init(plan: Plan, rules: StatusRules = .standard) {
        self.plan = plan
        self.rules = rules
    }

    /// Judges the whole plan.
    /// - Parameters:
    ///   - entries: every entry, in recording order; corrections replace the entries they name.
    ///   - flagged: ids of items (targets or measures) under supervision (督办).
    ///   - asOf: the day to judge on; entries dated after it are ignored.
    public func evaluate(entries: [ProgressEntry], flagged: Set<String> = [], asOf: Day) -> PlanEvaluation {
        evaluate(
            book: EntryBook(entries: entries, asOf: asOf, plan: plan), flagged: flagged, unanswered: [], asOf: asOf)
    }

    /// Judges the whole plan with its supervision flags: 督办 for the flags open on `asOf`, and
    /// 超期未反馈 where an open flag's 反馈期限 has passed with no entry for the item since it was raised.
    public func evaluate(entries: [ProgressEntry], flags: [SupervisionFlag], asOf: Day) -> PlanEvaluation {
        let open = flags.open(on: asOf)
        let book = EntryBook(entries: entries, asOf: asOf, plan: plan)
        var unanswered = Set<String>()
        for flag in open {
            guard let followUp = flag.followUpDay, asOf > followUp else { continue }
            let raised = flag.raisedOn ?? plan.startDate
            var items = [flag.itemId]
            if let measure = plan.measure(itemId: flag.itemId) { items += measure.targets.map(\.id) }
            // Answered by a report on the item since the flag was raised, or by a reply to the flag.
            let answered =
                flag.replied(by: asOf) || items.contains { item in book.series(item).contains { $0.date >= raised } }
            if !answered { unanswered.insert(flag.itemId) }
        }
        return evaluate(book: book, flagged: Set(open.map(\.itemId)), unanswered: unanswered, asOf: asOf)
    }

    /// One target's track record: the verdict it had once each monthly return fell due (on the
    /// 11th of the next month, the first day it can be missing), from the plan's first return to
    /// the last one due by `asOf`, judged by the same rules as every other verdict. Each point's
    /// `expected` is the trajectory at that month's end and `actual` the figure then reported:
    /// the target page draws them side by side.
    public func trackRecord(
        of targetId: String, entries: [ProgressEntry], asOf: Day
    ) -> [(month: Day, judged: TargetEvaluation)] {
        guard let target = plan.target(id: targetId) else { return [] }
        let members = Set(plan.seriesItems(of: targetId))
        let own = entries.filter { members.contains($0.itemId) }
        let last = rules.lastDuePeriodEnd(asOf: asOf)
        var month = Day.endOfMonth(year: plan.startDate.year, month: plan.startDate.month)
        var points: [(month: Day, judged: TargetEvaluation)] = []
        while month <= last {
            // Judged on the first day the month's return counts as missing (the 11th).
            let due = rules.returnMissing(forPeriodEnding: month)
            let day = JudgingDay(due, rules: rules, planStart: plan.startDate)
            let book = EntryBook(entries: own, asOf: due, plan: plan)
            points.append((month, evaluate(target, book: book, flagged: [], asOf: day)))
            let next = month.adding(days: 1)
            month = Day.endOfMonth(year: next.year, month: next.month)
        }
        return points
    }

    func evaluate(book: EntryBook, flagged: Set<String>, unanswered: Set<String>, asOf: Day) -> PlanEvaluation {
        let asOf = JudgingDay(asOf, rules: rules, planStart: plan.startDate, unanswered: unanswered)
        let overall = plan.overallTargets.map { evaluate($0, book: book, flagged: flagged, asOf: asOf) }
        let programmes = plan.programmes.map { programme in
            ProgrammeEvaluation(
                number: programme.number,
                measures: programme.measures.map { measure in
                    evaluate(measure, book: book, flagged: flagged, asOf: asOf)
                })
        }
        return PlanEvaluation(
            asOf: asOf.day, overall: overall, programmes: programmes,
            unknownItemEntries: book.unknownItemEntries)
    }

    // MARK: - Measures

    func evaluate(_ measure: Measure, book: EntryBook, flagged: Set<String>, asOf: JudgingDay) -> MeasureEvaluation {
        let targets = measure.targets.map { evaluate($0, book: book, flagged: flagged, asOf: asOf) }
        // A blank report (nothing under 进展情况) is no report.
        let narrative = book.series(measure.itemId).filter(\.hasProgress)
        var markers = Set(targets.flatMap(\.markers))
        let status: Status
        if let worst = targets.map(\.status).max() {
            status = worst
        } else {
            // A measure without targets is judged like a milestone without a deadline.
            status = undatedStatus(series: narrative, asOf: asOf)
            if let marker = reportingMarker(latest: narrative.last, status: status, asOf: asOf) {
                markers.insert(marker)
            }
        }
        if flagged.contains(measure.itemId) { markers.insert(.flagged) }
        if asOf.unanswered.contains(measure.itemId) { markers.insert(.followUpOverdue) }
        return MeasureEvaluation(
            number: measure.number, status: status, markers: markers.sorted(),
            targets: targets, latestNarrative: narrative.last)
    }

    // MARK: - Targets

    func evaluate(_ target: Target, book: EntryBook, flagged: Set<String>, asOf: JudgingDay) -> TargetEvaluation {
        let series = book.series(target.id)
        var evaluation: TargetEvaluation
        switch target.kind {
        case .milestone:
            evaluation = evaluateMilestone(target, series: series, asOf: asOf)
        case .quantitative:
            let entered = book.baseline(for: target)
            // Growth on 0 (or on what no return holds) has no figure to reach: such a baseline is
            // shown as entered and judged as missing (基数缺失; the reports say why).
            let baseline = target.isRelative ? entered.flatMap { $0.isFinite && $0 > 0 ? $0 : nil } : entered
            let valued = series.filter { $0.value != nil }
            if target.judgedStyle == .growthOnPreviousYear {
                evaluation = evaluatePreviousYearGrowth(target, valued: valued, book: book, asOf: asOf)
            } else if target.recurrence == .annual {
                evaluation = evaluateAnnual(target, valued: valued, asOf: asOf)
            } else if target.reading == .yearToDate {
                evaluation = evaluateYearToDate(target, valued: valued, baseline: baseline, asOf: asOf)
            } else {
                evaluation = evaluateTrajectory(target, valued: valued, baseline: baseline, asOf: asOf)
            }
            if target.judgedStyle != .growthOnPreviousYear { evaluation.baseline = entered }
        }
        evaluation.latestEntry = series.last
        evaluation.markers = markers(for: evaluation, latest: series.last, id: target.id, flagged: flagged, asOf: asOf)
        return evaluation
    }

    /// Cumulative and level targets: a straight line from the starting figure at the plan's
    /// start to the goal at the deadline (compound growth from the baseline for relative targets),
    /// read at the end of the last due period, so a unit never turns yellow between two returns.
    func evaluateTrajectory(
        _ target: Target, valued: [ProgressEntry], baseline: Double?, asOf: JudgingDay
    ) -> TargetEvaluation {
        let deadline = target.deadline ?? plan.endDate
        var result = TargetEvaluation(targetId: target.id, status: .noReport, deadline: deadline)
        let goal = absoluteGoal(target, baseline: baseline)
        // A level (a rate, a share, a stock) starts where it stood, never from 0 (DESIGN §4).
        let needsBaseline = target.needsBaseline
        let start = needsBaseline ? baseline : (baseline ?? 0)
        result.goal = goal
        if let latest = valued.last, let value = latest.value {
            result.actual = value
            result.actualDate = latest.date
        }

        if let goal, let metSince = metSince(valued, goal: goal, target: target) {
            result.status = metSince.date > deadline ? .doneLate : .done
            result.progress = start.map { progress(result.actual ?? goal, from: $0, to: goal, met: true) }
            return result
        }
        if let goal, let start, let actual = result.actual {
            result.progress = progress(actual, from: start, to: goal, met: false)
        }
        if asOf.day < plan.startDate {
            result.status = .notStarted
            return result
        }
        if asOf.day > deadline && !awaitingFinal(deadline, latest: valued.last?.date, asOf: asOf) {
            result.status = .overdue
            return result
        }
        if needsBaseline && baseline == nil {
            result.status = .baselineMissing
            return result
        }
        if valued.isEmpty {
            result.status = asOf.beforeFirstReturn ? .notStarted : .noReport
            return result
        }
        guard let goal, let start, let actual = result.actual, let latest = valued.last else {
            result.status = .baselineMissing
            return result
        }
        if tooOld(latest.date, asOf: asOf) {
            result.status = .noReport
            return result
        }
        if target.judgedStyle == .parentAverage {
            // No path leads to an average that moves each year: unmet before its deadline, it is
            // judged like a milestone in progress (DESIGN §4, rule 7 still applies).
            result.status = dueSoonOr(.onTrack, deadline: deadline, asOf: asOf)
            return result
        }

        if isSmallCount(target, goal: goal) {
            // 1个园区: a share of one park is not progress; judged like a milestone (DESIGN §4).
            result.status = dueSoonOr(.onTrack, deadline: deadline, asOf: asOf)
            return result
        }
        let from = target.baselineYear.map { Day.endOfYear($0) } ?? plan.startDate
        let readOn = min(asOf.periodEnd, deadline)
        let span = Double(max(1, from.days(to: deadline)))
        let elapsed = min(1, max(0, Double(from.days(to: readOn)) / span))
        let expected: Double
        if target.isRelative, target.judgedStyle != .pointRise, start > 0, goal > 0 {
            expected = start * pow(goal / start, elapsed)
        } else {
            expected = start + (goal - start) * elapsed
        }
        let actualProgress = progress(actual, from: start, to: goal, met: false)
        let expectedProgress = progress(expected, from: start, to: goal, met: false)
        result.expected = expected
        result.expectedOn = readOn
        result.progress = actualProgress
        result.expectedProgress = expectedProgress
        result.lag = (expectedProgress - actualProgress) * 100
        result.status = dueSoonOr(rules.status(forLag: result.lag ?? 0), deadline: deadline, asOf: asOf)
        return result
    }

    /// Rule 3: a deadline passed unmet is overdue from the day after it when a figure (or report)
    /// for the deadline's own period is in; otherwise the final return is awaited until it is
    /// missing (a 31 December deadline: until 10 January) and the item keeps the verdict of its
    /// deadline day (临期未完成 at the latest, never green), marked 待报终值. True while awaited.
    /// `latest` is the date of the item's latest figure, state or report.
    func awaitingFinal(_ deadline: Day, latest: Day?, asOf: JudgingDay) -> Bool {
        let periodEnd = Day.endOfMonth(year: deadline.year, month: deadline.month)
        if let latest, latest >= rules.periodStart(endingOn: periodEnd) { return false }
        return asOf.day < rules.returnMissing(forPeriodEnding: periodEnd)
    }

    /// Rule 5: a figure `StatusRules.unjudgeablePeriods` or more periods older than the last due
    /// period is too old to judge by (nothing for that period and the two before): 未报送, never
    /// green or yellow on stale data.
    func tooOld(_ date: Day, asOf: JudgingDay) -> Bool {
        guard !asOf.beforeFirstReturn else { return false }
        let behind = (asOf.periodEnd.year * 12 + asOf.periodEnd.month) - (date.year * 12 + date.month)
        return behind >= rules.unjudgeablePeriods
    }

    /// Rule 7: an unmet target on track within the due-soon window is 临期未完成 (never green on
    /// its last day); a lag past the thresholds (rule 6) wins.
    func dueSoonOr(_ status: Status, deadline: Day, asOf: JudgingDay) -> Status {
        // After the deadline only while its final return is awaited: judged as on the deadline.
        let day = min(asOf.day, deadline)
        guard status == .onTrack, day.days(to: deadline) <= rules.dueSoonDays else { return status }
        return .dueSoon
    }

    /// A cumulative whole count small enough (1个园区, 1处健身路径) to be judged like a milestone.
    func isSmallCount(_ target: Target, goal: Double) -> Bool {
        target.reading == .cumulative && !target.isRelative && UnitText.isCount(target.entryUnit)
            && goal <= rules.smallCountMaximum
    }

    /// Year-to-date targets with one deadline year (营业收入达到200亿元左右 by 2025): the figure of
    /// the deadline year decides; in earlier years the pace is judged against that year's goal
    /// (the goal itself, or for relative targets the compound path from the baseline). The year
    /// judged is the last due period's: until January's return is due, the year just ended.
    func evaluateYearToDate(
        _ target: Target, valued: [ProgressEntry], baseline: Double?, asOf: JudgingDay
    ) -> TargetEvaluation {
        let deadline = target.deadline ?? plan.endDate
        let year = min(max(asOf.periodEnd.year, plan.startDate.year), deadline.year)
        let finalGoal = absoluteGoal(target, baseline: baseline)
        var yearGoal = finalGoal
        if let baselineYear = target.baselineYear, let baseline, let finalGoal, deadline.year > baselineYear,
            baseline > 0
        {
            let share = Double(year - baselineYear) / Double(deadline.year - baselineYear)
            yearGoal = baseline * pow(finalGoal / baseline, share)
        }
        let isFinalYear = year == deadline.year
        return judgeYear(
            target, year: year, deadline: deadline, yearGoal: yearGoal,
            doneGoal: isFinalYear ? finalGoal : nil, valued: valued, asOf: asOf)
    }

    /// Annual (每年) targets: each year from the plan's start to the last due period's year is
    /// judged on its own (so in January the new year is not yet judged, never 未报送). The target
    /// shows the year judged; earlier years are its history (`years`).
    func evaluateAnnual(_ target: Target, valued: [ProgressEntry], asOf: JudgingDay) -> TargetEvaluation {
        guard asOf.day >= plan.startDate else {
            return TargetEvaluation(
                targetId: target.id, status: .notStarted, year: plan.startDate.year,
                goal: target.value, deadline: Day.endOfYear(plan.startDate.year))
        }
        let lastYear = min(asOf.periodEnd.year, plan.endDate.year)
        let years = (plan.startDate.year...max(plan.startDate.year, lastYear)).map { year in
            judgeYear(
                target, year: year, deadline: Day.endOfYear(year), yearGoal: target.value,
                doneGoal: target.value, valued: valued, asOf: asOf)
        }
        // The year judged decides (the year just ended until January's return is due, then the
        // current one); a past year's miss is history, shown year by year, never today's status.
        var shown = years[years.count - 1]
        shown.years = years
        return shown
    }

    /// Judges one calendar year of a year-to-date figure. `doneGoal` is the goal that counts as
    /// done this year (nil when this year can only be on or off the pace).
    func judgeYear(
        _ target: Target, year: Int, deadline: Day, yearGoal: Double?, doneGoal: Double?,
        valued: [ProgressEntry], asOf: JudgingDay
    ) -> TargetEvaluation {
        var result = TargetEvaluation(
            targetId: target.id, status: .noReport, year: year, goal: yearGoal,
            deadline: deadline)
        let inYear = valued.filter { $0.date.year == year }
        if let latest = inYear.last, let value = latest.value {
            result.actual = value
            result.actualDate = latest.date
        }
        if let doneGoal, let metSince = metSince(inYear, goal: doneGoal, target: target) {
            result.status = metSince.date > deadline ? .doneLate : .done
            if let actual = result.actual, let yearGoal, yearGoal != 0 { result.progress = actual / yearGoal }
            return result
        }
        if let actual = result.actual, let yearGoal, yearGoal != 0 { result.progress = actual / yearGoal }
        if asOf.day < plan.startDate {
            result.status = .notStarted
            return result
        }
        if asOf.day > deadline && !awaitingFinal(deadline, latest: inYear.last?.date, asOf: asOf) {
            result.status = .overdue
            return result
        }
        guard let yearGoal, yearGoal != 0 else {
            result.status = .baselineMissing
            return result
        }
        guard let actual = result.actual, let latest = inYear.last else {
            result.status = asOf.beforeFirstReturn ? .notStarted : .noReport
            return result
        }
        if tooOld(latest.date, asOf: asOf) {
            result.status = .noReport
            return result
        }
        if target.judgedStyle == .parentAverage {
            // No path leads to an average that moves each year: unmet before its deadline, it is
            // judged like a milestone in progress (DESIGN §4, rule 7 still applies).
            result.status = dueSoonOr(.onTrack, deadline: deadline, asOf: asOf)
            return result
        }
        // Read at the end of the last due period, within this year.
        let readOn = min(max(asOf.periodEnd, Day.startOfYear(year)), Day.endOfYear(year))
        let share = min(1, max(0, Double(Day.startOfYear(year).days(to: readOn) + 1) / Double(Day.daysIn(year: year))))
        let actualProgress = actual / yearGoal
        result.expected = yearGoal * share
        result.expectedOn = readOn
        result.progress = actualProgress
        result.expectedProgress = share
        // For a cap (以下) being under the pace is good; for everything else being under it is lag.
        let lag = target.comparator == .atMost ? actualProgress - share : share - actualProgress
        result.lag = lag * 100
        result.status = dueSoonOr(rules.status(forLag: lag * 100), deadline: deadline, asOf: asOf)
        return result
    }

    /// Milestones: done when the latest report says done; otherwise rules 2, 3, 5 and 7; then
    /// 按序时推进 while the deadline is ahead, or 持续推进 for a milestone without a deadline.
    func evaluateMilestone(_ target: Target, series: [ProgressEntry], asOf: JudgingDay) -> TargetEvaluation {
        var result = TargetEvaluation(targetId: target.id, status: .noReport, deadline: target.deadline)
        let states = series.filter { $0.milestone != nil }
        result.milestoneState = states.last?.milestone
        if let last = states.last, last.milestone == .done {
            // The milestone was done at the start of the final run of "done" reports.
            var doneSince = last
            for entry in states.reversed() {
                guard entry.milestone == .done else { break }
                doneSince = entry
            }
            result.actualDate = doneSince.date
            if let deadline = target.deadline, doneSince.date > deadline {
                result.status = .doneLate
            } else {
                result.status = .done
            }
            return result
        }
        if asOf.day < plan.startDate {
            result.status = .notStarted
            return result
        }
        if let deadline = target.deadline {
            if asOf.day > deadline && !awaitingFinal(deadline, latest: states.last?.date, asOf: asOf) {
                result.status = .overdue
                return result
            }
            guard let latest = series.last else {
                result.status = asOf.beforeFirstReturn ? .notStarted : .noReport
                return result
            }
            result.status =
                tooOld(latest.date, asOf: asOf) ? .noReport : dueSoonOr(.onTrack, deadline: deadline, asOf: asOf)
            return result
        }
        result.status = undatedStatus(series: series.filter(\.hasProgress), asOf: asOf)
        return result
    }

    /// Items without a deadline are 持续推进 while the last due period has a report with something
    /// under 进展情况 (one dated in that period or later; `series` holds only such reports); 未报送
    /// otherwise, 未启动 before the plan's first return is due.
    func undatedStatus(series: [ProgressEntry], asOf: JudgingDay) -> Status {
        if asOf.day < plan.startDate { return .notStarted }
        guard let latest = series.last else { return asOf.beforeFirstReturn ? .notStarted : .noReport }
        return latest.date >= asOf.periodStart || asOf.beforeFirstReturn ? .ongoing : .noReport
    }
}
