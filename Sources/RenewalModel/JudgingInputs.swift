import Foundation

/// The as-of date with what the rules read from it: the last due period and whether the plan's
/// first return is due yet (DESIGN §4 "Reporting periods").
struct JudgingDay {
    let day: Day
    /// The last day of the last due period (a month).
    let periodEnd: Day
    /// Its first day.
    let periodStart: Day
    /// True before the plan's first return is due: nothing can be missing yet.
    let beforeFirstReturn: Bool
    /// Items with an open flag whose 反馈期限 passed without an entry (超期未反馈).
    let unanswered: Set<String>

    init(_ day: Day, rules: StatusRules, planStart: Day, unanswered: Set<String> = []) {
        self.unanswered = unanswered
        self.day = day
        periodEnd = rules.lastDuePeriodEnd(asOf: day)
        periodStart = rules.periodStart(endingOn: periodEnd)
        beforeFirstReturn = day <= rules.firstReturnDue(planStart: planStart)
    }
}

/// Entries prepared for judging: corrections applied, later entries dropped, grouped by item —
/// the targets of one indicator series together (one figure, judged against each of them).
struct EntryBook {
    private let plan: Plan
    private var progressByItem: [String: [ProgressEntry]] = [:]
    private var baselinesByItem: [String: [ProgressEntry]] = [:]
    private(set) var unknownItemEntries: [ProgressEntry] = []

    /// - Parameter corrected: ids of entries corrected by entries that are not in `entries` (a
    ///   judging digest is built from some items' entries; a correction may sit elsewhere).
    init(entries: [ProgressEntry], asOf: Day, plan: Plan, corrected: Set<String> = []) {
        self.plan = plan
        var corrected = corrected
        for entry in entries { if let target = entry.corrects { corrected.insert(target) } }
        var known = Set(plan.allTargets.map(\.id))
        for measure in plan.measures { known.insert(measure.itemId) }
        for entry in entries where corrected.isEmpty || !corrected.contains(entry.id) {
            guard known.contains(entry.itemId) else {
                unknownItemEntries.append(entry)
                continue
            }
            if entry.isBaseline {
                baselinesByItem[Self.baselineKey(entry.itemId, plan: plan), default: []].append(entry)
            } else if entry.date <= asOf {
                progressByItem[plan.seriesKey(of: entry.itemId), default: []].append(entry)
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

    /// Where a baseline entered on an item is kept: with its series, except a `parentAverage`
    /// target's, which are the parent region's reference figures, not the indicator's own.
    static func baselineKey(_ itemId: String, plan: Plan) -> String {
        plan.target(id: itemId)?.judgedStyle == .parentAverage ? itemId : plan.seriesKey(of: itemId)
    }

    /// Progress entries for an item (with its series) up to the as-of date, oldest first.
    func series(_ itemId: String) -> [ProgressEntry] { progressByItem[plan.seriesKey(of: itemId)] ?? [] }

    /// Baseline entries for an item (with its series), in recording order.
    func baselines(_ itemId: String) -> [ProgressEntry] {
        baselinesByItem[Self.baselineKey(itemId, plan: plan)] ?? []
    }

    /// The baseline figure for a target: for a relative target the entry for its baseline year,
    /// otherwise the latest baseline entered (used as the trajectory's starting point).
    func baseline(for target: Target) -> Double? {
        let list = baselines(target.id)
        if let year = target.baselineYear {
            return list.last { $0.baselineYear == year }?.value
        }
        return list.last?.value
    }
}
