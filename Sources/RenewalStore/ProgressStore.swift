import Foundation
import GRDB
import GRDBSQLite
import RenewalModel

/// The progress store: one SQLite file holding every progress entry and supervision flag.
///
/// Entries are append-only, enforced by triggers in the database itself: a correction is a new
/// entry naming the one it corrects (DESIGN §3, 一事一记、全程留痕). The file is opened as a
/// `DatabasePool` in WAL mode, so a dashboard can read while another process writes; writers
/// wait (busy timeout) rather than fail with "database is locked".
public final class ProgressStore: Sendable {
    public let path: String
    let pool: DatabasePool

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    public init(path: String) throws {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error)")
        }
    }

    /// Where the store lives unless told otherwise: `$XDG_DATA_HOME/renewal/renewal.sqlite`,
    /// or `~/.local/share/renewal/renewal.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            dataHome = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            dataHome = (home as NSString).appendingPathComponent(".local/share")
        }
        return ((dataHome as NSString).appendingPathComponent("renewal") as NSString).appendingPathComponent("renewal.sqlite")
    }

    // MARK: - Schema

    /// Versioned schema. Never edit a registered migration: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: entries and flags") { db in
            try db.create(table: "entry") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("itemId", .text).notNull().indexed()
                t.column("date", .text).notNull()
                t.column("value", .double)
                t.column("milestone", .text)
                t.column("progress", .text).notNull().defaults(to: "")
                t.column("problems", .text).notNull().defaults(to: "")
                t.column("nextSteps", .text).notNull().defaults(to: "")
                t.column("reportingUnit", .text)
                t.column("recordedBy", .text).notNull()
                t.column("recordedAt", .text).notNull()
                t.column("corrects", .integer).references("entry")
                t.column("reason", .text)
                t.column("baselineYear", .integer)
                t.column("origin", .text)
            }
            // Append-only: the history is the audit trail.
            try db.execute(sql: """
                CREATE TRIGGER entry_no_update BEFORE UPDATE ON entry
                BEGIN SELECT RAISE(ABORT, 'entries are append-only: record a correction instead'); END;
                CREATE TRIGGER entry_no_delete BEFORE DELETE ON entry
                BEGIN SELECT RAISE(ABORT, 'entries are append-only: record a correction instead'); END;
                """)
            try db.create(table: "flag") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("itemId", .text).notNull().indexed()
                t.column("note", .text).notNull()
                t.column("flaggedBy", .text).notNull()
                t.column("flaggedAt", .text).notNull()
                t.column("followUp", .text)
                t.column("clearedBy", .text)
                t.column("clearedAt", .text)
            }
        }
        return migrator
    }

    /// Migrations applied to this file, oldest first.
    public func appliedMigrations() throws -> [String] {
        try pool.read { try Self.migrator.appliedMigrations($0) }
    }

    /// Changes whenever an entry or flag is written, by this process or another: the dashboard
    /// polls it to pick up other people's work without a key press.
    public func changeToken() throws -> String {
        try pool.read { db in
            try String.fetchOne(db, sql: """
                SELECT (SELECT ifnull(max(id), 0) FROM entry) || ':' || (SELECT ifnull(max(id), 0) FROM flag)
                    || ':' || (SELECT count(clearedAt) FROM flag)
                """) ?? ""
        }
    }

    // MARK: - Entries

    /// What a stored date that no longer parses (edited by hand) reads as, rather than a crash:
    /// 0001-01-01, which `history` shows as plainly wrong.
    static let unreadableDate = Day(ordinal: -719162)

    /// How much of each entry `entries(detail:)` reads.
    public enum EntryDetail: Sendable {
        /// Everything: for histories and reports that quote what departments wrote.
        case full
        /// What the status engine judges by (id, item, date, figure, state, correction, baseline
        /// year); the narrative fields are left empty. At a province's scale the text is most of
        /// the bytes, and `summary`, `overdue` and the dashboard's start need none of it.
        case judging
    }

    /// Every entry, in recording order.
    ///
    /// Rows are stepped with SQLite's own API (through GRDB's statement) and dates parsed from
    /// SQLite's buffer: a province's store holds hundreds of thousands of entries, and going
    /// through GRDB's `Row` or Codable records cost most of the time the command took.
    public func entries(detail: EntryDetail = .full) throws -> [ProgressEntry] {
        let sql = switch detail {
        case .full: """
            SELECT id, itemId, date, value, milestone, corrects, baselineYear,
                   progress, problems, nextSteps, reportingUnit, recordedBy, recordedAt, reason FROM entry ORDER BY id
            """
        case .judging: "SELECT id, itemId, date, value, milestone, corrects, baselineYear FROM entry ORDER BY id"
        }
        return try pool.read { db in
            let count = try EntryRecord.fetchCount(db)
            let statement = try db.makeStatement(sql: sql)
            let handle = statement.sqliteStatement
            defer { sqlite3_reset(handle) }
            var entries: [ProgressEntry] = []
            entries.reserveCapacity(count)
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                let row = RawRow(handle: handle)
                let date = row.withBytes(2) { Day(isoBytes: $0) ?? Day(String(decoding: $0, as: UTF8.self)) } ?? Self.unreadableDate
                let id = String(row.int(0) ?? 0), itemId = row.text(1) ?? "", value = row.double(3)
                let milestone = row.text(4).flatMap(MilestoneState.init(rawValue:))
                let corrects = row.int(5).map { String($0) }, baselineYear = row.int(6).map { Int($0) }
                let entry = switch detail {
                case .judging:
                    ProgressEntry(id: id, itemId: itemId, date: date, value: value, milestone: milestone,
                                  corrects: corrects, baselineYear: baselineYear)
                case .full:
                    ProgressEntry(id: id, itemId: itemId, date: date, value: value, milestone: milestone,
                                  progress: row.text(7) ?? "", problems: row.text(8) ?? "", nextSteps: row.text(9) ?? "",
                                  reportingUnit: row.text(10), recordedBy: row.text(11), recordedAt: row.text(12),
                                  corrects: corrects, reason: row.text(13), baselineYear: baselineYear)
                }
                entries.append(entry)
            }
            return entries
        }
    }

    /// Entries for some items, in recording order.
    public func entries(for itemIds: Set<String>) throws -> [ProgressEntry] {
        try pool.read { db in
            try EntryRecord.filter(itemIds.contains(Column("itemId"))).order(Column("id")).fetchAll(db).map(\.entry)
        }
    }

    public func entry(id: String) throws -> ProgressEntry? {
        guard let key = Int64(id) else { return nil }
        return try pool.read { db in try EntryRecord.fetchOne(db, key: key)?.entry }
    }

    public func entryCount() throws -> Int {
        try pool.read { db in try EntryRecord.fetchCount(db) }
    }

    /// Appends one entry; returns it with its id.
    @discardableResult
    public func append(_ entry: NewEntry) throws -> ProgressEntry {
        try pool.write { db in try Self.insert(entry, db) }
    }

    /// Appends many entries in one transaction: all of them or none. Entries identical to a
    /// stored one (same item, date, value, milestone state and baseline year) are skipped.
    /// `progress` is called every `every` rows with (done, total) while writing.
    public func appendAll(_ entries: [NewEntry], every: Int = 1000,
                          progress: ((Int, Int) -> Void)? = nil) throws -> (added: [ProgressEntry], duplicates: [NewEntry]) {
        try pool.write { db in
            var seen = Set(try EntryRecord.fetchAll(db).map(\.duplicateKey))
            var added: [ProgressEntry] = []
            var duplicates: [NewEntry] = []
            for (index, entry) in entries.enumerated() {
                if index % every == 0 { progress?(index, entries.count) }
                let key = entry.duplicateKey
                if seen.contains(key) {
                    duplicates.append(entry)
                    continue
                }
                seen.insert(key)
                added.append(try Self.insert(entry, db))
            }
            progress?(entries.count, entries.count)
            return (added, duplicates)
        }
    }

    /// Which of these entries are already stored (same item, date, value, state, baseline year).
    public func duplicates(among entries: [NewEntry]) throws -> [NewEntry] {
        let stored = try pool.read { db in Set(try EntryRecord.fetchAll(db).map(\.duplicateKey)) }
        var seen = stored
        return entries.filter { entry in
            let key = entry.duplicateKey
            defer { seen.insert(key) }
            return seen.contains(key)
        }
    }

    static func insert(_ entry: NewEntry, _ db: Database) throws -> ProgressEntry {
        var record = EntryRecord(entry)
        try record.insert(db)
        return record.entry
    }

    // MARK: - Flags

    /// Flags an item for supervision (督办). An item already flagged gets a second flag: both
    /// notes are kept.
    @discardableResult
    public func flag(itemId: String, note: String, by: String, at: String, followUp: Day?) throws -> SupervisionFlag {
        try pool.write { db in
            var record = FlagRecord(id: nil, itemId: itemId, note: note, flaggedBy: by, flaggedAt: at,
                                    followUp: followUp?.description, clearedBy: nil, clearedAt: nil)
            try record.insert(db)
            return record.flag
        }
    }

    /// Clears every open flag on an item; returns how many were cleared.
    public func unflag(itemId: String, by: String, at: String) throws -> Int {
        try pool.write { db in
            try FlagRecord.filter(Column("itemId") == itemId && Column("clearedAt") == nil)
                .updateAll(db, Column("clearedBy").set(to: by), Column("clearedAt").set(to: at))
        }
    }

    /// Flags, open ones only unless `includeCleared`, oldest first.
    public func flags(includeCleared: Bool = false) throws -> [SupervisionFlag] {
        try pool.read { db in
            var request = FlagRecord.order(Column("id"))
            if !includeCleared { request = request.filter(Column("clearedAt") == nil) }
            return try request.fetchAll(db).map(\.flag)
        }
    }

    /// Ids of items with an open flag.
    public func flaggedItemIds() throws -> Set<String> {
        Set(try flags().map(\.itemId))
    }
}

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

    public init(itemId: String, date: Day, value: Double? = nil, milestone: MilestoneState? = nil, progress: String = "",
                problems: String = "", nextSteps: String = "", reportingUnit: String? = nil, recordedBy: String,
                recordedAt: String, corrects: String? = nil, reason: String? = nil, baselineYear: Int? = nil,
                origin: String? = nil) {
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

    var duplicateKey: DuplicateKey {
        DuplicateKey(itemId: itemId, date: date.description, value: value, milestone: milestone?.rawValue, baselineYear: baselineYear)
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

/// The store could not be used.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): return "cannot open the store \(path): \(reason)"
        }
    }
}

// MARK: - Records

/// The current row of a stepped SQLite statement, read column by column (NULL is nil).
struct RawRow {
    let handle: OpaquePointer

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func int(_ column: Int32) -> Int64? { isNull(column) ? nil : sqlite3_column_int64(handle, column) }

    func double(_ column: Int32) -> Double? { isNull(column) ? nil : sqlite3_column_double(handle, column) }

    func text(_ column: Int32) -> String? {
        isNull(column) ? nil : withBytes(column) { String(decoding: $0, as: UTF8.self) }
    }

    /// The column's text as bytes, valid only inside `body` (SQLite owns the buffer).
    func withBytes<Result>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let pointer = sqlite3_column_text(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        return body(UnsafeBufferPointer(start: pointer, count: pointer == nil ? 0 : count))
    }
}

struct EntryRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "entry"
    var id: Int64?
    var itemId: String
    var date: String
    var value: Double?
    var milestone: String?
    var progress: String
    var problems: String
    var nextSteps: String
    var reportingUnit: String?
    var recordedBy: String
    var recordedAt: String
    var corrects: Int64?
    var reason: String?
    var baselineYear: Int?
    var origin: String?

    init(_ entry: NewEntry) {
        itemId = entry.itemId
        date = entry.date.description
        value = entry.value
        milestone = entry.milestone?.rawValue
        progress = entry.progress
        problems = entry.problems
        nextSteps = entry.nextSteps
        reportingUnit = entry.reportingUnit
        recordedBy = entry.recordedBy
        recordedAt = entry.recordedAt
        corrects = entry.corrects.flatMap { Int64($0) }
        reason = entry.reason
        baselineYear = entry.baselineYear
        origin = entry.origin
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var duplicateKey: DuplicateKey {
        DuplicateKey(itemId: itemId, date: date, value: value, milestone: milestone, baselineYear: baselineYear)
    }

    /// The model's entry (a date that no longer parses reads as `ProgressStore.unreadableDate`).
    var entry: ProgressEntry {
        ProgressEntry(id: id.map { String($0) } ?? "", itemId: itemId, date: Day(date) ?? ProgressStore.unreadableDate,
                      value: value, milestone: milestone.flatMap(MilestoneState.init(rawValue:)),
                      progress: progress, problems: problems, nextSteps: nextSteps, reportingUnit: reportingUnit,
                      recordedBy: recordedBy, recordedAt: recordedAt, corrects: corrects.map { String($0) },
                      reason: reason, baselineYear: baselineYear)
    }
}

struct FlagRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "flag"
    var id: Int64?
    var itemId: String
    var note: String
    var flaggedBy: String
    var flaggedAt: String
    var followUp: String?
    var clearedBy: String?
    var clearedAt: String?

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var flag: SupervisionFlag {
        SupervisionFlag(id: id.map { String($0) } ?? "", itemId: itemId, note: note, flaggedBy: flaggedBy, flaggedAt: flaggedAt,
             followUp: followUp, clearedBy: clearedBy, clearedAt: clearedAt)
    }
}
