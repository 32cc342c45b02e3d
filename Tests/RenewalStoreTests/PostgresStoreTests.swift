import Foundation
import PostgresTestSupport
import RenewalModel
import RenewalPostgres
import Testing

@testable import RenewalStore

/// What only a server has: other applications' databases, accounts and roles, passwords, a
/// network between (issue 23).
@Suite("The PostgreSQL store", .serialized)
struct PostgresStoreTests {
    func shown(_ url: String) throws -> String { try StoreLocation.parse(url, environment: [:]).shown }

    func open(_ url: String, _ access: StoreAccess, password: String = TestPostgres.password) throws -> PostgresStore {
        var environment = TestPostgres.environment
        environment["PGPASSWORD"] = password
        guard case let .postgres(address) = try StoreLocation.parse(url, environment: environment) else {
            throw TestPostgresError(text: "not a server URL")
        }
        return try PostgresStore(address: address, access: access, environment: environment)
    }

    @Test func anotherApplicationsDatabaseIsRefusedAndLeftUntouched() throws {
        let url = try TestPostgres.freshDatabase()
        try TestPostgres.sql("CREATE TABLE invoices (id int); INSERT INTO invoices VALUES (7)", database: url)
        #expect(throws: StoreError.foreignDatabase(path: try shown(url))) {
            _ = try open(url, .write)
        }
        #expect(
            try TestPostgres.sql(
                "SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'", database: url)
                == "invoices")
    }

    @Test func anEmptyDatabaseIsNoStoreToReadButBecomesOneWhenWritten() throws {
        let url = try TestPostgres.freshDatabase()
        #expect(throws: StoreError.self) { _ = try open(url, .read) }
        let store = try open(url, .write)
        #expect(store.created)
        #expect(
            try store.appliedMigrations() == [
                "v1: entries, flags and flag events", "v2: judging digest", "v3: plan of the store",
            ])
        let again = try open(url, .write)
        #expect(!again.created)
    }

    @Test func aNewerRenewalsDatabaseIsRefused() throws {
        let url = try TestPostgres.freshDatabase()
        _ = try open(url, .write)
        try TestPostgres.sql("INSERT INTO renewal_migration (name) VALUES ('v9: from the future')", database: url)
        #expect(throws: StoreError.newerSchema(path: try shown(url), migrations: ["v9: from the future"])) {
            _ = try open(url, .write)
        }
    }

    /// A reader role sees everything and writes nothing; a writer records but cannot rewrite
    /// history even with SQL of its own; neither is a superuser nor owns a table.
    @Test func aReaderReadsAWriterRecordsNeitherRewrites() throws {
        let url = try TestPostgres.freshDatabase()
        let owner = try open(url, .write)
        try owner.append(.sample())
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let reader = "renewal_reader_\(suffix)", writer = "renewal_writer_\(suffix)"
        try TestPostgres.sql(
            """
            CREATE ROLE \(reader) LOGIN PASSWORD 'r-pw';
            CREATE ROLE \(writer) LOGIN PASSWORD 'w-pw';
            GRANT SELECT ON ALL TABLES IN SCHEMA public TO \(reader), \(writer);
            GRANT INSERT ON entry, flag, flag_event TO \(writer);
            GRANT UPDATE (cleared_by, cleared_at) ON flag TO \(writer);
            GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO \(writer);
            """, database: url)
        let readerURL = url.replacingOccurrences(of: "renewal_test@", with: "\(reader)@")
        let writerURL = url.replacingOccurrences(of: "renewal_test@", with: "\(writer)@")
        let asReader = try open(readerURL, .browse, password: "r-pw")
        #expect(try asReader.entryCount() == 1)
        #expect(throws: StoreError.readOnlyAccount(path: asReader.location)) { try asReader.append(.sample("M03-1")) }
        let asWriter = try open(writerURL, .write, password: "w-pw")
        guard case .stored = try asWriter.record(.sample("M03-1")) else {
            Issue.record("the writer could not record")
            return
        }
        try asWriter.flag(itemId: "M03-1", note: "n", by: "w", at: "t", followUp: nil)
        #expect(try asWriter.unflag(itemId: "M03-1", by: "w", at: "t2", note: "办结") == 1)
        #expect(throws: (any Error).self) {
            try TestPostgres.sql(
                "ALTER TABLE entry DISABLE TRIGGER entry_append_only", database: writerURL, password: "w-pw")
        }
        #expect(throws: (any Error).self) {
            try TestPostgres.sql("UPDATE entry SET value = 0", database: writerURL, password: "w-pw")
        }
        #expect(try owner.entries().map(\.value) == [10, 10])
        // Nor can a writer move the change counter by hand (the digest's guard).
        #expect(throws: (any Error).self) {
            try TestPostgres.sql("UPDATE renewal_change_counter SET counter = 0", database: writerURL, password: "w-pw")
        }
    }

    /// The judging digest and roles: with the README's grants a writer keeps the digest and a
    /// reader reads it; roles granted before the digest existed (v1) still record and read,
    /// their reads take every entry, and the verdicts are the same either way.
    @Test func rolesKeepAndReadTheDigestWhenGrantedAndWorkWithoutIt() throws {
        let url = try TestPostgres.freshDatabase()
        let owner = try open(url, .write)
        try owner.append(.sample("M02-1", "2026-10-31", 12))
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let reader = "renewal_reader_\(suffix)", writer = "renewal_writer_\(suffix)"
        // As the roles of a store made before v2: no rights on the digest's tables.
        try TestPostgres.sql(
            """
            CREATE ROLE \(reader) LOGIN PASSWORD 'r-pw';
            CREATE ROLE \(writer) LOGIN PASSWORD 'w-pw';
            GRANT SELECT ON entry, flag, flag_event, renewal_store, renewal_migration TO \(reader), \(writer);
            GRANT INSERT ON entry, flag, flag_event TO \(writer);
            GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO \(writer);
            """, database: url)
        let readerURL = url.replacingOccurrences(of: "renewal_test@", with: "\(reader)@")
        let writerURL = url.replacingOccurrences(of: "renewal_test@", with: "\(writer)@")
        let plan = try PlanLoader.embedded()
        let key = JudgingDigest.key(planFingerprint: "p", rules: .standard)
        let day = try #require(Day("2026-11-11"))
        let asWriter = try open(writerURL, .write, password: "w-pw")
        asWriter.keepJudgingDigest(plan: plan, planFingerprint: "p")
        guard case .stored = try asWriter.record(.sample("M03-1", "2026-10-31", 3)) else {
            Issue.record("a writer without rights on the digest could not record")
            return
        }
        let asReader = try open(readerURL, .browse, password: "r-pw")
        let ungranted = try asReader.judgingEntries(asOf: day, digestKey: key)
        #expect(ungranted.fromDigest == false)
        #expect(ungranted.entries.map(\.itemId) == ["M02-1", "M03-1"])
        // The README's grants: the writer keeps the digest, the reader reads it.
        try TestPostgres.sql(
            """
            GRANT SELECT ON ALL TABLES IN SCHEMA public TO \(reader), \(writer);
            GRANT INSERT, DELETE ON judging_entry, judging_digest TO \(writer);
            """, database: url)
        guard case .stored = try asWriter.record(.sample("M04-1", "2026-10-31", 4)) else {
            Issue.record("a writer with rights on the digest could not record")
            return
        }
        let granted = try asReader.judgingEntries(asOf: day, digestKey: key)
        #expect(granted.fromDigest == true)
        #expect(granted.entries.map(\.itemId) == ["M02-1", "M03-1", "M04-1"])
        let engine = StatusEngine(plan: plan)
        #expect(
            engine.evaluate(entries: granted.entries, asOf: day)
                == engine.evaluate(entries: try owner.entries(detail: .judging), asOf: day))
    }

    /// A store of schema v1 (before the digest) is read whole by a reader, which changes
    /// nothing; the first open to write adds the digest's tables, and writes keep it from then
    /// on. A reader role given the README's default privileges reads the new tables unasked.
    @Test func aStoreFromBeforeTheDigestIsReadWholeThenUpgradedByAWriter() throws {
        let url = try TestPostgres.freshDatabase()
        _ = try open(url, .write).append(.sample())
        let role = "renewal_reader_\(UUID().uuidString.prefix(8).lowercased())"
        try TestPostgres.sql(
            """
            DROP TABLE judging_digest, judging_entry, renewal_change_counter, store_plan;
            DROP FUNCTION renewal_count_change CASCADE;
            DELETE FROM renewal_migration WHERE name LIKE 'v2%' OR name LIKE 'v3%';
            CREATE ROLE \(role) LOGIN PASSWORD 'r-pw';
            GRANT SELECT ON ALL TABLES IN SCHEMA public TO \(role);
            ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO \(role);
            """, database: url)
        let key = JudgingDigest.key(planFingerprint: "p", rules: .standard)
        let day = try #require(Day("2026-11-30"))
        let reader = try open(
            url.replacingOccurrences(of: "renewal_test@", with: "\(role)@"), .read, password: "r-pw")
        let read = try reader.judgingEntries(asOf: day, digestKey: key)
        #expect(read.fromDigest == false)
        #expect(read.entries.map(\.itemId) == ["M02-1"])
        #expect(try reader.appliedMigrations() == ["v1: entries, flags and flag events"])
        #expect(try reader.recordedPlan() == nil, "a store from before plans were recorded has none")
        let writer = try open(url, .write)
        #expect(
            try writer.appliedMigrations() == [
                "v1: entries, flags and flag events", "v2: judging digest", "v3: plan of the store",
            ])
        writer.keepJudgingDigest(plan: try PlanLoader.embedded(), planFingerprint: "p")
        try writer.append(.sample("M03-1"))
        #expect(try reader.judgingEntries(asOf: day, digestKey: key).fromDigest == true)
    }

    @Test func aWrongPasswordAMissingDatabaseAndNoServerSayWhichInBothLanguages() throws {
        let url = try TestPostgres.freshDatabase()
        _ = try open(url, .write)
        func message(_ body: () throws -> Void) -> Phrase? {
            do { try body() } catch let error as StoreError { return error.phrase } catch { return nil }
            return nil
        }
        let wrong = message { _ = try open(url, .read, password: "not-the-password") }
        #expect(wrong?.zh.contains("用户名或密码不对") == true, "\(String(describing: wrong))")
        #expect(wrong?.en.contains("user name or password is wrong") == true)
        #expect(wrong?.zh.contains("not-the-password") == false)
        let missing = message { _ = try open(url.replacingOccurrences(of: "/renewal_test_", with: "/absent_"), .read) }
        #expect(missing?.zh.contains("没有这个数据库") == true, "\(String(describing: missing))")
        #expect(missing?.en.contains("has no such database") == true)
        let closedPort = url.replacingOccurrences(of: ":5432/", with: ":1/") + "&connect_timeout=3"
        let started = Date()
        let unreachable = message { _ = try open(closedPort, .read) }
        #expect(unreachable?.zh.contains("无法连接服务器") == true, "\(String(describing: unreachable))")
        #expect(unreachable?.en.contains("cannot reach the server") == true)
        #expect(Date().timeIntervalSince(started) < 40, "no hang: the connect timeout bounds the wait")
    }

    @Test func aPasswordInTheURLIsRefusedAndNeverShown() throws {
        #expect {
            _ = try StoreLocation.parse("postgresql://u:s3cret@db.example:5432/renewal", environment: [:])
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            return !error.phrase.zh.contains("s3cret") && !error.phrase.en.contains("s3cret")
                && error.phrase.en.contains("may not hold a password")
        }
    }

    @Test func theAddressFollowsLibpq() throws {
        let environment = ["USER": "clerk", "PGPORT": "6543", "HOME": "/nonexistent"]
        guard
            case let .postgres(address) = try StoreLocation.parse(
                "postgres://db.example/renewal", environment: environment)
        else {
            Issue.record("not parsed as a server")
            return
        }
        #expect(address.user == "clerk")
        #expect(address.port == 6543)
        #expect(address.sslMode == .prefer)
        #expect(address.shown == "postgresql://clerk@db.example:6543/renewal")
        #expect(try StoreLocation.parse("/data/renewal.sqlite", environment: [:]) == .file("/data/renewal.sqlite"))
        #expect(throws: StoreError.self) {
            _ = try StoreLocation.parse("postgresql://h/db?sslmode=maybe", environment: [:])
        }
        #expect(PostgresAddress.passwordFields(#"db\:1:5432:*:u:pa\:ss"#) == ["db:1", "5432", "*", "u", "pa:ss"])
    }

    @Test func thePasswordFileIsReadAsLibpqReadsIt() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "renewal-pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "pgpass").path
        try "# comment\nother:5432:*:*:no\n127.0.0.1:*:*:renewal_test:renewal-test\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o600)
        let url = try TestPostgres.freshDatabase() + "&passfile=\(file)"
        var environment = TestPostgres.environment
        environment["PGPASSWORD"] = nil
        guard case let .postgres(address) = try StoreLocation.parse(url, environment: environment) else { return }
        #expect(address.password(environment: environment) == "renewal-test")
        let store = try PostgresStore(address: address, access: .write, environment: environment)
        #expect(store.created)
        // A file others may read is ignored, as libpq ignores it.
        chmod(file, 0o644)
        #expect(address.password(environment: environment) == nil)
    }
}
