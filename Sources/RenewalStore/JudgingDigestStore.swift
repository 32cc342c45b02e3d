import GRDB
import GRDBSQLite
import RenewalModel

/// The judging digest in the store (schema v4): `judgingEntry` holds a copy, without text, of
/// the entries `JudgingDigest.decisive` keeps; `judgingDigest` one row with the key they were
/// chosen with, the last entry id and the change counter (v5) they account for. A digest whose
/// key, last id or counter does not match is not used, so an entry written without it (an older
/// tool, a write without a plan, a sqlite3 session inserting rows with ids of its choosing)
/// makes reads fall back to every entry until the next write that keeps it, which rebuilds it.
extension SQLiteStore {
    /// From now on, every write of entries through this store also brings the digest up to date
    /// for `plan` judged by `rules`: the items written are reduced again, or everything when the
    /// digest was made with another plan or missed a write.
    public func keepJudgingDigest(plan: Plan, planFingerprint: String, rules: StatusRules) {
        let keeper = DigestKeeper(plan: plan, planFingerprint: planFingerprint, rules: rules)
        digestKeeper.withLock { $0 = keeper }
    }

    /// Entries for judging on `asOf`: the digest when it was made with `digestKey`, accounts for
    /// every entry and `asOf` is on or after its latest entry; every entry otherwise (as
    /// `entries(detail: .judging)`). Both are read in one transaction. `fromDigest` says which.
    public func judgingEntries(asOf: Day, digestKey: String) throws -> (entries: [ProgressEntry], fromDigest: Bool) {
        try reading { db in
            if try Self.digest(db, matches: digestKey, at: Self.digestState(db)) {
                let digest = try Self.readEntries(
                    db,
                    sql: """
                        SELECT id, itemId, date, value, milestone, corrects, baselineYear, hasProgress
                        FROM judgingEntry ORDER BY id
                        """, shape: .digest)
                if JudgingDigest.validFrom(digest).map({ asOf >= $0 }) ?? true { return (digest, true) }
            }
            let all = try Self.readEntries(
                db,
                sql: """
                    SELECT id, itemId, date, value, milestone, corrects, baselineYear, progress
                    FROM entry ORDER BY id
                    """,
                shape: .judging, capacity: try EntryRecord.fetchCount(db))
            return (all, false)
        }
    }

    /// Where the store stood when a digest was made: the last entry id and the change counter
    /// (schema v5; nil when the store has none, or when a counting trigger was dropped, so the
    /// counter can no longer be trusted).
    struct DigestState: Equatable {
        let lastEntry: Int64
        let changes: Int64?
    }

    static func digestState(_ db: Database) throws -> DigestState {
        let lastEntry = try Int64.fetchOne(db, sql: "SELECT ifnull(max(id), 0) FROM entry") ?? 0
        guard try db.tableExists("storeChange") else { return DigestState(lastEntry: lastEntry, changes: nil) }
        let names = countedChanges.map { "'\($0.0)_\($0.1.lowercased())_counted'" }.joined(separator: ", ")
        let triggers = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN (\(names))")
        guard triggers == countedChanges.count else { return DigestState(lastEntry: lastEntry, changes: nil) }
        return DigestState(
            lastEntry: lastEntry, changes: try Int64.fetchOne(db, sql: "SELECT counter FROM storeChange"))
    }

    /// Whether the stored digest was made with `key` when the store stood at `state`. A store
    /// without a trusted change counter (before v5, or a trigger dropped) never matches: its
    /// reads take every entry, which is slower and never wrong.
    static func digest(_ db: Database, matches key: String, at state: DigestState) throws -> Bool {
        guard let changes = state.changes, try db.tableExists("judgingDigest") else { return false }
        guard let row = try Row.fetchOne(db, sql: "SELECT key, throughEntry, throughChange FROM judgingDigest")
        else { return false }
        return row["key"] == key && (row["throughEntry"] as Int64?) == state.lastEntry
            && (row["throughChange"] as Int64?) == changes
    }

    /// Brings the digest up to date after `added` were written in this transaction, when a
    /// plan is kept (`keepJudgingDigest`); `before` is where the store stood before them.
    func refreshDigest(_ db: Database, added: [ProgressEntry], before: DigestState) throws {
        guard let keeper = digestKeeper.withLock({ $0 }) else { return }
        let current = try Self.digest(db, matches: keeper.key, at: before)
        var items = Set(added.map(\.itemId))
        for entry in added {
            guard let corrected = entry.corrects else { continue }
            if let item = try String.fetchOne(db, sql: "SELECT itemId FROM entry WHERE id = ?", arguments: [corrected])
            {
                items.insert(item)
            }
        }
        let scope = keeper.itemsToReduce(digestWasCurrent: current, touched: items)
        let corrected = Set(
            try Int64.fetchAll(db, sql: "SELECT corrects FROM entry WHERE corrects IS NOT NULL").map { String($0) })
        let columns = "id, itemId, date, value, milestone, corrects, baselineYear, progress"
        let entries: [ProgressEntry]
        if let scope {
            let list = Array(scope)
            let marks = databaseQuestionMarks(count: list.count)
            try db.execute(
                sql: "DELETE FROM judgingEntry WHERE itemId IN (\(marks))", arguments: StatementArguments(list))
            entries = try Self.readEntries(
                db, sql: "SELECT \(columns) FROM entry WHERE itemId IN (\(marks)) ORDER BY id",
                arguments: StatementArguments(list), shape: .judging)
        } else {
            try db.execute(sql: "DELETE FROM judgingEntry")
            entries = try Self.readEntries(
                db, sql: "SELECT \(columns) FROM entry ORDER BY id", shape: .judging,
                capacity: try EntryRecord.fetchCount(db))
        }
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO judgingEntry (id, itemId, date, value, milestone, corrects, baselineYear, hasProgress)
                SELECT id, itemId, date, value, milestone, corrects, baselineYear, ? FROM entry WHERE id = ?
                """)
        for entry in keeper.decisive(entries, corrected: corrected) {
            try insert.execute(arguments: [entry.hasProgress, Int64(entry.id)])
        }
        // Recorded after the copies above, which moved the counter themselves.
        let after = try Self.digestState(db)
        try db.execute(sql: "DELETE FROM judgingDigest")
        try db.execute(
            sql: "INSERT INTO judgingDigest (key, throughEntry, throughChange) VALUES (?, ?, ?)",
            arguments: [keeper.key, after.lastEntry, after.changes])
    }
}
