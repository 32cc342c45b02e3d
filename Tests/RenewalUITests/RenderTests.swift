import Foundation
import RenewalModel
import RenewalReports
import RenewalText
import Testing

@testable import RenewalUI

/// Every view rendered into a grid and compared with a stored snapshot (text lines); status
/// colours checked through style runs. `RECORD_SNAPSHOTS=1 swift test` re-records; a missing
/// snapshot is recorded (and the test says so).
@Suite("Rendering")
struct RenderTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Snapshots")

    static let screens: [(String, [Key])] = [
        ("overview", []),
        ("overall", [.char("1")]),
        ("programme2", [.char("2")]),
        ("measure4", [.char("3"), .enter]),
        ("targetG25-2", [.char("1"), .char("j"), .enter]),
        ("overdue", [.char("o")]),
        ("reporting", [.char("b")]),
        ("changes", [.char("t"), .ctrl("u")] + Fixture.chars("2027-01-15") + [.enter, .char("c")]),
        ("overdueDueSoon", [.char("t"), .ctrl("u")] + Fixture.chars("2026-12-05") + [.enter, .char("o"), .tab]),
        ("units", [.char("d")]),
        ("search", [.char("/")] + Fixture.chars("晨星")),
        ("help", [.char("?")]),
        ("form", [.char("3"), .enter, .char("u")]),
        ("flagPrompt", [.char("2"), .char("j"), .enter, .char("f")] + Fixture.chars("请说明")),
    ]

    static var cases: [(String, Language, Int, Int)] {
        var all: [(String, Language, Int, Int)] = []
        for (name, _) in screens {
            for language in [Language.zh, .en] {
                for (width, height) in [(80, 24), (120, 40)] { all.append((name, language, width, height)) }
            }
        }
        return all
    }

    static func render(
        _ name: String, _ language: Language, _ width: Int, _ height: Int, color: Bool = true, ascii: Bool = false
    ) -> Grid {
        let keys = screens.first { $0.0 == name }?.1 ?? []
        let (state, _) = Fixture.press(
            Fixture.state(language, width: width, height: height, color: color, ascii: ascii), keys)
        return Renderer.render(state)
    }

    @Test(arguments: cases)
    func snapshot(_ name: String, _ language: Language, _ width: Int, _ height: Int) throws {
        let grid = Self.render(name, language, width, height)
        let lines = grid.lines
        #expect(lines.count == height)
        for line in lines { #expect(DisplayWidth.of(line) == width, "a row is not exactly \(width) columns: \(line)") }
        try Self.compare(grid, "\(name)-\(language.rawValue)-\(width)x\(height)")
    }

    /// Issue 21 (12): the 督办台账 on the demo's flags: 超期未反馈 first, then 待反馈, 逾期反馈; the
    /// selected flag's note and latest reply (with its unit) below; Tab adds the closed one.
    @Test(arguments: [(Language.zh, 80, 24), (.zh, 120, 40), (.en, 80, 24), (.en, 120, 40)])
    func ledger(_ language: Language, _ width: Int, _ height: Int) throws {
        var state = Fixture.state(language, width: width, height: height)
        state.data = Fixture.demo
        let (open, _) = Fixture.press(state, [.char("L")])
        #expect(open.screen == .ledger)
        let states = open.ledgerLines.map(\.state)
        #expect(states.first == .noReplyPastDue(days: 14), "M06-2: 反馈期限 11-15, 14 days by 11-29")
        #expect(states.contains(.repliedLate(days: 4)), "G25-5 replied on 11-13 to a 11-09 期限")
        #expect(!states.contains(.closed))
        let (all, _) = Fixture.press(open, [.tab])
        #expect(all.ledgerLines.count == open.ledgerLines.count + 1)
        #expect(all.ledgerLines.last?.state == .closed)
        try Self.compare(Renderer.render(open), "ledger-\(language.rawValue)-\(width)x\(height)")
        // Enter opens the flagged item; f there answers or closes its flag.
        let (item, _) = Fixture.press(open, [.enter])
        #expect(item.screen == .target("M06-2"))
        let (reply, _) = Fixture.press(open, [.char("f")])
        #expect(reply.prompt?.purpose == .flagAction(itemId: "M06-2"))
    }

    /// Compares a rendered grid with its stored snapshot (recorded when missing or asked for).
    static func compare(_ grid: Grid, _ name: String) throws {
        let text =
            grid.lines.map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }.joined(
                separator: "\n") + "\n"
        let file = folder.appending(path: "\(name).txt")
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        if record || !FileManager.default.fileExists(atPath: file.path) {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            if !record { Issue.record("recorded a missing snapshot \(file.lastPathComponent); check it and commit it") }
            return
        }
        let stored = try String(contentsOf: file, encoding: .utf8)
        #expect(stored == text, "\(file.lastPathComponent) differs; RECORD_SNAPSHOTS=1 swift test re-records it")
    }

    @Test func statusColoursShowInStyleRuns() {
        let grid = Self.render("overdue", .zh, 120, 40)
        // The first item row starts with the overdue mark in red and bold.
        let row = grid.lines.firstIndex { $0.contains("✖ 逾期未完成") } ?? -1
        #expect(row > 0)
        let x =
            grid.lines[row].firstIndex(of: "✖").map {
                grid.lines[row].distance(from: grid.lines[row].startIndex, to: $0)
            } ?? 0
        let style = grid[x, row].style
        #expect(style.color == .red || style.reverse, "overdue must stand out")
        let runs = grid.styleRuns(row: row)
        #expect(runs.contains { $0.style.color == .red && $0.style.bold })
        // Behind is yellow somewhere on the overview's bars.
        let overview = Self.render("overview", .zh, 120, 40)
        #expect(
            (0..<overview.height).contains { y in overview.styleRuns(row: y).contains { $0.style.color == .yellow } })
    }

    @Test func withoutColourStatusesUseAttributesAndMarks() {
        let grid = Self.render("overdue", .zh, 120, 40, color: false)
        for y in 0..<grid.height {
            for run in grid.styleRuns(row: y) { #expect(run.style.color == .normal) }
        }
        // Not the first item: that one is selected, and selection inverts it.
        let row = grid.lines.lastIndex { $0.contains("✖ 逾期未完成") } ?? -1
        #expect(row > 0)
        #expect(grid.styleRuns(row: row).contains { $0.style.bold && $0.style.reverse })
    }

    @Test func asciiModeDrawsNoAmbiguousWidthCharacters() {
        let grid = Self.render("overview", .zh, 120, 40, ascii: true)
        let text = grid.lines.joined()
        for forbidden in ["─", "│", "┌", "█", "░", "›"] {
            #expect(!text.contains(forbidden), "\(forbidden) in ASCII mode")
        }
        #expect(text.contains("+-"))
    }

    /// In `--ascii` every screen draws only ASCII and wide (CJK) characters: nothing whose width a
    /// CJK terminal may double (borders, bars, marks, arrows, ‹ ›, ellipses).
    @Test(arguments: [Language.zh, .en])
    func asciiModeDrawsOnlyASCIIAndWideCharactersOnEveryScreen(_ language: Language) {
        for (name, _) in Self.screens {
            for color in [true, false] {
                let text = Self.render(name, language, 120, 40, color: color, ascii: true).lines.joined()
                let odd = Set(
                    text.unicodeScalars.filter { !$0.isASCII && DisplayWidth.of($0) != 2 }.map { String($0) })
                #expect(odd.isEmpty, "\(name): \(odd.sorted())")
            }
        }
    }

    @Test(arguments: [(0, 0), (1, 1), (2, 1), (1, 3), (79, 23), (80, 24), (300, 5), (5, 300)])
    func tinyAndOddSizesRenderWithoutCrashing(_ width: Int, _ height: Int) {
        for (name, _) in Self.screens {
            let grid = Self.render(name, .zh, width, height)
            #expect(grid.lines.count == height)
            for line in grid.lines { #expect(DisplayWidth.of(line) == width) }
        }
    }

    @Test func theTooSmallScreenSaysWhatIsNeeded() {
        let text = Self.render("overview", .en, 60, 20).lines.joined(separator: "\n")
        #expect(text.contains("need 80x24, have 60x20"))
    }

    @Test func wideCharactersAreNeverSplitAtAnEdge() {
        var grid = Grid(width: 5, height: 1)
        grid.put("临清市", x: 0, y: 0)
        #expect(grid.lines == ["临清 "])
        grid.put("ab", x: 1, y: 0)
        // Overwriting half of 临 clears the other half instead of leaving garbage.
        #expect(grid.lines == [" ab  "])
        #expect(DisplayWidth.of(grid.lines[0]) == 5)
    }

    @Test func theSampleIsMarkedInTheHeader() {
        #expect(Self.render("overview", .zh, 120, 40).lines[0].contains("示例数据"))
        #expect(Self.render("overview", .en, 120, 40).lines[0].contains("SAMPLE DATA"))
    }

    /// The overall panel lists worst first: the severely behind G27-5 is shown, the done targets give
    /// way, the count line keeps every status, and `+N` says how many more there are (issue 13).
    @Test(arguments: [Language.zh, .en])
    func overviewPanelsListWorstFirstAndCountTheRest(_ language: Language) {
        let lines = Self.render("overview", language, 120, 40).lines
        let panel = lines[3...10].map { TextLayout.truncate($0, to: 40) }
        #expect(panel[0].contains("✔3"), "\(panel[0])")
        #expect(panel.contains { $0.contains("G27-5") }, "\(panel)")
        #expect(!panel.contains { $0.contains("G25-1") }, "a done target shown before late ones: \(panel)")
        let more = panel.first { $0.contains("+") && !$0.contains("%") } ?? ""
        #expect(more.contains(language == .zh ? "+9 项" : "+9 more"), "\(panel)")
        // Every status of the panel appears: shown lines and the `+N` counts add up to its 13 targets.
        let shownTargets = panel.filter { $0.contains("G2") }.count
        #expect(shownTargets + 9 == Fixture.data.plan.overallTargets.count)
        // 十二 (seven measures) says how many of its measures are not shown.
        let twelve = lines[30...37]
        #expect(twelve.contains { $0.contains(language == .zh ? "+3 项" : "+3 more") }, "\(twelve)")
    }

    /// Issue 13: measure numbers are never cut (（二十八）), and each target's bar carries its id.
    @Test func programmeRowsShowWholeNumbersAndTargetIds() {
        let (twelve, _) = Fixture.press(Fixture.state(.zh, width: 120, height: 40), [.char("1"), .char("2")])
        let twelveText = Renderer.render(twelve).lines.joined(separator: "\n")
        for label in ["（二十八）", "（三十四）"] { #expect(twelveText.contains(label), "\(label)") }
        for language in [Language.zh, .en] {
            let lines = Self.render("programme2", language, 120, 40).lines
            let row = lines.first { $0.contains("M02-1") } ?? ""
            #expect(row.contains("M02-2") && row.contains("104%") && row.contains("80%"), "\(row)")
            let (four, _) = Fixture.press(Fixture.state(language, width: 120, height: 40), [.char("3")])
            let fourRow = Renderer.render(four).lines.first { $0.contains("M04-1") } ?? ""
            #expect(fourRow.contains("M04-2") && fourRow.contains("M04-3"), "\(fourRow)")
        }
        // At 80 columns three bars do not fit: their percents still show, in order.
        let (narrow, _) = Fixture.press(Fixture.state(.zh, width: 80, height: 24), [.char("3")])
        let narrowRow = Renderer.render(narrow).lines.first { $0.contains("（四）") } ?? ""
        #expect(narrowRow.contains("75% 93% 110%"), "\(narrowRow)")
    }

    /// Issue 13: in the overdue list the deadline sits in one column and is never cut (80 columns,
    /// English too), and the figures have a header that says they are actual/due.
    @Test(arguments: [Language.zh, .en])
    func overdueColumnsLineUpUnderAHeader(_ language: Language) throws {
        for width in [80, 120] {
            let lines = Self.render("overdue", language, width, 24).lines
            #expect(lines[3].contains(language == .zh ? "实际/应达" : "actual/due"), "\(lines[3])")
            let dates = try Regex("20[0-9]{2}-[0-9]{2}-[0-9]{2}")
            let columns = lines.dropFirst(4).compactMap { line -> Int? in
                guard let match = line.firstMatch(of: dates) else { return nil }
                return DisplayWidth.of(String(line[..<match.range.lowerBound]))
            }
            #expect(columns.count >= 5, "\(width): \(lines)")
            // Every item shows its whole deadline, the last line (where `+N` goes) included.
            let items = lines.dropFirst(4).filter { $0.contains("✖") || $0.contains("⚠") || $0.contains("◔") }
            #expect(items.count == columns.count, "a deadline is cut: \(items)")
            #expect(Set(columns).count == 1, "the deadlines are ragged at \(width): \(columns)")
            #expect(lines.contains { $0.contains("9400/10000") }, "\(lines)")
        }
    }

    /// Issue 13: the measure view says what was due for an overdue target (the goal), as the overdue
    /// list does; a milestone shows its state, not an empty bar and `-`.
    @Test func overdueTargetsShowWhatWasDueAndMilestonesTheirState() {
        for language in [Language.zh, .en] {
            let (measure, _) = Fixture.press(
                Fixture.state(language, width: 120, height: 40), [.char("2"), .char("j"), .enter])
            let text = Renderer.render(measure).lines.joined(separator: "\n")
            #expect(text.contains(language == .zh ? "应达 5家" : "expected 5 firms"), "\(text)")
            let overall = Self.render("overall", language, 120, 40).lines
            let milestone = overall.first { $0.contains("G25-3") } ?? ""
            #expect(milestone.contains(language == .zh ? "完成" : "done") && !milestone.contains("░"), "\(milestone)")
        }
    }

    /// At 80 columns the key bar drops keys from its end but always keeps `?` (and `q` where it quits).
    @Test(arguments: [Language.zh, .en])
    func theKeyBarKeepsHelpAndQuitAt80Columns(_ language: Language) {
        for (name, _) in Self.screens where name != "help" && name != "form" && name != "flagPrompt" {
            let bar = Self.render(name, language, 80, 24).lines.last ?? ""
            #expect(bar.contains(" ? "), "\(name): \(bar)")
            if name == "overview" { #expect(bar.contains(" q "), "\(bar)") }
        }
    }
}

/// Issue 21, item 17: at 80×24 nothing is cut silently.
@Suite("Narrow screens")
struct NarrowScreenTests {
    @Test func theBreadcrumbAlwaysShowsTheCurrentPageWhole() throws {
        for language in [Language.zh, .en] {
            // Overview › programme 五 › measure (九) › its first target › the measure again.
            let (state, _) = Fixture.press(
                Fixture.state(language, width: 80, height: 24), [.char("5"), .char("j"), .enter, .enter, .enter])
            let crumb = Renderer.render(state).lines[1].replacingOccurrences(
                of: " +$", with: "", options: .regularExpression)
            let current = Renderer.crumb(state.screen, state)
            let whole = state.stack.map { Renderer.crumb($0, state) }.joined(separator: " › ")
            #expect(DisplayWidth.of(whole) > 78, "the case must not fit whole: \(whole)")
            #expect(crumb.hasSuffix(current), "\(crumb)")
            #expect(DisplayWidth.of(crumb) <= 80)
        }
    }

    @Test func aMeasurePageNeverCutsADate() {
        let (state, _) = Fixture.press(Fixture.state(.zh, width: 80, height: 24), [.char("4"), .enter])
        let text = Renderer.render(state).lines.joined(separator: "\n")
        #expect(!text.contains("截止 2025-12-3 ") && !text.contains("截止 2025-12-3\n"), "\(text)")
        #expect(text.contains("截止 2025-12-31"), "\(text)")
    }
}

/// Issue 21, item 16: exports are documents someone signs.
@Suite("Exports")
struct ExportTests {
    @Test func anExportFromSampleDataSaysSoOnItsFirstLineAndNamesItsDays() {
        let (overview, _) = Fixture.press(Fixture.state(), [])
        let table = ExportView.table(overview)
        #expect(table.markdown().hasPrefix("> 【示例数据】"))
        #expect(table.csvRows[0][0].hasPrefix("【示例数据】") && table.csvRows[0][0].contains("截至 2026-11-29"))
        // The overall targets are part of the overview.
        #expect(table.rows.first?.first?.contains("总体目标 13 项") == true, "\(table.rows.first ?? [])")
        #expect(table.rows.count == 1 + 11)
        let (changes, _) = Fixture.press(
            Fixture.state(), [.char("t"), .ctrl("u")] + Fixture.chars("2027-01-15") + [.enter, .char("c")])
        #expect(ExportView.table(changes).title.contains("与 2026-12-15 相比"), "\(ExportView.table(changes).title)")
        var reporting = Fixture.state()
        reporting.stack = [.overview, .reporting]
        let status = ReportingStatus(
            plan: reporting.data.plan, evaluation: reporting.data.evaluation, reports: [], language: .zh)
        reporting.reporting = (asOf: reporting.data.asOf, status: status)
        #expect(
            ExportView.table(reporting).title.contains("报送期 2026-10-01 至 2026-10-31"),
            "\(ExportView.table(reporting).title)")
    }
}
