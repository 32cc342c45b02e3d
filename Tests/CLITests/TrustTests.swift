import Foundation
import Testing

/// What a careless or hostile user can do to the program (issue 10): figures no report can hold,
/// text that tries to act on the terminal, store paths that name the wrong file, damaged and
/// read-only stores, returns as departments really fill them. Each test uses the real binary.
@Suite("Hostile input and damaged stores", .serialized)
struct TrustTests {
    let folder: URL
    let db: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appending(path: "renewal-trust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        db = folder.appending(path: "store.sqlite").path
    }

    func run(_ arguments: [String], db path: String? = nil) throws -> CLI.Result {
        try CLI.run(arguments, environment: ["RENEWAL_DB": path ?? db, "USER": "tester"])
    }

    func sqlite(_ query: String, db path: String? = nil) throws -> String { try CLI.sqlite(path ?? db, query) }

    func write(_ bytes: Data, _ name: String) throws -> String {
        let url = folder.appending(path: name)
        try bytes.write(to: url)
        return url.path
    }

    func write(_ text: String, _ name: String) throws -> String { try write(Data(text.utf8), name) }

    /// Scalars that would act on a terminal: C0 controls but line feed (and tab), DEL, C1.
    static func controls(in text: String, allowCRLF: Bool = false) -> [UInt32] {
        var found: [UInt32] = []
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let value = scalar.value
            if value == 0x0A || value == 0x09 { continue }
            if value == 0x0D && allowCRLF && index + 1 < scalars.count && scalars[index + 1] == "\n" { continue }
            if value < 0x20 || value == 0x7F || (0x80..<0xA0).contains(value) { found.append(value) }
        }
        return found
    }

    /// Every view and report the program has, as command lines.
    static var everyOutput: [[String]] {
        var commands: [[String]] = [
            ["summary"], ["summary", "--json"], ["overdue"], ["overdue", "--json"], ["flags", "--all"],
            ["report"], ["report", "--format", "html"], ["report", "--format", "csv"], ["report", "--json"],
            ["reporting"], ["reporting", "--json"], ["changes"], ["changes", "--json"], ["flags", "--all", "--json"],
        ]
        commands += (1...34).map { ["show", "\($0)"] }
        commands += ["G25-1", "G25-5", "G27-1", "G27-5", "G27-7"].map { ["show", $0] }
        commands += [
            ["show", "2", "--json"], ["show", "G25-5", "--json"], ["show", "M02-1"], ["show", "M04-1", "--json"],
        ]
        commands += ["M02", "G25-5", "M06-2", "M04-1", "M08"].map { ["history", $0] }
        let views =
            [
                "overview", "overall", "overdue", "reporting", "units", "help", "search 晨星", "target G25-5",
                "target M02-1",
            ]
            + (2...12).map { "programme \($0)" }
            + (1...34).map { "measure \($0)" }
        for view in views {
            let words = view.split(separator: " ").map(String.init)
            for size in ["80x24", "120x40"] { commands.append(["snapshot", "--view"] + words + ["--size", size]) }
        }
        return commands
    }

    // MARK: - Whatever the store holds, nothing crashes and nothing raw reaches the terminal

    @Test func everyViewAndReportSurvivesWhatAnyToolCanWriteIntoTheStore() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(["init"]).status == 0)
        // Rows another tool (or an older renewal) could have written: no check stood in the way.
        let hostile = "x\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{08}\r\u{9B}31m\u{202E}evil"
        var rows: [String] = []
        for (item, value) in [
            ("G25-5", "123456789012345678"), ("M02-1", "1e19"), ("M04-1", "1e300"), ("M04-3", "-1e300"),
            ("G25-2", "9.3e18"), ("G27-5", "1e308"), ("M17-1", "'abc'"), ("G27-7", "1e19"),
            ("M03-2", "-5"), ("M11-1", "1e15"),
        ] {
            rows.append(
                "('\(item)', '2026-10-31', \(value), '\(hostile)', '\(hostile)', '\(hostile)', '\(hostile)', "
                    + "'sql', 't')"
            )
        }
        // A baseline of 10^19, a date that is not a date, a milestone state nobody knows.
        rows.append("('G27-7', '2023-12-31', 1e19, '', '', '', NULL, 'sql', 't')")
        rows.append("('M02-2', 'yesterday', 3, '', '', '', NULL, 'sql', 't')")
        rows.append("('M05-1', '2026-10-31', NULL, '', '', '', NULL, 'sql', 't')")
        _ = try sqlite(
            """
            INSERT INTO entry
                (itemId, date, value, progress, problems, nextSteps, reportingUnit, recordedBy, recordedAt)
                VALUES \(rows.joined(separator: ","));
            UPDATE entry SET milestone = 'exploded' WHERE itemId = 'M05-1';
            UPDATE entry SET baselineYear = 2023 WHERE itemId = 'G27-7' AND date = '2023-12-31';
            INSERT INTO flag (itemId, note, flaggedBy, flaggedAt)
                VALUES ('M02-1', '\(hostile)', '\(hostile)', '2026-11-01');
            """)
        #expect(try sqlite("SELECT count(*) FROM entry") == "13")
        for command in Self.everyOutput {
            let languages = command[0] == "show" || command.contains("120x40") ? ["zh", "en"] : ["zh"]
            for language in languages {
                var arguments = command + ["--lang", language]
                if !["flags", "history"].contains(command[0]) { arguments += ["--as-of", "2026-11-29"] }
                let result = try run(arguments)
                #expect(result.status == 0, "\(command) \(language): \(result.stderr.prefix(300))")
                #expect(!result.stderr.contains("Fatal error"), "\(command): crashed")
                let csv = command.contains("csv")
                #expect(
                    Self.controls(in: result.stdout, allowCRLF: csv).isEmpty, "\(command) printed control characters")
                #expect(Self.controls(in: result.stderr).isEmpty, "\(command) printed control characters on stderr")
            }
        }
        // The hostile text is shown, visibly, where it is quoted.
        let history = try run(["history", "M02-1"])
        #expect(history.stdout.contains("x^[]0;PWNED^G^[[2J^H^M<U+009B>31m<U+202E>evil"), "\(history.stdout)")
        // JSON writes them as escapes (the byte scan finds them; clean answers go out untouched).
        let json = try run(["history", "M02-1", "--json"])
        #expect(json.stdout.lowercased().contains("\\u009b31m\\u202eevil"), "\(json.stdout)")
        let markdown = try run(["report", "--as-of", "2026-11-29"])
        #expect(!markdown.stdout.contains("]0;PWNED\u{07}"))
    }

    @Test func errorsQuotingBadInputShowItsControlCharactersVisibly() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in [
            ["record", "M02-1", "--value", "\u{1B}[2J12"], ["show", "\u{1B}]0;t\u{07}"],
            ["summary", "--as-of", "\u{9B}2J"],
            ["overdue", "--unit", "局\u{08}\u{08}"], ["nonsense\u{1B}[31m"],
        ] {
            let result = try run(arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(!result.stderr.isEmpty)
            #expect(Self.controls(in: result.stderr).isEmpty, "\(arguments): \(result.stderr)")
        }
        let file = try write("指标编号,日期,数值\n\u{1B}[2JM02-1,2025-06-30,12\n", "esc.csv")
        let imported = try run(["import", file])
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("^[[2JM02-1"), "\(imported.stderr)")
        #expect(Self.controls(in: imported.stderr).isEmpty)
    }

    // MARK: - Figures

    @Test func figuresThatCannotBeRightAreRefusedWithTheirReason() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(["init"]).status == 0)
        let cases: [([String], String)] = [
            (["record", "G25-5", "--value", "123456789012345678"], "超过 10^12"),
            (["record", "M02-1", "--value", "1e19"], "不是数字"),
            (["record", "M02-1", "--value", "1e308"], "不是数字"),
            (["record", "M02-1", "--value", "0x10"], "不是数字"),
            (["record", "M02-1", "--value", "1,2,3"], "不是数字"),
            (["record", "M02-1", "--value", "35%"], "该指标不是百分比"),
            (["record", "M02-1", "--value", "50001"], "超过目标值的 1000 倍"),
            (["record", "M02-1", "--value", "-3"], "是负数"),
            (["record", "G25-5", "--value", "801"], "超过目标值的 1000 倍"),
        ]
        for (arguments, message) in cases {
            let result = try run(arguments + ["--date", "2025-06-30"])
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect(try sqlite("SELECT count(*) FROM entry") == "0")
        // At the bounds: 1000 times the goal and a percentage with its sign are fine.
        #expect(try run(["record", "M02-1", "--value", "50,000", "--date", "2025-06-30"]).status == 0)
        #expect(try run(["record", "M04-3", "--value", "91.5%", "--date", "2025-06-30"]).status == 0)
        #expect(try sqlite("SELECT group_concat(value) FROM entry") == "50000.0,91.5")
    }

    @Test func aBaseYearIsNoLaterThanThePlansStart() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        for year in ["1999", "2025", "二〇二三"] {
            let result = try run(["baseline", "M02-1", "--value", "40", "--year", year])
            #expect(result.status == 1, "\(year)")
            #expect(result.stderr.contains("基数年份不晚于方案开始的年份"), "\(year): \(result.stderr)")
        }
        #expect(try run(["baseline", "M02-1", "--value", "40", "--year", "2023"]).status == 0)
        #expect(try run(["baseline", "M02-1", "--value", "0", "--year", "2024"]).status == 0)
        // The starting figure is shown where the progress it explains is.
        #expect(try run(["record", "M02-1", "--value", "30", "--date", "2025-06-30"]).status == 0)
        let overdue = try run(["overdue", "--as-of", "2026-01-11"])
        #expect(overdue.stdout.contains("基数 0家，实际 30家"), "\(overdue.stdout)")
    }

    /// Issue 9 as a reader sees it: a rate's gap in 个百分点 beside its progress and the schedule,
    /// 临期未完成 in the JSON and the lists, the January bulletin naming only units late with a due return.
    @Test func theNewVerdictsReadAsTheyShould() throws {
        let rate = try run(["--demo", "show", "G27-5", "--as-of", "2026-11-29"])
        #expect(rate.stdout.contains("实际 66%"), "\(rate.stdout)")
        #expect(rate.stdout.contains("差 6.3 个百分点"), "\(rate.stdout)")
        #expect(rate.stdout.contains("序时进度 69%"), "\(rate.stdout)")
        #expect(
            rate.stdout.replacingOccurrences(of: "\n      ", with: "").contains("低于序时进度42 个百分点")
                || rate.stdout.contains("低于序时进度 42 个百分点"), "\(rate.stdout)")
        #expect(!rate.stdout.contains("差距 6.3%"))
        let december = try run(["--demo", "overdue", "--as-of", "2026-12-01", "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(december.stdout.utf8)) as? [String: Any]
        let items = ((json?["groups"] as? [[String: Any]]) ?? []).flatMap { ($0["items"] as? [[String: Any]]) ?? [] }
        #expect(
            items.contains { $0["id"] as? String == "M04-1" && $0["status"] as? String == "dueSoon" },
            "\(december.stdout.prefix(400))")
        let text = try run(["--demo", "overdue", "--as-of", "2026-12-01", "--unit", "农业农村局", "--lang", "en"])
        #expect(text.stdout.contains("⧖ due soon") && text.stdout.contains("M04-1"), "\(text.stdout)")
        let missed = try run(["--demo", "show", "10", "--as-of", "2026-11-29", "--json"])
        #expect(missed.stdout.contains("noCurrentReport"), "M10-1 missed October's return")
        let january = try run(["--demo", "report", "--as-of", "2026-01-05"])
        #expect(
            january.stdout.contains("以下单位牵头的未完成事项在 2025-11-01 至 2026-01-05 期间均无报送"),
            "\(january.stdout.suffix(600))")
    }

    // MARK: - Returns as departments fill them

    @Test func anUnterminatedQuoteIsALineNumberedErrorAndNothingIsWritten() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(["init"]).status == 0)
        let file = try write(
            "指标编号,日期,数值,进展情况\nM02-1,2025-06-30,20,正常\nM02-1,2025-07-31,21,\"没有结束的引号\nM02-1,2025-08-31,22,后面的行\n",
            "quote.csv")
        let result = try run(["import", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("quote.csv:3: 第 3 行的引号没有配对结束"), "\(result.stderr)")
        #expect(result.stderr.contains("未导入任何数据"))
        #expect(!result.stdout.contains("已导入"))
        #expect(try sqlite("SELECT count(*) FROM entry") == "0")
    }

    @Test(arguments: [
        ("指标编号,日期,数值\nM02-1,2025-06-30,2\u{0}0\n", "NUL"),
        ("指标编号,日期,数值,数值\nM02-1,2025-06-30,20,21\n", "都是“数值”"),
        ("指标编号,日期,数值\nM02-1,2025-06-30,0x10\n", "不是数字"),
        ("指标编号,日期,数值\nM02-1,2025-06-30,35%\n", "该指标不是百分比"),
        ("指标编号,日期,数值\nM02-1,2025-06-30,1e308\n", "不是数字"),
        ("指标编号,日期,数值\nM02-1,2025-06-30,\"20\"x\n", "引号结束后紧跟着其他字符"),
    ])
    func aBadReturnIsRefusedWhole(_ text: String, _ message: String) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(["init"]).status == 0)
        let file = try write(text, "bad.csv")
        let result = try run(["import", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains("bad.csv:"), "no line: \(result.stderr)")
        #expect(try sqlite("SELECT count(*) FROM entry") == "0")
    }

    @Test func rowsLeftBlankAreSkippedAndCountedNotErrors() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // A template pre-dated with --date, filled in for one target only.
        let template = try run(["template", "--unit", "农业农村局", "--date", "2026-10-31"])
        #expect(template.status == 0)
        var lines = template.stdout.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n")
            .filter { !$0.isEmpty }
        let index = try #require(lines.firstIndex { $0.hasPrefix("M04-1,") })
        let valueColumn = try #require(lines[0].components(separatedBy: ",").firstIndex(of: "数值"))
        var cells = lines[index].components(separatedBy: ",")
        cells[valueColumn] = "126"
        lines[index] = cells.joined(separator: ",")
        let file = try write(lines.joined(separator: "\r\n") + "\r\n", "filled.csv")
        let result = try run(["import", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("已导入 1 条"), "\(result.stdout)")
        #expect(result.stdout.contains("未填写 \(lines.count - 2) 行"), "\(result.stdout)")
        #expect(try sqlite("SELECT itemId || ' ' || value FROM entry") == "M04-1 126.0")
        // The measure row, pre-dated but blank, is not a report.
        #expect(try sqlite("SELECT count(*) FROM entry WHERE itemId = 'M05'") == "0")
    }

    @Test func aFileThatIsNotUTF8SaysWhichEncodingWasAssumedAndCanBeOverridden() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Latin-1 "Reparación" happens to decode as GB18030: the user must be told.
        var bytes = Data("target,date,value,progress\nM02-1,2025-06-30,20,".utf8)
        bytes.append(contentsOf: [0x52, 0x65, 0x70, 0x61, 0x72, 0x61, 0x63, 0x69, 0xF3, 0x6E, 0x0A])
        let file = try write(bytes, "latin1.csv")
        let dry = try run(["import", file, "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("已按 GB18030（GBK）读取"), "\(dry.stdout)")
        #expect(dry.stdout.contains("读出的文字示例"), "\(dry.stdout)")
        #expect(!FileManager.default.fileExists(atPath: db), "a dry run created the store")
        let forced = try run(["import", file, "--encoding", "utf-8"])
        #expect(forced.status == 1)
        #expect(forced.stderr.contains("不是有效的 UTF-8"), "\(forced.stderr)")
        let bad = try run(["import", file, "--encoding", "latin9"])
        // A usage error (issue 20): the parser refuses the value and shows the choices.
        #expect(bad.status == 64 && bad.stderr.contains("--encoding <utf-8|gb18030> 的取值 latin9 无效"), "\(bad.stderr)")
    }

    @Test func recordingTheSameTwiceAddsNothingAndAnotherFigureNeedsACorrection() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(["record", "M02-1", "--value", "48", "--date", "2025-12-31"]).status == 0)
        let again = try run(["record", "M02-1", "--value", "48", "--date", "2025-12-31"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("与已有记录 #1 完全相同，未重复记录"), "\(again.stdout)")
        let other = try run(["record", "M02-1", "--value", "49", "--date", "2025-12-31"])
        #expect(other.status == 1)
        #expect(other.stderr.contains("已有记录 #1（48家），数值不同；如需更正，请加 --corrects 1"), "\(other.stderr)")
        #expect(try sqlite("SELECT count(*) FROM entry") == "1")
        let fixed = try run([
            "record", "M02-1", "--value", "49", "--date", "2025-12-31", "--corrects", "1", "--reason", "漏报",
        ])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        // After the correction, 49 is the standing figure: recording 48 again conflicts with it.
        let stale = try run(["record", "M02-1", "--value", "48", "--date", "2025-12-31", "--lang", "en"])
        #expect(stale.status == 1 && stale.stderr.contains("already has entry #2"), "\(stale.stderr)")
        #expect(try sqlite("SELECT count(*) FROM entry") == "2")
    }

    // MARK: - The store

    @Test func readingCommandsRefuseAStoreThatDoesNotExistAndCreateNothing() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appending(path: "typo/renewal.sqlite").path
        for command in [
            ["summary"], ["overdue"], ["show", "4"], ["history", "M02-1"], ["flags"], ["report"], ["snapshot"],
            ["import", CLI.example, "--dry-run"],
        ] {
            let result = try run(command, db: missing)
            if command.contains("--dry-run") {
                #expect(result.status == 0, "\(result.stderr)")
            } else {
                #expect(result.status == 1, "\(command)")
                #expect(result.stderr.contains("找不到进展库 \(missing)"), "\(command): \(result.stderr)")
                #expect(result.stderr.contains("renewal record"), "says how to make one")
            }
            #expect(
                !FileManager.default.fileExists(atPath: folder.appending(path: "typo").path),
                "\(command) created the folder")
        }
        let created = try run(["record", "M02-1", "--value", "3", "--date", "2025-06-30"], db: missing)
        #expect(created.status == 0)
        #expect(created.stderr.contains("已新建进展库：\(missing)"), "\(created.stderr)")
    }

    @Test func aUserWhoMayOnlyReadTheStoreGetsEveryReport() throws {
        defer {
            _ = try? Self.shell("chmod -R u+w \(folder.path)")
            try? FileManager.default.removeItem(at: folder)
        }
        #expect(try run(["record", "M02-1", "--value", "30", "--date", "2025-06-30"]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        _ = try Self.shell("chmod 0755 \(folder.path) && chmod 0444 \(db) && chmod 0555 \(folder.path)")
        // Root may write anything: run as an unprivileged user then (setpriv is in util-linux).
        let asReader = getuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : ""
        let binary = try TestBinary.reachable()
        let summary = try Self.shell("\(asReader)env RENEWAL_DB=\(db) HOME=/tmp \(binary) summary --as-of 2025-07-01")
        #expect(summary.status == 0, "\(summary.output)")
        #expect(summary.output.contains("二、工业技改提升工程"), "\(summary.output)")
        let record = try Self.shell(
            "\(asReader)env RENEWAL_DB=\(db) HOME=/tmp \(binary) record M02-1 --value 31 --date 2025-07-31")
        #expect(record.status == 1)
        #expect(record.output.contains("只读") || record.output.contains("无法打开进展库"), "\(record.output)")
        #expect(!record.output.contains("attempt to write"), "\(record.output)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    @Test func aFileThatIsNotARenewalStoreIsRefusedAndLeftUntouched() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let foreign = folder.appending(path: "other.sqlite").path
        _ = try sqlite(
            "CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('张三', '123');", db: foreign)
        let text = try write("这不是数据库\n", "notes.txt")
        for (path, message) in [(foreign, "其他程序的 SQLite 文件"), (text, "不是 SQLite 文件")] {
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            for command in [
                ["record", "M02-1", "--value", "3", "--date", "2025-06-30"], ["summary"], ["import", CLI.example],
                ["flag", "M02-1", "--note", "x"],
            ] {
                let result = try run(command, db: path)
                #expect(result.status == 1, "\(command)")
                #expect(result.stderr.contains(message), "\(command): \(result.stderr)")
                #expect(result.stderr.contains("未作任何改动"))
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "\(path) was modified")
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        }
    }

    @Test func aStoreFromANewerRenewalIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(["record", "M02-1", "--value", "3", "--date", "2025-06-30"]).status == 0)
        _ = try sqlite("INSERT INTO grdb_migrations (identifier) VALUES ('v9: something new')")
        for command in [["summary"], ["record", "M02-1", "--value", "4", "--date", "2025-07-31"]] {
            let result = try run(command + ["--lang", "en"])
            #expect(result.status == 1)
            #expect(
                result.stderr.contains("was written by a newer renewal (schema v9: something new)"), "\(result.stderr)")
        }
        #expect(try sqlite("SELECT count(*) FROM entry") == "1")
    }

    @Test func aDamagedStoreTakesNoMoreWritesAndSaysSoPlainly() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        for day in 1...28 {
            let result = try run([
                "record", "M02-2", "--value", "\(day % 5)", "--date", String(format: "2025-02-%02d", day),
                "--progress", String(repeating: "文", count: 2000),
            ])
            #expect(result.status == 0, "\(result.stderr)")
        }
        // Everything into the main file, then garbage over the entry table's first page, as a
        // failing disk or a copy cut short would leave it.
        _ = try sqlite("PRAGMA wal_checkpoint(TRUNCATE)")
        let root = try #require(Int(try sqlite("SELECT rootpage FROM sqlite_master WHERE name = 'entry'")))
        let pageSize = try #require(Int(try sqlite("PRAGMA page_size")))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: db))
        try handle.seek(toOffset: UInt64((root - 1) * pageSize))
        handle.write(Data(repeating: 0xA5, count: pageSize))
        try handle.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let record = try run(["record", "M02-1", "--value", "4", "--date", "2025-07-31"])
        #expect(record.status == 1)
        #expect(record.stderr.contains("已损坏"), "\(record.stderr)")
        #expect(record.stderr.contains(".recover"), "says how to rescue the data")
        #expect(!record.stderr.contains("SELECT"), "raw SQL in \(record.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        let summary = try run(["summary", "--lang", "en"])
        #expect(summary.status == 1)
        #expect(summary.stderr.contains("is damaged"), "\(summary.stderr)")
    }

    // MARK: - Commands

    @Test func commandsAnswerAsPeopleTypeThem() throws {
        let typo = try CLI.run(["sumary"])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("没有 \"sumary\" 这个命令；您是不是要用 summary？"), "\(typo.stderr)")
        let rootHelp = try CLI.run(["--lang", "en", "--help"])
        #expect(rootHelp.status == 0)
        #expect(rootHelp.stdout.contains("SUBCOMMANDS:") && rootHelp.stdout.contains("summary"), "\(rootHelp.stdout)")
        let helpCommand = try CLI.run(["--lang", "en", "help", "record"])
        #expect(
            helpCommand.status == 0 && helpCommand.stdout.contains("USAGE: renewal record"), "\(helpCommand.stderr)")
        let version = try CLI.run(["--version"])
        #expect(version.status == 0 && version.stdout.split(separator: ".").count == 3, "\(version.stdout)")
        let negative = try CLI.run(["record", "M02-1", "--value", "-3", "--lang", "en"])
        #expect(negative.status == 1 && negative.stderr.contains("-3 is negative"), "\(negative.stderr)")
        let unknownOption = try CLI.run(["summary", "--wdth", "90"])
        #expect(unknownOption.status == 64)
        #expect(unknownOption.stderr.hasPrefix("错误：没有 --wdth 这个选项"), "\(unknownOption.stderr)")
        let overall = try CLI.run(["show", "G25-1", "--as-of", "2026-11-29"])
        #expect(overall.status == 0, "\(overall.stderr)")
        #expect(overall.stdout.contains("总体目标 G25-1") && overall.stdout.contains("相关措施"), "\(overall.stdout)")
    }

    @Test func everyHelpIsInTheChosenLanguageAndFitsEightyColumns() throws {
        let commands =
            [[]]
            + [
                "tui", "summary", "overdue", "show", "history", "report", "record", "baseline", "import",
                "template", "flag", "unflag", "flags", "plan", "snapshot", "init",
            ].map { [$0] }
        for command in commands {
            for language in ["zh", "en"] {
                let result = try CLI.run(command + ["--help", "--lang", language])
                #expect(result.status == 0, "\(command)")
                for line in result.stdout.split(separator: "\n") {
                    #expect(columns(line) <= 80, "\(command) \(language): \(line)")
                }
                let english = ["USAGE:", "OPTIONS:", "Show help information", "(default:"]
                if language == "zh" {
                    #expect(!english.contains { result.stdout.contains($0) }, "\(command): \(result.stdout)")
                    #expect(result.stdout.contains("用法："))
                }
                // Each default is said once.
                #expect(result.stdout.components(separatedBy: "默认：zh").count <= 2)
            }
        }
    }

    @Test func everyCommandTakesDemoAndSaysNothingWasKept() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in [
            ["record", "M02-1", "--value", "3", "--date", "2026-11-15"], ["flag", "M02-1", "--note", "请说明"],
            ["unflag", "G27-5"], ["import", CLI.example], ["baseline", "G27-8", "--value", "100", "--year", "2023"],
        ] {
            let result = try run(["--demo"] + command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(result.stdout.contains("未保留任何数据"), "\(command): \(result.stdout)")
        }
        let plan = try run(["--demo", "plan"])
        #expect(plan.status == 0 && plan.stdout.hasPrefix("【示例数据】"), "\(plan.stderr)")
        let template = try run(["--demo", "template", "--unit", "农业农村局"])
        #expect(template.status == 0 && template.stderr.contains("【示例数据】"), "\(template.stderr)")
        #expect(template.stdout.hasPrefix("\u{FEFF}指标编号"), "the form stays a clean CSV")
        #expect(!FileManager.default.fileExists(atPath: db), "the demo touched the real store")
    }

    static func shell(_ command: String) throws -> (status: Int32, output: String) { try TestBinary.shell(command) }
}
