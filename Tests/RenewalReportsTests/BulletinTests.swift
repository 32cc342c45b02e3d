import Foundation
import RenewalModel
import Testing

@testable import RenewalReports
@testable import RenewalStore

/// The bulletin (通报): its content, its one layout, and the two printings of it.
@Suite("Bulletin")
struct BulletinTests {
    let plan: Plan
    let entries: [ProgressEntry]

    init() throws {
        plan = try PlanLoader.embedded()
        entries = try EntriesCSV.read(
            path: ReportTests.root.appending(path: "Data/examples/returns-example.csv").path, plan: plan,
            today: Day("2026-11-29")!)
    }

    func bulletin(
        _ language: Language = .zh, asOf: String = "2026-11-29", entries: [ProgressEntry]? = nil,
        flags: [SupervisionFlag] = []
    ) -> Bulletin {
        let used = entries ?? self.entries
        let day = Day(asOf)!
        let evaluation = StatusEngine(plan: plan).evaluate(entries: used, flags: flags, asOf: day)
        return Bulletin(
            context: ReportContext(plan: plan, evaluation: evaluation, language: language, entries: used, flags: flags))
    }

    /// Issue 21, item 14: every CSV column holds what its header says: the situation's counts in
    /// 本期项数 / 上期项数 / 增减 (in that order, as the text says them), never under 应达 and 实际;
    /// what was due at two decimals.
    @Test func theCSVColumnsHoldWhatTheirHeadersSay() throws {
        let bulletin = bulletin()
        let (header, rows) = bulletin.csvTable()
        let now = try #require(header.firstIndex(of: "本期项数"))
        let previous = try #require(header.firstIndex(of: "上期项数"))
        let due = try #require(header.firstIndex(of: "应达"))
        #expect(now < previous)
        for line in bulletin.situation where line.count > 0 || line.previous > 0 {
            let row = try #require(rows.first { $0[4] == .text(line.label) })
            #expect(row[now] == .number(Double(line.count)), "\(line.label)")
            #expect(row[previous] == .number(Double(line.previous)), "\(line.label)")
            #expect(row[due] == .number(nil), "\(line.label): a count under 应达")
        }
        for row in rows {
            #expect(row.count == header.count)
            if case let .number(value?) = row[due] { #expect(value == (value * 100).rounded() / 100, "\(value)") }
        }
    }

    @Test(arguments: [Language.zh, .en])
    func sixSectionsInTheirOrderAndEveryTargetCountedOnce(_ language: Language) {
        let bulletin = bulletin(language)
        let document = bulletin.document()
        #expect(document.sections.count == 6)
        #expect(document.sections.first?.heading == language.pick("一、总体情况", "1. Overall situation"))
        #expect(document.sections.last?.heading == language.pick("六、未报送单位", "6. Units that have not reported"))
        #expect(bulletin.situation.map(\.count).reduce(0, +) == plan.allTargets.count)
        #expect(bulletin.previousAsOf == "2026-10-29")
        let late = bulletin.overdue.flatMap(\.items)
        #expect(!late.isEmpty && late.allSatisfy { $0.status.isOverdueOrLagging })
    }

    @Test func theMonthBeforeIsClampedToTheMonthsLength() {
        #expect(Bulletin.monthBefore(Day("2027-03-31")!) == Day("2027-02-28"))
        #expect(Bulletin.monthBefore(Day("2027-01-15")!) == Day("2026-12-15"))
    }

    @Test func anEmptySectionSaysSoInBothPrintings() {
        // Before the plan's first deadline nothing can be late, flagged or done.
        let early = bulletin(asOf: "2024-12-20", entries: [])
        #expect(early.overdue.isEmpty && early.flagged.isEmpty)
        let markdown = early.markdown()
        #expect(markdown.contains("## 四、逾期、滞后及临期事项\n\n无。\n\n## 五、督办事项\n\n无。\n\n"))
        let html = early.html()
        #expect(html.contains("<h2>四、逾期、滞后及临期事项</h2>\n<p>无。</p>\n<h2>五、督办事项</h2>\n<p>无。</p>"))
    }

    @Test func textFromTheStoreCannotBreakEitherPrinting() {
        let note = "| 表格 | <script>alert(1)</script> **粗体** [链接](http://x) \u{1B}[2J"
        let flag = SupervisionFlag(
            id: "1", itemId: "M02-1", note: note, flaggedBy: "督办<人>", flaggedAt: "2026-11-20T15:00:00+08:00",
            followUp: nil)
        let bulletin = bulletin(flags: [flag])
        let markdown = bulletin.markdown()
        #expect(markdown.contains("\\| 表格 \\| \\<script\\>alert(1)\\</script\\> \\*\\*粗体\\*\\* \\[链接\\](http://x)"))
        #expect(!markdown.contains("\u{1B}"))
        let html = bulletin.html()
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("督办&lt;人&gt;"))
        #expect(!html.contains("<script>") && !html.contains("\u{1B}"))
    }

    @Test func tablesMarkNumbersAndStatusesAlike() {
        let html = bulletin().html()
        // Every table: numeric headers right-aligned like their cells; status cells coloured.
        #expect(html.contains("<th class=\"n\">指标数</th>"))
        #expect(html.contains("<th class=\"n\">应达</th>"))
        #expect(html.contains("<td class=\"st\">✖ 逾期未完成</td>"))
        let markdown = bulletin().markdown()
        #expect(markdown.contains("| 编号 | 指标 | 状态 | 应达 | 实际 | 差距 | 截止日期 |\n|---|---|---|---:|---:|---:|---|"))
    }

    /// The WeChat text: every section, no markup a chat would show as symbols, each late item one line.
    @Test(arguments: [Language.zh, .en])
    func plainTextPastesWithoutMarkup(_ language: Language) {
        let text = bulletin(language).plainText()
        for heading in bulletin(language).document().sections.map(\.heading) { #expect(text.contains(heading + "\n")) }
        #expect(!text.contains("|") && !text.contains("**") && !text.contains("<") && !text.contains("#"))
        #expect(!text.contains("·"), "an East-Asian-ambiguous bullet")
        let late = bulletin(language).overdue.flatMap(\.items)
        for row in late.prefix(3) { #expect(text.split(separator: "\n").contains { $0.hasPrefix("- \(row.id) ") }) }
    }
}
