/// The judgement of one target as of a date, with the numbers behind it.
public struct TargetEvaluation: Sendable, Hashable {
    public var targetId: String
    public var status: Status
    public var markers: [Marker]
    /// The year judged, for annual (每年) and year-to-date targets.
    public var year: Int?
    /// Latest reported figure in the judged period, and its date.
    public var actual: Double?
    public var actualDate: Day?
    /// The baseline figure (entered by staff), when there is one.
    public var baseline: Double?
    /// The goal as an absolute figure for the judged period (relative targets: baseline × growth).
    public var goal: Double?
    /// The figure expected on a straight (or compound) path to the goal, read on `expectedOn`.
    public var expected: Double?
    /// What was due by the date judged (应达): the goal itself once the deadline has passed unmet,
    /// otherwise the figure on the path (nil where no path applies, e.g. a goal already met).
    public var due: Double? { status == .overdue ? goal : expected }
    /// The day the path is read: the end of the last due period (DESIGN §4), or the deadline.
    public var expectedOn: Day?
    /// How far along the way to the goal the actual figure is (1 = goal reached).
    public var progress: Double?
    /// How far along it should be by now.
    public var expectedProgress: Double?
    /// Expected minus actual progress, in percentage points (positive = behind).
    public var lag: Double?
    /// The deadline that applies (annual targets: 31 December of `year`).
    public var deadline: Day?
    /// Latest milestone state reported.
    public var milestoneState: MilestoneState?
    /// The most recent entry for this target (any period), for "last reported".
    public var latestEntry: ProgressEntry?
    /// Annual targets: every year judged so far, oldest first.
    public var years: [TargetEvaluation]

    public init(
        targetId: String, status: Status, markers: [Marker] = [], year: Int? = nil,
        actual: Double? = nil, actualDate: Day? = nil, baseline: Double? = nil, goal: Double? = nil,
        expected: Double? = nil, progress: Double? = nil, expectedProgress: Double? = nil,
        lag: Double? = nil, deadline: Day? = nil, milestoneState: MilestoneState? = nil,
        latestEntry: ProgressEntry? = nil, years: [TargetEvaluation] = []
    ) {
        self.targetId = targetId
        self.status = status
        self.markers = markers
        self.year = year
        self.actual = actual
        self.actualDate = actualDate
        self.baseline = baseline
        self.goal = goal
        self.expected = expected
        self.progress = progress
        self.expectedProgress = expectedProgress
        self.lag = lag
        self.deadline = deadline
        self.milestoneState = milestoneState
        self.latestEntry = latestEntry
        self.years = years
    }
}

/// The judgement of one measure: the worst of its targets, or, for a measure without targets,
/// whether it is being reported on (持续推进) from its narrative entries.
public struct MeasureEvaluation: Sendable, Hashable {
    public var number: Int
    public var status: Status
    public var markers: [Marker]
    public var targets: [TargetEvaluation]
    /// The latest narrative entry on the measure itself.
    public var latestNarrative: ProgressEntry?

    public init(
        number: Int, status: Status, markers: [Marker], targets: [TargetEvaluation],
        latestNarrative: ProgressEntry?
    ) {
        self.number = number
        self.status = status
        self.markers = markers
        self.targets = targets
        self.latestNarrative = latestNarrative
    }
}

/// A programme's measures with their statuses counted (never averaged).
public struct ProgrammeEvaluation: Sendable, Hashable {
    public var number: Int
    public var measures: [MeasureEvaluation]
    public var counts: StatusCounts

    public init(number: Int, measures: [MeasureEvaluation]) {
        self.number = number
        self.measures = measures
        self.counts = StatusCounts(measures.map(\.status))
    }

    /// Targets of this programme that are overdue or lagging.
    public var overdueCount: Int {
        measures.flatMap(\.targets).filter { $0.status.isOverdueOrLagging }.count
    }
}

/// Counts per status, iterated worst first.
public struct StatusCounts: Sendable, Hashable {
    public private(set) var counts: [Status: Int]

    public init(_ statuses: [Status] = []) {
        counts = [:]
        for status in statuses { counts[status, default: 0] += 1 }
    }

    public subscript(status: Status) -> Int { counts[status] ?? 0 }

    public var total: Int { counts.values.reduce(0, +) }

    /// Non-zero counts, worst status first.
    public var nonZero: [(status: Status, count: Int)] {
        Status.worstFirst.compactMap { status in
            let n = self[status]
            return n > 0 ? (status, n) : nil
        }
    }

    public static func + (lhs: StatusCounts, rhs: StatusCounts) -> StatusCounts {
        var result = lhs
        for (status, n) in rhs.counts { result.counts[status, default: 0] += n }
        return result
    }
}

/// The whole plan judged as of one date.
public struct PlanEvaluation: Sendable, Hashable {
    public var asOf: Day
    public let overall: [TargetEvaluation]
    public let programmes: [ProgrammeEvaluation]
    /// Entries that name an item the plan does not have (reported, never fatal).
    public var unknownItemEntries: [ProgressEntry]

    /// Every measure, in plan order.
    public let measures: [MeasureEvaluation]
    /// Every target's evaluation: overall targets first, then by measure.
    public let targets: [TargetEvaluation]
    /// Lookups built once: views and reports ask for single items many times per frame.
    private let targetIndex: [String: Int]
    private let measureIndex: [Int: Int]

    public init(
        asOf: Day, overall: [TargetEvaluation], programmes: [ProgrammeEvaluation],
        unknownItemEntries: [ProgressEntry]
    ) {
        self.asOf = asOf
        self.overall = overall
        self.programmes = programmes
        self.unknownItemEntries = unknownItemEntries
        measures = programmes.flatMap(\.measures)
        targets = overall + measures.flatMap(\.targets)
        targetIndex = Dictionary(
            targets.enumerated().map { ($1.targetId, $0) }, uniquingKeysWith: { first, _ in first })
        measureIndex = Dictionary(
            measures.enumerated().map { ($1.number, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func measure(_ number: Int) -> MeasureEvaluation? {
        measureIndex[number].map { measures[$0] }
    }

    public func target(_ id: String) -> TargetEvaluation? {
        targetIndex[id].map { targets[$0] }
    }

    /// Measures counted by status, plan-wide.
    public var measureCounts: StatusCounts {
        programmes.reduce(StatusCounts()) { $0 + $1.counts }
    }

    /// Targets counted by status, plan-wide (overall targets included).
    public var targetCounts: StatusCounts { StatusCounts(targets.map(\.status)) }
}
