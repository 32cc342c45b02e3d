import RenewalModel

/// One target as reports and scripts see it: what it asks, where it stands and who answers for it.
/// Encoded as JSON by `summary`, `overdue` and `show` (`--json`).
public struct TargetRow: Codable, Sendable, Equatable {
    public var id: String
    public var description: String
    public var kind: TargetKind
    /// The measure it belongs to (nil for an overall target).
    public var measure: Int?
    /// The programme's section number (nil for an overall target).
    public var programme: Int?
    public var status: Status
    public var statusLabel: String
    public var markers: [Marker]
    /// The year judged (annual and year-to-date targets).
    public var year: Int?
    public var goalText: String
    /// Milestones: the latest state reported (inProgress or done).
    public var milestoneState: MilestoneState?
    /// Unit of the figures below.
    public var unit: String?
    public var goal: Double?
    public var baseline: Double?
    public var actual: Double?
    public var actualDate: String?
    public var expected: Double?
    /// What was due by the date judged (`TargetEvaluation.due`): the goal when overdue, else `expected`.
    public var due: Double? { status == .overdue ? goal : expected }
    /// Fraction of the way to the goal (1 = reached).
    public var progress: Double?
    public var expectedProgress: Double?
    /// Percentage points behind the expected progress (negative = ahead).
    public var lag: Double?
    /// How far short of what was due: the goal once the deadline passed, otherwise the expected figure.
    public var gap: Double?
    public var deadline: String?
    public var leadUnits: [String]
    public var responsibleUnits: [String]
    /// Annual targets: each year judged.
    public var years: [YearRow]?

    public struct YearRow: Codable, Sendable, Equatable {
        public var year: Int
        public var status: Status
        public var statusLabel: String
        public var actual: Double?
        public var goal: Double?
    }

    init(_ evaluation: TargetEvaluation, target: Target, context: ReportContext) {
        let plan = context.plan
        let measure = plan.measure(containingTarget: target.id)
        id = target.id
        description = context.description(target)
        kind = target.kind
        self.measure = measure?.number
        programme = measure.flatMap { plan.programme(containing: $0.number)?.number }
        status = evaluation.status
        statusLabel = evaluation.status.label(context.language)
        markers = evaluation.markers
        year = evaluation.year
        goalText = target.goalText(context.language)
        milestoneState = evaluation.milestoneState
        unit = target.kind == .quantitative ? target.entryUnit : nil
        goal = evaluation.goal
        baseline = evaluation.baseline
        actual = evaluation.actual
        actualDate = evaluation.actualDate?.description
        expected = evaluation.expected
        progress = evaluation.progress
        expectedProgress = evaluation.expectedProgress
        lag = evaluation.lag
        if let actual = evaluation.actual {
            gap = evaluation.due.map { target.comparator == .atMost ? actual - $0 : $0 - actual }
        } else if evaluation.status == .overdue {
            gap = evaluation.goal
        }
        deadline = evaluation.deadline?.description
        leadUnits = plan.leadUnits(forTarget: target.id)
        responsibleUnits = measure?.responsibleUnits ?? []
        if !evaluation.years.isEmpty {
            years = evaluation.years.map {
                YearRow(
                    year: $0.year ?? 0, status: $0.status, statusLabel: $0.status.label(context.language),
                    actual: $0.actual, goal: $0.goal)
            }
        }
    }
}

extension ReportContext {
    /// The row for a target id (nil when the plan has no such target).
    func row(_ evaluation: TargetEvaluation) -> TargetRow? {
        guard let target = plan.target(id: evaluation.targetId) else { return nil }
        return TargetRow(evaluation, target: target, context: self)
    }
}
