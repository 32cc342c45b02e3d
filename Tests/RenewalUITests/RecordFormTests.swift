import RenewalModel
import Testing

@testable import RenewalUI

/// Issue 13: the record form (`u`) starts from where the item stands, requires a narrative, lets
/// the clerk choose the 填报单位, shows the last report and how the target is read, questions a
/// date in an earlier period, speaks Chinese; `e` corrects a selected report.
@Suite("Record form")
struct RecordFormTests {
    /// The draft a key sequence saved, if any.
    func draft(_ effects: [Effect]) -> EntryDraft? {
        for effect in effects { if case let .record(draft) = effect { return draft } }
        return nil
    }

    /// The overall list's G25-3 (a milestone reported 完成): Enter through the form keeps it done.
    @Test func aDoneMilestoneStaysDoneWhenEnteredThrough() {
        let (form, _) = Fixture.press(Fixture.state(), [.char("1"), .char("j"), .char("j"), .char("u")])
        #expect(form.form?.itemId == "G25-3")
        #expect(form.form?[.value] == "完成")
        let (_, effects) = Fixture.press(
            form, [.enter, .enter] + Fixture.chars("已基本淘汰") + [.enter, .enter, .enter])
        #expect(draft(effects)?.milestone == .done, "\(effects)")
    }

    /// A save the store could not take (a lost connection) brings the form back whole with why;
    /// an answer (the same entry stands, or the store read again) lets it go (issue 23).
    @Test func aFailedSaveReopensTheFormWithAllItHeld() {
        let keys: [Key] =
            [.char("3"), .enter, .char("u")] + Fixture.chars("125") + [.enter, .enter]
            + Fixture.chars("淘汰老旧农机") + [.enter, .enter, .enter]
        let (submitted, effects) = Fixture.press(Fixture.state(), keys)
        #expect(draft(effects) != nil)
        #expect(submitted.form == nil)
        let (failed, _) = Reducer.update(submitted, .failed("与进展库的连接中断"))
        #expect(failed.form?[.value] == "125")
        #expect(failed.form?[.progress] == "淘汰老旧农机")
        #expect(failed.form?.errors == ["与进展库的连接中断"])
        #expect(failed.submittedForm == nil)
        let (answered, _) = Reducer.update(submitted, .notice("与已有记录 #3 完全相同，未重复记录", isError: false))
        #expect(answered.form == nil && answered.submittedForm == nil)
        let (stored, _) = Reducer.update(submitted, .dataLoaded(submitted.data))
        #expect(stored.form == nil && stored.submittedForm == nil)
    }

    @Test func aBlankNarrativeIsRefusedInChinese() {
        let (state, effects) = Fixture.press(
            Fixture.state(),
            [.char("3"), .enter, .char("u")] + Fixture.chars("125") + Array(repeating: .enter, count: 5))
        #expect(draft(effects) == nil)
        #expect(state.form?.errors.contains { $0.hasPrefix("进展情况：必填") } == true, "\(state.form?.errors ?? [])")
        let (english, _) = Fixture.press(
            Fixture.state(.en),
            [.char("3"), .enter, .char("u")] + Fixture.chars("125") + Array(repeating: .enter, count: 5))
        #expect(english.form?.errors.contains { $0.hasPrefix("Progress: required") } == true)
        // A share over 100% is said in Chinese too.
        let (share, _) = Fixture.press(
            Fixture.state(),
            [.char("4"), .enter, .char("j"), .char("u")] + Fixture.chars("105")
                + Array(repeating: .enter, count: 5))
        #expect(share.form?.errors.contains("数值：105% 超过 100%") == true, "\(share.form?.errors ?? [])")
    }

    /// M04-1 is led by 农业农村局 with 财政局 responsible: either may file, chosen with ←/→.
    @Test func theReportingUnitIsChosen() {
        var (state, _) = Fixture.press(Fixture.state(), [.char("3"), .enter, .char("u")])
        #expect(state.form?.units == ["市农业农村局", "市财政局"])
        #expect(state.form?.field == .value)
        (state, _) = Fixture.press(state, [.up, .right])
        #expect(state.form?.chosenUnit == "市财政局")
        (state, _) = Fixture.press(state, Fixture.chars("abc"))
        #expect(state.form?.chosenUnit == "市财政局", "typing on a choice does nothing")
        let (_, effects) = Fixture.press(
            state,
            [.down] + Fixture.chars("125") + [.enter, .enter] + Fixture.chars("淘汰老旧农机") + [.enter, .enter, .enter])
        #expect(draft(effects)?.reportingUnit == "市财政局")
    }

    /// The form says how the target is read, the last report and the period due.
    @Test(arguments: [Language.zh, .en])
    func theFormShowsTheLastReportAndTheReading(_ language: Language) {
        let (state, _) = Fixture.press(Fixture.state(language), [.char("3"), .enter, .char("u")])
        let text = Renderer.render(state).lines.joined(separator: "\n")
        let expected =
            language == .zh
            ? ["每年，本年累计", "上次报送", "2026-10-31 113台（套）", "上一报送期为 2026 年 10 月", "‹ 市农业农村局 ›"]
            : ["every year, year to date", "Last report", "2026-10-31 113 machines", "2026-10", "‹ Agriculture"]
        for fragment in expected { #expect(text.contains(fragment), "\(fragment)") }
    }

    /// A date before the last due period (October, as of 29 November) is asked about once.
    @Test func aDateInAnEarlierPeriodIsQuestionedOnce() {
        let keys: [Key] =
            [.char("3"), .enter, .char("u")] + Fixture.chars("125") + [.tab, .ctrl("u")] + Fixture.chars("2026-09-30")
            + [.enter] + Fixture.chars("补报九月") + [.enter, .enter, .enter]
        let (state, effects) = Fixture.press(Fixture.state(), keys)
        #expect(draft(effects) == nil)
        #expect(state.form?.warning?.contains("早于上一报送期") == true, "\(String(describing: state.form?.warning))")
        let (_, confirmed) = Fixture.press(state, [.enter])
        #expect(draft(confirmed)?.date == Day("2026-09-30"))
        // The boundary: the first day of the last due period is not questioned.
        let (_, first) = Fixture.press(
            Fixture.state(),
            [.char("3"), .enter, .char("u")] + Fixture.chars("125") + [.tab, .ctrl("u")] + Fixture.chars("2026-10-01")
                + [.enter] + Fixture.chars("十月") + [.enter, .enter, .enter])
        #expect(draft(first)?.date == Day("2026-10-01"))
    }

    /// `e` on a report in a target's page opens a correction pre-filled with it; a reason is required.
    @Test func eCorrectsTheSelectedReport() {
        // G25-2's page: its rows are its related measures, then its reports (newest first).
        var (state, _) = Fixture.press(Fixture.state(), [.char("1"), .char("j"), .enter])
        #expect(state.screen == .target("G25-2"))
        let rows = state.rows(for: state.screen)
        guard let firstReport = rows.firstIndex(where: { if case .entry = $0 { return true } else { return false } }),
            case let .entry(id) = rows[firstReport]
        else {
            Issue.record("no report rows: \(rows)")
            return
        }
        (state, _) = Fixture.press(state, [.char("e")])
        #expect(state.form == nil && state.messageIsError, "e on a measure row says what to select")
        (state, _) = Fixture.press(state, Array(repeating: .down, count: firstReport) + [.char("e")])
        let original = state.reports(on: "G25-2").first { $0.id == id }
        #expect(state.form?.corrects?.id == id)
        #expect(state.form?[.date] == original?.date.description)
        #expect(state.form?[.progress] == original?.progress)
        #expect(state.form?.fields.last == .reason)
        (state, _) = Fixture.press(state, [.ctrl("u")] + Fixture.chars("9500") + Array(repeating: .enter, count: 6))
        #expect(state.form?.errors.contains("更正原因：必填") == true, "\(state.form?.errors ?? [])")
        let (_, effects) = Fixture.press(state, Fixture.chars("录入错误") + [.enter])
        let saved = draft(effects)
        #expect(saved?.corrects == id && saved?.reason == "录入错误" && saved?.value == 9500, "\(effects)")
    }

    /// Issue 21, item 11: typing in the pre-filled date after Tab or Enter replaces it (it was
    /// appended to: "2026-11-292026-08-31"); moving the cursor first edits it instead.
    @Test func typingReplacesThePrefilledDate() {
        let (form, _) = Fixture.press(Fixture.state(), [.char("3"), .enter, .char("u")] + Fixture.chars("125"))
        let before = form.form?[.date] ?? ""
        #expect(!before.isEmpty)
        let (tabbed, _) = Fixture.press(form, [.tab] + Fixture.chars("2026-08-31"))
        #expect(tabbed.form?.field == .date)
        #expect(tabbed.form?[.date] == "2026-08-31")
        let (entered, _) = Fixture.press(form, [.enter] + Fixture.chars("2026-08-31"))
        #expect(entered.form?[.date] == "2026-08-31")
        // Backspace first: an edit of what is there.
        let (edited, _) = Fixture.press(form, [.tab, .backspace] + Fixture.chars("0"))
        #expect(edited.form?[.date] == String(before.dropLast()) + "0")
    }

    /// Esc on a form with something typed asks first; a second Esc drops it, any other key goes on.
    @Test func escapeAsksBeforeDroppingTypedWork() {
        let (untouched, _) = Fixture.press(Fixture.state(), [.char("3"), .enter, .char("u"), .escape])
        #expect(untouched.form == nil, "nothing typed: Esc closes at once")
        let (typed, _) = Fixture.press(Fixture.state(), [.char("3"), .enter, .char("u")] + Fixture.chars("125"))
        let (asked, _) = Fixture.press(typed, [.escape])
        #expect(asked.form != nil)
        #expect(asked.form?.warning?.contains("再按 Esc 放弃") == true, "\(asked.form?.warning ?? "")")
        let (dropped, _) = Fixture.press(asked, [.escape])
        #expect(dropped.form == nil)
        let (kept, _) = Fixture.press(asked, [.tab])
        #expect(kept.form?[.value] == "125" && kept.form?.warning == nil)
    }

    /// 进展情况 wraps over up to three rows instead of scrolling sideways.
    @Test func aLongNarrativeWraps() {
        let long = String(repeating: "完成设备摸排并建立台账", count: 6) + "尾声"
        let (state, _) = Fixture.press(
            Fixture.state(.zh, width: 80, height: 24),
            [.char("3"), .enter, .char("u")] + Fixture.chars("125") + [.tab, .tab] + Fixture.chars(long))
        #expect(state.form?.field == .progress)
        let lines = Renderer.render(state).lines
        let rows = lines.filter { $0.contains("完成设备摸排") }
        #expect(rows.count >= 2, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("尾声") }, "the end, where the cursor is, shows")
    }
}
