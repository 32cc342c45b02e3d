import Foundation

/// The engine's helpers: goals, comparisons, progress and the markers of a series.
extension StatusEngine {
    /// The goal as an absolute figure (PLAN-FORMAT.md's styles): relative targets need the
    /// baseline, and a goal set against the parent region's average is the reference entered.
    func absoluteGoal(_ target: Target, baseline: Double?) -> Double? {
        let style = target.judgedStyle
        if style == .parentAverage { return baseline }
        guard let value = target.value else { return nil }
        guard target.isRelative else { return value }
        guard let baseline else { return nil }
        switch style {
        case .pointRise:
            return baseline + value
        case .averageAnnualGrowth:
            let years = (target.deadline ?? plan.endDate).year - (target.baselineYear ?? plan.startDate.year)
            return baseline * pow(1 + value / 100, Double(max(1, years)))
        default:
            return baseline * (1 + value / 100)
        }
    }

    /// Whether a figure meets the goal under the comparator.
    /// A 左右/约 goal counts as met within `tolerance` below it (the target's), else the rules'.
    public func meets(_ actual: Double, goal: Double, comparator: GoalComparator?, tolerance: Double? = nil) -> Bool {
        let epsilon = 1e-9 * max(1, abs(goal))
        switch comparator ?? .reach {
        case .atLeast, .reach, .all:
            return actual >= goal - epsilon
        case .moreThan:
            return actual > goal + epsilon
        case .atMost:
            return actual <= goal + epsilon
        case .about:
            return actual >= goal * (1 - (tolerance ?? rules.aboutTolerance)) - epsilon
        }
    }

    /// The entry from which the goal has been met without interruption, if the latest meets it.
    func metSince(_ valued: [ProgressEntry], goal: Double, target: Target) -> ProgressEntry? {
        var since: ProgressEntry?
        for entry in valued.reversed() {
            guard let value = entry.value,
                meets(value, goal: goal, comparator: target.comparator, tolerance: target.tolerance)
            else { break }
            since = entry
        }
        return since
    }

    func progress(_ value: Double, from start: Double, to goal: Double, met: Bool) -> Double {
        guard goal != start else { return met ? 1 : 0 }
        return (value - start) / (goal - start)
    }

    /// 本期未报 when the last due period has no entry and the verdict stands on an older one;
    /// 数据陈旧 when the latest entry is `StatusRules.stalePeriods` or more periods old.
    func reportingMarker(latest: ProgressEntry?, status: Status, asOf: JudgingDay) -> Marker? {
        guard let latest, !status.isFinished, status != .notStarted, !asOf.beforeFirstReturn else { return nil }
        let periodsBehind =
            (asOf.periodEnd.year * 12 + asOf.periodEnd.month) - (latest.date.year * 12 + latest.date.month)
        if periodsBehind >= rules.stalePeriods { return .stale }
        if periodsBehind >= 1 { return .noCurrentReport }
        return nil
    }

    func markers(
        for evaluation: TargetEvaluation, latest: ProgressEntry?, id: String, flagged: Set<String>,
        asOf: JudgingDay
    ) -> [Marker] {
        var markers: [Marker] = []
        // Unfinished and not overdue after its deadline: the final return is awaited (rule 3).
        let status = evaluation.status
        if let deadline = evaluation.deadline, asOf.day > deadline, !status.isFinished, status != .overdue,
            status != .notStarted
        {
            markers.append(.awaitingFinal)
        }
        if let marker = reportingMarker(latest: latest, status: evaluation.status, asOf: asOf) {
            markers.append(marker)
        }
        if flagged.contains(id) { markers.append(.flagged) }
        if asOf.unanswered.contains(id) { markers.append(.followUpOverdue) }
        return markers
    }
}
