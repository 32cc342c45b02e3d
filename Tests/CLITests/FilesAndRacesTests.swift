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
        let en = try run(["report", "--demo", "--format", "xlsx", "-o", folder.path, "--lang", "en"])
        #expect(en.status == 1)
        #expect(en.stderr.contains("it is a folder"), "\(en.stderr)")
        // (`template -o FOLDER` writes one form per unit into it: WorkbookTests.)
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

    // MARK: - 5. Infinity in the store, figures finer than any return

    @Test func infiniteFiguresInTheStoreNeverStopAJSONAnswer() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(["import", CLI.example]).status == 0)
        // 9e999 is SQLite's infinity; a baseline of 0 makes growth on it infinite too.
        _ = try CLI.sqlite(
            db,
            """
            INSERT INTO entry (itemId, date, value, progress, recordedBy, recordedAt)
                VALUES ('G25-4', '2026-10-31', 9e999, 'x\u{7F}y', 'sqlite3', 't'),
                       ('M02-1', '2026-10-31', -9e999, '', 'sqlite3', 't');
            INSERT INTO entry (itemId, date, value, recordedBy, recordedAt, baselineYear)
                VALUES ('G27-7', '2023-12-31', 0, 'sqlite3', 't', 2023);
            """)
        let reports = TrustTests.everyOutput.filter { $0.contains("--json") }
        #expect(reports.count >= 7)
        for report in reports {
            let arguments = report + (["flags"].contains(report[0]) ? [] : ["--as-of", "2026-11-30"])
            let result = try run(arguments)
            #expect(result.status == 0, "\(report): \(result.stderr)")
            #expect(!result.stderr.contains("EncodingError"), "\(report)")
            #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil, "\(report)")
        }
        // A stored baseline of 0 is judged as missing, and the page says why.
        let growth = try run(["show", "G27-7", "--as-of", "2026-11-30"])
        #expect(growth.stdout.contains("基数缺失") && growth.stdout.contains("基数 0辆（不能作为增长基数）"), "\(growth.stdout)")
        let shown = try run(["show", "G25-4", "--json", "--as-of", "2026-11-30"])
        #expect(shown.stdout.contains("null"))
        // DEL is escaped in JSON as the text views show it (^?): never a raw byte.
        let history = try run(["history", "G25-4", "--json"])
        #expect(!history.stdout.unicodeScalars.contains("\u{7F}"), "raw DEL in JSON")
        #expect(history.stdout.lowercased().contains("\\u007f"), "\(history.stdout)")
    }

    @Test func figuresFinerThanAnyReturnAreRefusedAndTinyOnesShown() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let underflow = "0." + String(repeating: "0", count: 322) + "1"
        for value in [underflow, "0.0000001", "1." + String(repeating: "5", count: 30)] {
            let result = try run(["baseline", "G27-7", "--value", value, "--year", "2023"])
            #expect(result.status == 1, "\(value.prefix(20)): \(result.stdout)")
            #expect(result.stderr.contains("小数位数过多"), "\(result.stderr)")
        }
        let zero = try run(["baseline", "G27-7", "--value", "0", "--year", "2023", "--lang", "en"])
        #expect(zero.status == 1)
        #expect(zero.stderr.contains("a baseline of 0 leaves nothing to grow from"), "\(zero.stderr)")
        let small = try run(["baseline", "G27-5", "--value", "0.000001", "--year", "2023"])
        #expect(small.stdout.contains("0.000001"), "echoed as \(small.stdout) \(small.stderr)")
        let year0 = try run(["baseline", "G27-7", "--value", "100", "--year", "0"])
        #expect(year0.stderr.contains("基数年份"))
        #expect(!year0.stderr.contains("日期"), "an unrelated date error: \(year0.stderr)")
    }

    // MARK: - 6. Cells beyond the header

    @Test func aRowWithMoreCellsThanTheHeaderIsARowError() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(["init"]).status == 0)
        let file = path("returns.csv")
        try Data(
            "指标编号,日期,数值,进展情况,存在问题,下步计划,填报单位\nM02-1,2025-06-30,30,,,,\nM04-2,2025-06-30,1,234,,,,\n".utf8
        ).write(to: URL(fileURLWithPath: file))
        let result = try run(["import", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("returns.csv:3"), "\(result.stderr)")
        #expect(result.stderr.contains("比表头多 1 个"), "\(result.stderr)")
        #expect(try CLI.sqlite(db, "SELECT count(*) FROM entry") == "0", "nothing is stored when a row is bad")
    }

    @Test func a100000BadRowsAreCountedNotPrintedOneByOne() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = path("bad.csv")
        var text = "指标编号,日期,数值\n"
        for _ in 0..<100_000 { text += "M02-1,not-a-date,abc\n" }
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let result = try run(["import", file, "--lang", "en"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").filter { $0.contains("bad.csv") }
        #expect(lines.count == 52, "\(lines.count) lines naming the file")
        #expect(result.stderr.contains("199950 more problems not listed (200000 problems on 100000 rows in all)"))
    }

    // MARK: - 7. A store that is not a file

    /// Runs the binary under `timeout`, so a command that hangs fails the test instead of CI.
    func runBounded(_ arguments: [String], db store: String) throws -> (status: Int32, output: String) {
        let binary = try TestBinary.reachable()
        let quoted = arguments.map { "'\($0)'" }.joined(separator: " ")
        return try TestBinary.shell(
            "env RENEWAL_DB='\(store)' XDG_CACHE_HOME='\(path("cache"))' timeout 60 \(binary) \(quoted)")
    }

    @Test func aFIFOOrADeviceAsTheStoreIsRefusedAtOnceAndLeftAlone() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = path("store.fifo")
        try #require(mkfifo(fifo, 0o600) == 0)
        let device = path("store.dev")
        try #require(mknod(device, S_IFCHR | 0o666, (1 << 8) | 3) == 0, "mknod needs root, as CI runs the tests")
        for (store, what) in [(fifo, "命名管道"), (device, "设备文件")] {
            for command in [["summary"], ["record", "M02-1", "--value", "3", "--date", "2025-06-30"], ["overdue"]] {
                let result = try runBounded(command, db: store)
                #expect(result.status == 1, "\(command) on \(what): \(result.output)")
                #expect(result.output.contains(what) && result.output.contains("未作任何改动"), "\(result.output)")
            }
        }
        #expect(info(fifo).st_mode & S_IFMT == S_IFIFO)
        #expect(info(device).st_mode & S_IFMT == S_IFCHR)
        let beside = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("store.") }
        #expect(beside.sorted() == ["store.dev", "store.fifo"], "files left beside: \(beside)")
    }

    @Test func anEmptyFileIsNoStoreToReadButBecomesOneWhenWritten() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = path("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        let report = try run(["summary"], db: empty)
        #expect(report.status == 1)
        #expect(report.stderr.contains("是空文件"), "\(report.stderr)")
        #expect(!report.stderr.contains("已新建进展库"), "claimed to create a store")
        #expect(!report.stderr.contains("no such table"), "raw SQLite text")
        #expect(info(empty).st_size == 0)
        let recorded = try run(["record", "M02-1", "--value", "3", "--date", "2025-06-30"], db: empty)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(try run(["summary"], db: empty).status == 0)
    }

    // MARK: - 9. Messages that say what happened

    @Test func messagesBlameOnlyWhatWasGiven() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let latin = try run(["import", CLI.example, "--encoding", "latin1"])
        #expect(latin.status == 64, "a bad option value is a usage error: \(latin.stderr)")
        let help = try run(["help", "summary", "--lang", "en"])
        #expect(help.status == 0, "\(help.stderr)")
        #expect(help.stdout.contains("OVERVIEW") && !help.stdout.contains("概述"), "\(help.stdout.prefix(200))")
        let early = try run(["changes", "--demo", "--as-of", "0001-01-01"])
        #expect(early.status == 1)
        #expect(!early.stderr.contains("--since 0001"), "blames a --since nobody gave: \(early.stderr)")
        #expect(early.stderr.contains("没有可比较的日期"), "\(early.stderr)")
        // A UTF-8 mark before GBK text: advice about the file, not about an option nobody gave.
        let file = path("bom-gbk.csv")
        var bytes = Data([0xEF, 0xBB, 0xBF])
        bytes += Data([0xD6, 0xB8, 0xB1, 0xEA, 0xB1, 0xE0, 0xBA, 0xC5, 0x2C, 0xC8, 0xD5, 0xC6, 0xDA])
        bytes += Data(",数值\nM02-1,2025-06-30,3\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: file))
        let marked = try run(["import", file, "--demo"])
        #expect(marked.status == 1)
        #expect(!marked.stderr.contains("去掉 --encoding"), "\(marked.stderr)")
        #expect(marked.stderr.contains("UTF-8 标记（BOM）"), "\(marked.stderr)")
    }

    // MARK: - 10. Plans with goals nothing can reach; copies read without writing beside them

    @Test func aPlanWithANegativeGoalIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try String(contentsOf: CLI.root.appending(path: "Data/plan.json"), encoding: .utf8)
        for (goal, shown) in [("-50", "-50"), ("0", "0"), ("1e13", "10000000000000")] {
            let edited = plan.replacingOccurrences(of: "\"value\": 50,", with: "\"value\": \(goal),")
            #expect(edited != plan)
            let file = path("plan-\(goal).json")
            try Data(edited.utf8).write(to: URL(fileURLWithPath: file))
            let result = try run(["summary", "--demo", "--plan", file])
            #expect(result.status == 1, "goal \(goal): \(result.stdout.prefix(100))")
            #expect(result.stderr.contains("value \(shown) 无效"), "\(result.stderr)")
        }
    }

    @Test func aCopyOfAStoreIsReadWithoutWritingBesideIt() throws {
        defer {
            chmod(path("copy"), 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        #expect(try run(["record", "M02-1", "--value", "30", "--date", "2025-06-30"]).status == 0)
        // Copied as a user would: the main file only, into a folder of its own.
        let copyFolder = path("copy")
        try FileManager.default.createDirectory(atPath: copyFolder, withIntermediateDirectories: false)
        let copy = copyFolder + "/store.sqlite"
        try FileManager.default.copyItem(atPath: db, toPath: copy)
        let summary = try run(["show", "M02-1", "--as-of", "2025-07-30"], db: copy)
        #expect(summary.status == 0, "\(summary.stderr)")
        #expect(summary.stdout.contains("实际 30家"), "\(summary.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: copyFolder) == ["store.sqlite"])
        // In a folder the reader may not write (as another user: root may write anything).
        chmod(copyFolder, 0o555)
        let binary = try TestBinary.reachable()
        let reader = try TestBinary.shell(
            "setpriv --reuid=65534 --regid=65534 --clear-groups env RENEWAL_DB=\(copy) HOME=/tmp "
                + "XDG_CACHE_HOME=/tmp \(binary) show M02-1 --as-of 2025-07-30")
        #expect(reader.status == 0, "\(reader.output)")
        #expect(reader.output.contains("实际 30家"), "\(reader.output)")
        #expect(!reader.output.contains("readonly"), "\(reader.output)")
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
