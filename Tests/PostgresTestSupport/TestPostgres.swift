import Foundation

/// The real PostgreSQL server the tests run against, and a fresh database on it per test.
///
/// `scripts/test-postgres.sh` starts the machine's PostgreSQL 15 cluster if it is down and
/// makes a test role (no superuser); `.ci/run` runs it too. There is no fallback and no skip: a
/// machine without PostgreSQL fails these tests, saying why.
public enum TestPostgres {
    public static let password = "renewal-test"

    /// The test role's URL (its database is `postgres`, used only to create the others).
    public static let adminURL: Result<String, TestPostgresError> = {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "scripts/test-postgres.sh").path
        let result = run("/bin/bash", [script])
        guard result.status == 0, let line = result.output.split(separator: "\n").last else {
            return .failure(TestPostgresError(text: "scripts/test-postgres.sh failed: \(result.output)"))
        }
        return .success(String(line))
    }()

    /// The environment a test's store or command sees: the test role's password, nothing else
    /// of the caller's PostgreSQL settings.
    public static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in ["PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGPASSFILE", "PGSSLMODE"] {
            environment[key] = nil
        }
        environment["PGPASSWORD"] = password
        return environment
    }

    /// A new, empty database; returns its URL.
    public static func freshDatabase() throws -> String {
        let admin = try adminURL.get()
        let name = "renewal_test_\(UUID().uuidString.prefix(8).lowercased())"
        try sql("CREATE DATABASE \(name)", database: admin)
        return admin.replacingOccurrences(of: "/postgres?", with: "/\(name)?")
    }

    /// Runs SQL with psql as the test role (or as `role` with `password`); throws on any error.
    @discardableResult
    public static func sql(_ text: String, database: String, password: String = password) throws -> String {
        var environment = Self.environment
        environment["PGPASSWORD"] = password
        let result = run("/usr/bin/psql", [database, "-qtA", "-v", "ON_ERROR_STOP=1", "-c", text], environment)
        guard result.status == 0 else { throw TestPostgresError(text: result.output) }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public static func run(
        _ program: String, _ arguments: [String], _ environment: [String: String]? = nil
    ) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = environment ?? Self.environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (-1, "\(program): \(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

public struct TestPostgresError: Error, CustomStringConvertible {
    public let text: String
    public var description: String { text }

    public init(text: String) { self.text = text }
}

/// A PostgreSQL server of a test's own (initdb in a temporary folder, its own port, trust for
/// local connections), for what must not touch the shared one: restarting the server mid-import.
public final class PrivatePostgres {
    public let folder: String
    public let port: Int

    static let binaries = "/usr/lib/postgresql/15/bin"

    /// Makes and starts the server; throws what initdb or pg_ctl said.
    public init() throws {
        folder =
            FileManager.default.temporaryDirectory.appending(path: "renewal-pg-\(UUID().uuidString.prefix(8))").path
        port = Int.random(in: 20_000...29_999)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.check(TestPostgres.run("/usr/bin/chown", ["postgres:postgres", folder]))
        try Self.check(
            TestPostgres.run(
                "/usr/sbin/runuser",
                [
                    "-u", "postgres", "--", "\(Self.binaries)/initdb", "-D", folder + "/data", "-A", "trust", "-U",
                    "postgres",
                ]))
        try start()
    }

    deinit {
        _ = TestPostgres.run(
            "/usr/sbin/runuser",
            ["-u", "postgres", "--", "\(Self.binaries)/pg_ctl", "-D", folder + "/data", "-m", "immediate", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The server's URL for the superuser `postgres` (trusted: no password).
    public var url: String { "postgresql://postgres@127.0.0.1:\(port)/postgres?sslmode=disable&connect_timeout=5" }

    public func start() throws {
        try pgctl(["start", "-w", "-o", "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1"])
    }

    /// Stops the server at once (open transactions roll back) and starts it again.
    public func restart() throws {
        try pgctl(["restart", "-m", "fast", "-w", "-o", "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1"])
    }

    /// pg_ctl, through a shell that first closes every descriptor but 0–2: the server it starts
    /// outlives it and must not hold the socket Foundation's Process watches for the child's end
    /// (nor our output pipe), or the caller would wait forever. The server logs to a file.
    private func pgctl(_ arguments: [String]) throws {
        let command =
            ["/usr/sbin/runuser", "-u", "postgres", "--", "\(Self.binaries)/pg_ctl", "-D", folder + "/data"]
            + ["-l", folder + "/log"] + arguments
        let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let script =
            "for fd in $(ls /proc/$$/fd); do if [ \"$fd\" -gt 2 ]; then eval \"exec $fd>&-\"; fi; done; "
            + "exec \(quoted) </dev/null"
        try Self.check(TestPostgres.run("/bin/bash", ["-c", script]))
    }

    private static func check(_ result: (status: Int32, output: String)) throws {
        guard result.status == 0 else { throw TestPostgresError(text: result.output) }
    }
}
