import PostgresNIO
import RenewalModel
import RenewalStore

/// The judging digest on the server (schema v2), as in `SQLiteStore`: `judging_entry` names the
/// entries `JudgingDigest.decisive` keeps, `judging_digest` holds the key they were chosen with,
/// the last entry id and the change counter they account for. A digest whose key, last id or
/// counter does not match is not used (reads take every entry) until the next write that keeps
/// it, which rebuilds it. A role not granted the digest's tables (roles made before v2) still
/// reads and writes: its reads take every entry and its writes leave the digest as it is, which
/// the counter then marks as out of date.
extension PostgresStore {
    public func keepJudgingDigest(plan: Plan, planFingerprint: String, rules: StatusRules) {
        let keeper = DigestKeeper(plan: plan, planFingerprint: planFingerprint, rules: rules)
        digestKeeper.withLock { $0 = keeper }
    }

    /// Entries for judging on `asOf`: the digest when it was made with `digestKey`, accounts for
    /// every entry and `asOf` is on or after its latest entry; every entry otherwise. Both are
    /// read in one snapshot.
    public func judgingEntries(asOf: Day, digestKey: String) throws -> (entries: [ProgressEntry], fromDigest: Bool) {
        try reading { connection in
            try await Self.inSnapshot(connection) {
                if try await Self.digestState(connection).isCurrent(for: digestKey) {
                    let digest = try await Self.entries(
                        connection,
                        PostgresQuery(
                            unsafeSQL: """
                                SELECT \(Self.judgingColumns) FROM judging_entry JOIN entry ON entry.id = entry_id
                                ORDER BY id
                                """), detail: .judging)
                    if JudgingDigest.validFrom(digest).map({ asOf >= $0 }) ?? true { return (digest, true) }
                }
                let all = try await Self.entries(
                    connection, PostgresQuery(unsafeSQL: "SELECT \(Self.judgingColumns) FROM entry ORDER BY id"),
                    detail: .judging)
                return (all, false)
            }
        }
    }

    /// Where the store stood, and what its digest was made with.
    struct DigestState: Sendable {
        var lastEntry: Int64 = 0
        /// The change counter; nil when the store has none (before v2), this role may not read
        /// the digest, or a counting trigger was dropped or disabled (the counter then vouches
        /// for nothing).
        var changes: Int64?
        /// The stored digest's key, last entry and counter, when there is one.
        var madeWith: (key: String, throughEntry: Int64, throughChange: Int64)?
        /// Whether this role may rewrite the digest.
        var mayKeep = false

        func isCurrent(for key: String) -> Bool {
            guard let changes, let madeWith else { return false }
            return madeWith.key == key && madeWith.throughEntry == lastEntry && madeWith.throughChange == changes
        }
    }

    /// Where the store stands before a write, read only when the write keeps the digest.
    static func digestState(_ connection: PostgresConnection, keeper: DigestKeeper?) async throws -> DigestState? {
        guard keeper != nil else { return nil }
        return try await digestState(connection)
    }

    static func digestState(_ connection: PostgresConnection) async throws -> DigestState {
        var state = DigestState()
        let (lastEntry, hasDigest) =
            try await connection.query(
                "SELECT (SELECT coalesce(max(id), 0) FROM entry), to_regclass('judging_digest') IS NOT NULL",
                logger: quiet
            ).collect().first?.decode((Int64, Bool).self) ?? (Int64(0), false)
        state.lastEntry = lastEntry
        guard hasDigest else { return state }
        let triggers = PostgresSchema.countingTriggers.map { "('\($0.0)'::regclass, '\($0.1)')" }.joined(
            separator: ", ")
        let (mayRead, mayKeep, firing) =
            try await connection.query(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT has_table_privilege('renewal_change_counter', 'SELECT')
                                AND has_table_privilege('judging_entry', 'SELECT')
                                AND has_table_privilege('judging_digest', 'SELECT'),
                            has_table_privilege('judging_entry', 'INSERT, DELETE')
                                AND has_table_privilege('judging_digest', 'INSERT, DELETE'),
                            (SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgenabled IN ('O', 'A')
                                AND (tgrelid, tgname) IN (\(triggers)))
                        """), logger: quiet
            ).collect().first?.decode((Bool, Bool, Int).self) ?? (false, false, 0)
        state.mayKeep = mayRead && mayKeep
        guard mayRead, firing == PostgresSchema.countingTriggers.count else { return state }
        let rows = try await connection.query(
            """
            SELECT counter, key, through_entry, through_change
            FROM renewal_change_counter LEFT JOIN judging_digest ON true
            """, logger: quiet
        ).collect()
        guard let row = rows.first else { return state }
        let (counter, key, throughEntry, throughChange) = try row.decode((Int64, String?, Int64?, Int64?).self)
        state.changes = counter
        if let key, let throughEntry, let throughChange { state.madeWith = (key, throughEntry, throughChange) }
        return state
    }

    /// Brings the digest up to date after `added` were written in this transaction, when a plan
    /// is kept and this role may; `before` is where the store stood before them.
    static func refreshDigest(
        _ connection: PostgresConnection, keeper: DigestKeeper?, added: [ProgressEntry], before: DigestState?
    ) async throws {
        guard let keeper, let before, before.mayKeep, before.changes != nil else { return }
        var touched = Set(added.map(\.itemId))
        let correctedIds = added.compactMap { $0.corrects.flatMap { Int64($0) } }
        if !correctedIds.isEmpty {
            var binds = PostgresBindings()
            binds.append(correctedIds)
            let rows = try await connection.query(
                PostgresQuery(unsafeSQL: "SELECT DISTINCT item_id FROM entry WHERE id = ANY($1)", binds: binds),
                logger: quiet)
            for try await item in rows.decode(String.self) { touched.insert(item) }
        }
        var corrected = Set<String>()
        for try await id in try await connection.query(
            "SELECT corrects FROM entry WHERE corrects IS NOT NULL", logger: quiet
        ).decode(Int64.self) {
            corrected.insert(String(id))
        }
        let entries: [ProgressEntry]
        if let scope = keeper.itemsToReduce(digestWasCurrent: before.isCurrent(for: keeper.key), touched: touched) {
            let binds = Self.binds(Array(scope))
            try await connection.query(
                PostgresQuery(
                    unsafeSQL: """
                        DELETE FROM judging_entry WHERE entry_id IN (SELECT id FROM entry WHERE item_id = ANY($1))
                        """, binds: binds), logger: quiet)
            entries = try await Self.entries(
                connection,
                PostgresQuery(
                    unsafeSQL: "SELECT \(judgingColumns) FROM entry WHERE item_id = ANY($1) ORDER BY id", binds: binds),
                detail: .judging)
        } else {
            try await connection.query("DELETE FROM judging_entry", logger: quiet)
            entries = try await Self.entries(
                connection, PostgresQuery(unsafeSQL: "SELECT \(judgingColumns) FROM entry ORDER BY id"),
                detail: .judging)
        }
        let kept = keeper.decisive(entries, corrected: corrected).compactMap { Int64($0.id) }
        var binds = PostgresBindings()
        binds.append(kept)
        try await connection.query(
            PostgresQuery(unsafeSQL: "INSERT INTO judging_entry (entry_id) SELECT unnest($1::bigint[])", binds: binds),
            logger: quiet)
        // Read after the rows above, which moved the counter themselves.
        let after = try await digestState(connection)
        var made = PostgresBindings()
        made.append(keeper.key)
        made.append(after.lastEntry)
        made.append(after.changes ?? 0)
        try await connection.query("DELETE FROM judging_digest", logger: quiet)
        try await connection.query(
            PostgresQuery(
                unsafeSQL: "INSERT INTO judging_digest (key, through_entry, through_change) VALUES ($1, $2, $3)",
                binds: made), logger: quiet)
    }

    /// Runs `body` in a read-only transaction that sees one snapshot of the database.
    static func inSnapshot<T: Sendable>(
        _ connection: PostgresConnection, _ body: () async throws -> T
    ) async throws -> T {
        try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: quiet)
        do {
            let value = try await body()
            try await connection.query("COMMIT", logger: quiet)
            return value
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: quiet)
            throw error
        }
    }
}
