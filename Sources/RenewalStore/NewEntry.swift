import RenewalModel

/// An entry about to be stored (the store assigns its id).
public struct NewEntry: Sendable, Hashable {
    public var itemId: String
    public var date: Day
    public var value: Double?
    public var milestone: MilestoneState?
    public var progress: String
    public var problems: String
    public var nextSteps: String
    public var reportingUnit: String?
    public var recordedBy: String
    public var recordedAt: String
    public var corrects: String?
    public var reason: String?
    public var baselineYear: Int?
    /// Where it came from: "record", "import returns.csv:12".
    public var origin: String?

    public init(
        itemId: String, date: Day, value: Double? = nil, milestone: MilestoneState? = nil, progress: String = "",
        problems: String = "", nextSteps: String = "", reportingUnit: String? = nil, recordedBy: String,
        recordedAt: String, corrects: String? = nil, reason: String? = nil, baselineYear: Int? = nil,
        origin: String? = nil
    ) {
        self.itemId = itemId
        self.date = date
        self.value = value
        self.milestone = milestone
        self.progress = progress
        self.problems = problems
        self.nextSteps = nextSteps
        self.reportingUnit = reportingUnit
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.corrects = corrects
        self.reason = reason
        self.baselineYear = baselineYear
        self.origin = origin
    }

    /// Positions of entries that repeat an earlier one of the same list (no store to compare with).
    public static func repeats(among entries: [NewEntry]) -> [Int] {
        var seen = Set<DuplicateKey>()
        return entries.indices.filter { !seen.insert(entries[$0].duplicateKey).inserted }
    }

    var duplicateKey: DuplicateKey {
        DuplicateKey(
            itemId: itemId, date: date.description, value: value, milestone: milestone?.rawValue,
            baselineYear: baselineYear)
    }
}

/// What makes two entries the same report for re-import purposes.
struct DuplicateKey: Hashable {
    var itemId: String
    var date: String
    var value: Double?
    var milestone: String?
    var baselineYear: Int?
}
