import Testing

@testable import RenewalModel

/// The 督办台账's state of a flag at its boundary days (DESIGN §5, issue 21 item 12).
@Suite("Flag states")
struct FlagStateTests {
    func flag(followUp: String? = "2026-12-10", replies: [String] = [], cleared: String? = nil) -> SupervisionFlag {
        var flag = SupervisionFlag(
            id: "1", itemId: "M02-2", note: "请说明", flaggedBy: "专班", flaggedAt: "2026-11-20T09:00:00+08:00",
            followUp: followUp, clearedAt: cleared)
        flag.replies = replies.isEmpty ? nil : replies.map { FlagNote(note: "已整改", by: "市工业和信息化局", at: $0) }
        return flag
    }

    func day(_ text: String) -> Day { Day(text)! }

    @Test func awaitedUntilTheFollowUpDayThenPastDue() {
        #expect(FlagState.of(flag(), on: day("2026-12-09")) == .awaitingReply)
        #expect(FlagState.of(flag(), on: day("2026-12-10")) == .awaitingReply)  // the day itself is in time
        #expect(FlagState.of(flag(), on: day("2026-12-11")) == .noReplyPastDue(days: 1))
        #expect(FlagState.of(flag(), on: day("2026-12-20")).label(.zh) == "超期未反馈 10 天")
    }

    @Test func aReplyOnTimeOrLateStaysOnRecord() {
        let onTime = flag(replies: ["2026-12-10T17:00:00+08:00"])
        #expect(FlagState.of(onTime, on: day("2026-12-20")) == .replied)
        let late = flag(replies: ["2026-12-13T10:00:00+08:00"])
        #expect(FlagState.of(late, on: day("2026-12-12")) == .noReplyPastDue(days: 2))
        #expect(FlagState.of(late, on: day("2026-12-13")) == .repliedLate(days: 3))
        #expect(FlagState.of(late, on: day("2027-01-31")).label(.zh) == "逾期反馈（超期 3 天）")
        // A report on the item answers as a reply does.
        #expect(FlagState.of(flag(), on: day("2026-12-20"), answeredOn: day("2026-11-30")) == .replied)
    }

    @Test func withoutAFollowUpDayAndClosed() {
        #expect(FlagState.of(flag(followUp: nil), on: day("2027-06-30")) == .awaitingReply)
        #expect(FlagState.of(flag(cleared: "2026-12-15T09:00:00+08:00"), on: day("2026-12-14")) != .closed)
        #expect(FlagState.of(flag(cleared: "2026-12-15T09:00:00+08:00"), on: day("2026-12-15")) == .closed)
        #expect(FlagState.of(flag(), on: day("2026-12-20")).label(.en) == "no reply, 10 days past due")
    }
}
