import Foundation
import PostgresTestSupport
import Testing

/// Every command against a PostgreSQL store prints what it prints against an SQLite file
/// (issue 23). The server is the machine's PostgreSQL 15 (`scripts/test-postgres.sh`).
@Suite("Commands on a PostgreSQL store", .serialized)
struct PostgresCommandTests {
    static let password = TestPostgres.password

    /// A fresh database on the test server; its URL.
    static func freshDatabase() throws -> String { try TestPostgres.freshDatabase() }

    @Test func theMonthOnPostgreSQLReadsAsOnSQLite() throws {
        let url = try Self.freshDatabase()
        let folder = FileManager.default.temporaryDirectory.appending(path: "renewal-pg-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "store.sqlite").path
        let sample = CLI.root.appending(path: "Data/sample-progress.csv").path
        let stores = [
            ("postgres", ["RENEWAL_DB": url, "PGPASSWORD": Self.password]), ("sqlite", ["RENEWAL_DB": file]),
        ]
        var outputs: [String: [String]] = [:]
        for (name, environment) in stores {
            let steps: [[String]] = [
                ["import", sample],
                ["record", "M02-1", "--value", "31", "--date", "2026-11-30", "--progress", "新增1家", "--by", "clerk"],
                ["flag", "M04-1", "--note", "请说明", "--by", "clerk"],
                ["reply", "M04-1", "--note", "已整改", "--unit", "农业农村局", "--by", "clerk"],
            ]
            for step in steps {
                let result = try CLI.run(step, environment: environment)
                #expect(result.status == 0, "\(name) \(step): \(result.stderr)")
            }
            for report in [
                ["summary", "--as-of", "2026-12-06"], ["overdue", "--as-of", "2026-12-06"], ["show", "25"],
                ["history", "M02-1"], ["flags", "--as-of", "2026-12-06"],
                ["report", "--as-of", "2026-12-06", "--format", "md"], ["summary", "--json", "--as-of", "2027-01-11"],
            ] {
                let result = try CLI.run(report, environment: environment)
                #expect(result.status == 0, "\(name) \(report): \(result.stderr)")
                outputs[name, default: []].append(result.stdout)
            }
        }
        let postgres = outputs["postgres"] ?? [], sqlite = outputs["sqlite"] ?? []
        #expect(postgres.count == 7)
        for (index, (a, b)) in zip(postgres, sqlite).enumerated() {
            // Timestamps of recording differ by the seconds between the two runs; nothing else may.
            #expect(Self.withoutTimes(a) == Self.withoutTimes(b), "report \(index) differs")
        }
        #expect(postgres.first?.contains("临清市") == true)
    }

    @Test func storeCopyMovesTheDemoToPostgreSQLAndBackAndEveryReportReadsTheSame() throws {
        let url = try Self.freshDatabase()
        let folder = FileManager.default.temporaryDirectory.appending(path: "renewal-copy-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "city.sqlite").path, back = folder.appending(path: "back.sqlite").path
        let server = ["PGPASSWORD": Self.password]
        let sample = CLI.root.appending(path: "Data/sample-progress.csv").path
        #expect(try CLI.run(["import", sample, "--db", file]).status == 0)
        #expect(try CLI.run(["flag", "M04-1", "--note", "请说明", "--db", file]).status == 0)

        let there = try CLI.run(["store", "copy", "--from", file, "--to", url], environment: server)
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stdout.contains("已复制"), "\(there.stdout)")
        #expect(there.stdout.contains("督办 1 条"), "\(there.stdout)")
        #expect(there.stdout.contains("核对一致"))
        let checksum = try #require(there.stdout.firstMatch(of: /SHA-256 校验和 ([0-9a-f]{64})/)?.1)

        let home = try CLI.run(["store", "copy", "--from", url, "--to", back, "--lang", "en"], environment: server)
        #expect(home.status == 0, "\(home.stderr)")
        #expect(
            home.stdout.contains("Checked: the same counts in both, SHA-256 checksum \(checksum)."), "\(home.stdout)")
        #expect(home.stderr.contains("Created a new store"))

        let again = try CLI.run(["store", "copy", "--from", file, "--to", url, "--lang", "en"], environment: server)
        #expect(again.status == 1)
        #expect(again.stderr.contains("already holds entries or flags"), "\(again.stderr)")

        for report in [
            ["summary", "--as-of", "2026-12-06"], ["history", "M02-1"], ["flags", "--as-of", "2026-12-06"],
        ] {
            let a = try CLI.run(report + ["--db", file]), b = try CLI.run(report + ["--db", url], environment: server)
            let c = try CLI.run(report + ["--db", back])
            #expect(a.status == 0 && b.status == 0 && c.status == 0)
            #expect(a.stdout == b.stdout && b.stdout == c.stdout, "\(report)")
        }
    }

    @Test func aServerThatCannotBeReachedIsOneClearLineInEitherLanguage() throws {
        let url = "postgresql://nobody@127.0.0.1:1/renewal?sslmode=disable&connect_timeout=3"
        let zh = try CLI.run(["summary"], environment: ["RENEWAL_DB": url])
        #expect(zh.status == 1)
        #expect(zh.stderr.contains("无法连接服务器"), "\(zh.stderr)")
        let en = try CLI.run(["summary", "--lang", "en", "--db", url], environment: ["RENEWAL_DB": url])
        #expect(en.status == 1)
        #expect(en.stderr.contains("cannot reach the server"), "\(en.stderr)")
        let secret = try CLI.run(["summary", "--db", "postgresql://u:hunter2@127.0.0.1/x"])
        #expect(secret.status == 1)
        #expect(!secret.stderr.contains("hunter2"))
        #expect(secret.stderr.contains("地址中不能写密码"), "\(secret.stderr)")
    }

    /// ISO timestamps (recorded at) and clock times blanked out.
    static func withoutTimes(_ text: String) -> String {
        text.replacingOccurrences(
            of: #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}"#, with: "T", options: .regularExpression)
    }
}

struct CLIFailure: Error, CustomStringConvertible {
    let text: String
    var description: String { text }
}
