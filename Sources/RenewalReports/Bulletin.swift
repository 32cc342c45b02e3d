import RenewalModel
import RenewalText

/// The monthly bulletin (通报) of the task force (DESIGN §1): the overall situation and its change
/// since the previous month, highlights, overdue and lagging items by lead unit, flagged items, and
/// the units that have not reported for the period. `document()` lays it out once
/// (`BulletinDocument`), and `markdown()`, `html()` print that; `csvTable()` lists its items for
/// a spreadsheet.
public struct Bulletin: Encodable, Sendable {
    public var title: String
    public var asOf: String
    /// The comparison date: the same day a month earlier.
    public var previousAsOf: String
    /// Reports dated from this day up to `asOf` count as this period's returns.
    public var periodStart: String
    public var sampleData: Bool
    public var situation: [StatusLine]
    /// Item by item, what changed since `previousAsOf` (the dashboard's `c`).
    public var changes: StatusChanges
    public var measureCounts: [String: Int]
    public var highlights: [TargetRow]
    public var overdue: [OverdueReport.Group]
    public var flagged: [FlaggedItem]
    public var notReported: [UnitLine]

    public struct StatusLine: Encodable, Sendable {
        public var status: Status
        public var label: String
        public var count: Int
        public var previous: Int
        public var change: Int
    }

    public struct FlaggedItem: Encodable, Sendable {
        public var flag: SupervisionFlag
        public var title: String
        public var status: Status
        public var statusLabel: String
        public var leadUnits: [String]
        /// Where the flag stands on the bulletin's day (the 督办台账's state: 超期未反馈 N 天, 逾期反馈…);
        /// for a flag closed since the previous bulletin, 已办结 and how it was answered before.
        public var replyState: String
        /// The last reply by the bulletin's day, with the unit that gave it.
        public var latestReply: FlagNote?
    }

    public struct UnitLine: Encodable, Sendable {
        public var unit: String
        public var short: String
        /// Items the unit leads (targets and measures without targets).
        public var items: Int
        /// Date of its latest report, if any.
        public var lastReport: String?
    }

    let context: ReportContext

    enum CodingKeys: String, CodingKey {
        case title, asOf, previousAsOf, periodStart, sampleData, situation, changes, measureCounts, highlights, overdue,
            flagged,
            notReported
    }

    public init(context: ReportContext) {
        self.context = context
        let plan = context.plan
        let now = context.evaluation
        let asOfDay = now.asOf
        let previousDay = Bulletin.monthBefore(asOfDay)
        let flaggedIds = Set(context.flags.map(\.itemId))
        let before = StatusEngine(plan: plan).evaluate(entries: context.entries, flagged: flaggedIds, asOf: previousDay)
        title = context.pick("\(plan.title)工作进展通报", "Progress bulletin: \(plan.titleEn)")
        asOf = asOfDay.description
        previousAsOf = previousDay.description
        // Who has not filed: nothing dated in the last due period or since (DESIGN §4 "Reporting
        // periods"), so a unit is not named in January for a return not yet due.
        let rules = StatusRules.standard
        let start = rules.periodStart(endingOn: rules.lastDuePeriodEnd(asOf: asOfDay))
        periodStart = start.description
        sampleData = context.isSample

        let counts = now.targetCounts
        let previousCounts = before.targetCounts
        situation = Status.worstFirst.map {
            StatusLine(
                status: $0, label: $0.label(context.language), count: counts[$0], previous: previousCounts[$0],
                change: counts[$0] - previousCounts[$0])
        }
        changes = StatusChanges(plan: plan, before: before, now: now, language: context.language)
        measureCounts = now.measureCounts.dictionary

        // Highlights: done since the previous bulletin, then ahead of schedule.
        let previousById = Dictionary(before.targets.map { ($0.targetId, $0) }, uniquingKeysWith: { a, _ in a })
        let newlyDone = now.targets.filter {
            $0.status.isFinished && !(previousById[$0.targetId]?.status.isFinished ?? false)
        }
        let ahead = now.targets.filter { $0.status == .onTrack && ($0.lag ?? 0) <= -5 }.sorted {
            ($0.lag ?? 0) < ($1.lag ?? 0)
        }
        highlights = (newlyDone + ahead).compactMap { context.row($0) }

        // An item co-led by several units appears once, under its first lead unit (DESIGN §5
        // "Bulletins"): G25-2 was listed four times.
        overdue = OverdueReport(context: context).groups.compactMap { group in
            var kept = group
            kept.items = group.items.filter { ($0.leadUnits.first ?? "") == group.unit }
            return kept.items.isEmpty ? nil : kept
        }
        // Open flags, most urgent first, then those closed since the previous bulletin: a late
        // reply (逾期反馈) stays on the record after the flag is closed (DESIGN §4 "Markers").
        let ledger = FlagLedger.lines(
            context.flagHistory, entries: context.entries, plan: plan, on: asOfDay, includeClosed: true)
        let shown = ledger.filter { line in
            guard line.state == .closed else { return true }
            let cleared = line.flag.clearedOn ?? asOfDay
            return cleared > previousDay
        }
        flagged = shown.map { line in
            let flag = line.flag
            let target = plan.target(id: flag.itemId)
            let measure = plan.measure(itemId: flag.itemId)
            let status =
                now.target(flag.itemId)?.status ?? measure.flatMap { now.measure($0.number)?.status } ?? .noReport
            return FlaggedItem(
                flag: flag,
                title: target.map(context.description) ?? measure.map { context.pick($0.title, $0.titleEn) }
                    ?? flag.itemId,
                status: status, statusLabel: status.label(context.language),
                leadUnits: plan.leadUnits(forItem: flag.itemId),
                replyState: Bulletin.replyState(line, context.language), latestReply: line.latestReply)
        }
        notReported = Bulletin.silentUnits(plan: plan, evaluation: now, entries: context.entries)
    }

    /// A flag's state in the 督办 section: the ledger's, and for a closed flag how it had been
    /// answered on the day before it was closed (已办结；逾期反馈（超期 4 天）).
    static func replyState(_ line: FlagLedgerLine, _ language: Language) -> String {
        guard line.state == .closed, let cleared = line.flag.clearedOn else {
            return line.state.label(language)
        }
        let before = FlagState.of(line.flag, on: cleared.adding(days: -1), answeredOn: line.answeredByReport)
        switch before {
        case .repliedLate, .noReplyPastDue:
            return line.state.label(language) + language.pick("；", "; ") + before.label(language)
        default:
            return line.state.label(language)
        }
    }

    /// The same day one month earlier (clamped to the month's length).
    public static func monthBefore(_ day: Day) -> Day {
        let year = day.month == 1 ? day.year - 1 : day.year
        let month = day.month == 1 ? 12 : day.month - 1
        return Day(year: year, month: month, day: min(day.day, Day.daysIn(month: month, year: year))) ?? day
    }

    /// Units that lead unfinished items and have none of them filed for the last due period (未报送), in the plan's
    /// order: the reporting status's rule (`ReportingStatus`), so the bulletin and `b` name the same units.
    static func silentUnits(plan: Plan, evaluation: PlanEvaluation, entries: [ProgressEntry]) -> [UnitLine] {
        let status = ReportingStatus(
            plan: plan, evaluation: evaluation, reports: LatestReport.from(entries, asOf: evaluation.asOf),
            language: .zh)
        let order = Dictionary(plan.units.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        return status.notReported.sorted { (order[$0.unit] ?? 0) < (order[$1.unit] ?? 0) }.map {
            UnitLine(unit: $0.unit, short: $0.short, items: $0.items, lastReport: $0.lastReport)
        }
    }

    // MARK: - Pieces

    func situationSentence() -> String {
        let c = context
        let total = situation.reduce(0) { $0 + $1.count }
        let parts = situation.filter { $0.count > 0 }.map { line -> String in
            let change =
                line.change == 0
                ? "" : c.pick("（较上期\(line.change > 0 ? "增加" : "减少")\(abs(line.change))）", " (\(signed(line.change)))")
            return "\(line.label) \(line.count)\(change)"
        }
        return c.pick("全部 \(total) 项指标中，", "Of \(total) targets: ") + parts.joined(separator: c.pick("，", ", "))
            + c.pick("。", ".")
    }

    func highlightText(_ row: TargetRow) -> String {
        let c = context
        if row.status.isFinished {
            return row.statusLabel
                + (row.actual.map { "，" + c.pick("实际 ", "actual ") + c.quantity($0, unit: row.unit) } ?? "")
        }
        return c.lagText(row.lag ?? 0)
            + (row.actual.map { c.pick("，实际 ", ", actual ") + c.quantity($0, unit: row.unit) } ?? "")
    }

    func groupName(_ group: OverdueReport.Group) -> String {
        group.unit.isEmpty
            ? context.pick("总体目标（未指定牵头单位）", "Overall targets (no lead unit)") : context.unitName(group.unit)
    }

    func period(_ row: TargetRow) -> String {
        // Year-to-date targets (annual ones included) are judged for a year: say which.
        guard let year = row.year, context.plan.target(id: row.id)?.reading == .yearToDate else { return "" }
        return context.pick("（\(year)年度）", " (\(year))")
    }

    func due(_ row: TargetRow) -> String {
        guard row.kind == .quantitative else { return row.goalText }
        return row.due.map { context.quantity($0, unit: row.unit, approximate: true) } ?? "-"
    }

    /// What was reported: a figure, or a milestone's latest state with its date (never 无 when
    /// 推进中 is reported every month).
    func actual(_ row: TargetRow) -> String {
        guard row.kind == .milestone else { return context.quantity(row.actual, unit: row.unit) }
        guard let state = row.milestoneState else { return context.pick("无报送", "none reported") }
        let date = context.evaluation.target(row.id)?.latestEntry?.date.description
        return state.label(context.language) + (date.map { context.pick("（\($0)）", " (\($0))") } ?? "")
    }

    /// The other lead units of a co-led item, named where it is listed once.
    func coLeads(_ row: TargetRow) -> String {
        guard row.leadUnits.count > 1 else { return "" }
        let others = row.leadUnits.dropFirst().map { context.unitName($0, short: true) }
        return context.pick(
            "（共同牵头：\(others.joined(separator: "、"))）", " (also led by \(others.joined(separator: ", ")))")
    }

    func gap(_ row: TargetRow) -> String {
        guard let gap = row.gap, gap > 0 else { return "-" }
        return context.gapText(gap, unit: row.unit)
    }

    func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : "\(n)" }
}

/// A cell of a report table: text, or a number that a spreadsheet should treat as one.
public enum ReportCell: Sendable, Equatable {
    case text(String)
    case number(Double?)
}

extension Language {
    func pick<T>(_ zh: T, _ en: T) -> T { self == .zh ? zh : en }
}

extension ReportContext {
    func pick<T>(_ zh: T, _ en: T) -> T { language.pick(zh, en) }
}
