/// Every threshold the status rules use, in one place (DESIGN §4); the help screen shows them.
///
/// - Returns are monthly; a month's return is due by day `returnDueDay` of the next month, that
///   day included. The *last due period* on a date is the latest month whose return was due
///   before it (a return is missing from the day after its due day); the
///   trajectory is read at that period's end, and year-to-date targets judge that period's year.
/// - lag ≤ `onTrackMaxLag` points → 按序时推进; ≤ `behindMaxLag` → 进度滞后; more → 严重滞后.
/// - 临期未完成 when the deadline is at most `dueSoonDays` days away (the deadline day included)
///   and the goal is not met.
/// - A cumulative count whose goal is at most `smallCountMaximum` (1个园区) is judged like a
///   milestone: never behind before its deadline.
/// - 本期未报 when the last due period has no entry; 数据陈旧 when the latest is `stalePeriods`
///   or more periods old; from `unjudgeablePeriods` the figure is too old to judge by (未报送).
/// - 左右/约 targets are met within `aboutTolerance` (a fraction) below the value, or above it.
public struct StatusRules: Sendable, Hashable {
    public var onTrackMaxLag: Double
    public var behindMaxLag: Double
    public var dueSoonDays: Int
    public var returnDueDay: Int
    public var smallCountMaximum: Double
    public var stalePeriods: Int
    /// A figure this many periods old or more is too old to judge by: 未报送 (DESIGN §4 rule 5).
    public var unjudgeablePeriods: Int
    public var aboutTolerance: Double

    public init(
        onTrackMaxLag: Double = 10, behindMaxLag: Double = 30, dueSoonDays: Int = 30, returnDueDay: Int = 10,
        smallCountMaximum: Double = 3, stalePeriods: Int = 2, unjudgeablePeriods: Int = 3,
        aboutTolerance: Double = 0.05
    ) {
        self.onTrackMaxLag = onTrackMaxLag
        self.behindMaxLag = behindMaxLag
        self.dueSoonDays = dueSoonDays
        self.returnDueDay = returnDueDay
        self.smallCountMaximum = smallCountMaximum
        self.stalePeriods = stalePeriods
        self.unjudgeablePeriods = unjudgeablePeriods
        self.aboutTolerance = aboutTolerance
    }

    /// The rules the plan's task force uses.
    public static let standard = StatusRules()

    /// Status for a lag in percentage points (expected minus actual progress).
    public func status(forLag lag: Double) -> Status {
        // A hair of tolerance so that a lag of exactly 10 or 30 points, computed in binary
        // floating point, lands on the side the rule states.
        let epsilon = 1e-9
        if lag <= onTrackMaxLag + epsilon { return .onTrack }
        if lag <= behindMaxLag + epsilon { return .behind }
        return .severelyBehind
    }

    /// The last day of the last due period on `day`: the latest month whose return was due
    /// *before* `day`. The due day is in time (a unit that files on the 10th is never late on the
    /// 10th): as of 2026-11-10, 2026-09-30; as of 2026-11-11, 2026-10-31.
    public func lastDuePeriodEnd(asOf day: Day) -> Day {
        var year = day.year
        var month = day.month - (day.day > returnDueDay ? 1 : 2)
        while month < 1 {
            month += 12
            year -= 1
        }
        return Day(year: year, month: month, day: Day.daysIn(month: month, year: year)) ?? Day.endOfYear(year)
    }

    /// The first day of the period that ends on `end` (a month).
    public func periodStart(endingOn end: Day) -> Day {
        Day(year: end.year, month: end.month, day: 1) ?? end
    }

    /// The day the first return of a plan starting on `start` is due (on it and before it,
    /// nothing can be late).
    public func firstReturnDue(planStart start: Day) -> Day {
        returnDue(forPeriodEnding: Day.endOfMonth(year: start.year, month: start.month))
    }

    /// The day the return for the period ending on `end` is due: day `returnDueDay` of the next
    /// month. It is missing from the day after.
    public func returnDue(forPeriodEnding end: Day) -> Day {
        Day(ordinal: end.ordinal + returnDueDay)
    }

    /// The first day on which the return for the period ending on `end` is missing (the 11th).
    public func returnMissing(forPeriodEnding end: Day) -> Day {
        Day(ordinal: end.ordinal + returnDueDay + 1)
    }

    /// The end of the period `count` months before the one ending on `end`.
    public func periodEnd(_ count: Int, before end: Day) -> Day {
        var year = end.year
        var month = end.month - count
        while month < 1 {
            month += 12
            year -= 1
        }
        return Day(year: year, month: month, day: Day.daysIn(month: month, year: year)) ?? end
    }
}
