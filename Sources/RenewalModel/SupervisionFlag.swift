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
    /// The unit's answers (反馈), oldest first; nil when there are none.
    public var replies: [FlagNote]?
    /// Why the flag was closed (办结/销号), when it was closed with a note.
    public var closingNote: String?

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

    /// The day it was raised; nil when its timestamp no longer reads (edited by hand).
    public var raisedOn: Day? { Day(timestamp: flaggedAt) }
    /// The day it was cleared, when it was and its timestamp reads.
    public var clearedOn: Day? { clearedAt.flatMap { Day(timestamp: $0) } }
    /// The day the unit must answer by (反馈期限), when one was set and reads.
    public var followUpDay: Day? { followUp.flatMap { Day($0) } }

    /// Whether the flag was answered by `day`: a reply recorded by then.
    public func replied(by day: Day) -> Bool {
        (replies ?? []).contains { $0.day.map { $0 <= day } ?? true }
    }

    /// True until the flag is cleared.
    public var isOpen: Bool { clearedAt == nil }

    /// True when the flag was raised on or before `day`. A timestamp that no longer reads (edited
    /// by hand) counts as raised at any date.
    public func isRaised(by day: Day) -> Bool {
        raisedOn.map { $0 <= day } ?? true
    }

    /// True when the flag was raised on or before `day` and not cleared by then (DESIGN §4
    /// "Markers": 督办 as of the date judged). A review of October must not show a flag raised in
    /// November, nor hide one cleared in December.
    public func isOpen(on day: Day) -> Bool {
        guard isRaised(by: day) else { return false }
        guard clearedAt != nil else { return true }
        guard let cleared = clearedOn else { return false }
        return cleared > day
    }
}

/// A note added to a flag after it was raised: a reply (反馈), with the unit that replies, who
/// recorded it and when.
public struct FlagNote: Sendable, Hashable, Codable {
    public var note: String
    /// The unit answering (one of the item's units); nil for replies recorded before units were
    /// named, or on an item with no unit.
    public var unit: String?
    /// Who recorded it (the operator's login).
    public var by: String
    /// ISO 8601 timestamp.
    public var at: String
    /// The day it was recorded; nil when its timestamp no longer reads.
    public var day: Day? { Day(timestamp: at) }

    public init(note: String, unit: String? = nil, by: String, at: String) {
        self.note = note
        self.unit = unit
        self.by = by
        self.at = at
    }
}

extension Array where Element == SupervisionFlag {
    /// The flags open on `day`.
    public func open(on day: Day) -> [SupervisionFlag] { filter { $0.isOpen(on: day) } }
}
