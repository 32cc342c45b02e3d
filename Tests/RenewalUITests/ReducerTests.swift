import RenewalModel
import Testing

@testable import RenewalUI

@Suite("Reducer")
struct ReducerTests {
    @Test func drillFromOverviewToMeasureAndBack() {
        // j moves down one row of panels (3 per row at 120 columns): 二 is to the right of 一.
        var (state, _) = Fixture.press(Fixture.state(), [.right, .enter])
        #expect(state.screen == .programme(2))
        (state, _) = Fixture.press(state, [.down, .enter])
        #expect(state.screen == .measure(2))
        #expect(state.stack == [.overview, .programme(2), .measure(2)])
        (state, _) = Fixture.press(state, [.escape])
        #expect(state.screen == .programme(2))
        #expect(state.selectedIndex == 1, "the selection survives going back")
        (state, _) = Fixture.press(state, [.backspace])
        #expect(state.screen == .overview)
    }

    @Test func qGoesBackAndQuitsOnlyFromTheOverview() {
        let (inside, effects) = Fixture.press(Fixture.state(), [.char("3"), .char("q")])
        #expect(inside.screen == .overview)
        #expect(effects.isEmpty)
        let (_, quit) = Fixture.press(inside, [.char("q")])
        #expect(quit == [.quit])
    }

    @Test func fullWidthKeysFromAChineseInputMethodWork() {
        let (state, effects) = Fixture.press(Fixture.state(), [.char("ｏ")])
        #expect(state.screen == .overdue)
        #expect(effects.isEmpty)
        let (help, _) = Fixture.press(Fixture.state(), [.char("？")])
        #expect(help.screen == .help)
        let (search, _) = Fixture.press(Fixture.state(), [.char("／")])
        #expect(search.screen == .search)
        let (_, quit) = Fixture.press(Fixture.state(), [.char("ｑ")])
        #expect(quit == [.quit])
    }

    @Test func ctrlCQuitsFromAnywhere() {
        let (_, effects) = Fixture.press(Fixture.state(), [.char("o"), .char("u"), .ctrl("c")])
        #expect(effects.last == .quit)
    }

    @Test func digitsJumpToProgrammesIncludingTenToTwelve() {
        #expect(Fixture.press(Fixture.state(), [.char("4")]).0.screen == .programme(4))
        #expect(Fixture.press(Fixture.state(), [.char("0")]).0.screen == .programme(10))
        #expect(Fixture.press(Fixture.state(), [.char("1")]).0.screen == .overall)
        #expect(Fixture.press(Fixture.state(), [.char("1"), .char("1")]).0.screen == .programme(11))
        #expect(Fixture.press(Fixture.state(), [.char("1"), .char("2")]).0.screen == .programme(12))
        #expect(Fixture.press(Fixture.state(), [.char("1"), .char("j"), .char("2")]).0.screen == .programme(2))
        let (deep, _) = Fixture.press(Fixture.state(), [.char("o"), .enter, .char("5")])
        #expect(deep.stack == [.overview, .programme(5)])
    }

    @Test func overviewArrowsMoveAcrossAndDownByRows() {
        var (state, _) = Fixture.press(Fixture.state(width: 120), [.down])
        #expect(state.selectedIndex == 3)
        (state, _) = Fixture.press(Fixture.state(width: 80), [.down])
        #expect(state.selectedIndex == 2)
        (state, _) = Fixture.press(Fixture.state(width: 80), [.char("l"), .char("l"), .char("h")])
        #expect(state.selectedIndex == 1)
        (state, _) = Fixture.press(Fixture.state(), [.end])
        #expect(state.selectedIndex == 11)
        (state, _) = Fixture.press(state, [.char("g")])
        #expect(state.selectedIndex == 0)
    }

    @Test func overdueOpensTheSelectedTargetsPage() {
        let (state, _) = Fixture.press(Fixture.state(), [.char("o")])
        guard case let .target(id)? = state.selectedRow else {
            Issue.record("no item selected")
            return
        }
        let (opened, _) = Fixture.press(state, [.enter])
        #expect(opened.screen == .target(id))
        #expect(Fixture.press(opened, [.escape]).0.screen == .overdue)
    }

    @Test func aTargetPageOpensItsMeasureAndFlagsTheTarget() {
        // 三 → measure 4 → its first target's page → Enter opens the measure it belongs to.
        let (page, _) = Fixture.press(Fixture.state(), [.char("3"), .enter, .enter])
        #expect(page.screen == .target("M04-1"))
        #expect(page.stack == [.overview, .programme(3), .measure(4), .target("M04-1")])
        #expect(page.histories[["M04-1"]] != nil, "the page asked for the target's history")
        let (measure, _) = Fixture.press(page, [.enter])
        #expect(measure.screen == .measure(4))
        let (prompt, _) = Fixture.press(page, [.char("f")])
        #expect(prompt.prompt?.purpose == .flagNote(itemId: "M04-1"), "f acts on the target, not its measure")
        let (_, effects) = Fixture.press(prompt, Fixture.chars("请说明") + [.enter, .enter])
        #expect(effects == [.flag(itemId: "M04-1", note: "请说明", followUp: Day("2026-12-09")!)])
    }

    @Test func searchIsIncrementalAndAcceptsChinese() {
        var (state, _) = Fixture.press(Fixture.state(), [.char("/")])
        #expect(state.searchEditing)
        (state, _) = Fixture.press(state, Fixture.chars("晨星"))
        #expect(state.searchQuery == "晨星")
        #expect(state.searchResults.contains(.target("M02-1")))
        #expect(state.searchResults.contains(.measure(2)))
        // Full-width letters are text while typing, not commands.
        (state, _) = Fixture.press(state, [.char("ｏ")])
        #expect(state.screen == .search)
        (state, _) = Fixture.press(state, [.backspace])
        (state, _) = Fixture.press(state, [.enter])
        #expect(state.screen == .measure(2))
        let (units, _) = Fixture.press(Fixture.state(), [.char("/")] + Fixture.chars("工信局"))
        #expect(units.searchResults.contains(.unit("市工业和信息化局")))
    }

    @Test func flaggingAsksForANoteAndEmitsTheEffect() {
        var (state, effects) = Fixture.press(Fixture.state(), [.char("2"), .char("j"), .enter, .char("f")])
        #expect(state.prompt?.purpose == .flagNote(itemId: "M02-1"))
        (state, effects) = Fixture.press(state, [.enter])
        #expect(state.prompt?.error != nil, "an empty note is refused")
        #expect(effects.isEmpty)
        (state, effects) = Fixture.press(state, Fixture.chars("请说明进展") + [.enter])
        // Then the 反馈期限, prefilled ten days on; a day before the as-of date is refused.
        #expect(effects.isEmpty)
        #expect(state.prompt?.purpose == .flagFollowUp(itemId: "M02-1", note: "请说明进展"))
        #expect(state.prompt?.text == "2026-12-09")
        let (early, none) = Fixture.press(state, [.ctrl("u")] + Fixture.chars("2026-11-01") + [.enter])
        #expect(none.isEmpty && early.prompt?.error != nil)
        (state, effects) = Fixture.press(state, [.enter])
        #expect(effects == [.flag(itemId: "M02-1", note: "请说明进展", followUp: Day("2026-12-09")!)])
        #expect(state.prompt == nil)
    }

    /// Issue 11 (6): a flagged item takes a reply (反馈) or is closed (办结/销号), each with a note.
    @Test func aFlaggedItemIsAnsweredOrClosedWithANote() {
        let (state, _) = Fixture.press(Fixture.state(), [.char("2"), .char("j"), .enter, .char("j"), .char("f")])
        #expect(state.prompt?.purpose == .flagAction(itemId: "M02-2"))
        let (cancelled, nothing) = Fixture.press(state, [.escape])
        #expect(cancelled.prompt == nil && nothing.isEmpty)
        // r: a reply names its unit; M02-2 has one, so it is named without asking.
        #expect(Fixture.data.plan.units(forItem: "M02-2") == ["市工业和信息化局"])
        let (_, replied) = Fixture.press(state, [.char("r")] + Fixture.chars("已加快申报") + [.enter])
        #expect(replied == [.reply(itemId: "M02-2", note: "已加快申报", unit: "市工业和信息化局")])
        let (empty, none) = Fixture.press(state, [.char("c"), .enter])
        #expect(none.isEmpty && empty.prompt?.error != nil, "closing needs a note")
        let (_, closed) = Fixture.press(state, [.char("c")] + Fixture.chars("已办结") + [.enter])
        #expect(closed == [.unflag(itemId: "M02-2", note: "已办结")])
    }

    /// Issue 21 (12): an item with several units asks which one replies (←/→, Enter), then the reply.
    @Test func aReplyNamesTheUnitChosenAmongTheItemsUnits() {
        let data = Fixture.data
        let flag = SupervisionFlag(
            id: "2", itemId: "G25-2", note: "请说明", flaggedBy: "专班", flaggedAt: "2026-11-20T09:00:00+08:00",
            followUp: "2026-11-25")
        var state = Fixture.state()
        state.data = AppData(
            plan: data.plan, entries: data.entries, flags: data.flags + [flag], asOf: data.asOf, today: data.today,
            isSample: true)
        state.stack = [.overview, .target("G25-2")]
        let units = data.plan.units(forItem: "G25-2")
        #expect(units.count > 2)
        let (choosing, _) = Fixture.press(state, [.char("f"), .char("r")])
        #expect(choosing.prompt?.purpose == .replyUnit(itemId: "G25-2", units: units, chosen: 0))
        #expect(
            Renderer.render(choosing).lines.joined().contains(
                "[" + data.plan.unitName(units[0], .zh, short: true) + "]"))
        let (left, _) = Fixture.press(choosing, [.left])
        #expect(left.prompt?.purpose == .replyUnit(itemId: "G25-2", units: units, chosen: 0), "stops at the first")
        let (_, replied) = Fixture.press(choosing, [.right, .right, .enter] + Fixture.chars("已推进") + [.enter])
        #expect(replied == [.reply(itemId: "G25-2", note: "已推进", unit: units[2])])
        let (cancelled, none) = Fixture.press(choosing, [.escape])
        #expect(cancelled.prompt == nil && none.isEmpty)
    }

    /// Issue 21 (8): every write is stamped with today; while another day is shown, a writing key
    /// says so and offers today (Enter goes there and on with the write, Esc writes nothing).
    @Test func writesAtAnotherDayOfferToGoToToday() throws {
        var past = Fixture.state()
        past.data = past.data.judged(asOf: try #require(Day("2026-11-20")))
        // f on a measure's target.
        let (asking, none) = Fixture.press(past, [.char("2"), .char("j"), .enter, .char("f")])
        #expect(none.isEmpty)
        #expect(asking.prompt?.purpose == .returnToToday(.flag(itemId: "M02-1")))
        #expect(Renderer.render(asking).lines.joined().contains("正在查看 2026-11-20"))
        #expect(Renderer.render(asking).lines.joined().contains("本页面不会显示"))
        let (stayed, nothing) = Fixture.press(asking, [.escape])
        #expect(stayed.prompt == nil && nothing.isEmpty && stayed.data.asOf == Day("2026-11-20"))
        let (today, _) = Fixture.press(asking, [.enter])
        #expect(today.data.asOf == Fixture.data.today)
        #expect(today.prompt?.purpose == .flagNote(itemId: "M02-1"))
        // u and e the same; the form then follows today.
        let (recording, _) = Fixture.press(past, [.char("3"), .enter, .char("u")])
        #expect(recording.prompt?.purpose == .returnToToday(.record(itemId: "M04-1")) && recording.form == nil)
        let (form, _) = Fixture.press(recording, [.enter])
        #expect(form.form?.itemId == "M04-1" && form.data.asOf == Fixture.data.today)
        // 催办 from b: back to today, today's reporting status read, then the reminder asked.
        let (reminding, _) = Fixture.press(past, [.char("b"), .char("F")])
        #expect(reminding.prompt?.purpose == .returnToToday(.remind(unit: nil)))
        let (reminder, effects) = Fixture.press(reminding, [.enter])
        #expect(effects.isEmpty, "nothing is written before the note and the date are given")
        #expect(reminder.reportingStatus?.asOf == Fixture.data.today.description)
        guard case .remind? = reminder.prompt?.purpose else {
            Issue.record("no reminder after returning to today: \(String(describing: reminder.prompt?.purpose))")
            return
        }
        // A future day is offered today too (its periods are not due yet).
        var future = Fixture.state()
        future.data = future.data.judged(asOf: try #require(Day("2027-01-15")))
        let (ahead, _) = Fixture.press(future, [.char("2"), .char("j"), .enter, .char("f")])
        #expect(ahead.prompt?.purpose == .returnToToday(.flag(itemId: "M02-1")))
    }

    /// Issue 21 (12): 超期未反馈 shows wherever 督办 does: the `o` list and the unit page too.
    @Test func noReplyPastDueShowsInTheOverdueListAndTheUnitPage() {
        var state = Fixture.state(width: 120, height: 40)
        state.data = Fixture.demo
        #expect(state.data.evaluation.target("M06-2")?.markers.contains(.followUpOverdue) == true)
        let (overdue, _) = Fixture.press(state, [.char("o")])
        let late = Renderer.render(overdue).lines.filter { $0.contains("M06-2") }
        #expect(!late.isEmpty && late.allSatisfy { $0.contains("[超期未反馈]") }, "\(late)")
        let unit = "市交通运输局"
        var page = state
        page.stack = [.overview, .units, .unitItems(unit)]
        let rows = Renderer.render(page).lines.filter { $0.contains("M06-2") }
        #expect(rows.count == 1 && rows[0].contains("督 超期未反馈"), "\(rows)")
    }

    /// Issue 21: `o`'s second tab lists what the header counts as ⧖, targets awaiting their final
    /// return (deadline passed, 待报终值) included, so the tab never says 0 under a ⧖ in the header.
    @Test func theDueSoonTabListsTargetsAwaitingTheirFinalReturn() throws {
        var state = Fixture.state(width: 120, height: 40)
        state.data = state.data.judged(asOf: try #require(Day("2027-01-05")))
        let awaiting = state.data.evaluation.targets.filter { $0.markers.contains(.awaitingFinal) }
        #expect(!awaiting.isEmpty, "the sample has targets due 2026-12-31 awaiting December's return")
        let ids = Set(state.data.dueSoon.map(\.targetId))
        for judged in awaiting { #expect(ids.contains(judged.targetId), "\(judged.targetId)") }
        let (tab, _) = Fixture.press(state, [.char("o"), .tab])
        let text = Renderer.render(tab).lines.joined(separator: "\n")
        #expect(text.contains("30 天内到期及待报终值 \(state.data.dueSoon.count) 项"), "\(text)")
        #expect(text.contains("待报终值"))
        // Every ⧖ of the header is in the tab.
        for judged in state.data.evaluation.targets where judged.status == .dueSoon {
            #expect(ids.contains(judged.targetId), "\(judged.targetId) is ⧖ but not in the tab")
        }
    }

    @Test func recordingValidatesLikeAnImport() {
        var (state, effects) = Fixture.press(Fixture.state(), [.char("3"), .enter, .char("u")])
        #expect(state.form?.itemId == "M04-1")
        #expect(state.form?[.date] == "2026-11-29")
        (state, effects) = Fixture.press(state, Fixture.chars("-5") + [.enter, .enter, .enter, .enter, .enter])
        #expect(effects.isEmpty)
        #expect(state.form?.errors.first?.contains("数值：-5 是负数") == true, "\(state.form?.errors ?? [])")
        // Fix the value: back to the first field, clear it, type a good one, save from the last field.
        (state, effects) = Fixture.press(
            state,
            [.up, .up, .up, .up, .backspace, .backspace] + Fixture.chars("125")
                + [.tab, .tab] + Fixture.chars("淘汰老旧农机") + [.tab, .tab, .enter])
        #expect(state.form == nil)
        #expect(effects.count == 1)
        guard case let .record(draft)? = effects.first else {
            Issue.record("no record effect")
            return
        }
        #expect(draft.itemId == "M04-1")
        #expect(draft.value == 125)
        #expect(draft.date == Day("2026-11-29"))
        #expect(draft.progress == "淘汰老旧农机")
    }

    @Test func milestonesToggleTheirStateWithSpace() {
        let (state, _) = Fixture.press(Fixture.state(), [.char("3"), .enter, .char("j"), .char("j"), .char("u")])
        #expect(state.selectedRow == .target("M04-3"))
        let (milestone, _) = Fixture.press(Fixture.state(), [.char("3"), .char("j"), .enter, .char("u")])
        #expect(milestone.form?.isMilestone == true)
        #expect(milestone.form?[.value] == "完成", "M05-1 was last reported done: the form starts there")
        #expect(Fixture.press(milestone, [.char(" ")]).0.form?[.value] == "推进中")
    }

    @Test func theAsOfDateCanChange() {
        var (state, _) = Fixture.press(Fixture.state(), [.char("t")])
        #expect(state.prompt?.purpose == .asOf)
        (state, _) = Fixture.press(
            state, Array(repeating: .backspace, count: 10) + Fixture.chars("2025-06-30") + [.enter])
        #expect(state.data.asOf == Day("2025-06-30"))
        #expect(state.data.evaluation.target("M02-1")?.status != .done)
        (state, _) = Fixture.press(state, [.char("t"), .ctrl("u")] + Fixture.chars("2025-13-01") + [.enter])
        #expect(state.prompt?.error != nil)
    }

    @Test func theTooSmallScreenOnlyQuits() {
        var (state, effects) = Fixture.press(Fixture.state(), [.resize(width: 60, height: 20), .char("o"), .enter])
        #expect(state.isTooSmall)
        #expect(state.screen == .overview)
        #expect(effects.isEmpty)
        (state, effects) = Fixture.press(state, [.char("q")])
        #expect(effects == [.quit])
        (state, _) = Fixture.press(state, [.resize(width: 200, height: 60), .char("o")])
        #expect(state.screen == .overdue)
    }

    /// Issue 11 (4): the league table ranks units worst first by light; `s` sorts by each column with
    /// the cursor kept on its unit; Enter opens the unit's page, its led items worst first.
    @Test func unitsLeagueTableSortAndOpen() throws {
        var (state, _) = Fixture.press(Fixture.state(), [.char("d")])
        let rows = state.unitRows
        let keys = rows.map { [$0[.red], $0[.yellow], $0[.blue], $0[.purple]] }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { !$0.lexicographicallyPrecedes($1) }, "worst first")
        for row in rows { #expect(UnitsView.lights.map { row[$0] }.reduce(0, +) <= row.leads) }
        // Select the third unit, sort: the cursor stays on it.
        (state, _) = Fixture.press(state, [.char("j"), .char("j")])
        let chosen = state.selectedRow
        (state, _) = Fixture.press(state, [.char("s")])
        #expect(state.unitSort == .red)
        #expect(state.selectedRow == chosen)
        let reds = state.unitRows.map { $0[.red] }
        #expect(reds == reds.sorted(by: >))
        (state, _) = Fixture.press(state, Array(repeating: .char("s"), count: 6))
        #expect(state.unitSort == .plan)
        #expect(state.unitRows.map(\.unit.name) == Fixture.data.plan.units.map(\.name))
        (state, _) = Fixture.press(state, [.char("g"), .enter])
        guard case let .unitItems(name) = state.screen else {
            Issue.record("Enter did not open the unit")
            return
        }
        let page = state.unitPage(name)
        #expect(!page.isEmpty)
        let led = page.filter(\.leads).map(\.status)
        #expect(led == led.sorted(by: >), "led items worst first")
        #expect(page.prefix(led.count).allSatisfy { $0.leads }, "led before shared")
    }
}

@Suite("Byte search")
struct ByteSearchTests {
    @Test(arguments: [
        ("累计培育晨星工厂50家以上", "晨星", true), ("累计培育晨星工厂", "星工", true), ("abc", "abd", false),
        ("晨星", "晨星工厂", false), ("市工业和信息化局", "工信局", false), ("anything", "", true), ("M02-1", "m02", false),
    ])
    func findsExactUTF8Substrings(_ haystack: String, _ needle: String, _ expected: Bool) {
        #expect(ByteSearch.contains(Array(haystack.utf8), Array(needle.utf8)) == expected)
        #expect(haystack.contains(needle) == expected || needle.isEmpty)
    }

    /// Folding lowercases ASCII letters only: English is case-blind, Chinese and other bytes untouched.
    @Test func foldingIsCaseBlindForEnglishAndLeavesChineseAlone() {
        #expect(ByteSearch.folded("M02-1 Morning-STAR 晨星") == Array("m02-1 morning-star 晨星".utf8))
        #expect(ByteSearch.folded("@[`{") == Array("@[`{".utf8), "the bytes around A-Z stay")
        let results = AppState.search("MORNING-star", in: Fixture.data)
        #expect(results.contains(.target("M02-1")), "\(results)")
        #expect(AppState.search("晨星工厂", in: Fixture.data).contains(.target("M02-1")))
    }

    /// Issue 11 (5): 临期 as the `o` view's second tab: everything unfinished due within 30 days
    /// (the deadline day included), nearest first; Tab switches and the selection starts again.
    @Test func tabInTheOverdueViewListsWhatFallsDueWithinThirtyDays() {
        let onDate = { (day: String) in
            Fixture.press(
                Fixture.state(),
                [.char("t"), .ctrl("u")] + Fixture.chars(day) + [.enter, .char("o"), .char("j"), .tab]
            ).0
        }
        let state = onDate("2026-12-05")
        #expect(state.overdueTab == .dueSoon)
        #expect(state.selectedIndex == 0)
        let ids = state.rows(for: .overdue).compactMap { row -> String? in
            if case let .target(id) = row { return id }
            return nil
        }
        #expect(!ids.isEmpty)
        let deadlines = ids.compactMap { state.data.evaluation.target($0)?.deadline }
        #expect(deadlines == deadlines.sorted(), "nearest deadline first")
        #expect(deadlines.allSatisfy { state.data.asOf.days(to: $0) <= 30 && state.data.asOf <= $0 })
        #expect(ids.allSatisfy { !(state.data.evaluation.target($0)?.status.isFinished ?? true) })
        // 31 December is 30 days after 1 December (in), 31 after 30 November (out).
        let dueLast = onDate("2026-11-30").data.dueSoon.map(\.deadline)
        #expect(!dueLast.contains(Day("2026-12-31")), "31 days ahead is outside the window")
        #expect(onDate("2026-12-01").data.dueSoon.contains { $0.deadline == Day("2026-12-31") })
        // Tab again: back to the late items.
        #expect(Fixture.press(state, [.tab]).0.overdueTab == .late)
    }

    /// Issue 11 (2), issue 21 (9): `b` asks the shell for the latest reports and lists 未报送
    /// units first; `F` flags (催办) exactly the unfinished items that lack the return and have no
    /// open flag, one per item, counting the units those flags reach; `f` does it for the selected
    /// unit only. The note and the 反馈期限 (ten days from today) are asked in turn.
    @Test func reportingStatusAndReminders() throws {
        let (asked, effects) = Reducer.update(Fixture.state(), Key.char("b"))
        #expect(asked.screen == .reporting)
        #expect(effects == [.loadLatestReports(asOf: Fixture.asOf)])
        #expect(asked.reportingStatus == nil, "nothing to show until the shell answers")
        let (state, _) = Fixture.press(Fixture.state(), [.char("b")])
        let status = try #require(state.reportingStatus)
        #expect(status.periodStart == "2026-10-01" && status.dueOn == "2026-11-10")
        let silent = status.notReported
        #expect(!silent.isEmpty)
        #expect(Array(status.units.prefix(silent.count)) == silent, "units that have not reported come first")
        #expect(state.rows(for: .reporting).first == .unit(silent[0].unit))
        #expect(Fixture.press(state, [.enter]).0.screen == .unitItems(silent[0].unit))
        let open = Set(Fixture.data.flags.filter(\.isOpen).map(\.itemId))
        let missing = Set(status.units.flatMap(\.missing))

        // F: every unit.
        let (prompt, _) = Fixture.press(state, [.char("F")])
        guard case let .remind(all)? = prompt.prompt?.purpose else {
            Issue.record("no reminder prompt")
            return
        }
        #expect(Set(all.items.map(\.itemId)) == missing.subtracting(open))
        #expect(Set(all.alreadyFlagged) == missing.intersection(open))
        #expect(Set(all.units) == Set(all.items.flatMap(\.leadUnits)), "the units reached are the flags' lead units")
        for row in status.units where !Set(row.missing).subtracting(open).isEmpty {
            #expect(all.units.contains(row.unit), "\(row.unit) lacks a return and must be reached")
        }
        for item in all.items {
            let judged = Fixture.data.evaluation.target(item.itemId)?.status
            #expect(judged?.isFinished != true, "\(item.itemId) is finished and must not be flagged")
        }
        #expect(prompt.prompt?.text.contains("2026-11-10") == true, "the note names the return's due day")
        let (followUp, none) = Fixture.press(prompt, [.enter])
        #expect(none.isEmpty)
        #expect(followUp.prompt?.purpose == .remindFollowUp(all, note: prompt.prompt?.text ?? ""))
        #expect(followUp.prompt?.text == "2026-12-09", "ten days from today")
        let (early, refused) = Fixture.press(followUp, Fixture.chars("2026-11-28") + [.enter])
        #expect(refused.isEmpty && early.prompt?.error != nil, "a 反馈期限 before today is refused")
        let (done, flagged) = Fixture.press(followUp, [.enter])
        #expect(
            flagged == [
                .remind(itemIds: all.items.map(\.itemId), note: prompt.prompt?.text ?? "", followUp: Day("2026-12-09")!)
            ])
        #expect(done.message?.hasPrefix("已催办 \(all.units.count) 个单位（\(all.items.count) 项）") == true)
        // An empty note is refused.
        let (empty, nothing) = Fixture.press(prompt, [.ctrl("u"), .enter])
        #expect(nothing.isEmpty && empty.prompt?.error != nil)

        // f: the selected unit only.
        let first = status.units[0]
        let (one, _) = Fixture.press(state, [.char("f")])
        guard case let .remind(unit)? = one.prompt?.purpose else {
            Issue.record("no reminder prompt for one unit")
            return
        }
        #expect(unit.unit == first.unit)
        #expect(Set(unit.items.map(\.itemId)) == Set(first.missing).subtracting(open))
        #expect(unit.units.contains(first.unit))
        // f on a unit that filed everything: nothing to remind, said so, nothing asked.
        let complete = try #require(status.units.firstIndex { $0.state == .complete })
        var onComplete = state
        onComplete.selection[.reporting] = complete
        let (filedAll, noEffects) = Fixture.press(onComplete, [.char("f")])
        #expect(filedAll.prompt == nil && noEffects.isEmpty)
        #expect(filedAll.message?.contains("没有缺报的事项，无需催办") == true, "\(filedAll.message ?? "")")
    }

    /// Issue 11 (3): `c` lists what changed since a month earlier, item by item, with both
    /// statuses; `p` compares with another day; Enter opens the item's page.
    @Test func changesSinceAMonthEarlierAndAnotherDay() throws {
        let keys: [Key] = [.char("t"), .ctrl("u")] + Fixture.chars("2027-01-15") + [.enter, .char("c")]
        let (state, effects) = Fixture.press(Fixture.state(), keys)
        #expect(effects.isEmpty, "the changes are judged from the data in memory")
        let changes = try #require(state.changes)
        #expect(changes.since == "2026-12-15" && changes.asOf == "2027-01-15")
        let overdue = try #require(changes.groups.first)
        #expect(overdue.kind == .newlyOverdue)
        #expect(overdue.items.map(\.id).contains("M10-1"))
        #expect(overdue.items.allSatisfy { $0.now == .overdue && $0.before != .overdue })
        // Measures are compared too (issue 21): the first change is measure (四), whose page opens.
        #expect(overdue.items[0].id == "M04")
        #expect(state.rows(for: .changes).first == .measure(4))
        #expect(Fixture.press(state, [.enter]).0.screen == .measure(4))
        #expect(state.rows(for: .changes).dropFirst().first == .target(overdue.items[1].id))
        #expect(Fixture.press(state, [.char("j"), .enter]).0.screen == .target(overdue.items[1].id))
        // p: compare with 2026-11-29 instead; a later day than the as-of date is refused.
        let (other, _) = Fixture.press(state, [.char("p"), .ctrl("u")] + Fixture.chars("2026-11-29") + [.enter])
        #expect(other.changes?.since == "2026-11-29")
        let (refused, _) = Fixture.press(state, [.char("p"), .ctrl("u")] + Fixture.chars("2027-02-01") + [.enter])
        #expect(refused.prompt?.error != nil)
    }

    /// Issue 11 (7): `x` offers renewal-<view>-<as-of>.md for the view shown; Enter asks the shell to
    /// write what the view lists.
    @Test func exportTheCurrentView() throws {
        let (prompt, _) = Fixture.press(Fixture.state(), [.char("o"), .char("x")])
        guard case let .export(table)? = prompt.prompt?.purpose else {
            Issue.record("no export prompt")
            return
        }
        #expect(prompt.prompt?.text == "renewal-overdue-2026-11-29.md")
        #expect(table.header.count == 7)
        #expect(table.rows.count == prompt.rows(for: .overdue).count, "one row per item the view lists")
        #expect(table.rows.first?[1] == "G25-2")
        let (_, effects) = Fixture.press(prompt, [.enter])
        #expect(effects == [.export(table, path: "renewal-overdue-2026-11-29.md")])
        // Another name, and the CSV the shell writes for it.
        let (csv, more) = Fixture.press(prompt, [.ctrl("u")] + Fixture.chars("逾期.csv") + [.enter])
        #expect(csv.prompt == nil && more == [.export(table, path: "逾期.csv")])
        let markdown = table.markdown()
        // Sample data says so on the first line (issue 21), then the title with the day.
        #expect(markdown.hasPrefix("> 【示例数据】"))
        #expect(markdown.contains("\n\n# 逾期滞后临期（截至 2026-11-29）\n\n| 牵头单位 | 编号 |"))
        #expect(markdown.split(separator: "\n", omittingEmptySubsequences: false).count == 7 + table.rows.count)
    }

    /// Issue 13: "1" waits one second (four 250 ms ticks) for a second digit, and says so.
    @Test func aFirstDigitWaitsOneSecond() {
        var (state, _) = Fixture.press(Fixture.state(), [.char("1")])
        #expect(state.pendingDigit == 1 && state.screen == .overall)
        #expect(Renderer.render(state).lines[1].contains("1_"))
        (state, _) = Fixture.press(state, [.tick, .tick, .tick])
        #expect(Fixture.press(state, [.char("2")]).0.screen == .programme(12), "within the second")
        (state, _) = Fixture.press(state, [.tick])
        #expect(state.pendingDigit == nil)
        #expect(Fixture.press(state, [.char("2")]).0.screen == .programme(2), "after it, 2 means 二")
    }

    /// Issue 13: typing replaces a pre-filled value; Backspace edits it; an empty search box closes
    /// on Backspace without leaving the view.
    @Test func typingReplacesAPrefilledValue() {
        let (typed, _) = Fixture.press(Fixture.state(), [.char("t")] + Fixture.chars("2026-12-05"))
        #expect(typed.prompt?.text == "2026-12-05")
        let (edited, _) = Fixture.press(Fixture.state(), [.char("t"), .backspace, .char("8")])
        #expect(edited.prompt?.text == "2026-11-28")
        var (search, _) = Fixture.press(Fixture.state(), [.char("2"), .char("/"), .char("晨"), .backspace, .backspace])
        #expect(search.screen == .search && !search.searchEditing)
        (search, _) = Fixture.press(search, [.backspace])
        #expect(search.screen == .programme(2), "then Backspace goes back one view")
    }

    /// Issue 13: prompts and the search box edit at a cursor: ←/→, Home/End, Ctrl-W, Ctrl-U, Ctrl-K.
    @Test func promptsEditAtACursor() {
        var field = TextField("请说明 滞后原因")
        field.edit(.ctrl("w"))
        #expect(field.text == "请说明 " && field.cursor == 4)
        field.edit(.ctrl("w"))
        #expect(field.text == "")
        field = TextField("2026-11-29")
        for key in [Key.home, .right, .right, .right, .right, .backspace, .char("7")] { field.edit(key) }
        #expect(field.text == "2027-11-29")
        field.edit(.end)
        field.edit(.left)
        field.edit(.ctrl("k"))
        #expect(field.text == "2027-11-2")
        field.edit(.left)
        field.edit(.ctrl("u"))
        #expect(field.text == "2" && field.cursor == 0)
        let edited = field.edit(.enter)
        #expect(!edited, "Enter is not an edit")
        // Through the reducer: the 截至日期 prompt (pre-filled) and the search box.
        let (dated, _) = Fixture.press(Fixture.state(), [.char("t"), .end, .left, .backspace, .char("0")])
        #expect(dated.prompt?.text == "2026-11-09")
        let (search, _) = Fixture.press(
            Fixture.state(), [.char("/")] + Fixture.chars("工厂") + [.home] + Fixture.chars("晨星"))
        #expect(search.searchQuery == "晨星工厂")
    }

    /// Issue 13: a long note in `f` wraps upwards over the view; none of it scrolls out of sight.
    @Test(arguments: [Language.zh, .en])
    func aLongNoteWrapsAndStaysInView(_ language: Language) {
        let note = String(repeating: "请于十二月十日前说明智能工厂申报滞后原因和整改措施，", count: 4) + "完"
        let (state, _) = Fixture.press(
            Fixture.state(language, width: 80, height: 24),
            [.char("2"), .char("j"), .enter, .char("f")] + Fixture.chars(note))
        let lines = Renderer.render(state).lines
        let bottom = lines.suffix(6).joined().replacingOccurrences(of: " ", with: "")
        #expect(bottom.contains(note.replacingOccurrences(of: " ", with: "")), "\(lines.suffix(6))")
        #expect(bottom.hasSuffix("完_"), "the cursor follows the text: \(bottom.suffix(8))")
    }
}

/// Issue 21, item 17: a view key reopens its view fresh, or returns to it when it is open beneath.
@Suite("View keys")
struct ViewKeyTests {
    @Test func aViewOpensFreshAfterItWasLeft() {
        let (left, _) = Fixture.press(Fixture.state(), [.char("o"), .char("j"), .char("j"), .tab, .escape])
        #expect(left.screen == .overview)
        let (again, _) = Fixture.press(left, [.char("o")])
        #expect(again.screen == .overdue)
        #expect(again.overdueTab == .late, "the 临期 tab left open last time")
        #expect(again.selectedIndex == 0)
        let (help, _) = Fixture.press(Fixture.state(), [.char("?"), .pageDown, .escape, .char("?")])
        #expect(help.scroll[.help] == nil)
    }

    @Test func aViewKeyFromAPageItOpenedReturnsToIt() {
        let (page, _) = Fixture.press(Fixture.state(), [.char("o"), .char("j"), .enter])
        #expect(page.stack.count == 3)
        let (back, _) = Fixture.press(page, [.char("o")])
        #expect(back.stack == [.overview, .overdue], "returned, not stacked again")
        #expect(back.selectedIndex == 1, "as it was left")
    }
}
