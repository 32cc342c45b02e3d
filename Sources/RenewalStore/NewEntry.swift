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

    /// What makes it the same report as another (`DuplicateKey`).
    public var duplicateKey: DuplicateKey {
        DuplicateKey(
            itemId: itemId, date: date.description, value: value, milestone: milestone?.rawValue,
            baselineYear: baselineYear)
    }
}

/// What makes two entries the same report for re-import purposes.
public struct DuplicateKey: Hashable, Sendable {
    public var itemId: String
    public var date: String
    public var value: Double?
    public var milestone: String?
    public var baselineYear: Int?

    public init(itemId: String, date: String, value: Double?, milestone: String?, baselineYear: Int?) {
        self.itemId = itemId
        self.date = date
        self.value = value
        self.milestone = milestone
        self.baselineYear = baselineYear
    }
}

extension DuplicateKey {
    /// A stored entry's key, as `NewEntry.duplicateKey` makes a new one's.
    public init(_ entry: ProgressEntry) {
        self.init(
            itemId: entry.itemId, date: entry.date.description, value: entry.value,
            milestone: entry.milestone?.rawValue, baselineYear: entry.baselineYear)
    }
}

extension SameDay {
    /// How `entry` relates to `stored`, the entries of its item on its day in recording order
    /// and in full (every store reads them, inside its write transaction, and asks this):
    /// the same report standing already, another figure standing, or neither. `replaced` is the
    /// entry a correction replaces (it no longer stands once the correction is in).
    public static func judge(_ entry: NewEntry, stored: [ProgressEntry], excluding replaced: String?) -> SameDay {
        let sameYear = stored.filter { $0.baselineYear == entry.baselineYear }
        var corrected = Set(sameYear.compactMap(\.corrects))
        if let replaced { corrected.insert(replaced) }
        // Entries on another target of the item's series (`stored` may hold them): one figure, so
        // another standing figure there on the day conflicts; the same figure, or a report with
        // none, does not.
        let sibling = sameYear.last {
            $0.itemId != entry.itemId && !corrected.contains($0.id) && $0.value != nil && entry.value != nil
                && $0.value != entry.value
        }
        if let sibling { return .conflict(sibling) }
        let standing = sameYear.filter { !corrected.contains($0.id) && $0.itemId == entry.itemId }
        let key = entry.duplicateKey
        if let same = standing.last(where: {
            DuplicateKey($0) == key && $0.progress == entry.progress && $0.problems == entry.problems
                && $0.nextSteps == entry.nextSteps
        }) {
            return .duplicate(same)
        }
        if let other = standing.last(where: { DuplicateKey($0) != key }) { return .conflict(other) }
        return .none
    }
}
