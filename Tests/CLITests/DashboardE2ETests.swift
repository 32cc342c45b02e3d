import Foundation
import Testing

/// The real dashboard in a real terminal (tmux), driven by keys, judged on what a person sees.
/// Every wait polls the pane until the text shows or a deadline passes: no fixed sleeps.
final class TmuxPane {
    let socket = "renewal-test-\(UUID().uuidString.prefix(8))"
    let folder: URL

    /// Starts `renewal ARGS` in a new tmux server at the given size. After the program ends the
    /// pane prints EXIT:<status> and `stty -a`, so tests can see how it left the terminal.
    init(_ arguments: [String], width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        folder = FileManager.default.temporaryDirectory.appending(path: socket)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let config = folder.appending(path: "tmux.conf")
        try "set -g default-terminal tmux-256color\nset -g status off\nset -g escape-time 10\n".write(
            to: config, atomically: true, encoding: .utf8)
        // TMPDIR inside the test's folder: a demo store left by the crash test is removed with it.
        var env = [
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "USER": "e2e",
            "RENEWAL_DB": folder.appending(path: "store.sqlite").path,
            "TMPDIR": folder.path,
        ]
        for (key, value) in environment { env[key] = value }
        let assignments = env.map { "\($0.key)=\(TmuxPane.quote($0.value))" }.joined(separator: " ")
        // An empty store made first, as `renewal init` does for a new task force.
        let binary = TmuxPane.quote(CLI.binary.path)
        let command =
            "env \(assignments) \(binary) init >/dev/null 2>&1; "
            + "env \(assignments) \(binary) \(arguments.map(TmuxPane.quote).joined(separator: " ")); echo EXIT:$?; "
            + "stty -a; sleep 600"
        try tmux(["-f", config.path, "new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)", command])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: folder)
    }

    var storePath: String { folder.appending(path: "store.sqlite").path }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs a tmux command with posix_spawn and waitpid. Not Foundation's Process: on Linux it
    /// learns of the child's exit through a descriptor the child inherits, and the tmux server
    /// that new-session starts keeps that descriptor open, so waitUntilExit would never return.
    /// Output goes to a file for the same reason.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let output = folder.appending(path: "out-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_TRUNC, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ["tmux", "-L", socket] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        // Test threads run with signals blocked; tmux (and the dashboard under it) must not
        // inherit that mask, or SIGWINCH, SIGINT and SIGTERM would never arrive.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, &cArguments, environ)
        guard spawned == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }

    func keys(_ keys: String...) throws { try tmux(["send-keys", "-t", "t"] + keys) }

    /// Types text literally (Chinese included), as an input method would deliver it.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "t", "-l", text]) }

    func screen() -> String { (try? tmux(["capture-pane", "-p", "-t", "t"])) ?? "" }

    /// The screen with up to 500 lines scrolled off above it.
    func screenWithHistory() -> String { (try? tmux(["capture-pane", "-p", "-S", "-500", "-t", "t"])) ?? "" }

    /// Set once a wait has timed out: the screen is stuck, so later waits in the same test fail
    /// at once instead of each spending its own deadline (one failure, not a cascade).
    private(set) var stuck = false

    /// Polls the pane until `predicate` holds; returns the last screen either way.
    @discardableResult
    func wait(timeout: TimeInterval = 20, _ what: String, until predicate: (String) -> Bool) -> String {
        let deadline = stuck ? Date() : Date().addingTimeInterval(timeout)
        var text = screen()
        while !predicate(text) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            text = screen()
        }
        if predicate(text) { return text }
        if stuck {
            Issue.record("also not shown (the pane was already stuck): \(what)")
        } else {
            stuck = true
            Issue.record("timed out waiting for \(what); the pane shows:\n\(text)")
        }
        return text
    }

    @discardableResult
    func wait(for fragment: String, timeout: TimeInterval = 20) -> String {
        wait(timeout: timeout, "“\(fragment)”") { $0.contains(fragment) }
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "t", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The pid of `renewal` itself (the child of the pane's shell).
    func programPid() -> Int32? {
        guard
            let shell = Int32(
                (try? tmux(["display-message", "-p", "-t", "t", "#{pane_pid}"]))?.trimmingCharacters(
                    in: .whitespacesAndNewlines) ?? "")
        else { return nil }
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").compactMap { Int32($0) }.first
    }

    /// After EXIT: the terminal is back in cooked mode with echo.
    func expectSaneTerminal(_ earlier: String) {
        // `stty -a` prints after EXIT: wait until its local-modes line is there.
        let text = wait("stty -a after the exit") {
            $0.contains("icanon") && $0.contains("echo") && $0.contains("EXIT:")
        }
        let words = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        #expect(words.contains("icanon") && !words.contains("-icanon"), "icanon not restored:\n\(text)")
        #expect(words.contains("echo") && !words.contains("-echo"), "echo not restored:\n\(text)")
    }
}

@Suite("Dashboard end to end (tmux)", .serialized)
struct DashboardE2ETests {
    static let demo = ["--demo", "--as-of", "2026-11-29"]

    @Test func drillInAndBackThenQuitLeavesTheTerminalSane() throws {
        let pane = try TmuxPane(Self.demo)
        pane.wait(for: "十二、保障措施")
        pane.wait(for: "示例数据")
        try pane.keys("2")
        pane.wait(for: "总览 › 工业技改提升工程")
        try pane.keys("j", "Enter")
        pane.wait(for: "总览 › 工业技改提升工程 › （二）推动产业智能化改造")
        pane.wait(for: "累计培育晨星工厂50家以上")
        try pane.keys("Escape")
        pane.wait("the programme again") { $0.contains("总览 › 工业技改提升工程") && !$0.contains("› （二）") }
        try pane.keys("q")
        pane.wait("the overview") { screen in
            // capture-pane trims trailing spaces: the breadcrumb line is exactly " 总览".
            screen.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "总览" }
                && screen.contains("十二、保障措施")
        }
        try pane.keys("q")
        let end = pane.wait(for: "EXIT:0")
        pane.expectSaneTerminal(end)
    }

    @Test func oShowsEverythingOverdueByUnitAndEnterOpensIt() throws {
        let pane = try TmuxPane(Self.demo)
        pane.wait(for: "十二、保障措施")
        try pane.keys("2", "j", "Enter")  // from deep inside: o works anywhere
        pane.wait(for: "（二）推动产业智能化改造")
        try pane.keys("o")
        // Wait for the whole list: a capture can land in the middle of a redraw.
        pane.wait("the overdue list by unit") {
            $0.contains("30 天内到期") && $0.contains("【市工业和信息化局】") && $0.contains("✖ 逾期未完成") && !$0.contains("所属工程")
        }
        // The first item's own page opens.
        try pane.keys("Enter")
        pane.wait("the selected target's page") { $0.contains("逾期滞后临期 › ") && $0.contains("目标：") && $0.contains("逐月") }
        try pane.keys("C-c")
        pane.expectSaneTerminal(pane.wait(for: "EXIT:"))
    }

    /// Issue 11 (c, part): the `o` view's 临期 tab, on a day when four targets fall due within 30 days.
    @Test func tabInTheOverdueViewShowsWhatFallsDueSoon() throws {
        let pane = try TmuxPane(["--demo", "--as-of", "2026-12-05"])
        pane.wait(for: "十二、保障措施")
        try pane.keys("o")
        pane.wait(for: "30 天内到期 4 项")
        try pane.keys("Tab")
        pane.wait("the due-soon tab") { $0.contains("剩26天") && $0.contains("M04-1") && !$0.contains("【市交通运输局】") }
        try pane.keys("Enter")
        pane.wait(for: "总览 › 逾期滞后临期 › M04-1")
        try pane.keys("Escape", "Tab")
        pane.wait(for: "【市交通运输局】")
        try pane.keys("C-c")
        pane.expectSaneTerminal(pane.wait(for: "EXIT:"))
    }

    /// Issue 11 (c): `c` on 15 January 2027: the targets that turned overdue with the year's end,
    /// item by item with both statuses; Enter opens one.
    @Test func cShowsWhatChangedSinceAMonthEarlier() throws {
        let pane = try TmuxPane(["--demo", "--as-of", "2027-01-15"])
        pane.wait(for: "十二、保障措施")
        try pane.keys("c")
        pane.wait("the changes") {
            $0.contains("与 2026-12-15 相比") && $0.contains("【新增逾期】") && $0.contains("M10-1") && $0.contains("→ ✖ 逾期未完成")
        }
        // The first change is a measure (measures are compared too): Enter opens its page.
        try pane.keys("Enter")
        pane.wait(for: "总览 › 与上期相比 › （四）")
        try pane.keys("Escape", "j", "Enter")
        pane.wait(for: "总览 › 与上期相比 › M04-1")
        try pane.keys("C-c")
        pane.expectSaneTerminal(pane.wait(for: "EXIT:"))
    }

    /// Issue 11 (d): `x` writes the view shown to a file (CSV for a .csv name) and says where.
    @Test func exportTheOverdueViewToAFile() throws {
        let pane = try TmuxPane(Self.demo)
        pane.wait(for: "十二、保障措施")
        try pane.keys("o")
        pane.wait(for: "30 天内到期")
        try pane.keys("x")
        pane.wait(for: "renewal-overdue-2026-11-29.md")
        let file = pane.folder.appending(path: "逾期.csv").path
        try pane.keys("C-u")
        try pane.type(file)
        try pane.keys("Enter")
        pane.wait(for: "已导出到")
        let data = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "a BOM, for Excel and WPS")
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        // The first line says it is sample data and names the day; then the header.
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0].contains("【示例数据】") && lines[0].contains("截至 2026-11-29"), "\(text.prefix(200))")
        #expect(lines.count > 1 && lines[1] == "牵头单位,编号,指标,状态,实际,应达,截止日期", "\(text.prefix(200))")
        #expect(text.contains("G25-2") && text.contains("逾期未完成"))
        try pane.keys("C-c")
        pane.wait(for: "EXIT:")
    }

    /// Issue 11 (a): G25-2's page from the overall targets, with its figures, its month-by-month
    /// record and its reports (read from the store when the page opens).
    @Test func aTargetsPageFromTheOverallTargets() throws {
        let pane = try TmuxPane(Self.demo)
        pane.wait(for: "十二、保障措施")
        try pane.keys("1")
        pane.wait(for: "总览 › 总体目标")
        try pane.keys("j", "Enter")
        pane.wait("G25-2's page with its figures") {
            $0.contains("总览 › 总体目标 › G25-2") && $0.contains("最新 9400辆") && $0.contains("应达 10000辆")
                && $0.contains("已逾期") && $0.contains("逐月")
        }
        try pane.keys("PageDown")
        // Scrolled past the track record to the reports (how far depends on how many months the
        // sample data holds, which follows today's date).
        pane.wait("its reports, with what departments wrote") {
            $0.contains("进展情况：") && !$0.contains("逐月（报送截止日的判定）")
        }
        try pane.keys("Home", "Enter")
        pane.wait(for: "（六）实施客运设备提能行动")
        try pane.keys("q", "q", "q", "q")
        pane.expectSaneTerminal(pane.wait(for: "EXIT:0"))
    }

    @Test func searchWithChineseText() throws {
        let pane = try TmuxPane(Self.demo)
        pane.wait(for: "十二、保障措施")
        try pane.keys("/")
        pane.wait(for: "搜索：")
        try pane.type("晨星")
        pane.wait(for: "累计培育晨星工厂50家以上")
        try pane.keys("Enter")
        pane.wait(for: "› （二）推动产业智能化改造")
        try pane.keys("C-c")
        pane.wait(for: "EXIT:")
    }

    @Test func fullWidthKeysFromAnInputMethod() throws {
        let pane = try TmuxPane(Self.demo)
        pane.wait(for: "十二、保障措施")
        try pane.type("ｏ")
        pane.wait(for: "30 天内到期")
        try pane.type("？")
        pane.wait(for: "按键说明")
        try pane.type("ｑ")
        pane.wait(for: "总览 › 逾期滞后临期")
        try pane.type("ｑ")
        try pane.type("ｑ")
        pane.wait(for: "EXIT:0")
    }

    /// Issue 11 (b), issue 21 (9): `b` shows who has not filed; `F`, Enter (the note), Enter (the
    /// 反馈期限, ten days from today) flags (催办) every item of every unit that has not, one flag
    /// per item, and the flags are in the store.
    @Test func reportingStatusAndOneKeyReminderReachTheStore() throws {
        // An empty store judged today: nobody has filed anything.
        let pane = try TmuxPane(["--as-of", CLI.today])
        pane.wait(for: "十二、保障措施")
        try pane.keys("b")
        pane.wait("every unit listed as not filed") {
            $0.contains("总览 › 报送情况") && $0.contains("未报送 20 个单位") && $0.contains("市工业和信息化局") && $0.contains("从未报送")
        }
        try pane.keys("F")
        pane.wait(for: "催办 20 个单位")
        try pane.keys("Enter")
        pane.wait(for: "反馈期限：")
        try pane.keys("Enter")
        let done = pane.wait("the reminder confirmed") { $0.contains("已催办 20 个单位") }
        let items = done.split(separator: "（").last.flatMap { $0.split(separator: " ").first }.flatMap { Int($0) }
        let stored = try sqlite(
            pane.storePath, "SELECT count(*) || '|' || count(DISTINCT followUp) || '|' || min(note) FROM flag")
        #expect(stored.hasPrefix("\(items ?? -1)|1|请尽快报送 "), "\(stored)")
        #expect(try sqlite(pane.storePath, "SELECT count(DISTINCT itemId) = count(*) FROM flag") == "1", "one per item")
        let parts = CLI.today.split(separator: "-").compactMap { Int($0) }
        var date = DateComponents()
        (date.year, date.month, date.day) = (parts[0], parts[1], parts[2] + 10)
        let due = Calendar(identifier: .gregorian).date(from: date).map { day -> String in
            let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: day)
            return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
        }
        #expect(try sqlite(pane.storePath, "SELECT DISTINCT followUp FROM flag") == due)
        try pane.keys("C-c")
        pane.wait(for: "EXIT:")
    }

    @Test func flagWithANoteIsStored() throws {
        // Judged as of today: a flag counts from the day it is raised.
        let pane = try TmuxPane(["--as-of", CLI.today])
        pane.wait(for: "十二、保障措施")
        try pane.keys("2", "j", "Enter")
        pane.wait(for: "累计培育晨星工厂50家以上")
        try pane.keys("f")
        pane.wait(for: "督办 M02-1，说明：")
        try pane.type("请说明晨星工厂进展")
        pane.wait(for: "请说明晨星工厂进展")
        try pane.keys("Enter")
        pane.wait(for: "督办 M02-1，反馈期限：")
        try pane.keys("Enter")
        pane.wait(for: "已督办：M02-1")
        pane.wait(for: "[督办]")
        #expect(
            try sqlite(
                pane.storePath,
                "SELECT itemId || '|' || note || '|' || flaggedBy || '|' || (followUp IS NOT NULL) FROM flag")
                == "M02-1|请说明晨星工厂进展|e2e|1")
        // Flagged: f then r records the unit's reply, f then c closes it with a note.
        try pane.keys("f")
        pane.wait(for: "M02-1 督办中：r 记录反馈")
        try pane.keys("r")
        pane.wait(for: "M02-1 工信局的反馈：")
        try pane.type("已加快申报")
        try pane.keys("Enter")
        pane.wait(for: "已记录工信局的反馈：M02-1")
        try pane.keys("f", "c")
        try pane.type("已办结")
        try pane.keys("Enter")
        pane.wait(for: "已办结：M02-1")
        #expect(
            try sqlite(
                pane.storePath,
                "SELECT group_concat(kind || ':' || note || ':' || ifnull(unit, ''), ',') FROM flagEvent")
                == "reply:已加快申报:市工业和信息化局,close:已办结:")
        #expect(try sqlite(pane.storePath, "SELECT clearedAt IS NOT NULL FROM flag") == "1")
        try pane.keys("C-c")
        pane.wait(for: "EXIT:")
    }

    /// Text in the store that tries to retitle the pane, clear the screen or move the cursor is
    /// shown as inert characters (DESIGN §5), and the terminal is not touched.
    @Test func hostileTextFromTheStoreNeverActsOnTheTerminal() throws {
        let pane = try TmuxPane(["--as-of", "2026-11-29"])
        pane.wait(for: "十二、保障措施")
        let before = try pane.tmux(["display-message", "-p", "-t", "t", "#{pane_title}"])
        let hostile = "x\u{1B}]2;PWNED\u{07}\u{1B}[2J\u{1B}[H\u{9B}1mend"
        _ = try sqlite(
            pane.storePath,
            """
            INSERT INTO entry (itemId, date, value, progress, problems, nextSteps, recordedBy, recordedAt)
                VALUES ('M02-1', '2026-10-31', 30, '\(hostile)', '', '', 'sql', 't');
            INSERT INTO flag (itemId, note, flaggedBy, flaggedAt) VALUES ('M02-1', '\(hostile)', 'sql', '2026-11-01');
            """)
        try pane.keys("r")
        pane.wait(for: "已重新读取数据")
        try pane.keys("2", "j", "Enter")
        pane.wait(for: "累计培育晨星工厂50家以上")
        // The flag's note and the report's text, both shown as characters.
        let screen = pane.wait("the hostile text, inert") {
            $0.components(separatedBy: "x^[]2;PWNED^G^[[2J^[[H<U+009B>1mend").count >= 2
        }
        #expect(!screen.contains("\u{1B}"))
        let after = try pane.tmux(["display-message", "-p", "-t", "t", "#{pane_title}"])
        #expect(after == before, "the pane was retitled: \(after)")
        #expect(!after.contains("PWNED"))
        try pane.keys("C-c")
        pane.wait(for: "EXIT:")
    }

    /// Issue 21 (8): started on another day, `u` says a write is stamped today and offers today;
    /// Enter goes there and opens the form.
    @Test func recordAValueIsStored() throws {
        let pane = try TmuxPane(["--as-of", "2026-11-29"])
        pane.wait(for: "十二、保障措施")
        try pane.keys("2", "j", "Enter")
        pane.wait(for: "累计培育晨星工厂50家以上")
        try pane.keys("u")
        pane.wait(for: "正在查看 2026-11-29：填报一律记为今天（\(CLI.today)）")
        try pane.keys("Enter")
        pane.wait(for: "填报进展：M02-1")
        pane.wait(for: "截至 \(CLI.today)")
        try pane.type("48")
        try pane.keys("Enter", "Enter")
        try pane.type("新培育晨星工厂3家")
        try pane.keys("Enter", "Enter", "Enter")
        pane.wait(for: "已保存：M02-1")
        pane.wait(for: "实际 48家")
        #expect(
            try sqlite(
                pane.storePath, "SELECT itemId || '|' || value || '|' || progress || '|' || recordedBy FROM entry")
                == "M02-1|48.0|新培育晨星工厂3家|e2e")
        // A bad value is refused in the form, nothing stored.
        try pane.keys("u")
        pane.wait(for: "填报进展：M02-1")
        try pane.type("abc")
        try pane.keys("Enter", "Enter", "Enter", "Enter", "Enter")
        pane.wait(for: "\"abc\" 不是数字")
        #expect(try sqlite(pane.storePath, "SELECT count(*) FROM entry") == "1")
        // Another figure for the same item and day is refused: only a correction may replace it.
        // Esc on a form with something typed asks first; the second Esc drops it (issue 21).
        try pane.keys("Escape")
        pane.wait(for: "再按 Esc 放弃")
        try pane.keys("Escape", "u")
        pane.wait(for: "填报进展：M02-1")
        try pane.type("49")
        try pane.keys("Enter", "C-u")
        // The first report's day (the form's default, which follows today).
        try pane.type(try sqlite(pane.storePath, "SELECT date FROM entry WHERE id = 1"))
        try pane.keys("Enter")
        try pane.type("再报一次")
        try pane.keys("Enter", "Enter", "Enter")
        pane.wait(for: "已有记录 #1")
        #expect(try sqlite(pane.storePath, "SELECT count(*) FROM entry") == "1")
        // The correction: the target's page, its first report selected, e, a new figure and a reason.
        try pane.keys("Enter")
        pane.wait(for: "e 更正选中记录")
        try pane.keys("j", "e")
        pane.wait(for: "更正记录 #1")
        try pane.keys("C-u")
        try pane.type("49")
        try pane.keys("Enter", "Enter", "Enter", "Enter", "Enter")
        try pane.type("录入有误")
        try pane.keys("Enter")
        pane.wait(for: "已更正 #1")
        pane.wait(for: "〔更正〕")
        #expect(
            try sqlite(
                pane.storePath,
                "SELECT value || '|' || corrects || '|' || reason || '|' || progress FROM entry WHERE id = 2")
                == "49.0|1|录入有误|新培育晨星工厂3家")
        try pane.keys("Escape", "C-c")
        pane.wait(for: "EXIT:")
    }

    @Test func resizeRelaysOutAtOnceAndTooSmallStillQuits() throws {
        let pane = try TmuxPane(Self.demo, width: 120, height: 40)
        pane.wait("three panels per row") {
            $0.contains("┌─ 一、总体目标") && $0.contains("┌─ 三、农业机械装备升级工程")
                && $0.split(separator: "\n").first { $0.contains("┌─ 一、总体目标") }?.contains("三、") == true
        }
        try pane.resize(width: 80, height: 24)
        pane.wait("two panels per row") { screen in
            let row = screen.split(separator: "\n").first { $0.contains("┌─ 一、总体目标") } ?? ""
            return row.contains("二、工业技改提升工程") && !row.contains("三、")
        }
        try pane.resize(width: 60, height: 20)
        pane.wait(for: "need 80x24, have 60x20")
        try pane.keys("o")  // ignored here
        try pane.keys("q")
        pane.expectSaneTerminal(pane.wait(for: "EXIT:0"))
    }

    @Test(arguments: [(80, 24), (60, 20)])
    func startsAtEverySize(_ width: Int, _ height: Int) throws {
        let pane = try TmuxPane(Self.demo, width: width, height: height)
        if width >= 80 {
            pane.wait("the overview with its key bar") { $0.contains("十二、保障措施") && $0.contains("j/k 选择") }
        } else {
            pane.wait(for: "终端太小")
        }
        try pane.keys("q")
        pane.wait(for: "EXIT:0")
    }

    @Test func sigtermEndsItAndRestoresTheTerminal() throws {
        let pane = try TmuxPane(Self.demo)
        pane.wait(for: "十二、保障措施")
        let pid = try #require(pane.programPid())
        kill(pid, SIGTERM)
        let end = pane.wait(for: "EXIT:")
        pane.expectSaneTerminal(end)
        #expect(kill(pid, 0) != 0, "the process is still running")
    }

    /// Issue 20, defect 8: Ctrl-\\ (SIGQUIT) drew Swift's crash report over the dashboard, which
    /// ran on garbled; SIGUSR1 and SIGALRM killed it with the terminal left raw.
    @Test(arguments: ["C-\\", "SIGUSR1", "SIGALRM"])
    func quitAndUserSignalsEndItCleanly(_ how: String) throws {
        let pane = try TmuxPane(Self.demo)
        pane.wait(for: "十二、保障措施")
        let pid = try #require(pane.programPid())
        switch how {
        case "SIGUSR1": kill(pid, SIGUSR1)
        case "SIGALRM": kill(pid, SIGALRM)
        default: try pane.keys(how)
        }
        let end = pane.wait(for: "EXIT:")
        pane.expectSaneTerminal(end)
        #expect(!end.contains("Crash") && !end.contains("Backtrace") && !end.contains("💣"), "\(end)")
        #expect(kill(pid, 0) != 0, "the process is still running")
    }

    @Test func aCrashRestoresTheTerminalAndHandsTheSignalOn() throws {
        // Swift's backtracer stays on (only its 30-second "press space" wait is turned off): the
        // dashboard's handler restores the terminal and chains to it, so its report still shows.
        let pane = try TmuxPane(
            Self.demo,
            environment: [
                "RENEWAL_TEST_CRASH_AFTER_FIRST_FRAME": "1",
                "SWIFT_BACKTRACE": "interactive=no",
            ])
        let screen = pane.wait("the crash to end the program") { $0.contains("EXIT:") }
        // Killed by the re-raised signal (SIGILL from a Swift trap: 128 + 4), not a clean exit.
        #expect(!screen.contains("EXIT:0"))
        let history = pane.screenWithHistory()
        #expect(history.contains("crashed"), "the backtracer's report is missing: \(history)")
        pane.expectSaneTerminal(screen)
    }

    @Test func changesFromAnotherProcessAppearWithoutAKey() throws {
        let pane = try TmuxPane(["--as-of", "2026-11-29"])
        pane.wait(for: "十二、保障措施")
        // An empty store late in 2026: the 2025 targets are overdue; the annual ones judge 2026.
        pane.wait(for: "✖18")
        let result = try CLI.run(
            ["record", "M02-1", "--value", "50", "--date", "2025-12-31"], environment: ["RENEWAL_DB": pane.storePath])
        #expect(result.status == 0, "\(result.stderr)")
        pane.wait(timeout: 15, "the header to count one fewer overdue target") { $0.contains("✖17") }
        try pane.keys("q")
        pane.wait(for: "EXIT:0")
    }

    @Test func englishNoColourAndAscii() throws {
        let pane = try TmuxPane(Self.demo + ["--lang", "en", "--ascii"], environment: ["NO_COLOR": "1"])
        pane.wait("the English overview in ASCII") {
            $0.contains("12. Safeguards") && $0.contains("SAMPLE DATA") && $0.contains("+-") && $0.contains("j/k move")
        }
        #expect(!pane.screen().contains("─") && !pane.screen().contains("█"))
        try pane.keys("q")
        pane.wait(for: "EXIT:0")
    }

    @Test func aNonUTF8LocaleGetsAClearMessage() throws {
        let pane = try TmuxPane(Self.demo, environment: ["LANG": "C", "LC_ALL": "C"])
        let screen = pane.wait("the locale message and the exit") {
            $0.contains("不是 UTF-8") && $0.contains("EXIT:1") && $0.contains("icanon")
        }
        pane.expectSaneTerminal(screen)
    }

    @Test(arguments: ["dumb", "no-such-terminal"])
    func aTerminalThatCannotMoveTheCursorGetsAClearMessage(_ term: String) throws {
        let pane = try TmuxPane(Self.demo + ["--lang", "en"], environment: ["TERM": term])
        let screen = pane.wait("the TERM message and the exit") {
            $0.contains("TERM=\(term) cannot move the cursor") && $0.contains("EXIT:1")
        }
        #expect(!screen.contains("Error opening terminal"), "\(screen)")
    }

    func sqlite(_ path: String, _ query: String) throws -> String { try CLI.sqlite(path, query) }
}
