import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The hostile run of issue 20, kept in the suite: output paths that are not plain files, stores
/// that are not files, rows written with SQL behind the digest's back, writers racing. Each case
/// failed on the build the issue was filed against. Never against the real `/dev/null`.
@Suite("Files, races and the digest (issue 20)", .serialized)
struct FilesAndRacesTests {
    let folder: URL
    let db: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appending(path: "renewal-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        chmod(folder.path, 0o755)
        db = folder.appending(path: "store.sqlite").path
    }

    func path(_ name: String) -> String { folder.appending(path: name).path }

    func run(_ arguments: [String], db path: String? = nil) throws -> CLI.Result {
        try CLI.run(arguments, environment: ["RENEWAL_DB": path ?? db, "USER": "tester"])
    }

    func info(_ path: String) -> stat {
        var result = stat()
        _ = lstat(path, &result)
        return result
    }

    // MARK: - 1. -o writes into what it names

    @Test func reportIntoADeviceLeavesTheDeviceADevice() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // A copy of /dev/null's node: writing to it is harmless, replacing it is the defect.
        let node = path("null-copy")
        try #require(mknod(node, S_IFCHR | 0o666, (1 << 8) | 3) == 0, "mknod needs root, as CI runs the tests")
        for command in [["report", "--demo", "-o", node], ["template", "-o", node]] {
            let result = try run(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(info(node).st_mode & S_IFMT == S_IFCHR, "\(command) turned the device into a plain file")
        }
    }

    @Test func reportIntoAFIFOFeedsItsReader() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = path("bulletin.pipe")
        try #require(mkfifo(fifo, 0o600) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let out = Pipe()
        reader.standardOutput = out
        try reader.run()
        let result = try run(["report", "--demo", "--format", "text", "-o", fifo])
        let received = out.fileHandleForReading.readDataToEndOfFile()
        reader.waitUntilExit()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(String(decoding: received, as: UTF8.self).contains("示例数据"))
        #expect(info(fifo).st_mode & S_IFMT == S_IFIFO)
    }

    @Test func aBulletinKeepsItsModeLinksAndSymlink() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let private0600 = path("通报.md")
        try Data("旧\n".utf8).write(to: URL(fileURLWithPath: private0600))
        chmod(private0600, 0o600)
        let linked = path("linked.md")
        #expect(link(private0600, linked) == 0)
        let alias = path("latest.md")
        #expect(symlink("通报.md", alias) == 0)
        for target in [private0600, linked, alias] {
            let result = try run(["report", "--demo", "-o", target])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(info(private0600).st_mode & 0o7777 == 0o600, "\(target): the mode changed")
            #expect(info(private0600).st_nlink == 2, "\(target): the hard link was split")
            #expect(info(alias).st_mode & S_IFMT == S_IFLNK, "\(target): the symlink was replaced")
            let text = try String(contentsOfFile: linked, encoding: .utf8)
            #expect(text.contains("示例数据"), "\(target): the bulletin did not reach every name")
        }
    }

    @Test func aFolderAsOutputIsRefusedInBothLanguages() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let zh = try run(["report", "--demo", "-o", folder.path])
        #expect(zh.status == 1)
        #expect(zh.stderr.contains("这是一个文件夹"), "\(zh.stderr)")
        let en = try run(["template", "-o", folder.path, "--lang", "en"])
        #expect(en.status == 1)
        #expect(en.stderr.contains("it is a folder"), "\(en.stderr)")
    }

    @Test func aWritableFileInAReadOnlyFolderIsWrittenInPlace() throws {
        defer {
            chmod(folder.path, 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        let target = path("bulletin.md")
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
        // The file belongs to the unprivileged user who runs the command; the folder does not.
        chown(target, 65534, 65534)
        chmod(folder.path, 0o755)
        let binary = try TestBinary.reachable()
        let result = try TestBinary.shell(
            "setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/tmp XDG_CACHE_HOME=/tmp "
                + "\(binary) report --demo -o \(target)")
        #expect(result.status == 0, "\(result.output)")
        let text = try String(contentsOfFile: target, encoding: .utf8)
        #expect(text.contains("示例数据"))
        #expect(info(target).st_uid == 65534)
    }

    // MARK: - 4. One figure per item and day, whoever races

    /// Launches every command at once (all processes started before any is waited for).
    func runTogether(_ commands: [[String]]) throws -> [CLI.Result] {
        var env = ProcessInfo.processInfo.environment
        env["RENEWAL_PLAN"] = nil
        env["RENEWAL_DB"] = db
        env["USER"] = "tester"
        env["XDG_CACHE_HOME"] = path("cache")
        let environment = env
        let results = Mutexed<[Int: CLI.Result]>([:])
        let group = DispatchGroup()
        for (index, command) in commands.enumerated() {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                let result =
                    (try? CLI.launch(command, environment)) ?? CLI.Result(status: -1, stdout: "", stderr: "not run")
                results.update { $0[index] = result }
            }
        }
        group.wait()
        let all = results.get()
        return commands.indices.map { all[$0] ?? CLI.Result(status: -1, stdout: "", stderr: "lost") }
    }

    @Test func simultaneousRecordsStoreExactlyOneFigurePerItemAndDay() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(["init"]).status == 0)
        // Eight clerks record the same figure; eight others each a different one.
        let same = try runTogether(
            Array(repeating: ["record", "M02-1", "--value", "30", "--date", "2025-06-30"], count: 8))
        #expect(same.filter { $0.status == 0 && $0.stdout.contains("已记录") }.count == 1, "\(same.map(\.stdout))")
        #expect(same.filter { $0.status == 0 && $0.stdout.contains("完全相同") }.count == 7, "\(same.map(\.stdout))")
        #expect(try CLI.sqlite(db, "SELECT count(*) FROM entry WHERE itemId = 'M02-1'") == "1")

        let different = try runTogether(
            (1...8).map { ["record", "M03-1", "--value", "\($0)", "--date", "2025-06-30"] })
        let stored = different.filter { $0.status == 0 && $0.stdout.contains("已记录") }
        let refused = different.filter { $0.status == 1 && $0.stderr.contains("数值不同") }
        #expect(stored.count == 1, "\(different.map(\.stdout))")
        #expect(refused.count == 7, "\(different.map(\.stderr))")
        #expect(try CLI.sqlite(db, "SELECT count(*) FROM entry WHERE itemId = 'M03-1'") == "1")
    }

    // MARK: - 2. Rows written with SQL

    @Test func aRowInsertedWithSQLIsJudgedByEveryReportAlike() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(["import", CLI.example]).status == 0)
        let asOf = ["--as-of", "2026-11-30"]
        let before = try run(["overdue", "--json"] + asOf).stdout
        // G25-2 (overdue at 9300 of 10000) met by a figure typed into sqlite3 with id 0.
        _ = try CLI.sqlite(
            db,
            """
            INSERT INTO entry (id, itemId, date, value, recordedBy, recordedAt)
            VALUES (0, 'G25-2', '2026-10-31', 10500, 'sqlite3', '2026-11-30T10:00:00+08:00')
            """)
        let after = try run(["overdue", "--json"] + asOf).stdout
        #expect(before.contains("G25-2"))
        #expect(!after.contains("G25-2"), "the report ignored the new row")
        _ = try CLI.sqlite(db, "DELETE FROM judgingDigest")
        #expect(try run(["overdue", "--json"] + asOf).stdout == after, "digest and every entry disagree")
    }
}

/// A value shared with threads in a test.
final class Mutexed<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.withLock { value } }
    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&value) } }
}
