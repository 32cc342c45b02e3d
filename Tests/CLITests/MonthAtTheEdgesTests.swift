import Foundation
import Testing

/// The month as a 专班 lives it (issue 21), through the real binary: what a department could
/// contest must not happen.
@Suite("The month at the calendar's edges (issue 21)", .serialized)
struct MonthAtTheEdgesTests {
    let folder: URL
    let db: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appending(path: "renewal-month-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        db = folder.appending(path: "store.sqlite").path
    }

    func run(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(arguments, environment: ["RENEWAL_DB": db, "USER": "tester"])
    }

    /// Item 10: a correction cannot move a report onto a day where another unit's different
    /// figure stands and silently win; `record` refuses the same collision.
    @Test func aCorrectionCannotOverrideAnotherReportOnItsNewDay() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try run(["record", "G27-7", "--date", "2026-10-31", "--value", "8983", "--unit", "发改局"])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try run(["record", "G27-7", "--date", "2026-09-30", "--value", "8000", "--unit", "商务投促局"])
        #expect(second.status == 0, "\(second.stderr)")
        let moved = try run([
            "record", "G27-7", "--date", "2026-10-31", "--value", "8100", "--corrects", "2", "--reason", "日期填错",
        ])
        #expect(moved.status == 1)
        #expect(moved.stderr.contains("已有记录 #1") && moved.stderr.contains("请先更正 #1"), "\(moved.stderr)")
        #expect(try CLI.sqlite(db, "SELECT count(*) FROM entry") == "2", "nothing stored")
        // On its own day, or onto a day holding the same figure, a correction goes in.
        let fixed = try run([
            "record", "G27-7", "--date", "2026-09-30", "--value", "8100", "--corrects", "2", "--reason", "数值填错",
        ])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        let same = try run([
            "record", "G27-7", "--date", "2026-10-31", "--value", "8983", "--corrects", "3", "--reason", "日期填错",
        ])
        #expect(same.status == 0, "\(same.stderr)")
        let english = try run([
            "record", "G27-7", "--date", "2026-10-31", "--value", "1", "--corrects", "4", "--reason", "x", "--lang",
            "en",
        ])
        #expect(english.status == 1)
        #expect(english.stderr.contains("cannot override it"), "\(english.stderr)")
    }

    /// Item 9: `renewal remind` flags exactly the unfinished items lacking the last due return, one
    /// flag per item, never a finished one (G25-3 is 已完成), counts the units its flags reach, and
    /// leaves items already flagged alone; `--unit` reaches one unit; `--dry-run` writes nothing.
    @Test func remindFlagsExactlyTheMissingUnfinishedItems() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = CLI.root.appending(path: "Data/sample-progress.csv").path
        #expect(try run(["import", sample]).status == 0)
        let dry = try run(["remind", "--dry-run", "--json"])
        #expect(dry.status == 0, "\(dry.stderr)")
        let plan = try JSONSerialization.jsonObject(with: Data(dry.stdout.utf8)) as? [String: Any]
        let reminder = plan?["reminder"] as? [String: Any]
        let items = (reminder?["items"] as? [[String: Any]])?.compactMap { $0["itemId"] as? String } ?? []
        #expect(!items.isEmpty, "\(dry.stdout)")
        #expect(!items.contains("G25-3"), "G25-3 is finished and never flagged")
        #expect(plan?["written"] as? Bool == false && (plan?["flagIds"] as? [Any])?.isEmpty == true)
        #expect(try CLI.sqlite(db, "SELECT count(*) FROM flag") == "0", "a dry run writes nothing")
        let leads = Set((reminder?["items"] as? [[String: Any]])?.flatMap { $0["leadUnits"] as? [String] ?? [] } ?? [])
        #expect(Set(reminder?["units"] as? [String] ?? []) == leads, "the units reached are the flags' lead units")

        // One unit from its row: 税务局 leads M30 only.
        let one = try run(["remind", "--unit", "税务局", "--note", "请报送", "--follow-up", "2099-01-01"])
        #expect(one.status == 0, "\(one.stderr)")
        let taxItems = try CLI.sqlite(db, "SELECT group_concat(itemId) FROM flag")
        #expect(items.contains("M30") ? taxItems == "M30" : taxItems.isEmpty, "\(taxItems)")
        // Everyone: one flag per item; M30 is not flagged twice and is said to be left.
        let everyone = try run(["remind"])
        #expect(everyone.status == 0, "\(everyone.stderr)")
        #expect(everyone.stdout.contains("已催办 "), "\(everyone.stdout)")
        #expect(try CLI.sqlite(db, "SELECT count(*) FROM flag") == "\(items.count)")
        #expect(try CLI.sqlite(db, "SELECT count(DISTINCT itemId) = count(*) FROM flag") == "1")
        if items.contains("M30") { #expect(everyone.stdout.contains("另有 1 项已在督办中")) }
        // Written today: the 反馈期限 counts from today.
        let due = try CLI.sqlite(db, "SELECT DISTINCT followUp FROM flag WHERE itemId <> 'M30'")
        #expect(due > CLI.today, "\(due)")
        // Bad input: a 反馈期限 in the past, an unknown unit, an empty note; nothing stored.
        let before = try CLI.sqlite(db, "SELECT count(*) FROM flag")
        let past = try run(["remind", "--follow-up", "2020-01-01"])
        #expect(past.status == 1 && past.stderr.contains("早于今天"), "\(past.stderr)")
        let nobody = try run(["remind", "--unit", "不存在局", "--lang", "en"])
        #expect(nobody.status == 1 && nobody.stderr.contains("unknown unit"), "\(nobody.stderr)")
        let blank = try run(["remind", "--note", "  "])
        #expect(blank.status == 64 && blank.stderr.contains("--note 不能为空"), "\(blank.stderr)")
        #expect(try CLI.sqlite(db, "SELECT count(*) FROM flag") == before)
        // Nothing left to remind: said so, exit 0.
        let again = try run(["remind"])
        #expect(again.status == 0 && again.stdout.contains("都已在督办中"), "\(again.stdout)")
    }

    /// Item 5: a new store is told which baselines it needs; the return form has a row for each
    /// baseline still missing, which imports as a baseline when filled (and is skipped when not).
    @Test func initAndTheTemplateAskForTheBaselinesLevelsNeed() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let created = try run(["init"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("须先录入基数才能判定") && created.stdout.contains("G27-5  2023"), "\(created.stdout)")
        let english = try run(["init", "--lang", "en"])
        #expect(english.stdout.contains("need a baseline before they can be judged"), "\(english.stdout)")
        let form = folder.appending(path: "form.csv").path
        #expect(try run(["template", "--unit", "工信局", "-o", form]).status == 0)
        // CRLF lines, as Excel writes them ("\r\n" is one Character in Swift).
        let rows = try String(contentsOfFile: form, encoding: .utf8).components(separatedBy: "\r\n")
        let baseline = try #require(rows.first { $0.hasPrefix("G27-5,") && $0.contains("（基数）") })
        #expect(baseline.contains("在“基数年份”填2023"))
        // Fill the baseline row only (数值 and 基数年份), import, and the row is a baseline.
        let filled = rows.map { row -> String in
            guard row == baseline else { return row }
            var cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[6] = "62"
            cells[11] = "2023"
            return cells.joined(separator: ",")
        }.joined(separator: "\r\n")
        try filled.write(toFile: form, atomically: true, encoding: .utf8)
        let imported = try run(["import", form])
        #expect(imported.status == 0 && imported.stdout.contains("已导入 1 条"), "\(imported.stdout)\(imported.stderr)")
        #expect(
            try CLI.sqlite(db, "SELECT itemId || '|' || value || '|' || baselineYear FROM entry") == "G27-5|62.0|2023")
        // Entered: neither init nor the form asks for it again.
        #expect(!(try run(["init"]).stdout.contains("G27-5  2023")))
        #expect(try run(["template", "--unit", "工信局"]).stdout.contains("G27-4,") == true)
        #expect(!(try run(["template", "--unit", "工信局"]).stdout.contains("G27-5,规模以上工业企业关键工序数控化率超过77%（基数）")))
    }

    /// Item 12: `renewal flags --as-of` is the 督办台账: each flag's state on that day, its lead units.
    @Test func theLedgerShowsEachFlagsStateOnTheDay() throws {
        let ledger = try run(["flags", "--demo", "--as-of", "2026-12-20"])
        #expect(ledger.status == 0, "\(ledger.stderr)")
        #expect(ledger.stdout.contains("督办台账（截至 2026-12-20）"), "\(ledger.stdout)")
        #expect(ledger.stdout.contains("超期未反馈 10 天") && ledger.stdout.contains("牵头 工信局"), "\(ledger.stdout)")
        let earlier = try run(["flags", "--demo", "--as-of", "2026-12-10"])
        #expect(!earlier.stdout.contains("#1 M02-2") || earlier.stdout.contains("待反馈"), "\(earlier.stdout)")
        // The dashboard's view of the same ledger, at 80 columns.
        let view = try run(["snapshot", "--demo", "--view", "ledger", "--as-of", "2026-11-29", "--size", "80x24"])
        #expect(view.status == 0, "\(view.stderr)")
        #expect(view.stdout.contains("督办台账（截至 2026-11-29）") && view.stdout.contains("超期未反馈 14 天"), "\(view.stdout)")
        #expect(view.stdout.contains("逾期反馈 4 天"), "\(view.stdout)")
        // Before the flags were raised there is nothing on the ledger.
        let before = try run(["flags", "--demo", "--as-of", "2026-10-01", "--lang", "en"])
        #expect(before.stdout.contains("No flags."), "\(before.stdout)")
    }

    /// Item 15: the bulletin lists a co-led item once, under its first lead unit, naming the others;
    /// a milestone shows its latest state with its date, never 实际 无; the 督办 section says each
    /// flag's reply state (超期未反馈 N 天).
    @Test func theBulletinListsCoLedItemsOnceWithMilestoneStatesAndReplyStates() throws {
        for format in ["text", "md"] {
            let result = try run(["report", "--demo", "--format", format, "--as-of", "2026-12-05"])
            #expect(result.status == 0, "\(result.stderr)")
            let text = result.stdout
            let lines = text.split(separator: "\n").filter { $0.contains("G25-2") && $0.contains("新能源汽车保有量") }
            #expect(lines.count == 1, "\(format): \(lines)")
            #expect(text.contains("共同牵头：交警大队、生态环境分局、商务投促局"), "\(format)")
            #expect(text.contains("推进中（2026-10-31）") && !text.contains("实际 无"), "\(format)")
            #expect(text.contains("超期未反馈 20 天"), "\(format)")
            // A late reply stays on record (逾期反馈) with the unit that replied; a flag closed since
            // the previous bulletin is listed as 已办结.
            #expect(text.contains("逾期反馈（超期 4 天）") && text.contains("反馈（市商务和投资促进局，2026-11-13）"), "\(format)")
            #expect(text.contains("M13-1") && text.contains("已办结"), "\(format)")
        }
        // A month later the closed flag is no longer news.
        let later = try run(["report", "--demo", "--format", "text", "--as-of", "2027-01-05"])
        #expect(!later.stdout.contains("已办结"), "\(later.stdout)")
    }

    /// Item 15: the HTML bulletin colours each status with its light (DESIGN §4 亮灯), the mark in the text.
    @Test func theHTMLBulletinUsesTheLights() throws {
        let html = try run(["report", "--demo", "--format", "html", "--as-of", "2026-12-05"]).stdout
        for (light, colour) in [("red", "#c62828"), ("yellow", "#9a7400"), ("blue", "#1565c0"), ("green", "#2e7d32")] {
            #expect(html.contains("tr.light-\(light) td.st { color: \(colour); }"), "\(light)")
        }
        let overdue = html.split(separator: "\n").filter { $0.contains("<tr class=\"light-red s-overdue\">") }
        #expect(!overdue.isEmpty && overdue.allSatisfy { $0.contains("✖") }, "\(overdue.prefix(2))")
        let dueSoon = html.split(separator: "\n").filter { $0.contains("<tr class=\"light-blue s-dueSoon\">") }
        #expect(!dueSoon.isEmpty, "the sample has 临期未完成 rows on 2026-12-05")
    }
}
