import GRDB
import GRDBSQLite
import RenewalModel

/// What the store keeps its judging digest with: the plan's engine and the digest key.
struct DigestKeeper: Sendable {
    let engine: StatusEngine
    let key: String
}

/// The judging digest in the store (schema v4): `judgingEntry` holds a copy, without text, of
/// the entries `JudgingDigest.decisive` keeps; `judgingDigest` one row with the key they were
/// chosen with and the last entry id they account for. A digest whose key or last id does not
/// match is not used, so an entry written without it (an older tool, a write without a plan)
/// makes reads fall back to every entry until the next write that keeps it.
extension ProgressStore {
    /// From now on, every write of entries through this store also brings the digest up to date
    /// for `plan` judged by `rules`: the items written are reduced again, or everything when the
    /// digest was made with another plan or missed a write.
    public func keepJudgingDigest(plan: Plan, planFingerprint: String, rules: StatusRules = .standard) {
        let keeper = DigestKeeper(
            engine: StatusEngine(plan: plan, rules: rules),
            key: JudgingDigest.key(planFingerprint: planFingerprint, rules: rules))
        digestKeeper.withLock { $0 = keeper }
    }

    /// Entries for judging on `asOf`: the digest when it was made with `digestKey`, accounts for
    /// every entry and `asOf` is on or after its latest entry; every entry otherwise (as
    /// `entries(detail: .judging)`). Both are read in one transaction. `fromDigest` says which.
    public func judgingEntries(asOf: Day, digestKey: String) throws -> (entries: [ProgressEntry], fromDigest: Bool) {
        try reading { db in
            if try Self.digest(db, matches: digestKey, through: Self.maxEntryId(db)) {
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
                sql:
                    "SELECT id, itemId, date, value, milestone, corrects, baselineYear, progress FROM entry ORDER BY id",
                shape: .judging, capacity: try EntryRecord.fetchCount(db))
            return (all, false)
        }
    }

    /// Whether the stored digest was made with `key` and accounts for the entries up to `lastId`.
    static func digest(_ db: Database, matches key: String, through lastId: Int64) throws -> Bool {
        // A store written before v4 and opened read-only (not migrated) has no digest.
        guard try db.tableExists("judgingDigest") else { return false }
        guard let row = try Row.fetchOne(db, sql: "SELECT key, throughEntry FROM judgingDigest") else { return false }
        return row["key"] == key && (row["throughEntry"] as Int64?) == lastId
    }

    static func maxEntryId(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT ifnull(max(id), 0) FROM entry") ?? 0
    }

    /// Brings the digest up to date after `added` were written in this transaction, when a
    /// plan is kept (`keepJudgingDigest`); `previousMaxId` is the last entry id before them.
    func refreshDigest(_ db: Database, added: [ProgressEntry], previousMaxId: Int64) throws {
        guard let keeper = digestKeeper.withLock({ $0 }) else { return }
        let current = try Self.digest(db, matches: keeper.key, through: previousMaxId)
        // A few items are reduced again; an import touching many is a rebuild (one pass).
        var items = Set(added.map(\.itemId))
        for entry in added {
            guard let corrected = entry.corrects else { continue }
            if let item = try String.fetchOne(db, sql: "SELECT itemId FROM entry WHERE id = ?", arguments: [corrected])
            {
                items.insert(item)
            }
        }
        let partial = current && items.count <= 64
        let corrected = Set(
            try Int64.fetchAll(db, sql: "SELECT corrects FROM entry WHERE corrects IS NOT NULL").map { String($0) })
        let columns = "id, itemId, date, value, milestone, corrects, baselineYear, progress"
        let entries: [ProgressEntry]
        if partial {
            let list = Array(items)
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
        for entry in JudgingDigest.decisive(entries, corrected: corrected, engine: keeper.engine) {
            try insert.execute(arguments: [entry.hasProgress, Int64(entry.id)])
        }
        try db.execute(sql: "DELETE FROM judgingDigest")
        try db.execute(
            sql: "INSERT INTO judgingDigest (key, throughEntry) VALUES (?, ?)",
            arguments: [keeper.key, try Self.maxEntryId(db)])
    }
}
