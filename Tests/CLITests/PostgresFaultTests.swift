import Foundation
import PostgresTestSupport
import Testing

/// An import cut short on PostgreSQL: renewal killed with SIGKILL, or the server restarted, while
/// the rows are written but not committed. Nothing may be half-stored; the error is clear; the
/// same import run again stores every row (issue 23).
///
/// The import is held at the right moment by a statement trigger the test adds (it sleeps after
/// COPY has written every row, inside renewal's transaction), so the fault lands mid-import on
/// any machine, however fast.
@Suite("Faults in the middle of an import on PostgreSQL", .serialized)
struct PostgresFaultTests {
    static let sample = CLI.root.appending(path: "Data/sample-progress.csv").path

    /// Makes the next import pause for `seconds` with its rows written and not committed.
    static func slowDown(_ url: String, seconds: Int, password: String? = nil) throws {
        let sql = """
            CREATE FUNCTION test_slow_down() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_sleep(\(seconds)); RETURN NULL; END $$;
            CREATE TRIGGER test_slow_import AFTER INSERT ON entry FOR EACH STATEMENT EXECUTE FUNCTION test_slow_down();
            """
        if let password {
            try TestPostgres.sql(sql, database: url, password: password)
        } else {
            try TestPostgres.sql(sql, database: url)
        }
    }

    /// Starts `renewal import` in the background; stdout and stderr go to files in `folder`.
    static func startImport(_ url: String, folder: URL, environment: [String: String]) throws -> Process {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["import", sample, "--db", url]
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        FileManager.default.createFile(atPath: folder.appending(path: "out").path, contents: nil)
        FileManager.default.createFile(atPath: folder.appending(path: "err").path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: folder.appending(path: "out"))
        process.standardError = try FileHandle(forWritingTo: folder.appending(path: "err"))
        try process.run()
        return process
    }

    /// Waits until a session of the database sleeps in the trigger: the rows are written.
    static func waitForThePause(_ url: String, password: String? = nil) throws {
        let query = "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'"
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let count =
                try password.map { try TestPostgres.sql(query, database: url, password: $0) }
                ?? TestPostgres.sql(query, database: url)
            if count == "1" { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TestPostgresError(text: "the import never reached the pause")
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appending(path: "renewal-fault-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func killedWithSIGKILLMidImportStoresNothingAndARetryStoresAll() throws {
        let url = try TestPostgres.freshDatabase()
        let environment = ["PGPASSWORD": TestPostgres.password]
        #expect(try CLI.run(["init", "--db", url], environment: environment).status == 0)
        try Self.slowDown(url, seconds: 3)
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let importing = try Self.startImport(url, folder: folder, environment: environment)
        try Self.waitForThePause(url)
        kill(importing.processIdentifier, SIGKILL)
        importing.waitUntilExit()
        #expect(importing.terminationReason == .uncaughtSignal)
        // The server ends the orphaned transaction once the trigger returns and the client is gone.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline,
            try TestPostgres.sql(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
                database: url) != "0"
        {
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(try TestPostgres.sql("SELECT count(*) FROM entry", database: url) == "0")
        try TestPostgres.sql("DROP TRIGGER test_slow_import ON entry", database: url)
        let retry = try CLI.run(["import", Self.sample, "--db", url], environment: environment)
        #expect(retry.status == 0, "\(retry.stderr)")
        let stored = try TestPostgres.sql("SELECT count(*) FROM entry", database: url)
        #expect(retry.stdout.contains("已导入 \(stored) 条"), "\(retry.stdout)")
        #expect(Int(stored) ?? 0 > 1000)
    }

    @Test func aServerRestartMidImportIsAClearErrorAndStoresNothing() throws {
        let server = try PrivatePostgres()
        let url = server.url
        let environment: [String: String] = [:]
        #expect(try CLI.run(["init", "--db", url], environment: environment).status == 0)
        try Self.slowDown(url, seconds: 30, password: "")
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let importing = try Self.startImport(url, folder: folder, environment: environment)
        try Self.waitForThePause(url, password: "")
        try server.restart()
        importing.waitUntilExit()
        let said = (try? String(contentsOf: folder.appending(path: "err"), encoding: .utf8)) ?? ""
        #expect(importing.terminationStatus == 1)
        #expect(said.contains("连接中断"), "\(said)")
        #expect(said.contains("要么全部完成、要么全未写入"), "\(said)")
        #expect(try TestPostgres.sql("SELECT count(*) FROM entry", database: url, password: "") == "0")
        try TestPostgres.sql("DROP TRIGGER test_slow_import ON entry", database: url, password: "")
        let retry = try CLI.run(["import", Self.sample, "--db", url, "--lang", "en"], environment: environment)
        #expect(retry.status == 0, "\(retry.stderr)")
        #expect(retry.stdout.hasPrefix("Imported "), "\(retry.stdout)")
        #expect(try Int(TestPostgres.sql("SELECT count(*) FROM entry", database: url, password: "")) ?? 0 > 1000)
    }
}
