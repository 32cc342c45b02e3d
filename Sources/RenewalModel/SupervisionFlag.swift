/// A supervision flag (督办): the item, who flagged it and when, a note, an optional follow-up
/// date, and when (and by whom) it was cleared.
public struct SupervisionFlag: Sendable, Hashable, Codable {
    public var id: String
    /// A target id or a measure id (M08).
    public var itemId: String
    public var note: String
    public var flaggedBy: String
    /// ISO 8601 timestamp.
    public var flaggedAt: String
    /// YYYY-MM-DD, when the unit must answer.
    public var followUp: String?
    public var clearedBy: String?
    public var clearedAt: String?

    public init(
        id: String, itemId: String, note: String, flaggedBy: String, flaggedAt: String, followUp: String? = nil,
        clearedBy: String? = nil, clearedAt: String? = nil
    ) {
        self.id = id
        self.itemId = itemId
        self.note = note
        self.flaggedBy = flaggedBy
        self.flaggedAt = flaggedAt
        self.followUp = followUp
        self.clearedBy = clearedBy
        self.clearedAt = clearedAt
    }

    /// True until the flag is cleared.
    public var isOpen: Bool { clearedAt == nil }

    /// True when the flag was raised on or before `day` and not cleared by then (DESIGN §4
    /// "Markers": 督办 as of the date judged). A review of October must not show a flag raised in
    /// November, nor hide one cleared in December.
    public func isOpen(on day: Day) -> Bool {
        // A timestamp that no longer reads (edited by hand) counts as raised at any date.
        if let raised = Day(String(flaggedAt.prefix(10))), raised > day { return false }
        guard let clearedAt else { return true }
        guard let cleared = Day(String(clearedAt.prefix(10))) else { return false }
        return cleared > day
    }
}

extension Array where Element == SupervisionFlag {
    /// The flags open on `day`.
    public func open(on day: Day) -> [SupervisionFlag] { filter { $0.isOpen(on: day) } }
}
