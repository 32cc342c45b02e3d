import Foundation
import GRDB
import GRDBSQLite
import RenewalModel
import RenewalText
import Synchronization

/// The progress store: one SQLite file holding every progress entry and supervision flag.
///
/// Entries are append-only, enforced by triggers in the database itself: a correction is a new
/// entry naming the one it corrects (DESIGN §3, 一事一记、全程留痕). The file is opened as a
/// `DatabasePool` in WAL mode, so a dashboard can read while another process writes; writers
/// wait (busy timeout) rather than fail with "database is locked".
public final class ProgressStore: Sendable {
    public let path: String
    /// A `DatabasePool` (WAL: readers beside a writer); a `DatabaseQueue` for a store read from a
    /// copy without its -wal and -shm files (`StoreFile.readOnlyPath`).
    let pool: any DatabaseWriter

    /// How a command uses the store.
    public enum Access: Sendable {
        /// Reports: the file must exist and be a renewal store; it is opened read-only, so a
        /// user who may only read the file (or its folder) can still run every report.
        case read
        /// Recording, importing, flagging: the store is created when missing (`created` then says
        /// so) and checked for damage before anything is written.
        case write
        /// The dashboard: reads at once and writes now and then (a flag, a figure). The store must
        /// exist; the damage check, linear in the file, runs before the first write instead of
        /// delaying the first frame.
        case browse
    }

    let access: Access
    /// Whether `PRAGMA quick_check` has passed in this process (always true for `.write`, which
    /// checks before it opens).
    private let checkedSound: Mutex<Bool>
    /// The plan and rules the judging digest is kept with on every write (`keepJudgingDigest`).
    let digestKeeper = Mutex<DigestKeeper?>(nil)

    /// True when this open made a new, empty store.
    public let created: Bool

    /// Opens the store at `path` for `access`, bringing its schema up to date when writing.
    ///
    /// Nothing is written to a file that is not a renewal store: the file is inspected first
    /// (`StoreFile`), and another application's SQLite file, a store from a newer renewal, a
    /// damaged store or a missing one (for reading) is refused with `StoreError`.
    public init(path: String, access: Access) throws {
        self.path = path
        self.access = access
        checkedSound = Mutex(access == .write)
        // Damage is looked for before the pool opens: opening one for writing already writes
        // (GRDB creates and drops a table so that the -wal and -shm files exist).
        let kind = StoreFile.inspect(path: path, checkIntegrity: access == .write)
        switch kind {
        case .missing where access != .write: throw StoreError.missing(path: path)
        case .notSQLite: throw StoreError.notAStore(path: path)
        case .foreign: throw StoreError.foreign(path: path)
        case let .newer(migrations): throw StoreError.newerSchema(path: path, migrations: migrations)
        case let .damaged(reason): throw StoreError.damaged(path: path, reason: reason)
        case let .unreadable(reason): throw StoreError.cannotOpen(path: path, reason: reason)
        case let .notAFile(what): throw StoreError.notAFile(path: path, what: what)
        case .empty where access != .write: throw StoreError.empty(path: path)
        case .missing, .empty, .renewal: break
        }
        created = kind == .missing || kind == .empty
        if access == .write, kind == .missing {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                do {
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                } catch {
                    throw StoreError.cannotOpen(
                        path: path, reason: Phrase("无法创建文件夹 \(directory)", "cannot create the folder \(directory)"))
                }
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        configuration.readonly = access == .read
        if access != .read {
            // Keep the -wal and -shm files when the last connection closes: a reader who may not
            // write the folder can open a WAL database read-only only while they exist.
            configuration.prepareDatabase { db in
                var persist: Int32 = 1
                _ = sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
            }
        }
        do {
            let readOnlyPath = access == .read ? StoreFile.readOnlyPath(path) : path
            if readOnlyPath != path {
                pool = try DatabaseQueue(path: readOnlyPath, configuration: configuration)
            } else {
                pool = try DatabasePool(path: path, configuration: configuration)
            }
            if access == .write { try Self.migrator.migrate(pool) }
            if access == .browse, try !pool.read({ try Self.migrator.hasCompletedMigrations($0) }) {
                try ensureSoundBeforeWriting()
                try Self.migrator.migrate(pool)
            }
        } catch let error as DatabaseError {
            if access == .read, error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN {
                // WAL needs its -shm file; a reader who may not write the folder cannot create it.
                throw StoreError.readOnlyFolder(path: path)
            }
            throw StoreError.from(error, path: path)
        }
    }

    /// Reads, with SQLite's failures turned into `StoreError`s a user can act on.
    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch let error as DatabaseError { throw StoreError.from(error, path: path) }
    }

    /// Writes in one transaction, with SQLite's failures turned into `StoreError`s; never to a
    /// store found damaged, nor to one opened read-only.
    func writing<T>(_ body: (Database) throws -> T) throws -> T {
        if access == .read { throw StoreError.readOnly(path: path) }
        try ensureSoundBeforeWriting()
        do { return try pool.write(body) } catch let error as DatabaseError { throw StoreError.from(error, path: path) }
    }

    /// `PRAGMA quick_check`, once per process, before the first write of a store opened to browse.
    func ensureSoundBeforeWriting() throws {
        try checkedSound.withLock { checked in
            guard !checked else { return }
            let result = try reading { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            guard result == ["ok"] else {
                throw StoreError.damaged(path: path, reason: result.prefix(3).joined(separator: "; "))
            }
            checked = true
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
        return ((dataHome as NSString).appendingPathComponent("renewal") as NSString).appendingPathComponent(
            "renewal.sqlite")
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
            try db.execute(
                sql: """
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
        migrator.registerMigration("v2: application id") { db in
            // Marks the file as renewal's, so that it is told apart from any other SQLite file.
            try db.execute(sql: "PRAGMA application_id = \(StoreFile.applicationId)")
        }
        migrator.registerMigration("v3: flag events") { db in
            // What happens to a flag after it is raised: a unit's reply (反馈), the closing note
            // (办结/销号). Append-only, like entries: the supervision history is kept whole.
            try db.create(table: "flagEvent") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("flagId", .integer).notNull().indexed().references("flag")
                t.column("kind", .text).notNull()
                t.column("note", .text).notNull()
                t.column("by", .text).notNull()
                t.column("at", .text).notNull()
            }
            try db.execute(
                sql: """
                    CREATE TRIGGER flag_event_no_update BEFORE UPDATE ON flagEvent
                    BEGIN SELECT RAISE(ABORT, 'flag events are append-only'); END;
                    CREATE TRIGGER flag_event_no_delete BEFORE DELETE ON flagEvent
                    BEGIN SELECT RAISE(ABORT, 'flag events are append-only'); END;
                    """)
        }
        migrator.registerMigration("v4: judging digest") { db in
            // A cache, not a record: the entries that decide each item's verdict (`JudgingDigest`),
            // copied without their text, and what they were chosen with. Rebuilt whenever it does
            // not match; the entry table stays the audit trail.
            try db.execute(
                sql: """
                    CREATE TABLE judgingEntry (
                        id INTEGER PRIMARY KEY, itemId TEXT NOT NULL, date TEXT NOT NULL, value DOUBLE,
                        milestone TEXT, corrects INTEGER, baselineYear INTEGER, hasProgress INTEGER NOT NULL);
                    CREATE INDEX judgingEntry_itemId ON judgingEntry(itemId);
                    CREATE TABLE judgingDigest (key TEXT NOT NULL, throughEntry INTEGER NOT NULL);
                    CREATE INDEX entry_corrects ON entry(corrects) WHERE corrects IS NOT NULL;
                    """)
        }
        migrator.registerMigration("v5: change counter") { db in
            // Any change to the entries or to the digest's copy of them, by renewal or by a sqlite3
            // session with ids of its choosing, moves this counter; the digest is used only when
            // it was made at the counter's current value (`JudgingDigestStore`). max(id) alone was
            // fooled by a row inserted with an id at or below the highest.
            try db.execute(sql: "CREATE TABLE storeChange (counter INTEGER NOT NULL)")
            try db.execute(sql: "INSERT INTO storeChange (counter) VALUES (0)")
            for (table, event) in Self.countedChanges {
                try db.execute(
                    sql: """
                        CREATE TRIGGER \(table)_\(event.lowercased())_counted AFTER \(event) ON \(table)
                        BEGIN UPDATE storeChange SET counter = counter + 1; END
                        """)
            }
            try db.execute(sql: "ALTER TABLE judgingDigest ADD COLUMN throughChange INTEGER")
            try db.execute(sql: "DELETE FROM judgingDigest")
        }
        migrator.registerMigration("v6: replying unit") { db in
            // A reply names the unit that answers (DESIGN §5 督办台账), not only the operator's
            // login; replies recorded before have none.
            try db.execute(sql: "ALTER TABLE flagEvent ADD COLUMN unit TEXT")
        }
        return migrator
    }

    /// The table and event of each trigger that moves the change counter (schema v5).
    static let countedChanges = ["entry", "judgingEntry"].flatMap { table in
        ["INSERT", "UPDATE", "DELETE"].map { (table, $0) }
    }

    /// Migrations applied to this file, oldest first.
    public func appliedMigrations() throws -> [String] {
        try reading { try Self.migrator.appliedMigrations($0) }
    }

    /// Changes whenever an entry or flag is written, by this process or another: the dashboard
    /// polls it to pick up other people's work without a key press.
    public func changeToken() throws -> String {
        try reading { db in
            try String.fetchOne(
                db,
                sql: """
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
        let sql =
            switch detail {
            case .full:
                """
                SELECT id, itemId, date, value, milestone, corrects, baselineYear,
                       progress, problems, nextSteps, reportingUnit, recordedBy, recordedAt, reason
                FROM entry ORDER BY id
                """
            // Whether 进展情况 is filled in (blank narrative reports do not count) is decided from its
            // bytes in place (`RawRow.hasProgress`), without making a String of it.
            case .judging:
                """
                SELECT id, itemId, date, value, milestone, corrects, baselineYear, progress FROM entry ORDER BY id
                """
            }
        return try reading { db in
            try Self.readEntries(
                db, sql: sql, shape: detail == .full ? .full : .judging, capacity: try EntryRecord.fetchCount(db))
        }
    }

    /// What the eighth column of an entry query holds.
    enum RowShape {
        /// Every column, the text from the eighth on.
        case full
        /// 进展情况, read only for whether it says anything.
        case judging
        /// Whether 进展情况 says anything, as 0 or 1 (the judging digest's copy).
        case digest
    }

    /// Entries from a query whose columns are id, itemId, date, value, milestone, corrects,
    /// baselineYear, then what `shape` says.
    static func readEntries(
        _ db: Database, sql: String, arguments: StatementArguments = [], shape: RowShape, capacity: Int = 0
    ) throws -> [ProgressEntry] {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        var entries: [ProgressEntry] = []
        entries.reserveCapacity(capacity)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code),
                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            let row = RawRow(handle: handle)
            let date =
                row.withBytes(2) { Day(isoBytes: $0) ?? Day(String(decoding: $0, as: UTF8.self)) }
                ?? Self.unreadableDate
            let id = String(row.int(0) ?? 0), itemId = row.text(1) ?? "", value = row.double(3)
            let milestone = row.text(4).flatMap(MilestoneState.init(rawValue:))
            let corrects = row.int(5).map { String($0) }, baselineYear = row.int(6).map { Int($0) }
            let entry =
                switch shape {
                case .judging, .digest:
                    ProgressEntry(
                        id: id, itemId: itemId, date: date, value: value, milestone: milestone,
                        corrects: corrects, baselineYear: baselineYear,
                        hasProgress: shape == .digest ? row.int(7) == 1 : row.hasProgress(7))
                case .full:
                    ProgressEntry(
                        id: id, itemId: itemId, date: date, value: value, milestone: milestone,
                        progress: row.text(7) ?? "", problems: row.text(8) ?? "", nextSteps: row.text(9) ?? "",
                        reportingUnit: row.text(10), recordedBy: row.text(11), recordedAt: row.text(12),
                        corrects: corrects, reason: row.text(13), baselineYear: baselineYear)
                }
            entries.append(entry)
        }
        return entries
    }

    /// Everything needed to judge and show some items, complete, in recording order: their
    /// entries and any entry elsewhere that corrects one of them (so the engine drops what was
    /// corrected, as when it reads every entry). One query over the item and correction indexes.
    public func entries(judging itemIds: Set<String>) throws -> [ProgressEntry] {
        let list = Array(itemIds)
        guard !list.isEmpty else { return [] }
        let marks = databaseQuestionMarks(count: list.count)
        return try reading { db in
            try Self.readEntries(
                db,
                sql: """
                    SELECT id, itemId, date, value, milestone, corrects, baselineYear,
                           progress, problems, nextSteps, reportingUnit, recordedBy, recordedAt, reason
                    FROM entry
                    WHERE itemId IN (\(marks)) OR corrects IN (SELECT id FROM entry WHERE itemId IN (\(marks)))
                    ORDER BY id
                    """, arguments: StatementArguments(list + list), shape: .full)
        }
    }

    /// Entries for some items, in recording order.
    public func entries(for itemIds: Set<String>) throws -> [ProgressEntry] {
        try reading { db in
            try EntryRecord.filter(itemIds.contains(Column("itemId"))).order(Column("id")).fetchAll(db).map(\.entry)
        }
    }

    /// The latest report on each item by each reporting unit, dated up to `asOf` (baselines are
    /// not reports): one aggregate query, however many entries the store holds. Rows whose date is
    /// not a YYYY-MM-DD day are passed over.
    public func latestReports(asOf: Day) throws -> [LatestReport] {
        try reading { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT itemId, reportingUnit, max(date) AS latest FROM entry
                    WHERE baselineYear IS NULL AND date <= ? AND date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                    GROUP BY itemId, reportingUnit
                    """,
                arguments: [asOf.description])
            return rows.compactMap { row in
                guard let item: String = row["itemId"], let text: String = row["latest"], let day = Day(text) else {
                    return nil
                }
                return LatestReport(itemId: item, unit: row["reportingUnit"], date: day)
            }
        }
    }

    public func entry(id: String) throws -> ProgressEntry? {
        guard let key = Int64(id) else { return nil }
        return try reading { db in try EntryRecord.fetchOne(db, key: key)?.entry }
    }

    public func entryCount() throws -> Int {
        try reading { db in try EntryRecord.fetchCount(db) }
    }

    /// Appends one entry; returns it with its id.
    @discardableResult
    public func append(_ entry: NewEntry) throws -> ProgressEntry {
        try writing { db in
            let before = try Self.digestState(db)
            let added = try Self.insert(entry, db)
            try refreshDigest(db, added: [added], before: before)
            return added
        }
    }

    /// Appends many entries in one transaction: all of them or none. Entries identical to a
    /// stored one (same item, date, value, milestone state and baseline year) are skipped.
    /// `progress` is called every `every` rows with (done, total) while writing.
    public func appendAll(
        _ entries: [NewEntry], every: Int = 1000,
        progress: ((Int, Int) -> Void)? = nil
    ) throws -> (added: [ProgressEntry], duplicates: [Int]) {
        try writing { db in
            let before = try Self.digestState(db)
            var seen = try Self.storedKeys(db)
            var added: [ProgressEntry] = []
            var duplicates: [Int] = []
            for (index, entry) in entries.enumerated() {
                if index % every == 0 { progress?(index, entries.count) }
                if !seen.insert(entry.duplicateKey).inserted {
                    duplicates.append(index)
                    continue
                }
                added.append(try Self.insert(entry, db))
            }
            progress?(entries.count, entries.count)
            try refreshDigest(db, added: added, before: before)
            return (added, duplicates)
        }
    }

    /// Positions in `entries` of those already stored (same item, date, value, state, baseline
    /// year), or repeated earlier in `entries`: what `appendAll` would skip. Linear: one pass
    /// over the stored keys (no text read), one over the entries.
    public func duplicates(among entries: [NewEntry]) throws -> [Int] {
        var seen = try reading { db in try Self.storedKeys(db) }
        return entries.indices.filter { !seen.insert(entries[$0].duplicateKey).inserted }
    }

    /// Positions of entries that repeat an earlier one of the same list (no store to compare with).
    public static func repeats(among entries: [NewEntry]) -> [Int] {
        var seen = Set<DuplicateKey>()
        return entries.indices.filter { !seen.insert(entries[$0].duplicateKey).inserted }
    }

    /// The duplicate key of every stored entry, read without the narrative columns.
    static func storedKeys(_ db: Database) throws -> Set<DuplicateKey> {
        var keys = Set<DuplicateKey>()
        let rows = try Row.fetchCursor(db, sql: "SELECT itemId, date, value, milestone, baselineYear FROM entry")
        while let row = try rows.next() {
            keys.insert(
                DuplicateKey(itemId: row[0], date: row[1], value: row[2], milestone: row[3], baselineYear: row[4]))
        }
        return keys
    }

    /// How a new entry relates to what is stored for its item and day.
    public enum SameDay: Sendable {
        /// Nothing stored for that item and day (or baseline year).
        case none
        /// An entry with the same figure or state and the same text: storing it again adds nothing.
        case duplicate(ProgressEntry)
        /// The item's standing entry for that day has another figure or state: only a
        /// correction may replace it.
        case conflict(ProgressEntry)
    }

    /// Compares `entry` with the standing entries of its item on its day (corrections applied).
    /// A preview only: `record` decides again inside its write transaction.
    public func sameDay(as entry: NewEntry) throws -> SameDay {
        try reading { db in try Self.sameDay(as: entry, db) }
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

    /// Appends `entry` unless its item and day already hold it (`duplicate`) or hold another
    /// figure (`conflict`), decided inside the write transaction (SQLite's IMMEDIATE: one writer
    /// at a time across processes), so of writers racing on one item and day exactly one
    /// stores and the others are told why not. A correction (`corrects` set) is appended as it is.
    public func record(_ entry: NewEntry) throws -> Recorded {
        try writing { db in
            if let corrected = entry.corrects {
                // A correction may move a report to another day, but not onto a day where another
                // standing entry (another unit's, say) holds a different figure: that one would
                // silently lose (issue 21). It must be corrected itself.
                if case let .conflict(existing) = try Self.sameDay(as: entry, db, excluding: corrected) {
                    return .conflict(existing)
                }
            } else {
                switch try Self.sameDay(as: entry, db) {
                case let .duplicate(existing): return .duplicate(existing)
                case let .conflict(existing): return .conflict(existing)
                case .none: break
                }
            }
            let before = try Self.digestState(db)
            let added = try Self.insert(entry, db)
            try refreshDigest(db, added: [added], before: before)
            return .stored(added)
        }
    }

    /// `excluding`: the entry a correction replaces (it no longer stands once the correction is in).
    static func sameDay(as entry: NewEntry, _ db: Database, excluding replaced: String? = nil) throws -> SameDay {
        let stored = try EntryRecord.filter(
            Column("itemId") == entry.itemId && Column("date") == entry.date.description
        )
        .order(Column("id")).fetchAll(db).filter { $0.baselineYear == entry.baselineYear }
        var corrected = Set(stored.compactMap(\.corrects))
        if let replaced, let id = Int64(replaced) { corrected.insert(id) }
        let standing = stored.filter { record in record.id.map { !corrected.contains($0) } ?? true }
        if let same = standing.last(where: {
            $0.duplicateKey == entry.duplicateKey && $0.progress == entry.progress
                && $0.problems == entry.problems && $0.nextSteps == entry.nextSteps
        }) {
            return .duplicate(same.entry)
        }
        if let other = standing.last(where: { $0.duplicateKey != entry.duplicateKey }) { return .conflict(other.entry) }
        return .none
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
        try writing { db in
            var record = FlagRecord(
                id: nil, itemId: itemId, note: note, flaggedBy: by, flaggedAt: at,
                followUp: followUp?.description, clearedBy: nil, clearedAt: nil)
            try record.insert(db)
            return record.flag
        }
    }

    /// 催办: flags each of these items that has no open flag, all in one transaction (a failure
    /// part-way leaves none of them), with one note and 反馈期限; returns the flags made.
    @discardableResult
    public func flag(
        itemIds: [String], note: String, by: String, at: String, followUp: Day?
    ) throws
        -> [SupervisionFlag]
    {
        try writing { db in
            let open = Set(try String.fetchAll(db, sql: "SELECT itemId FROM flag WHERE clearedAt IS NULL"))
            var made: [SupervisionFlag] = []
            var seen = open
            for itemId in itemIds where seen.insert(itemId).inserted {
                var record = FlagRecord(
                    id: nil, itemId: itemId, note: note, flaggedBy: by, flaggedAt: at,
                    followUp: followUp?.description, clearedBy: nil, clearedAt: nil)
                try record.insert(db)
                made.append(record.flag)
            }
            return made
        }
    }

    /// Clears (办结/销号) every open flag on an item, with the closing note if one is given;
    /// returns how many were cleared.
    public func unflag(itemId: String, by: String, at: String, note: String? = nil) throws -> Int {
        try writing { db in
            let open = try FlagRecord.filter(Column("itemId") == itemId && Column("clearedAt") == nil).fetchAll(db)
            if let note, !note.isEmpty {
                for flag in open {
                    try db.execute(
                        sql: "INSERT INTO flagEvent (flagId, kind, note, by, at) VALUES (?, 'close', ?, ?, ?)",
                        arguments: [flag.id, note, by, at])
                }
            }
            return try FlagRecord.filter(Column("itemId") == itemId && Column("clearedAt") == nil)
                .updateAll(db, Column("clearedBy").set(to: by), Column("clearedAt").set(to: at))
        }
    }

    /// Records a unit's reply (反馈) to every open flag on an item, naming the unit that answers;
    /// returns how many flags got it.
    @discardableResult
    public func reply(itemId: String, note: String, unit: String? = nil, by: String, at: String) throws -> Int {
        try writing { db in
            let open = try FlagRecord.filter(Column("itemId") == itemId && Column("clearedAt") == nil).fetchAll(db)
            for flag in open {
                try db.execute(
                    sql: "INSERT INTO flagEvent (flagId, kind, note, unit, by, at) VALUES (?, 'reply', ?, ?, ?, ?)",
                    arguments: [flag.id, note, unit, by, at])
            }
            return open.count
        }
    }

    /// Flags, open ones only unless `includeCleared`, oldest first.
    public func flags(includeCleared: Bool = false) throws -> [SupervisionFlag] {
        try reading { db in
            var request = FlagRecord.order(Column("id"))
            if !includeCleared { request = request.filter(Column("clearedAt") == nil) }
            var flags = try request.fetchAll(db).map(\.flag)
            // A store written before v3 (opened read-only, so not migrated) has no events.
            guard try db.tableExists("flagEvent") else { return flags }
            var replies: [String: [FlagNote]] = [:]
            var closing: [String: String] = [:]
            // Before v6 (a store opened read-only is not migrated) replies name no unit.
            let unit = try db.columns(in: "flagEvent").contains { $0.name == "unit" } ? "unit" : "NULL AS unit"
            let sql = "SELECT flagId, kind, note, \(unit), by, at FROM flagEvent ORDER BY id"
            for row in try Row.fetchAll(db, sql: sql) {
                let id = String(row["flagId"] as Int64? ?? 0)
                let note = FlagNote(
                    note: row["note"] ?? "", unit: row["unit"], by: row["by"] ?? "", at: row["at"] ?? "")
                if row["kind"] as String? == "close" {
                    closing[id] = note.note
                } else {
                    replies[id, default: []].append(note)
                }
            }
            for index in flags.indices {
                flags[index].replies = replies[flags[index].id]
                flags[index].closingNote = closing[flags[index].id]
            }
            return flags
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

/// The store could not be used: each case says what the user can do about it.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case missing(path: String)
    case notAStore(path: String)
    case foreign(path: String)
    case newerSchema(path: String, migrations: [String])
    case damaged(path: String, reason: String)
    case readOnly(path: String)
    case readOnlyFolder(path: String)
    case cannotOpen(path: String, reason: Phrase)
    /// A FIFO, a device, a socket named as the store.
    case notAFile(path: String, what: Phrase)
    /// An empty file (or an SQLite file without tables) opened to read.
    case empty(path: String)

    /// The message, complete in each language.
    public var phrase: Phrase {
        // Paths and SQLite's words are shown, never obeyed: a path can hold any byte.
        let shown = ControlCharacters.visible(path)
        switch self {
        case .missing:
            return Phrase(
                "找不到进展库 \(shown)。请检查 --db 或 RENEWAL_DB 是否写错；新建空的进展库请用 renewal init（renewal record、"
                    + "renewal import 也会自动创建），试用请加 --demo",
                "there is no store at \(shown). Check --db or RENEWAL_DB for a typing slip; "
                    + "renewal init creates an empty one (renewal record and renewal import create it too), "
                    + "--demo tries the sample data"
            )
        case .notAStore:
            return Phrase(
                "\(shown) 不是 renewal 进展库（不是 SQLite 文件），未作任何改动；请检查 --db 或 RENEWAL_DB",
                "\(shown) is not a renewal store (not an SQLite file); it was left untouched. Check --db or RENEWAL_DB")
        case .foreign:
            return Phrase(
                "\(shown) 是其他程序的 SQLite 文件，不是 renewal 进展库，未作任何改动；请检查 --db 或 RENEWAL_DB",
                "\(shown) is another application's SQLite file, not a renewal store; it was left untouched. "
                    + "Check --db or RENEWAL_DB"
            )
        case let .newerSchema(_, migrations):
            let names = ControlCharacters.visible(migrations.joined(separator: ", "))
            return Phrase(
                "\(shown) 由更新版本的 renewal 写入（数据结构 \(names)），本版本无法安全读取；请升级 renewal",
                "\(shown) was written by a newer renewal (schema \(names)) that this version cannot read safely; "
                    + "update renewal"
            )
        case let .damaged(_, reason):
            let why = ControlCharacters.visible(reason)
            return Phrase(
                "进展库 \(shown) 已损坏（\(why)），为免损失扩大，不再写入；请从备份恢复，或用 sqlite3 \(shown) \".recover\" 抢救数据",
                "the store \(shown) is damaged (\(why)); nothing more is written to it. Restore a backup, "
                    + "or rescue the data with sqlite3 \(shown) \".recover\""
            )
        case .readOnly:
            return Phrase(
                "进展库 \(shown) 只读（文件或所在文件夹没有写权限），无法写入；报表仍可查看",
                "the store \(shown) is read-only (no write permission on the file or its folder); "
                    + "reports still work, writing does not"
            )
        case .readOnlyFolder:
            return Phrase(
                "无法只读打开进展库 \(shown)：所在文件夹不可写，且旁边缺少 -wal/-shm 文件；请有写权限的人运行一次 renewal init（之后这两个文件会保留）",
                "cannot open the store \(shown) read-only: its folder is not writable and its -wal/-shm files are "
                    + "missing; ask someone who may write there to run renewal init once (the files then stay)"
            )
        case let .cannotOpen(_, reason):
            return Phrase("无法打开进展库 \(shown)：\(reason.zh)", "cannot open the store \(shown): \(reason.en)")
        case let .notAFile(_, what):
            return Phrase(
                "\(shown) 不是进展库：\(what.zh)，未作任何改动；--db 或 RENEWAL_DB 应指向一个文件",
                "\(shown) is not a store: \(what.en); it was left untouched. --db or RENEWAL_DB names a file")
        case .empty:
            return Phrase(
                "\(shown) 是空文件，还不是进展库，没有可读的数据；要在此新建进展库请用 renewal init --db \(shown)"
                    + "（renewal record、renewal import 也会自动建立），试用请加 --demo",
                "\(shown) is an empty file, not yet a store: there is nothing to read. renewal init --db \(shown) "
                    + "makes it one (renewal record and renewal import do too); --demo tries the sample data"
            )
        }
    }

    /// The store file the error is about.
    public var path: String {
        switch self {
        case let .missing(path), let .notAStore(path), let .foreign(path), let .readOnly(path),
            let .readOnlyFolder(path):
            return path
        case let .newerSchema(path, _), let .damaged(path, _), let .cannotOpen(path, _), let .notAFile(path, _),
            let .empty(path):
            return path
        }
    }

    public var description: String { phrase.zh }

    /// A database error as the user can act on it; the SQL and SQLite's own words stay out of
    /// the sentence except as the reason.
    public static func from(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_READONLY, .SQLITE_PERM: return .readOnly(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .damaged(path: path, reason: error.message ?? "\(error.resultCode)")
        case .SQLITE_CANTOPEN:
            return .cannotOpen(path: path, reason: Phrase("文件或其所在文件夹无法访问", "the file or its folder cannot be reached"))
        case .SQLITE_FULL:
            return .cannotOpen(path: path, reason: Phrase("磁盘已满", "the disk is full"))
        default:
            let why = error.message ?? "\(error.resultCode)"
            return .cannotOpen(path: path, reason: Phrase("数据库错误（\(why)）", "database error (\(why))"))
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

    /// Whether the column's text says anything, exactly as `String.trimmingSpaces` judges it for a
    /// full read: text is blank when every character is whitespace, and a character is whitespace
    /// when its first scalar is. So the first scalar decides unless it is whitespace; only then
    /// (rare) is the whole text made a String. (A `trim()` in SQL cost a third of reading a
    /// province's 404,464 entries, and knew fewer whitespace characters than Swift.)
    func hasProgress(_ column: Int32) -> Bool {
        withBytes(column) { bytes in
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            if case let .scalarValue(scalar) = decoder.decode(&iterator), !scalar.properties.isWhitespace {
                return true
            }
            return !String(decoding: bytes, as: UTF8.self).trimmingSpaces.isEmpty
        }
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
        ProgressEntry(
            id: id.map { String($0) } ?? "", itemId: itemId, date: Day(date) ?? ProgressStore.unreadableDate,
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
        SupervisionFlag(
            id: id.map { String($0) } ?? "", itemId: itemId, note: note, flaggedBy: flaggedBy, flaggedAt: flaggedAt,
            followUp: followUp, clearedBy: clearedBy, clearedAt: clearedAt)
    }
}
