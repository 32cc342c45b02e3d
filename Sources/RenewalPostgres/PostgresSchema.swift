import Logging
import PostgresNIO
import RenewalStore

/// renewal's tables in a PostgreSQL database, versioned: each migration runs once, in one
/// transaction, under an advisory lock (two machines opening a new database at once create it
/// once), and is recorded in `renewal_migration`.
enum PostgresSchema {
    /// A migration: its name (as `appliedMigrations()` lists it) and its statements.
    struct Migration {
        let name: String
        let statements: [String]
    }

    /// Never edit a migration once released: add a new one.
    static let migrations: [Migration] = [
        Migration(
            name: "v1: entries, flags and flag events",
            statements: [
                // Marks the database as renewal's, so that it is told apart from any other.
                """
                CREATE TABLE renewal_store (
                    application text PRIMARY KEY CHECK (application = 'renewal'),
                    created_at timestamptz NOT NULL DEFAULT now())
                """,
                "INSERT INTO renewal_store (application) VALUES ('renewal')",
                // Dates are ISO text, compared byte by byte whatever the database's collation.
                """
                CREATE TABLE entry (
                    id bigserial PRIMARY KEY,
                    item_id text NOT NULL,
                    date text COLLATE "C" NOT NULL,
                    value double precision,
                    milestone text,
                    progress text NOT NULL DEFAULT '',
                    problems text NOT NULL DEFAULT '',
                    next_steps text NOT NULL DEFAULT '',
                    reporting_unit text,
                    recorded_by text NOT NULL,
                    recorded_at text NOT NULL,
                    corrects bigint REFERENCES entry (id),
                    reason text,
                    baseline_year integer,
                    origin text)
                """,
                "CREATE INDEX entry_item_date ON entry (item_id, date)",
                "CREATE INDEX entry_corrects ON entry (corrects) WHERE corrects IS NOT NULL",
                """
                CREATE TABLE flag (
                    id bigserial PRIMARY KEY,
                    item_id text NOT NULL,
                    note text NOT NULL,
                    flagged_by text NOT NULL,
                    flagged_at text NOT NULL,
                    follow_up text,
                    cleared_by text,
                    cleared_at text)
                """,
                "CREATE INDEX flag_item ON flag (item_id)",
                """
                CREATE TABLE flag_event (
                    id bigserial PRIMARY KEY,
                    flag_id bigint NOT NULL REFERENCES flag (id),
                    kind text NOT NULL CHECK (kind IN ('reply', 'close')),
                    note text NOT NULL,
                    unit text,
                    recorded_by text NOT NULL,
                    recorded_at text NOT NULL)
                """,
                "CREATE INDEX flag_event_flag ON flag_event (flag_id)",
                // Append-only: the history is the audit trail (DESIGN §3).
                """
                CREATE FUNCTION renewal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% is append-only: record a correction instead', TG_TABLE_NAME
                        USING ERRCODE = 'P0001';
                END $$
                """,
            ] + appendOnly("entry") + appendOnly("flag_event") + [
                // A flag is only ever closed, once: nothing else about it changes, nothing is deleted.
                """
                CREATE FUNCTION renewal_flag_closes_once() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'UPDATE' OR OLD.cleared_at IS NOT NULL
                        OR (NEW.id, NEW.item_id, NEW.note, NEW.flagged_by, NEW.flagged_at, NEW.follow_up)
                            IS DISTINCT FROM (OLD.id, OLD.item_id, OLD.note, OLD.flagged_by, OLD.flagged_at,
                                OLD.follow_up)
                    THEN
                        RAISE EXCEPTION 'flags are only ever closed, once' USING ERRCODE = 'P0001';
                    END IF;
                    RETURN NEW;
                END $$
                """,
                """
                CREATE TRIGGER flag_closes_once BEFORE UPDATE OR DELETE ON flag
                FOR EACH ROW EXECUTE FUNCTION renewal_flag_closes_once()
                """,
                """
                CREATE TRIGGER flag_no_truncate BEFORE TRUNCATE ON flag
                FOR EACH STATEMENT EXECUTE FUNCTION renewal_append_only()
                """,
                // Every change is announced, so dashboards elsewhere refresh at once (LISTEN).
                """
                CREATE FUNCTION renewal_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('renewal_change', TG_TABLE_NAME);
                    RETURN NULL;
                END $$
                """,
            ] + notifying("entry", on: "INSERT") + notifying("flag", on: "INSERT OR UPDATE")
                + notifying("flag_event", on: "INSERT")),
        Migration(
            name: "v2: judging digest",
            statements: [
                // Moves on every statement that adds entries or touches the digest's rows, by
                // renewal or by anyone with SQL: a digest is used only while the counter stands
                // where the digest's last refresh left it. SECURITY DEFINER: a writer moves it by
                // writing, never by hand (it is granted nothing on the counter).
                """
                CREATE TABLE renewal_change_counter (
                    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
                    counter bigint NOT NULL)
                """,
                "INSERT INTO renewal_change_counter (counter) VALUES (0)",
                """
                CREATE FUNCTION renewal_count_change() RETURNS trigger LANGUAGE plpgsql
                SECURITY DEFINER SET search_path FROM CURRENT AS $$
                BEGIN
                    UPDATE renewal_change_counter SET counter = counter + 1;
                    RETURN NULL;
                END $$
                """,
                """
                CREATE TRIGGER entry_counted AFTER INSERT ON entry
                FOR EACH STATEMENT EXECUTE FUNCTION renewal_count_change()
                """,
                // The entries that decide each verdict (`JudgingDigest`), by id only: the figures
                // are read from `entry` itself, so the digest can leave entries out but never
                // hold a figure nobody recorded.
                "CREATE TABLE judging_entry (entry_id bigint PRIMARY KEY REFERENCES entry (id))",
                """
                CREATE TRIGGER judging_entry_counted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON judging_entry
                FOR EACH STATEMENT EXECUTE FUNCTION renewal_count_change()
                """,
                // What the digest was made with (plan and rules) and where the store stood.
                """
                CREATE TABLE judging_digest (
                    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
                    key text NOT NULL,
                    through_entry bigint NOT NULL,
                    through_change bigint NOT NULL)
                """,
            ]),
        Migration(
            name: "v3: plan of the store",
            statements: [
                // Which plan the entries belong to (issue 24): one row per plan followed, the
                // latest current; append-only, so the store says which plan it followed when.
                """
                CREATE TABLE store_plan (
                    id bigserial PRIMARY KEY, fingerprint text NOT NULL, document_number text,
                    title text NOT NULL, recorded_at text NOT NULL)
                """
            ] + appendOnly("store_plan")),
    ]

    /// The triggers that move the change counter: a digest is trusted only while all fire.
    static let countingTriggers = [("entry", "entry_counted"), ("judging_entry", "judging_entry_counted")]

    /// Triggers that refuse any UPDATE, DELETE or TRUNCATE of `table`.
    static func appendOnly(_ table: String) -> [String] {
        [
            """
            CREATE TRIGGER \(table)_append_only BEFORE UPDATE OR DELETE ON \(table)
            FOR EACH ROW EXECUTE FUNCTION renewal_append_only()
            """,
            """
            CREATE TRIGGER \(table)_no_truncate BEFORE TRUNCATE ON \(table)
            FOR EACH STATEMENT EXECUTE FUNCTION renewal_append_only()
            """,
        ]
    }

    /// A trigger that announces `events` on `table` (NOTIFY renewal_change).
    static func notifying(_ table: String, on events: String) -> [String] {
        [
            """
            CREATE TRIGGER \(table)_notify AFTER \(events) ON \(table)
            FOR EACH STATEMENT EXECUTE FUNCTION renewal_notify()
            """
        ]
    }

    /// Checks that the database is renewal's and brings it up to date for `access`; returns
    /// whether this made the tables (a new store). A database holding other tables and none of
    /// renewal's is refused and left as it was; so is one written by a newer renewal.
    static func prepare(_ connection: PostgresConnection, access: StoreAccess, location: String) async throws -> Bool {
        let logger = PostgresStore.quiet
        var applied = try await appliedMigrations(connection)
        if applied == nil {
            guard try await otherTables(connection) == 0 else { throw StoreError.foreignDatabase(path: location) }
            guard access == .write else { throw StoreError.notInitialized(path: location) }
        }
        let known = Set(migrations.map(\.name))
        let unknown = (applied ?? []).filter { !known.contains($0) }
        guard unknown.isEmpty else { throw StoreError.newerSchema(path: location, migrations: unknown) }
        let pending = migrations.filter { !(applied ?? []).contains($0.name) }
        guard !pending.isEmpty, access != .read else { return false }
        try await connection.query("BEGIN", logger: logger)
        do {
            try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresStore.writeLock))", logger: logger)
            // Another machine may have migrated while this one waited for the lock.
            applied = try await appliedMigrations(connection)
            if applied == nil {
                try await connection.query(
                    """
                    CREATE TABLE renewal_migration (
                        position serial PRIMARY KEY, name text NOT NULL UNIQUE,
                        applied_at timestamptz NOT NULL DEFAULT now())
                    """, logger: logger)
            }
            for migration in migrations where !(applied ?? []).contains(migration.name) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO renewal_migration (name) VALUES (\(migration.name))", logger: logger)
            }
            try await connection.query("COMMIT", logger: logger)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
        return applied == nil
    }

    /// The migrations recorded in the database, in order; nil when it has no renewal tables.
    static func appliedMigrations(_ connection: PostgresConnection) async throws -> [String]? {
        let logger = PostgresStore.quiet
        let found = try await connection.query(
            "SELECT to_regclass('renewal_migration') IS NOT NULL", logger: logger
        ).collect()
        guard let row = found.first, try row.decode(Bool.self) else { return nil }
        var names: [String] = []
        for try await name in try await connection.query(
            "SELECT name FROM renewal_migration ORDER BY position", logger: logger
        ).decode(String.self) {
            names.append(name)
        }
        return names
    }

    /// How many tables, views and sequences the database holds outside the system's schemas.
    static func otherTables(_ connection: PostgresConnection) async throws -> Int {
        let rows = try await connection.query(
            """
            SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f', 'S')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
            """, logger: PostgresStore.quiet
        ).collect()
        return try rows.first?.decode(Int.self) ?? 0
    }
}
