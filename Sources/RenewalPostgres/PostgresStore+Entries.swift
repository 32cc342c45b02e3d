import NIOCore
import PostgresNIO
import RenewalModel
import RenewalStore

extension PostgresStore {
    /// The entry columns every query reads, in `entry(from:)`'s order.
    static let entryColumns = """
        id, item_id, date, value, milestone, corrects, baseline_year,
        progress, problems, next_steps, reporting_unit, recorded_by, recorded_at, reason
        """
    /// The same columns for judging: the narrative ones the engine never reads come back empty
    /// (at a province's scale the text is most of the bytes); 进展情况 is read for whether it
    /// says anything.
    static let judgingColumns = """
        id, item_id, date, value, milestone, corrects, baseline_year,
        progress, '', '', NULL::text, '', '', NULL::text
        """

    static func columns(_ detail: EntryDetail) -> String {
        detail == .full ? entryColumns : judgingColumns
    }
    /// The columns a new entry is written to, in `binds(for:)`'s and `copyLine`'s order.
    static let insertColumns = [
        "item_id", "date", "value", "milestone", "progress", "problems", "next_steps", "reporting_unit",
        "recorded_by", "recorded_at", "corrects", "reason", "baseline_year", "origin",
    ]

    /// An entry from a row of `entryColumns`; a date that does not parse reads as 0001-01-01
    /// (as in `SQLiteStore`), never a crash.
    static func entry(from row: PostgresRow, detail: EntryDetail) throws -> ProgressEntry {
        let (
            id, itemId, date, value, milestone, corrects, baselineYear, progress, problems, nextSteps, unit, by, at,
            reason
        ) =
            try row.decode(
                (
                    Int64, String, String, Double?, String?, Int64?, Int?, String, String, String, String?, String,
                    String, String?
                ).self)
        let day = Day(date) ?? SQLiteStore.unreadableDate
        let state = milestone.flatMap(MilestoneState.init(rawValue:))
        switch detail {
        case .judging:
            return ProgressEntry(
                id: String(id), itemId: itemId, date: day, value: value, milestone: state,
                corrects: corrects.map { String($0) }, baselineYear: baselineYear,
                hasProgress: !progress.trimmingSpaces.isEmpty)
        case .full:
            return ProgressEntry(
                id: String(id), itemId: itemId, date: day, value: value, milestone: state, progress: progress,
                problems: problems, nextSteps: nextSteps, reportingUnit: unit, recordedBy: by, recordedAt: at,
                corrects: corrects.map { String($0) }, reason: reason, baselineYear: baselineYear)
        }
    }

    static func entries(
        _ connection: PostgresConnection, _ query: PostgresQuery, detail: EntryDetail = .full
    ) async throws -> [ProgressEntry] {
        var entries: [ProgressEntry] = []
        for try await row in try await connection.query(query, logger: quiet) {
            entries.append(try entry(from: row, detail: detail))
        }
        return entries
    }

    public func appliedMigrations() throws -> [String] {
        try reading { connection in try await PostgresSchema.appliedMigrations(connection) ?? [] }
    }

    public func changeToken() throws -> String {
        try reading { connection in
            let rows = try await connection.query(
                """
                SELECT (SELECT coalesce(max(id), 0) FROM entry) || ':' || (SELECT coalesce(max(id), 0) FROM flag)
                    || ':' || (SELECT count(cleared_at) FROM flag)
                    || ':' || (SELECT coalesce(max(id), 0) FROM flag_event)
                """, logger: Self.quiet
            ).collect()
            return try rows.first?.decode(String.self) ?? ""
        }
    }

    public func entries(detail: EntryDetail) throws -> [ProgressEntry] {
        try reading { connection in
            try await Self.entries(
                connection, PostgresQuery(unsafeSQL: "SELECT \(Self.columns(detail)) FROM entry ORDER BY id"),
                detail: detail)
        }
    }

    public func entries(judging itemIds: Set<String>) throws -> [ProgressEntry] {
        let list = Array(itemIds)
        guard !list.isEmpty else { return [] }
        let binds = Self.binds(list)
        let sql = """
            SELECT \(Self.entryColumns) FROM entry
            WHERE item_id = ANY($1) OR corrects IN (SELECT id FROM entry WHERE item_id = ANY($1))
            ORDER BY id
            """
        return try reading { connection in
            try await Self.entries(connection, PostgresQuery(unsafeSQL: sql, binds: binds))
        }
    }

    public func entries(for itemIds: Set<String>) throws -> [ProgressEntry] {
        let binds = Self.binds(Array(itemIds))
        let sql = "SELECT \(Self.entryColumns) FROM entry WHERE item_id = ANY($1) ORDER BY id"
        return try reading { connection in
            try await Self.entries(connection, PostgresQuery(unsafeSQL: sql, binds: binds))
        }
    }

    public func latestReports(asOf: Day) throws -> [LatestReport] {
        let day = asOf.description
        return try reading { connection in
            var reports: [LatestReport] = []
            let rows = try await connection.query(
                """
                SELECT item_id, reporting_unit, max(date) FROM entry
                WHERE baseline_year IS NULL AND date <= \(day) AND date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
                GROUP BY item_id, reporting_unit
                """, logger: Self.quiet)
            for try await (item, unit, latest) in rows.decode((String, String?, String).self) {
                if let date = Day(latest) { reports.append(LatestReport(itemId: item, unit: unit, date: date)) }
            }
            return reports
        }
    }

    public func entry(id: String) throws -> ProgressEntry? {
        guard let key = Int64(id) else { return nil }
        return try reading { connection in
            try await Self.entries(
                connection,
                PostgresQuery(unsafeSQL: "SELECT \(Self.entryColumns) FROM entry WHERE id = $1", binds: Self.binds(key))
            ).first
        }
    }

    public func entryCount() throws -> Int {
        try reading { connection in
            try await connection.query("SELECT count(*) FROM entry", logger: Self.quiet).collect().first?.decode(
                Int.self) ?? 0
        }
    }

    @discardableResult
    public func append(_ entry: NewEntry) throws -> ProgressEntry {
        let keeper = digestKeeper.withLock { $0 }
        return try writing { connection in
            let before = try await Self.digestState(connection, keeper: keeper)
            let added = try await Self.insert(entry, connection)
            try await Self.refreshDigest(connection, keeper: keeper, added: [added], before: before)
            return added
        }
    }

    public func appendAll(
        _ entries: [NewEntry], every: Int, progress: ((Int, Int) -> Void)?
    ) throws -> (added: [ProgressEntry], duplicates: [Int]) {
        progress?(0, entries.count)
        let keeper = digestKeeper.withLock { $0 }
        let result = try writing(timeout: Self.importTimeout) { connection in
            let before = try await Self.digestState(connection, keeper: keeper)
            var seen = try await Self.storedKeys(connection)
            var duplicates: [Int] = []
            var fresh: [NewEntry] = []
            for (index, entry) in entries.enumerated() {
                if seen.insert(entry.duplicateKey).inserted { fresh.append(entry) } else { duplicates.append(index) }
            }
            let added = try await Self.insertAll(fresh, connection)
            try await Self.refreshDigest(connection, keeper: keeper, added: added, before: before)
            return (added, duplicates)
        }
        progress?(entries.count, entries.count)
        return result
    }

    public func duplicates(among entries: [NewEntry]) throws -> [Int] {
        var seen = try reading { connection in try await Self.storedKeys(connection) }
        return entries.indices.filter { !seen.insert(entries[$0].duplicateKey).inserted }
    }

    public func sameDay(as entry: NewEntry, among items: Set<String>) throws -> SameDay {
        try reading { connection in try await Self.sameDay(as: entry, among: items, connection, excluding: nil) }
    }

    public func record(_ entry: NewEntry, among items: Set<String>) throws -> Recorded {
        let keeper = digestKeeper.withLock { $0 }
        return try writing { connection in
            switch try await Self.sameDay(as: entry, among: items, connection, excluding: entry.corrects) {
            case let .conflict(existing): return .conflict(existing)
            // A correction is appended as it is, even when it restates a standing figure.
            case let .duplicate(existing) where entry.corrects == nil: return .duplicate(existing)
            case .duplicate, .none:
                let before = try await Self.digestState(connection, keeper: keeper)
                let added = try await Self.insert(entry, connection)
                try await Self.refreshDigest(connection, keeper: keeper, added: [added], before: before)
                return .stored(added)
            }
        }
    }

    // MARK: - Inside a write transaction

    static func sameDay(
        as entry: NewEntry, among items: Set<String>, _ connection: PostgresConnection, excluding replaced: String?
    ) async throws -> SameDay {
        var binds = PostgresBindings()
        binds.append(Array(items.union([entry.itemId])).sorted())
        binds.append(entry.date.description)
        let stored = try await entries(
            connection,
            PostgresQuery(
                unsafeSQL: "SELECT \(entryColumns) FROM entry WHERE item_id = ANY($1) AND date = $2 ORDER BY id",
                binds: binds))
        return SameDay.judge(entry, stored: stored, excluding: replaced)
    }

    /// The duplicate key of every stored entry, read without the narrative columns.
    static func storedKeys(_ connection: PostgresConnection) async throws -> Set<DuplicateKey> {
        var keys = Set<DuplicateKey>()
        let rows = try await connection.query(
            "SELECT item_id, date, value, milestone, baseline_year FROM entry", logger: quiet)
        for try await (item, date, value, milestone, year) in rows.decode(
            (String, String, Double?, String?, Int?).self)
        {
            keys.insert(DuplicateKey(itemId: item, date: date, value: value, milestone: milestone, baselineYear: year))
        }
        return keys
    }

    static func insert(_ entry: NewEntry, _ connection: PostgresConnection) async throws -> ProgressEntry {
        let marks = (1...insertColumns.count).map { "$\($0)" }.joined(separator: ", ")
        let sql = "INSERT INTO entry (\(insertColumns.joined(separator: ", "))) VALUES (\(marks)) RETURNING id"
        let rows = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds(for: entry)), logger: quiet)
            .collect()
        let id = try rows.first?.decode(Int64.self) ?? 0
        return stored(entry, id: id)
    }

    /// Many entries: COPY when there are enough to be worth it (an import), INSERTs otherwise.
    /// The ids are those above the highest before: every writer holds the write lock.
    static func insertAll(_ entries: [NewEntry], _ connection: PostgresConnection) async throws -> [ProgressEntry] {
        guard entries.count >= 64 else {
            var added: [ProgressEntry] = []
            for entry in entries { added.append(try await insert(entry, connection)) }
            return added
        }
        let before =
            try await connection.query("SELECT coalesce(max(id), 0) FROM entry", logger: quiet)
            .collect().first?.decode(Int64.self) ?? 0
        try await connection.copyFrom(table: "entry", columns: insertColumns, logger: quiet) { writer in
            var buffer = ByteBuffer()
            for (index, entry) in entries.enumerated() {
                buffer.writeString(copyLine(entry))
                if buffer.readableBytes > 1 << 20 || index == entries.count - 1 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
        }
        try await analyzeAfterBulkWrite("entry", connection)
        var ids: [Int64] = []
        ids.reserveCapacity(entries.count)
        for try await id in try await connection.query(
            "SELECT id FROM entry WHERE id > \(before) ORDER BY id", logger: quiet
        ).decode(Int64.self) {
            ids.append(id)
        }
        return zip(entries, ids).map { stored($0, id: $1) }
    }

    /// Gathers the planner's statistics on `table` after many rows were copied into it, when this
    /// role owns it (only an owner may): without them the planner takes a fresh table for a large
    /// one everywhere and scans all of it (the digest's `corrects IS NOT NULL` took 30 ms instead
    /// of 0.02 at a province's scale) until autovacuum gets to it, a minute or more later.
    static func analyzeAfterBulkWrite(_ table: String, _ connection: PostgresConnection) async throws {
        let owner =
            try await connection.query(
                PostgresQuery(
                    unsafeSQL: "SELECT pg_has_role(relowner, 'USAGE') FROM pg_class WHERE oid = '\(table)'::regclass"),
                logger: quiet
            ).collect().first?.decode(Bool.self) ?? false
        if owner { try await connection.query(PostgresQuery(unsafeSQL: "ANALYZE \(table)"), logger: quiet) }
    }

    /// The entry as stored with `id`.
    static func stored(_ entry: NewEntry, id: Int64) -> ProgressEntry {
        ProgressEntry(
            id: String(id), itemId: entry.itemId, date: entry.date, value: entry.value, milestone: entry.milestone,
            progress: entry.progress, problems: entry.problems, nextSteps: entry.nextSteps,
            reportingUnit: entry.reportingUnit, recordedBy: entry.recordedBy, recordedAt: entry.recordedAt,
            corrects: entry.corrects, reason: entry.reason, baselineYear: entry.baselineYear)
    }

    static func binds(_ list: [String]) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(list)
        return binds
    }

    static func binds(_ value: Int64) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(value)
        return binds
    }

    static func binds(for entry: NewEntry) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(entry.itemId)
        binds.append(entry.date.description)
        binds.append(entry.value)
        binds.append(entry.milestone?.rawValue)
        binds.append(entry.progress)
        binds.append(entry.problems)
        binds.append(entry.nextSteps)
        binds.append(entry.reportingUnit)
        binds.append(entry.recordedBy)
        binds.append(entry.recordedAt)
        binds.append(entry.corrects.flatMap { Int64($0) })
        binds.append(entry.reason)
        binds.append(entry.baselineYear)
        binds.append(entry.origin)
        return binds
    }

    /// One line of COPY's text format, in `insertColumns`' order.
    static func copyLine(_ entry: NewEntry) -> String {
        let fields: [String?] = [
            entry.itemId, entry.date.description, entry.value.map { "\($0)" }, entry.milestone?.rawValue,
            entry.progress, entry.problems, entry.nextSteps, entry.reportingUnit, entry.recordedBy, entry.recordedAt,
            entry.corrects, entry.reason, entry.baselineYear.map(String.init), entry.origin,
        ]
        return fields.map { $0.map(copyEscaped) ?? "\\N" }.joined(separator: "\t") + "\n"
    }

    /// Text escaped for COPY: the backslash, and the tab, line feed and carriage return that
    /// would end a field or a row.
    static func copyEscaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return text
        }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
