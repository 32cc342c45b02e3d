import Foundation

/// Growth on the previous year, every year (每年比上年增长5%以上, PLAN-FORMAT.md's
/// `growthOnPreviousYear`): each calendar year is judged like an annual target whose goal is the
/// year before's full-year figure grown by the rate.
extension StatusEngine {
    /// The previous year's full-year figure, which a year's goal grows from: a baseline entered for
    /// that year (a published statistic wins), else the figure reported in its December (a
    /// year-to-date figure is the whole year only then). Nil when neither is in.
    func previousYearFigure(_ target: Target, year: Int, valued: [ProgressEntry], book: EntryBook) -> Double? {
        if let entered = book.baselines(target.id).last(where: { $0.baselineYear == year - 1 })?.value {
            return entered
        }
        let december = valued.last { $0.date.year == year - 1 && $0.date.month == 12 }
        return december?.value
    }

    /// The goal of one year: the previous year's figure × (1 + rate); nil without that figure
    /// or with a figure no growth can be measured on (0 or below).
    func previousYearGoal(_ target: Target, year: Int, valued: [ProgressEntry], book: EntryBook) -> Double? {
        guard let rate = target.value,
            let before = previousYearFigure(target, year: year, valued: valued, book: book), before.isFinite,
            before > 0
        else { return nil }
        return before * (1 + rate / 100)
    }

    /// Each year from the plan's start to the last due period's (and at most the target's
    /// deadline year) is judged on its own against its own goal; the year judged decides, the
    /// earlier ones are its history (`years`), as for annual targets. A year whose previous
    /// figure is missing is 基数缺失.
    func evaluatePreviousYearGrowth(
        _ target: Target, valued: [ProgressEntry], book: EntryBook, asOf: JudgingDay
    ) -> TargetEvaluation {
        let firstYear = plan.startDate.year
        guard asOf.day >= plan.startDate else {
            return TargetEvaluation(
                targetId: target.id, status: .notStarted, year: firstYear,
                goal: previousYearGoal(target, year: firstYear, valued: valued, book: book),
                deadline: Day.endOfYear(firstYear))
        }
        let lastYear = min(asOf.periodEnd.year, (target.deadline ?? plan.endDate).year)
        let years = (firstYear...max(firstYear, lastYear)).map { year in
            let goal = previousYearGoal(target, year: year, valued: valued, book: book)
            var judged = judgeYear(
                target, year: year, deadline: Day.endOfYear(year), yearGoal: goal, doneGoal: goal,
                valued: valued, asOf: asOf)
            judged.baseline = previousYearFigure(target, year: year, valued: valued, book: book)
            return judged
        }
        var shown = years[years.count - 1]
        shown.years = years
        return shown
    }
}
