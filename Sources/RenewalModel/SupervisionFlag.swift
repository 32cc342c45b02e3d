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

    public init(id: String, itemId: String, note: String, flaggedBy: String, flaggedAt: String, followUp: String? = nil,
                clearedBy: String? = nil, clearedAt: String? = nil) {
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
}
