import Foundation
import Testing

/// The store through the real binary: record, baseline, import, flags, history, template,
/// report, --demo, and what happens when two processes write at once or one is killed.
@Suite("Store commands", .serialized)
struct StoreCLITests {
    let folder: URL
    let db: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appending(path: "renewal-store-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        db = folder.appending(path: "store.sqlite").path
    }

    func run(_ arguments: [String], user: String = "tester") throws -> CLI.Result {
        try CLI.run(arguments, environment: ["RENEWAL_DB": db, "USER": user])
    }

    func sqlite(_ query: String) throws -> String { try CLI.sqlite(db, query) }

    func write(_ text: String, _ name: String) throws -> String {
        let url = folder.appending(path: name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Issue 14: `import` and `record` keep the judging digest current; the reports read from it
    /// answer exactly as from every entry (here with the digest deleted), and a write rebuilds it.
    /// Options that cannot go together are usage errors: exit 64, one line in the run's language,
    /// said before the plan or the store is read (so even a missing store is not mentioned).
    @Test func optionsThatCannotGoTogetherAreUsageErrors() throws {
        let cases: [([String], String, String)] = [
            (["record", "M02-1", "--done", "--in-progress"], "只能选一个", "cannot both be given"),
            (["record", "M02-1", "--value", "3", "--done"], "只能选一种", "not both"),
            (
                ["record", "M02-1", "--value", "3", "--corrects", "1"], "--corrects 需要同时给出 --reason",
                "--corrects needs --reason"
            ),
            (
                ["record", "M02-1", "--value", "3", "--reason", "x"], "--reason 只与 --corrects 一起使用",
                "--reason goes with"
            ),
            (["flag", "M02-1", "--note", " "], "--note 不能为空", "--note is empty"),
            (["reply", "M02-1", "--note", ""], "--note 不能为空", "--note is empty"),
        ]
        for (arguments, zh, en) in cases {
            let chinese = try CLI.run(arguments + ["--db", "/nonexistent/store.sqlite"])
            #expect(chinese.status == 64 && chinese.stderr.contains(zh), "\(arguments): \(chinese.stderr)")
            #expect(chinese.stderr.split(separator: "\n").count == 1)
            let english = try CLI.run(arguments + ["--lang", "en"])
            #expect(english.status == 64 && english.stderr.contains(en), "\(arguments): \(english.stderr)")
        }
    }

    /// The demo's temporary store is not news: nothing is said about creating it (it was said once,
    /// on every demo command, while the application layer was being made).
    @Test func theDemoSaysNothingAboutMakingItsStore() throws {
        for arguments in [["summary", "--demo"], ["record", "M02-1", "--value", "3", "--progress", "x", "--demo"]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains("已新建进展库"), "\(arguments): \(result.stderr)")
        }
    }

    @Test func theJudgingDigestIsKeptOnWriteAndAnswersAsEveryEntry() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let imported = try run(["import", CLI.example])
        #expect(imported.status == 0, "\(imported.stderr)")
        let current = "SELECT count(*) FROM judgingDigest WHERE throughEntry = (SELECT max(id) FROM entry)"
        #expect(try sqlite(current) == "1")
        #expect(try Int(sqlite("SELECT count(*) FROM judgingEntry")) ?? 0 > 0)
        let reports = [
            ["overdue", "--json", "--as-of", "2026-11-30"], ["summary", "--json", "--as-of", "2026-11-30"],
            ["reporting", "--json", "--as-of", "2026-11-30"], ["overdue", "--lang", "en", "--as-of", "2026-12-31"],
        ]
        let fromDigest = try reports.map { try run($0) }
        _ = try sqlite("DELETE FROM judgingDigest")
        let fromEveryEntry = try reports.map { try run($0) }
        for (index, report) in reports.enumerated() {
            #expect(fromDigest[index].status == 0, "\(report): \(fromDigest[index].stderr)")
            #expect(fromDigest[index].stdout == fromEveryEntry[index].stdout, "\(report)")
            #expect(fromDigest[index].stdout.count > 200, "\(report)")
        }
        let recorded = try run(["record", "M02-1", "--date", "2026-10-31", "--value", "44", "--progress", "新增14家"])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(try sqlite(current) == "1")
    }

    /// Issue 13: with neither $USER nor $LOGNAME (cron, `env -i`), the flag is signed with the
    /// account's login name, not `unknown`.
    @Test func withoutUserTheLoginNameSignsTheFlag() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let flagged = try CLI.run(
            ["flag", "M02-1", "--note", "请说明"], environment: ["RENEWAL_DB": db, "USER": "", "LOGNAME": ""])
        #expect(flagged.status == 0, "\(flagged.stderr)")
        let login = try #require(getpwuid(getuid()).flatMap { String(validatingCString: $0.pointee.pw_name) })
        #expect(try sqlite("SELECT flaggedBy FROM flag") == login)
        #expect(login != "unknown")
    }

    @Test func aBadPlanLeavesNoStoreBehind() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in ["summary", "overdue", "show"] {
            let result = try run(
                [command] + (command == "show" ? ["2"] : []) + ["--plan", folder.appending(path: "missing.json").path])
            #expect(result.status != 0)
            #expect(result.stderr.contains("无法读取方案"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: db), "\(command) created \(db)")
        }
        // With a store present, the plan and the store are read at once; the error is the same.
        _ = try run(["record", "M02-1", "--value", "10", "--date", "2025-06-30"])
        let result = try run(["overdue", "--plan", folder.appending(path: "missing.json").path])
        #expect(result.status != 0 && result.stderr.contains("无法读取方案"), "\(result.stderr)")
        #expect(try sqlite("SELECT count(*) FROM entry") == "1")
    }

    @Test func recordCorrectAndHistory() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try run(["record", "M02-1", "--value", "48", "--date", "2025-12-31", "--progress", "累计培育晨星工厂48家"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("已记录 #1：M02-1 2025-12-31 48"))
        let fix = try run([
            "record", "M02-1", "--value", "51", "--date", "2025-12-31", "--corrects", "1", "--reason", "漏报3家",
        ])
        #expect(fix.status == 0, "\(fix.stderr)")
        let history = try run(["history", "M02-1"])
        #expect(history.stdout.contains("#1 2025-12-31 M02-1 48家"))
        #expect(history.stdout.contains("〔已被 #2 更正〕"))
        #expect(history.stdout.contains("更正 #1：漏报3家"))
        #expect(history.stdout.contains("tester"))
        let show = try run(["show", "2", "--as-of", "2026-01-05", "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
        let target = (json?["targets"] as? [[String: Any]])?.first
        #expect(target?["actual"] as? Double == 51)
        #expect(target?["status"] as? String == "doneLate" || target?["status"] as? String == "done")
        #expect(try sqlite("SELECT count(*) FROM entry") == "2")
    }

    @Test func recordRejectsBadInputAndWritesNothing() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try run(["record", "M02-1", "--value", "10", "--date", "2025-06-30"])
        for arguments in [
            ["record", "M99-1", "--value", "1"], ["record", "M02-1", "--value=-1"],
            ["record", "M02-1", "--value", "abc"],
            ["record", "M04-3", "--value", "101"], ["record", "M02-1", "--value", "1", "--date", "2099-01-01"],
            ["record", "M05-1", "--value", "3"],
            ["record", "M02-1", "--value", "1", "--corrects", "99", "--reason", "x"],
            ["record", "M02-1", "--value", "1", "--corrects", "1"],
            ["record", "M02-2", "--value", "1", "--corrects", "1", "--reason", "x"],
        ] {
            let result = try run(arguments)
            #expect(result.status != 0, "\(arguments) should fail")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
        }
        #expect(try sqlite("SELECT count(*) FROM entry") == "1")
    }

    @Test func milestonesBaselinesAndNarrative() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(["record", "M05-1", "--done", "--date", "2025-11-30"]).status == 0)
        #expect(try run(["record", "8", "--date", "2026-11-20", "--progress", "加装电梯12部"]).status == 0)
        let baseline = try run(["baseline", "G27-7", "--value", "8200", "--year", "2023"])
        #expect(baseline.status == 0, "\(baseline.stderr)")
        #expect(baseline.stdout.contains("G27-7 2023年 8200辆"))
        #expect(try run(["baseline", "G27-7", "--value", "8200", "--year", "2022"]).status != 0)
        #expect(try run(["record", "G27-7", "--value", "9000", "--date", "2026-10-31"]).status == 0)
        let summary = try run(["summary", "--as-of", "2026-11-29", "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any]
        let g277 = (json?["overallTargets"] as? [[String: Any]])?.first { $0["id"] as? String == "G27-7" }
        #expect(g277?["baseline"] as? Double == 8200)
        #expect(g277?["status"] as? String != "baselineMissing")
        let show = try run(["show", "8", "--as-of", "2026-11-29"])
        #expect(show.stdout.contains("持续推进"))
        #expect(show.stdout.contains("加装电梯12部"))
    }

    @Test func importAllOrNothingThenDuplicatesSkipped() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try run(["init"])  // the store exists before the import
        let bad = try write("指标编号,日期,数值\nM02-1,2025-06-30,20\nM02-1,2025-07-31,abc\nM99-9,2025-07-31,1\n", "bad.csv")
        let rejected = try run(["import", bad])
        #expect(rejected.status != 0)
        #expect(rejected.stderr.contains("bad.csv:3: 数值：\"abc\" 不是数字"), "\(rejected.stderr)")
        #expect(rejected.stderr.contains("bad.csv:4: 指标编号：没有编号为 \"M99-9\" 的指标或措施"), "\(rejected.stderr)")
        #expect(rejected.stderr.contains("未导入任何数据"))
        #expect(try sqlite("SELECT count(*) FROM entry") == "0")

        let good = try write("指标编号,日期,数值,进展情况\nM02-1,2025-06-30,20,进展\nM02-1,2025-07-31,22,进展\n", "good.csv")
        let dry = try run(["import", good, "--dry-run"])
        #expect(dry.stdout.contains("将导入 2 条"))
        #expect(try sqlite("SELECT count(*) FROM entry") == "0")
        let imported = try run(["import", good])
        #expect(imported.stdout.contains("已导入 2 条"), "\(imported.stdout)\(imported.stderr)")
        let again = try run(["import", good])
        #expect(again.stdout.contains("已导入 0 条"))
        #expect(again.stdout.contains("跳过重复 2 条"))
        #expect(try sqlite("SELECT count(*) FROM entry") == "2")
        #expect(try sqlite("SELECT recordedBy FROM entry LIMIT 1") == "tester")
    }

    @Test func entriesForIdsThePlanNoLongerHasAreReportedNotFatal() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try run(["record", "M02-1", "--value", "20", "--date", "2025-06-30"])
        // As if the plan had been edited after this entry was stored.
        _ = try sqlite(
            "INSERT INTO entry (itemId, date, value, progress, problems, nextSteps, recordedBy, recordedAt) "
                + "VALUES ('M99-9', '2025-06-30', 1, '', '', '', 'x', 't')"
        )
        let summary = try run(["summary", "--as-of", "2025-07-01"])
        #expect(summary.status == 0)
        #expect(summary.stderr.contains("注意：1 条记录的编号不在方案中（M99-9），已忽略"), "\(summary.stderr)")
        let english = try run(["summary", "--as-of", "2025-07-01", "--lang", "en"])
        #expect(
            english.stderr.contains("warning: 1 entry names an id the plan does not have (M99-9); ignored"),
            "\(english.stderr)")
        #expect(summary.stdout.contains("二、工业技改提升工程"))
        let history = try run(["history", "M02-1"])
        #expect(history.status == 0)
    }

    /// Issue 11 (6): the 督办 life cycle from the command line: a reply (反馈), then closing with a note;
    /// `flags --all` shows the whole history.
    @Test func aFlagIsAnsweredThenClosedWithANote() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(["flag", "M02-1", "--note", "请说明", "--follow-up", "2026-12-10"]).status == 0)
        // M02-1 has one unit: the reply names it without --unit.
        let replied = try run(["reply", "M02-1", "--note", "已加快申报"])
        #expect(replied.status == 0 && replied.stdout.contains("已记录工信局的反馈：M02-1"), "\(replied.stderr)")
        let none = try run(["reply", "M02-2", "--note", "无督办"])
        #expect(none.status == 1 && none.stderr.contains("M02-2 没有未解除的督办"))
        #expect(try run(["unflag", "M02-1", "--note", "已办结"]).status == 0)
        let history = try run(["flags", "--all"])
        #expect(
            history.stdout.contains("反馈（工信局，") && history.stdout.contains("已加快申报")
                && history.stdout.contains("办结：已办结"), "\(history.stdout)")
        let json = try run(["flags", "--all", "--json"])
        #expect(
            json.stdout.contains("\"closingNote\" : \"已办结\"") || json.stdout.contains("\"closingNote\":\"已办结\""),
            "\(json.stdout)")
    }

    /// Issue 21 (12): a reply names the unit that answers, chosen among the item's units; an item
    /// with several asks which; a unit that is not the item's is refused; nothing is stored then.
    @Test func aReplyNamesItsUnit() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(["flag", "G25-2", "--note", "请说明", "--follow-up", "2026-12-10"]).status == 0)
        let which = try run(["reply", "G25-2", "--note", "已推进"])
        #expect(which.status == 1 && which.stderr.contains("G25-2 有多个单位，请用 --unit 指明反馈单位"), "\(which.stderr)")
        let english = try run(["reply", "G25-2", "--note", "done", "--lang", "en"])
        #expect(english.status == 1 && english.stderr.contains("say which replies with --unit"), "\(english.stderr)")
        #expect(!english.stderr.contains("交通"), "no Chinese unit names in English: \(english.stderr)")
        let stranger = try run(["reply", "G25-2", "--note", "已推进", "--unit", "税务局"])
        #expect(stranger.status == 1 && stranger.stderr.contains("不是 G25-2 的牵头或责任单位"), "\(stranger.stderr)")
        let unknown = try run(["reply", "G25-2", "--note", "已推进", "--unit", "不存在局"])
        #expect(unknown.status == 1 && unknown.stderr.contains("没有名为"), "\(unknown.stderr)")
        #expect(try sqlite("SELECT count(*) FROM flagEvent") == "0", "nothing stored by the refused replies")
        let named = try run(["reply", "G25-2", "--note", "已推进", "--unit", "交警大队"])
        #expect(named.status == 0 && named.stdout.contains("已记录交警大队的反馈：G25-2"), "\(named.stderr)")
        #expect(try sqlite("SELECT unit FROM flagEvent") == "市交警大队")
        let ledger = try run(["flags"])
        #expect(ledger.stdout.contains("反馈（交警大队，"), "\(ledger.stdout)")
    }

    @Test func flagsShowEverywhereAndCanBeCleared() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let flagged = try run(["flag", "M02-2", "--note", "请说明滞后原因", "--follow-up", "2026-12-10"])
        #expect(flagged.status == 0, "\(flagged.stderr)")
        let list = try run(["flags"])
        #expect(list.stdout.contains("M02-2"))
        #expect(list.stdout.contains("请说明滞后原因"))
        #expect(list.stdout.contains("2026-12-10"))
        let overdue = try run(["overdue", "--as-of", CLI.today, "--json"])
        #expect(overdue.stdout.contains("\"flagged\""), "\(overdue.stdout.prefix(500))")
        let report = try run(["report", "--as-of", CLI.today])
        #expect(report.stdout.contains("## 五、督办事项"))
        #expect(report.stdout.contains("请说明滞后原因"))
        #expect(try run(["unflag", "M02-2"]).status == 0)
        #expect(try run(["flags"]).stdout.contains("没有督办事项"))
        #expect(try run(["unflag", "M02-2"]).status != 0)
        #expect(try run(["flag", "M77", "--note", "x"]).status != 0)
    }

    @Test func theBulletinInEveryFormat() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try run(["flag", "G27-5", "--note", "=HYPERLINK(\"http://x\")"])
        let md = try run(["--demo", "report", "--as-of", "2026-11-29"])
        for section in ["一、总体情况", "二、与上期相比", "三、工作亮点", "四、逾期、滞后及临期事项", "五、督办事项", "六、未报送单位", "示例数据"] {
            #expect(md.stdout.contains(section), "markdown lacks \(section)")
        }
        let htmlFile = folder.appending(path: "bulletin.html").path
        let html = try run(["report", "--format", "html", "--as-of", CLI.today, "-o", htmlFile])
        #expect(html.status == 0)
        let page = try String(contentsOfFile: htmlFile, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("@media print"))
        #expect(!page.contains("<script") && !page.contains("http://x\"") && !page.contains("<link"))
        #expect(page.contains("=HYPERLINK(&quot;http://x&quot;)"))
        let csvFile = folder.appending(path: "bulletin.csv").path
        #expect(try run(["report", "--format", "csv", "--as-of", CLI.today, "-o", csvFile]).status == 0)
        let csv = try Data(contentsOf: URL(fileURLWithPath: csvFile))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: csv.dropFirst(3), as: UTF8.self)
        #expect(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
        #expect(!text.contains(",=HYPERLINK"))
        #expect(try run(["report", "--format", "pdf"]).status != 0)
    }

    @Test func theTemplateForAUnit() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "form.csv").path
        let result = try run(["template", "--unit", "教体局", "-o", file])
        #expect(result.status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("指标编号,指标名称,目标值,计量单位,截止日期,日期,数值,进展情况,存在问题,下步计划,填报单位,基数年份\r\n"))
        for id in ["M10-1", "M10-2", "M10-3", "M11-1", "M12,"] { #expect(text.contains(id), "form lacks \(id)") }
        #expect(!text.contains("M02-1"))
        #expect(try run(["template", "--unit", "不存在"]).status != 0)
    }

    @Test func demoSaysItIsSampleData() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in [
            ["--demo", "summary"], ["summary", "--demo"], ["--demo", "overdue"], ["--demo", "show", "4"],
            ["--demo", "flags"],
            ["--demo", "history", "M06-2"],
        ] {
            let result = try run(
                arguments
                    + (arguments.contains("flags") || arguments.contains("history") ? [] : ["--as-of", "2026-11-29"]))
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout.hasPrefix("【示例数据】"), "\(arguments)")
        }
        let json = try run(["--demo", "summary", "--json", "--as-of", "2026-11-29"])
        #expect(json.stdout.contains("\"sampleData\" : true"))
        // The demo never touches the real store.
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    /// Two processes each recording 200 entries at the same moment: 400 entries, no lock errors.
    @Test func twoWritersAtOnceLoseNothing() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try run(["init"])  // create the store first, as a task force would
        // Each writer its own item, a day per entry (one item and day holds one figure).
        let script = """
            item=$([ "$1" = a ] && echo M04-2 || echo M04-1)
            for i in $(seq 1 200); do
              day=$(date -d "2025-01-01 + $i days" +%F)
              "$RENEWAL_BIN" record $item --value $i --date $day --progress "writer $1 #$i" --by "$1" \\
                || echo "FAILED $1 $i" >&2
            done
            """
        let scriptPath = try write(script, "writer.sh")
        var processes: [Process] = []
        var errors: [Pipe] = []
        for name in ["a", "b"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [scriptPath, name]
            process.environment = ProcessInfo.processInfo.environment.merging([
                "RENEWAL_DB": db, "RENEWAL_BIN": CLI.binary.path,
            ]) { $1 }
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            processes.append(process)
            errors.append(err)
        }
        for process in processes { try process.run() }
        let stderr = errors.map { String(decoding: $0.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
        for process in processes { process.waitUntilExit() }
        #expect(stderr.joined().isEmpty, "\(stderr.joined().prefix(500))")
        #expect(!stderr.joined().contains("locked"))
        #expect(try sqlite("SELECT count(*) FROM entry") == "400")
        #expect(try sqlite("SELECT count(DISTINCT recordedBy) FROM entry") == "2")
    }

    /// An import killed with SIGKILL part-way leaves all of its rows or none.
    @Test func anImportKilledPartWayLeavesAllOrNothing() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try run(["record", "M02-1", "--value", "1", "--date", "2025-06-30"])
        var text = "指标编号,日期,数值,进展情况\n"
        let rows = 60_000
        for i in 0..<rows { text += "M04-2,2026-10-31,\(1000 + i),进展\(i)\n" }
        let file = try write(text, "big.csv")
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["import", file]
        process.environment = ProcessInfo.processInfo.environment.merging(["RENEWAL_DB": db]) { $1 }
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait until it says it is writing, then kill it without warning.
        var seen = ""
        let deadline = Date().addingTimeInterval(120)
        while !seen.contains("写入中") && Date() < deadline {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        #expect(seen.contains("写入中"), "the import never started writing: \(seen)")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let count = try sqlite("SELECT count(*) FROM entry WHERE itemId = 'M04-2'")
        #expect(count == "0" || count == "\(rows)", "partial import: \(count) rows")
        #expect(try sqlite("PRAGMA integrity_check") == "ok")
        #expect(try sqlite("SELECT count(*) FROM entry WHERE itemId = 'M02-1'") == "1")
    }

    /// A review of a past date shows the flags open on that date (DESIGN §4 "Markers").
    @Test func flagsCountFromTheDayTheyAreRaisedToTheDayTheyAreCleared() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try run(["init"])
        _ = try sqlite(
            "INSERT INTO flag (itemId, note, flaggedBy, flaggedAt, clearedBy, clearedAt) VALUES ('M02-2', '请说明', "
                + "'专班', '2026-10-20T15:00:00+08:00', '专班', '2026-11-10T09:00:00+08:00')"
        )
        func flagged(_ day: String) throws -> Bool {
            let show = try run(["show", "2", "--as-of", day, "--json"])
            #expect(show.status == 0, "\(show.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
            let target = (json?["targets"] as? [[String: Any]])?.first { $0["id"] as? String == "M02-2" }
            return ((target?["markers"] as? [String]) ?? []).contains("flagged")
                && !((json?["flags"] as? [Any]) ?? []).isEmpty
        }
        #expect(try flagged("2026-10-19") == false)
        #expect(try flagged("2026-10-20") == true)
        #expect(try flagged("2026-11-09") == true)
        #expect(try flagged("2026-11-10") == false)
        let bulletin = try run(["report", "--as-of", "2026-10-31"])
        #expect(bulletin.stdout.contains("请说明"), "the bulletin of October lists the flag open then")
    }
}
