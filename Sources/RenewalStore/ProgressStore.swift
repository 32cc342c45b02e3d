import RenewalModel

/// Where progress lives: every entry and supervision flag, append-only (DESIGN §3, 一事一记、全程留痕).
///
/// Two stores keep it: `SQLiteStore`, one file (the embedded default), and `PostgresStore`, a
/// server that several machines share. Both enforce the same rules in the database itself
/// (entries and flag events are never updated or deleted; writers are serialised, so of two
/// recording the same item and day exactly one stores), and every command and the dashboard
/// work alike on either. Methods block the calling thread until the store answers.
public protocol ProgressStore: AnyObject, Sendable {
    /// The store as the user names it in messages: a file path, or a server URL without its
    /// password.
    var location: String { get }
    /// True when this open made a new, empty store.
    var created: Bool { get }

    /// Migrations applied to the store, oldest first.
    func appliedMigrations() throws -> [String]
    /// Changes whenever an entry or flag is written, by this process or another.
    func changeToken() throws -> String

    /// The plan the store's entries belong to, as last recorded; nil when none is (a new store,
    /// or one made before plans were recorded).
    func recordedPlan() throws -> StorePlan?
    /// Records the plan the store's entries belong to from now on (kept with the earlier ones:
    /// the store's history says which plan it followed when).
    func recordPlan(_ plan: StorePlan, at: String) throws

    /// Every entry, in recording order, read as far as `detail` says.
    func entries(detail: EntryDetail) throws -> [ProgressEntry]
    /// Everything needed to judge and show some items, complete, in recording order: their
    /// entries and any entry elsewhere that corrects one of them.
    func entries(judging itemIds: Set<String>) throws -> [ProgressEntry]
    /// Entries for some items, in recording order.
    func entries(for itemIds: Set<String>) throws -> [ProgressEntry]
    /// The latest report on each item by each reporting unit, dated up to `asOf` (baselines are
    /// not reports).
    func latestReports(asOf: Day) throws -> [LatestReport]
    func entry(id: String) throws -> ProgressEntry?
    func entryCount() throws -> Int

    /// Appends one entry; returns it with its id.
    @discardableResult
    func append(_ entry: NewEntry) throws -> ProgressEntry
    /// Appends many entries in one transaction: all of them or none. Entries identical to a
    /// stored one (same item, date, value, milestone state and baseline year) are skipped.
    /// `progress` is called every `every` rows with (done, total) while writing.
    func appendAll(
        _ entries: [NewEntry], every: Int, progress: ((Int, Int) -> Void)?
    ) throws
        -> (added: [ProgressEntry], duplicates: [Int])
    /// Positions in `entries` of those already stored or repeated earlier in `entries`: what
    /// `appendAll` would skip.
    func duplicates(among entries: [NewEntry]) throws -> [Int]
    /// Compares `entry` with the standing entries of its item, and of the other `items` reported
    /// as the same figure (its indicator series), on its day (a preview: `record` decides again
    /// inside its write transaction).
    func sameDay(as entry: NewEntry, among items: Set<String>) throws -> SameDay
    /// Appends `entry` unless its item and day already hold it or hold another figure (on the item
    /// or on another of `items`, its series), decided inside the write transaction; a correction
    /// is appended unless it would land on another standing figure.
    func record(_ entry: NewEntry, among items: Set<String>) throws -> Recorded

    /// Flags an item for supervision (督办); an item already flagged gets a second flag.
    @discardableResult
    func flag(itemId: String, note: String, by: String, at: String, followUp: Day?) throws -> SupervisionFlag
    /// 催办: flags each of these items that has no open flag, all in one transaction.
    @discardableResult
    func flag(itemIds: [String], note: String, by: String, at: String, followUp: Day?) throws -> [SupervisionFlag]
    /// Clears (办结/销号) every open flag on an item, with the closing note if one is given;
    /// returns how many were cleared.
    func unflag(itemId: String, by: String, at: String, note: String?) throws -> Int
    /// Records a unit's reply (反馈) to every open flag on an item; returns how many got it.
    @discardableResult
    func reply(itemId: String, note: String, unit: String?, by: String, at: String) throws -> Int
    /// Flags, open ones only unless `includeCleared`, oldest first, with their replies.
    func flags(includeCleared: Bool) throws -> [SupervisionFlag]

    /// A watch that hears of every write by anyone at once (PostgreSQL's LISTEN), or nil when the
    /// store has none and must be asked (`changeToken`).
    func watchChanges() -> (any ChangeWatch)?

    /// Every row of the entries, flags and flag events as stored, ids included, read in one
    /// transaction (`renewal store copy`).
    func storedRows() throws -> StoredRows
    /// Writes rows read from another store into this one, which must hold no entry and no flag
    /// (`StoreError.notEmpty`): in one transaction, with their ids and timestamps; later writes
    /// take ids above them.
    func load(_ rows: StoredRows) throws

    /// From now on, every write of entries also brings the judging digest up to date for `plan`.
    func keepJudgingDigest(plan: Plan, planFingerprint: String, rules: StatusRules)
    /// Entries for judging on `asOf`: the digest when it is current for `digestKey`, every
    /// entry otherwise; `fromDigest` says which.
    func judgingEntries(asOf: Day, digestKey: String) throws -> (entries: [ProgressEntry], fromDigest: Bool)
}

extension ProgressStore {
    /// `sameDay(as:among:)` for an item of no series.
    public func sameDay(as entry: NewEntry) throws -> SameDay { try sameDay(as: entry, among: [entry.itemId]) }

    /// `record(_:among:)` for an item of no series.
    public func record(_ entry: NewEntry) throws -> Recorded { try record(entry, among: [entry.itemId]) }

    /// Every entry, in full.
    public func entries() throws -> [ProgressEntry] { try entries(detail: .full) }

    public func appendAll(_ entries: [NewEntry]) throws -> (added: [ProgressEntry], duplicates: [Int]) {
        try appendAll(entries, every: 1000, progress: nil)
    }

    public func flags() throws -> [SupervisionFlag] { try flags(includeCleared: false) }

    public func unflag(itemId: String, by: String, at: String) throws -> Int {
        try unflag(itemId: itemId, by: by, at: at, note: nil)
    }

    @discardableResult
    public func reply(itemId: String, note: String, by: String, at: String) throws -> Int {
        try reply(itemId: itemId, note: note, unit: nil, by: by, at: at)
    }

    public func keepJudgingDigest(plan: Plan, planFingerprint: String) {
        keepJudgingDigest(plan: plan, planFingerprint: planFingerprint, rules: .standard)
    }

    /// No watch: the dashboard asks `changeToken` now and then (a file's is cheap to read).
    public func watchChanges() -> (any ChangeWatch)? { nil }

    /// Ids of items with an open flag.
    public func flaggedItemIds() throws -> Set<String> {
        Set(try flags().map(\.itemId))
    }
}

/// How a command uses the store.
public enum StoreAccess: Sendable {
    /// Reports: the store must exist and be renewal's; it is opened read-only, so a user who
    /// may only read (a file, or a read-only database role) can still run every report.
    case read
    /// Recording, importing, flagging: the store is created when missing (`created` then says
    /// so) and checked before anything is written.
    case write
    /// The dashboard: reads at once and writes now and then (a flag, a figure). The store must
    /// exist; checks that take long run before the first write instead of delaying the first frame.
    case browse
}

/// How much of each entry `entries(detail:)` reads.
public enum EntryDetail: Sendable {
    /// Everything: for histories and reports that quote what departments wrote.
    case full
    /// What the status engine judges by (id, item, date, figure, state, correction, baseline
    /// year, whether 进展情况 says anything); the narrative fields are left empty. At a
    /// province's scale the text is most of the bytes.
    case judging
}

/// How a new entry relates to what is stored for its item and day.
public enum SameDay: Sendable {
    /// Nothing stored for that item and day (or baseline year).
    case none
    /// An entry with the same figure or state and the same text: storing it again adds nothing.
    case duplicate(ProgressEntry)
    /// The item's standing entry for that day has another figure or state: only a correction
    /// may replace it.
    case conflict(ProgressEntry)
}

/// What `record` did.
public enum Recorded: Sendable {
    case stored(ProgressEntry)
    /// Nothing written: the same entry stands already.
    case duplicate(ProgressEntry)
    /// Nothing written: another figure stands for that item and day; only a correction may
    /// replace it.
    case conflict(ProgressEntry)
}

/// Hears of other writers' changes as they happen, and of the connection it listens on.
public protocol ChangeWatch: AnyObject, Sendable {
    /// What happened since the last call (the dashboard calls it between keys).
    func news() -> ChangeNews
    /// Stops listening.
    func stop()
}

/// What a `ChangeWatch` heard since it was last asked.
public struct ChangeNews: Sendable, Equatable {
    /// Someone wrote: the store should be read again.
    public var changed = false
    /// The connection was lost (with why) or came back; nil when neither happened.
    public var connection: ConnectionNews?

    public init(changed: Bool = false, connection: ConnectionNews? = nil) {
        self.changed = changed
        self.connection = connection
    }
}

public enum ConnectionNews: Sendable, Equatable {
    case lost(Phrase)
    case restored
}
