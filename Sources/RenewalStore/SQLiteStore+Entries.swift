import Foundation
import GRDB
import GRDBSQLite
import RenewalModel

extension SQLiteStore {
    // MARK: - Entries

    /// What a stored date that no longer parses (edited by hand) reads as, rather than a crash:
    /// 0001-01-01, which `history` shows as plainly wrong.
    public static let unreadableDate = Day(ordinal: -719162)

    /// Every entry, in recording order.
    ///
    /// Rows are stepped with SQLite's own API (through GRDB's statement) and dates parsed from
    /// SQLite's buffer: a province's store holds hundreds of thousands of entries, and going
    /// through GRDB's `Row` or Codable records cost most of the time the command took.
    public func entries(detail: EntryDetail) throws -> [ProgressEntry] {
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
        _ entries: [NewEntry], every: Int, progress: ((Int, Int) -> Void)?
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

    /// Compares `entry` with the standing entries of its item on its day (corrections applied).
    /// A preview only: `record` decides again inside its write transaction.
    public func sameDay(as entry: NewEntry, among items: Set<String>) throws -> SameDay {
        try reading { db in try Self.sameDay(as: entry, among: items, db) }
    }

    /// Appends `entry` unless its item and day already hold it (`duplicate`) or hold another
    /// figure (`conflict`), decided inside the write transaction (SQLite's IMMEDIATE: one writer
    /// at a time across processes), so of writers racing on one item and day exactly one
    /// stores and the others are told why not. A correction (`corrects` set) is appended as it is.
    public func record(_ entry: NewEntry, among items: Set<String>) throws -> Recorded {
        try writing { db in
            if let corrected = entry.corrects {
                // A correction may move a report to another day, but not onto a day where another
                // standing entry (another unit's, say) holds a different figure: that one would
                // silently lose (issue 21). It must be corrected itself.
                if case let .conflict(existing) = try Self.sameDay(as: entry, among: items, db, excluding: corrected) {
                    return .conflict(existing)
                }
            } else {
                switch try Self.sameDay(as: entry, among: items, db) {
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
    static func sameDay(
        as entry: NewEntry, among items: Set<String>, _ db: Database, excluding replaced: String? = nil
    ) throws -> SameDay {
        let stored = try EntryRecord.filter(
            items.union([entry.itemId]).contains(Column("itemId")) && Column("date") == entry.date.description
        )
        .order(Column("id")).fetchAll(db).map(\.entry)
        return SameDay.judge(entry, stored: stored, excluding: replaced)
    }

    static func insert(_ entry: NewEntry, _ db: Database) throws -> ProgressEntry {
        var record = EntryRecord(entry)
        try record.insert(db)
        return record.entry
    }
}
