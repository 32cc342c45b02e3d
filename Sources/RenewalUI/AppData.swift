import RenewalModel

/// Everything the dashboard shows, loaded by the shell from the plan and the store. A reload
/// replaces it whole; the view state (where you are, what is selected) survives.
public struct AppData: Sendable {
    public var plan: Plan
    public var entries: [ProgressEntry]
    public var flags: [SupervisionFlag]
    public var asOf: Day
    /// The real date, for validating entries (no future dates).
    public var today: Day
    public var isSample: Bool
    public private(set) var evaluation: PlanEvaluation
    /// Lookups built once per load.
    let targetById: [String: Target]
    let measureByTarget: [String: Int]

    public init(plan: Plan, entries: [ProgressEntry], flags: [SupervisionFlag], asOf: Day, today: Day, isSample: Bool) {
        self.plan = plan
        self.entries = entries
        self.flags = flags
        self.asOf = asOf
        self.today = today
        self.isSample = isSample
        evaluation = StatusEngine(plan: plan).evaluate(entries: entries, flagged: Set(flags.map(\.itemId)), asOf: asOf)
        targetById = Dictionary(plan.allTargets.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var byTarget: [String: Int] = [:]
        for measure in plan.measures { for target in measure.targets { byTarget[target.id] = measure.number } }
        measureByTarget = byTarget
    }

    /// The same data judged on another day.
    public func judged(asOf day: Day) -> AppData {
        AppData(plan: plan, entries: entries, flags: flags, asOf: day, today: today, isSample: isSample)
    }

    public func target(_ id: String) -> Target? { targetById[id] }

    public func measureNumber(ofTarget id: String) -> Int? { measureByTarget[id] }

    public func isFlagged(_ itemId: String) -> Bool { flags.contains { $0.itemId == itemId } }
}
