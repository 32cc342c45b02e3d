import Foundation

/// Computes the status of every target, measure and programme as of a date (DESIGN §4).
///
/// Pure: the input is the plan, the progress entries and the flagged item ids; nothing is read
/// or written. The rules are applied in the order the design gives, first match wins:
/// 1. the comparator is met → 已完成 (逾期完成 when first met after the deadline);
/// 2. the as-of date is before the plan's start → 未启动;
/// 3. the deadline has passed → 逾期未完成;
/// 4. nothing reported → 未报送; a relative target without its baseline → 基数缺失;
/// 5. lag (expected minus actual progress, in points) against the thresholds in `StatusRules`.
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
        let book = EntryBook(entries: entries, asOf: asOf, plan: plan)
        let overall = plan.overallTargets.map { evaluate($0, book: book, flagged: flagged, asOf: asOf) }
        let programmes = plan.programmes.map { programme in
            ProgrammeEvaluation(number: programme.number, measures: programme.measures.map { measure in
                evaluate(measure, book: book, flagged: flagged, asOf: asOf)
            })
        }
        return PlanEvaluation(asOf: asOf, overall: overall, programmes: programmes,
                              unknownItemEntries: book.unknownItemEntries)
    }

    // MARK: - Measures

    func evaluate(_ measure: Measure, book: EntryBook, flagged: Set<String>, asOf: Day) -> MeasureEvaluation {
        let targets = measure.targets.map { evaluate($0, book: book, flagged: flagged, asOf: asOf) }
        let narrative = book.series(measure.itemId)
        var markers = Set(targets.flatMap(\.markers))
        let status: Status
        if let worst = targets.map(\.status).max() {
            status = worst
        } else {
            // A measure without targets is judged like a milestone without a deadline.
            status = undatedStatus(series: narrative, asOf: asOf)
            if let latest = narrative.last, isStale(latest, status: status, asOf: asOf) { markers.insert(.stale) }
        }
        if flagged.contains(measure.itemId) { markers.insert(.flagged) }
        return MeasureEvaluation(number: measure.number, status: status, markers: markers.sorted(),
                                 targets: targets, latestNarrative: narrative.last)
    }

    // MARK: - Targets

    func evaluate(_ target: Target, book: EntryBook, flagged: Set<String>, asOf: Day) -> TargetEvaluation {
        let series = book.series(target.id)
        var evaluation: TargetEvaluation
        switch target.kind {
        case .milestone:
            evaluation = evaluateMilestone(target, series: series, asOf: asOf)
        case .quantitative:
            let baseline = book.baseline(for: target)
            let valued = series.filter { $0.value != nil }
            if target.recurrence == .annual {
                evaluation = evaluateAnnual(target, valued: valued, asOf: asOf)
            } else if target.reading == .yearToDate {
                evaluation = evaluateYearToDate(target, valued: valued, baseline: baseline, asOf: asOf)
            } else {
                evaluation = evaluateTrajectory(target, valued: valued, baseline: baseline, asOf: asOf)
            }
            evaluation.baseline = baseline
        }
        evaluation.latestEntry = series.last
        evaluation.markers = markers(for: evaluation, latest: series.last, id: target.id, flagged: flagged, asOf: asOf)
        return evaluation
    }

    /// Cumulative and level targets: a straight line from the starting figure at the plan's
    /// start to the goal at the deadline (compound growth from the baseline for relative targets).
    func evaluateTrajectory(_ target: Target, valued: [ProgressEntry], baseline: Double?, asOf: Day) -> TargetEvaluation {
        let deadline = target.deadline ?? plan.endDate
        var result = TargetEvaluation(targetId: target.id, status: .noReport, deadline: deadline)
        let goal = absoluteGoal(target, baseline: baseline)
        let start = target.isRelative ? baseline : (baseline ?? 0)
        result.goal = goal
        if let latest = valued.last, let value = latest.value {
            result.actual = value
            result.actualDate = latest.date
        }

        if let goal, let metSince = metSince(valued, goal: goal, comparator: target.comparator) {
            result.status = metSince.date > deadline ? .doneLate : .done
            result.progress = start.map { progress(result.actual ?? goal, from: $0, to: goal, met: true) }
            return result
        }
        if let goal, let start, let actual = result.actual {
            result.progress = progress(actual, from: start, to: goal, met: false)
        }
        if asOf < plan.startDate { result.status = .notStarted; return result }
        if asOf > deadline { result.status = .overdue; return result }
        if valued.isEmpty { result.status = .noReport; return result }
        guard let goal, let start, let actual = result.actual else { result.status = .baselineMissing; return result }

        let from = target.baselineYear.map { Day.endOfYear($0) } ?? plan.startDate
        let span = Double(max(1, from.days(to: deadline)))
        let elapsed = min(1, max(0, Double(from.days(to: asOf)) / span))
        let expected: Double
        if target.isRelative, start > 0, goal > 0 {
            expected = start * pow(goal / start, elapsed)
        } else {
            expected = start + (goal - start) * elapsed
        }
        let actualProgress = progress(actual, from: start, to: goal, met: false)
        let expectedProgress = progress(expected, from: start, to: goal, met: false)
        result.expected = expected
        result.progress = actualProgress
        result.expectedProgress = expectedProgress
        result.lag = (expectedProgress - actualProgress) * 100
        result.status = rules.status(forLag: result.lag ?? 0)
        return result
    }

    /// Year-to-date targets with one deadline year (营业收入达到200亿元左右 by 2025): the figure of
    /// the deadline year decides; in earlier years the pace is judged against that year's goal
    /// (the goal itself, or for relative targets the compound path from the baseline).
    func evaluateYearToDate(_ target: Target, valued: [ProgressEntry], baseline: Double?, asOf: Day) -> TargetEvaluation {
        let deadline = target.deadline ?? plan.endDate
        let year = min(asOf.year, deadline.year)
        let finalGoal = absoluteGoal(target, baseline: baseline)
        var yearGoal = finalGoal
        if let baselineYear = target.baselineYear, let baseline, let finalGoal, deadline.year > baselineYear, baseline > 0 {
            let share = Double(year - baselineYear) / Double(deadline.year - baselineYear)
            yearGoal = baseline * pow(finalGoal / baseline, share)
        }
        let isFinalYear = year == deadline.year
        return judgeYear(target, year: year, deadline: deadline, yearGoal: yearGoal,
                         doneGoal: isFinalYear ? finalGoal : nil, valued: valued, asOf: asOf)
    }

    /// Annual (每年) targets: each year from the plan's start to its end (or the as-of year) is
    /// judged on its own; a past year that missed stays overdue. The target shows its worst year.
    func evaluateAnnual(_ target: Target, valued: [ProgressEntry], asOf: Day) -> TargetEvaluation {
        guard asOf >= plan.startDate else {
            return TargetEvaluation(targetId: target.id, status: .notStarted, year: plan.startDate.year,
                                    goal: target.value, deadline: Day.endOfYear(plan.startDate.year))
        }
        let lastYear = min(asOf.year, plan.endDate.year)
        let years = (plan.startDate.year...max(plan.startDate.year, lastYear)).map { year in
            judgeYear(target, year: year, deadline: Day.endOfYear(year), yearGoal: target.value,
                      doneGoal: target.value, valued: valued, asOf: asOf)
        }
        // The worst year decides; among equals the most recent one is shown.
        var shown = years[years.count - 1]
        for year in years.reversed() where year.status > shown.status { shown = year }
        shown.years = years
        return shown
    }

    /// Judges one calendar year of a year-to-date figure. `doneGoal` is the goal that counts as
    /// done this year (nil when this year can only be on or off the pace).
    func judgeYear(_ target: Target, year: Int, deadline: Day, yearGoal: Double?, doneGoal: Double?,
                   valued: [ProgressEntry], asOf: Day) -> TargetEvaluation {
        var result = TargetEvaluation(targetId: target.id, status: .noReport, year: year, goal: yearGoal,
                                      deadline: deadline)
        let inYear = valued.filter { $0.date.year == year }
        if let latest = inYear.last, let value = latest.value {
            result.actual = value
            result.actualDate = latest.date
        }
        if let doneGoal, let metSince = metSince(inYear, goal: doneGoal, comparator: target.comparator) {
            result.status = metSince.date > deadline ? .doneLate : .done
            if let actual = result.actual, let yearGoal, yearGoal != 0 { result.progress = actual / yearGoal }
            return result
        }
        if let actual = result.actual, let yearGoal, yearGoal != 0 { result.progress = actual / yearGoal }
        if asOf < plan.startDate { result.status = .notStarted; return result }
        if asOf > deadline { result.status = .overdue; return result }
        if inYear.isEmpty { result.status = .noReport; return result }
        guard let yearGoal, yearGoal != 0, let actual = result.actual else {
            result.status = .baselineMissing
            return result
        }
        let yearStart = Day.startOfYear(year)
        let share = min(1, max(0, Double(yearStart.days(to: asOf) + 1) / Double(Day.daysIn(year: year))))
        let actualProgress = actual / yearGoal
        result.expected = yearGoal * share
        result.progress = actualProgress
        result.expectedProgress = share
        // For a cap (以下) being under the pace is good; for everything else being under it is lag.
        let lag = target.comparator == .atMost ? actualProgress - share : share - actualProgress
        result.lag = lag * 100
        result.status = rules.status(forLag: lag * 100)
        return result
    }

    /// Milestones: done when the latest report says done; otherwise rules 2–4; then 按序时推进
    /// while the deadline is ahead, or 持续推进 for a milestone without a deadline.
    func evaluateMilestone(_ target: Target, series: [ProgressEntry], asOf: Day) -> TargetEvaluation {
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
        if asOf < plan.startDate { result.status = .notStarted; return result }
        if let deadline = target.deadline {
            if asOf > deadline { result.status = .overdue; return result }
            result.status = series.isEmpty ? .noReport : .onTrack
            return result
        }
        result.status = undatedStatus(series: series, asOf: asOf)
        return result
    }

    /// Items without a deadline are 持续推进 while reported within the stale window.
    func undatedStatus(series: [ProgressEntry], asOf: Day) -> Status {
        if asOf < plan.startDate { return .notStarted }
        guard let latest = series.last else { return .noReport }
        return latest.date.days(to: asOf) <= rules.staleAfterDays ? .ongoing : .noReport
    }

    // MARK: - Helpers

    /// The goal as an absolute figure: relative targets need the baseline.
    func absoluteGoal(_ target: Target, baseline: Double?) -> Double? {
        guard let value = target.value else { return nil }
        if target.isRelative {
            guard let baseline else { return nil }
            return baseline * (1 + value / 100)
        }
        return value
    }

    /// Whether a figure meets the goal under the comparator.
    public func meets(_ actual: Double, goal: Double, comparator: GoalComparator?) -> Bool {
        let epsilon = 1e-9 * max(1, abs(goal))
        switch comparator ?? .reach {
        case .atLeast, .reach, .all:
            return actual >= goal - epsilon
        case .moreThan:
            return actual > goal + epsilon
        case .atMost:
            return actual <= goal + epsilon
        case .about:
            return actual >= goal * (1 - rules.aboutTolerance) - epsilon
        }
    }

    /// The entry from which the goal has been met without interruption, if the latest meets it.
    func metSince(_ valued: [ProgressEntry], goal: Double, comparator: GoalComparator?) -> ProgressEntry? {
        var since: ProgressEntry?
        for entry in valued.reversed() {
            guard let value = entry.value, meets(value, goal: goal, comparator: comparator) else { break }
            since = entry
        }
        return since
    }

    func progress(_ value: Double, from start: Double, to goal: Double, met: Bool) -> Double {
        guard goal != start else { return met ? 1 : 0 }
        return (value - start) / (goal - start)
    }

    func isStale(_ latest: ProgressEntry, status: Status, asOf: Day) -> Bool {
        !status.isFinished && status != .notStarted && latest.date.days(to: asOf) > rules.staleAfterDays
    }

    func markers(for evaluation: TargetEvaluation, latest: ProgressEntry?, id: String, flagged: Set<String>,
                 asOf: Day) -> [Marker] {
        var markers: [Marker] = []
        let status = evaluation.status
        let active = !status.isFinished && status != .notStarted
        // An annual target is due at the end of the current year even when an earlier year decides its status.
        let dueDate = evaluation.years.last?.deadline ?? evaluation.deadline
        if active, let dueDate, asOf <= dueDate, asOf.days(to: dueDate) <= rules.dueSoonDays,
           !(evaluation.years.last?.status.isFinished ?? false) {
            markers.append(.dueSoon)
        }
        if let latest, isStale(latest, status: status, asOf: asOf) { markers.append(.stale) }
        if flagged.contains(id) { markers.append(.flagged) }
        return markers
    }
}

/// Entries prepared for judging: corrections applied, later entries dropped, grouped by item.
struct EntryBook {
    private var progressByItem: [String: [ProgressEntry]] = [:]
    private var baselinesByItem: [String: [ProgressEntry]] = [:]
    private(set) var unknownItemEntries: [ProgressEntry] = []

    init(entries: [ProgressEntry], asOf: Day, plan: Plan) {
        var corrected = Set<String>()
        for entry in entries { if let target = entry.corrects { corrected.insert(target) } }
        var known = Set(plan.allTargets.map(\.id))
        for measure in plan.measures { known.insert(measure.itemId) }
        for entry in entries where corrected.isEmpty || !corrected.contains(entry.id) {
            guard known.contains(entry.itemId) else {
                unknownItemEntries.append(entry)
                continue
            }
            if entry.isBaseline {
                baselinesByItem[entry.itemId, default: []].append(entry)
            } else if entry.date <= asOf {
                progressByItem[entry.itemId, default: []].append(entry)
            }
        }
        // Entries are usually recorded in date order; sort (stably, so recording order decides
        // among entries of the same day) only the items where they were not.
        for (key, list) in progressByItem where zip(list, list.dropFirst()).contains(where: { $0.date > $1.date }) {
            progressByItem[key] = list.enumerated().sorted {
                ($0.element.date, $0.offset) < ($1.element.date, $1.offset)
            }.map(\.element)
        }
    }

    /// Progress entries for an item up to the as-of date, oldest first.
    func series(_ itemId: String) -> [ProgressEntry] { progressByItem[itemId] ?? [] }

    /// The baseline figure for a target: for a relative target the entry for its baseline year,
    /// otherwise the latest baseline entered (used as the trajectory's starting point).
    func baseline(for target: Target) -> Double? {
        let list = baselinesByItem[target.id] ?? []
        if let year = target.baselineYear {
            return list.last { $0.baselineYear == year }?.value
        }
        return list.last?.value
    }
}
