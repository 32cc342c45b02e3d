import Foundation
import Testing

/// The real `renewal` binary, run as a user would run it.
enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary built beside this test bundle (works for any --scratch-path), else .build/debug.
    static let binary: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appending(path: "renewal")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return root.appending(path: ".build/debug/renewal")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary. Unless the test names a store, each run gets a fresh, empty one
    /// (made by `renewal init`), never the user's own.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["RENEWAL_PLAN"] = nil
        let scratch = FileManager.default.temporaryDirectory.appending(path: "renewal-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        env["RENEWAL_DB"] = scratch.appending(path: "store.sqlite").path
        env["XDG_DATA_HOME"] = scratch.appending(path: "xdg").path
        env["XDG_CACHE_HOME"] = scratch.appending(path: "cache").path
        for (key, value) in environment { env[key] = value }
        if environment["RENEWAL_DB"] == nil {
            let made = try launch(["init"], env)
            #expect(made.status == 0, "renewal init: \(made.stderr)")
        }
        return try launch(arguments, env)
    }

    static func launch(_ arguments: [String], _ env: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes are drained at once, before waiting: a child that fills one pipe while we
        // block on the other would never finish.
        let (stdout, stderr) = drain(out, err)
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Reads two pipes to their ends concurrently (stderr on a second thread).
    static func drain(_ out: Pipe, _ err: Pipe) -> (Data, Data) {
        let box = DataBox()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.data = err.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        return (stdout, box.data)
    }

    final class DataBox: @unchecked Sendable {
        /// Written by the reading thread before it signals, read after the wait.
        var data = Data()
    }

    static func json(_ arguments: [String]) throws -> Any {
        let result = try run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// A query through the sqlite3 shell, as an administrator would check the store.
    static func sqlite(_ path: String, _ query: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, query]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static var example: String { root.appending(path: "Data/examples/returns-example.csv").path }

    /// Today as the program sees it (the machine's local day): a flag raised in a test counts
    /// from today, so reports that should show it are judged as of today.
    static var today: String {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}

/// Display width as the tests judge it: two columns for CJK and full-width forms.
func columns(_ line: Substring) -> Int {
    line.unicodeScalars.reduce(0) { total, scalar in
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3,
            0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
            return total + 2
        default:
            return total + 1
        }
    }
}

@Suite("Command line", .serialized)
struct CLITests {
    @Test func planJSONKeepsThePublicContract() throws {
        let plan = try #require(try CLI.json(["plan", "--json"]) as? [String: Any])
        let overall = try #require(plan["overallTargets"] as? [[String: Any]])
        let programmes = try #require(plan["programmes"] as? [[String: Any]])
        #expect(overall.count == 13)
        #expect(programmes.map { $0["number"] as? Int } == (2...12).map { $0 })
        for key in ["number", "key", "title", "titleEn", "measures"] {
            #expect(programmes[0][key] != nil, "programme lacks \(key)")
        }
        let measures = programmes.flatMap { ($0["measures"] as? [[String: Any]]) ?? [] }
        #expect(measures.map { $0["number"] as? Int } == (1...34).map { $0 })
        for key in ["number", "title", "titleEn", "text", "leadUnits", "responsibleUnits", "targets"] {
            #expect(measures[0][key] != nil, "measure lacks \(key)")
        }
        let targets = overall + measures.flatMap { ($0["targets"] as? [[String: Any]]) ?? [] }
        for target in targets {
            for key in [
                "id", "description", "kind", "comparator", "value", "unit", "deadline", "recurrence", "baselineYear",
            ] {
                #expect(target.keys.contains(key), "\(target["id"] ?? "?") lacks \(key)")
            }
        }
        let retired = try #require(targets.first { $0["id"] as? String == "M04-1" })
        #expect(retired["deadline"] is NSNull)
        #expect(retired["recurrence"] as? String == "annual")
        #expect(retired["baselineYear"] is NSNull)
        #expect(retired["value"] as? Double == 150)
        let usedCars = try #require(targets.first { $0["id"] as? String == "G27-7" })
        #expect(usedCars["baselineYear"] as? Int == 2023)
        #expect(usedCars["deadline"] as? String == "2027-12-31")
    }

    @Test func overdueLate2026ListsThe2025TargetsWhenNothingWasReported() throws {
        let result = try CLI.run(["overdue", "--as-of", "2026-11-29"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("M02-1"))
        #expect(result.stdout.contains("累计培育晨星工厂50家以上"))
        #expect(result.stdout.contains("逾期未完成"))
        #expect(result.stdout.contains("【市工业和信息化局】"))
    }

    @Test func overdueMid2025ListsNoneOfThe2025Targets() throws {
        let report = try #require(try CLI.json(["overdue", "--as-of", "2025-06-30", "--json"]) as? [String: Any])
        let groups = try #require(report["groups"] as? [[String: Any]])
        let items = groups.flatMap { ($0["items"] as? [[String: Any]]) ?? [] }
        #expect(!items.contains { $0["deadline"] as? String == "2025-12-31" })
        #expect(!items.contains { $0["id"] as? String == "M02-1" })
    }

    /// Issue 13: an overdue target at 95% draws a bar one cell short of full and says what was due.
    @Test func anOverdueTargetAt95PercentIsNotAFullBar() throws {
        let result = try CLI.run(["--demo", "show", "6", "--as-of", "2026-11-29"])
        #expect(result.status == 0, "\(result.stderr)")
        // 76% of 80% from a 2023 base of 50%: 87% of the way (a level starts where it stood).
        #expect(result.stdout.contains("[########..] 87%"), "\(result.stdout)")
        #expect(result.stdout.contains("80%，差 4 个百分点"), "\(result.stdout)")
        #expect(result.stdout.contains("[##########] 100%"), "a met goal is a full bar")
    }

    /// Issue 21, item 6: a rate's page shows its gap in 个百分点 beside the progress lag, and its
    /// sparklines are scaled from the baseline, so 66% against 72% does not look like 72%.
    @Test func aRateTargetsPageShowsItsGapAndScalesFromItsBaseline() throws {
        let result = try CLI.run(
            ["--demo", "snapshot", "--view", "target", "G27-5", "--size", "120x40", "--as-of", "2026-11-29"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("应达 72.3%，差 6.3 个百分点；完成进度 27%，序时进度 69%"), "\(result.stdout)")
        let lines = result.stdout.split(separator: "\n")
        let actual = try #require(lines.first { $0.contains("实际   ") })
        let expected = try #require(lines.first { $0.contains("应达   ") })
        #expect(actual.contains("▁") && !actual.contains("█"), "\(actual)")
        #expect(expected.contains("█"), "\(expected)")
    }

    @Test func showFourIsTheFarmMachineryMeasure() throws {
        let result = try CLI.run(["show", "4", "--as-of", "2026-11-29"])
        #expect(result.status == 0)
        for fragment in [
            "（四）支持农业机械装备升级", "牵头单位：市农业农村局", "责任单位：市财政局",
            "每年淘汰老旧农业机械150台（套）以上", "每年更新购置农业机械1000台（套）以上",
            "农作物耕种收综合机械化率达到94%以上", "截止 2025-12-31",
        ] {
            #expect(result.stdout.contains(fragment), "missing \(fragment)")
        }
    }

    @Test(arguments: [
        ["summary"], ["overdue"], ["show", "25"], ["show", "4"], ["plan"],
        ["summary", "--lang", "en"], ["overdue", "--lang", "en"], ["show", "15", "--lang", "en"],
    ])
    func textFitsEightyColumns(_ arguments: [String]) throws {
        let result = try CLI.run(
            arguments + (arguments[0] == "plan" ? [] : ["--as-of", "2026-11-29", "--entries", CLI.example]))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.isEmpty)
        if arguments[0] != "plan" {
            for line in result.stdout.split(separator: "\n") {
                #expect(columns(line) <= 80, "\(arguments): \(line)")
            }
        }
    }

    @Test func englishIsAvailable() throws {
        let result = try CLI.run(["summary", "--lang", "en", "--as-of", "2026-11-29"])
        #expect(result.stdout.contains("Overall targets"))
        #expect(!result.stdout.contains("总体目标"))
    }

    @Test func entriesChangeTheStatuses() throws {
        let without = try #require(try CLI.json(["show", "2", "--as-of", "2026-11-29", "--json"]) as? [String: Any])
        let with = try #require(
            try CLI.json(["show", "2", "--as-of", "2026-11-29", "--json", "--entries", CLI.example]) as? [String: Any])
        let before = (without["targets"] as? [[String: Any]])?.first
        let after = (with["targets"] as? [[String: Any]])?.first
        #expect(before?["status"] as? String == "overdue")
        #expect(after?["status"] as? String == "done")
        #expect(after?["actual"] as? Double == 52)
    }

    @Test func overdueForOneUnitByShortName() throws {
        let short = try CLI.run(["overdue", "--unit", "农业农村局", "--as-of", "2026-11-29"])
        let full = try CLI.run(["overdue", "--unit", "市农业农村局", "--as-of", "2026-11-29"])
        #expect(short.status == 0)
        #expect(short.stdout == full.stdout)
        #expect(short.stdout.contains("M04-3"))
        #expect(!short.stdout.contains("M02-1"))
    }

    @Test(arguments: [
        (["show", "35"], "没有 \"35\" 这一项", "unknown item \"35\""),
        (["show", "abc"], "没有 \"abc\" 这一项", "unknown item \"abc\""),
        (["overdue", "--unit", "不存在的局"], "没有名为 \"不存在的局\" 的单位", "unknown unit"),
        (["summary", "--entries", "/nonexistent/returns.csv"], "文件不存在", "no such file"),
        (["summary", "--plan", "/nonexistent/plan.json"], "无法读取方案", "cannot load the plan"),
        (["summary", "--width", "5"], "--width 应在 40 到 1000 之间", "--width must be from 40 to 1000"),
    ])
    func badInputIsOneClearLineAndAFailure(_ arguments: [String], _ chinese: String, _ english: String) throws {
        for (language, message) in [("zh", chinese), ("en", english)]
        where !(language == "en" && arguments.contains("fr")) {
            let result = try CLI.run(arguments + (language == "en" ? ["--lang", "en"] : []))
            // Options that cannot go together are usage errors (64), found before anything is read.
            #expect(result.status == (arguments.contains("--width") ? 64 : 1), "\(arguments)")
            #expect(result.stdout.isEmpty)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(result.stderr)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(result.stderr.hasPrefix(language == "zh" ? "错误：" : "Error: "), "\(result.stderr)")
        }
    }

    /// Values of a typed option are refused by the parser, before any work: a usage error (64)
    /// whose first line names the option, its expected form and what was typed, then the option's
    /// help and the usage, in the run's language.
    @Test(arguments: [
        (
            ["summary", "--as-of", "2025-13-01"], "--as-of <YYYY-MM-DD> 的取值 2025-13-01 无效",
            "The value '2025-13-01' is invalid for '--as-of <YYYY-MM-DD>'"
        ),
        (
            ["overdue", "--as-of", "yesterday"], "--as-of <YYYY-MM-DD> 的取值 yesterday 无效",
            "The value 'yesterday' is invalid for '--as-of <YYYY-MM-DD>'"
        ),
        (["summary", "--lang", "fr"], "--lang <zh|en> 的取值 fr 无效", ""),
        (
            ["report", "--format", "pdf"], "--format <md|html|csv|text|xlsx> 的取值 pdf 无效；可选：md、html、csv、text、xlsx",
            "Please provide one of 'md', 'html', 'csv', 'text' or 'xlsx'"
        ),
        (
            ["snapshot", "--size", "5000x3"], "--size <WxH> 的取值 5000x3 无效",
            "The value '5000x3' is invalid for '--size <WxH>'"
        ),
        (
            ["snapshot", "--view", "nope"], "--view <view> 的取值 nope 无效",
            "The value 'nope' is invalid for '--view <view>'"
        ),
        (
            ["flag", "M02-1", "--note", "x", "--follow-up", "2026-02-30"], "--follow-up <YYYY-MM-DD> 的取值 2026-02-30 无效",
            "The value '2026-02-30' is invalid for '--follow-up <YYYY-MM-DD>'"
        ),
    ])
    func aBadOptionValueIsAUsageError(_ arguments: [String], _ chinese: String, _ english: String) throws {
        for (language, message) in [("zh", chinese), ("en", english)] where !message.isEmpty {
            let result = try CLI.run(arguments + (language == "en" ? ["--lang", "en"] : []))
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stdout.isEmpty)
            // The first sentence may wrap: read it with its line breaks as spaces.
            let sentence = result.stderr.replacingOccurrences(of: "\n", with: " ")
            #expect(
                sentence.hasPrefix(language == "zh" ? "错误：" : "Error: ") && sentence.contains(message),
                "\(result.stderr)")
            #expect(result.stderr.contains(language == "zh" ? "用法：" : "Usage: "), "\(result.stderr)")
            for line in result.stderr.split(separator: "\n") { #expect(columns(line) <= 80, "\(line)") }
        }
    }

    @Test func aMalformedEntriesFileNamesTheLine() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "renewal-bad-\(UUID().uuidString).csv")
        try "指标编号,日期,数值\nM02-1,2025-06-30,12\nM02-1,2025-06-31,5\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLI.run(["summary", "--entries", file.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(file.lastPathComponent):3: 日期：\"2025-06-31\" 不是日期"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func anEditedPlanFileIsCheckedBeforeUse() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "renewal-plan-\(UUID().uuidString).json")
        let original = try String(contentsOf: CLI.root.appending(path: "Data/plan.json"), encoding: .utf8)
        // A measure naming a unit that is not in the unit list.
        try original.replacingOccurrences(
            of: "\"leadUnits\": [\n            \"市税务局\"", with: "\"leadUnits\": [\n            \"市税收局\""
        )
        .write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLI.run(["summary", "--plan", file.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("措施 M30 列出的单位 市税收局 不在单位列表中"), "\(result.stderr)")
        let english = try CLI.run(["summary", "--plan", file.path, "--lang", "en"])
        #expect(
            english.stderr.contains("measure M30 names unit 市税收局, which is not in the unit list"), "\(english.stderr)")
    }
}

/// The binary where another user can run it, and a shell to run it as that user.
///
/// Tests that drop privileges (`setpriv --reuid=65534`) cannot run the build folder's binary
/// when the clone sits in a private folder (mode 0700: root's home, `mktemp -d`): the binary is
/// copied once into a world-readable folder of its own.
enum TestBinary {
    private static let copied: Result<String, Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appending(path: "renewal-bin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let copy = folder.appending(path: "renewal")
        // Copied by a child process, never by this one: a file this process held open for
        // writing would be inherited by whatever another test spawns at that moment, and
        // running the copy would then fail with ETXTBSY ("Text file busy").
        let install = Process()
        install.executableURL = URL(fileURLWithPath: "/usr/bin/install")
        install.arguments = ["-m", "0755", CLI.binary.path, copy.path]
        try install.run()
        install.waitUntilExit()
        guard install.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return copy.path
    }

    /// The path of a copy of `renewal` that any user may run.
    static func reachable() throws -> String { try copied.get() }

    /// Runs `command` with /bin/sh; stdout and stderr together.
    static func shell(_ command: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command + " 2>&1"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// `renewal plan upgrade` (issue 24): the plan in format 2, which every command then reads alike.
@Suite("Plan upgrade")
struct PlanUpgradeTests {
    @Test func theUpgradedPlanIsThePlanForEveryCommand() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "renewal-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "plan-v2.json").path
        let upgraded = try CLI.run(["plan", "upgrade", "-o", file])
        #expect(upgraded.status == 0, "\(upgraded.stderr)")
        #expect(upgraded.stdout.contains("34 项措施、31 项指标，读回核对一致"))
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written.contains(#""format" : 2"#) && written.contains(#""label" : "（三十四）""#))
        let builtIn = try CLI.run(["plan", "--json"])
        let fromFile = try CLI.run(["--plan", file, "plan", "--json"])
        #expect(fromFile.status == 0 && fromFile.stdout == builtIn.stdout)
        let demo = ["--demo", "summary", "--as-of", "2026-11-30"]
        #expect(try CLI.run(["--plan", file] + demo).stdout == (try CLI.run(demo)).stdout)
        // In English too; and a second upgrade of the upgraded file writes the same bytes.
        let again = try CLI.run(["--plan", file, "plan", "upgrade", "-o", file, "--lang", "en"])
        #expect(again.status == 0 && again.stdout.contains("read back and identical"), "\(again.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == written)
    }
}
