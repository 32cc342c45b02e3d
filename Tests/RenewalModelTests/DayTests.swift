import RenewalModel
import Testing

@Suite("Day")
struct DayTests {
    @Test func parsesIsoAndSpreadsheetForms() {
        #expect(Day("2025-12-31")?.description == "2025-12-31")
        #expect(Day("2025/1/5")?.description == "2025-01-05")
        #expect(Day(" 2025.06.30 ")?.description == "2025-06-30")
    }

    @Test(arguments: [
        "2025-02-29", "2025-13-01", "2025-00-10", "20251231", "25-12-31", "2025-12-31x", "", "2025-1-", "二〇二五-01-01",
    ])
    func rejectsWhatIsNotADate(_ text: String) {
        #expect(Day(text) == nil)
    }

    @Test func leapYears() {
        #expect(Day("2024-02-29") != nil)
        #expect(Day("1900-02-29") == nil)
        #expect(Day("2000-02-29") != nil)
        #expect(Day.daysIn(year: 2024) == 366)
    }

    @Test func ordinalsRoundTripAndCountDays() {
        let day = Day("2024-04-08")!
        #expect(Day(ordinal: day.ordinal) == day)
        #expect(Day("1970-01-01")!.ordinal == 0)
        #expect(Day("2024-12-31")!.days(to: Day("2025-12-31")!) == 365)
        #expect(day.adding(days: 365).description == "2025-04-08")
        for offset in stride(from: -1000, through: 40000, by: 37) {
            #expect(Day(ordinal: offset).ordinal == offset)
        }
    }

    @Test func ordering() {
        #expect(Day("2025-01-31")! < Day("2025-02-01")!)
        #expect(Day("2024-12-31")! < Day("2025-01-01")!)
    }
}

@Suite("Safe numbers")
struct SafeNumberTests {
    @Test(arguments: [
        (1e19, 1_000_000_000_000_000), (-1e300, -1_000_000_000_000_000), (Double.nan, 0),
        (Double.infinity, 1_000_000_000_000_000),
        (2.5, 3), (-2.4, -2),
    ])
    func conversionsNeverTrap(_ value: Double, _ expected: Int) {
        #expect(Int(saturating: value) == expected)
    }

    @Test func textForAnyFigure() {
        // Clamped at 10^15 rather than trapping (a figure only SQL from outside could store).
        #expect(NumberText.percent(1e17) == "1000000000000000%")
        #expect(NumberText.percent(.nan) == "-")
        #expect(LagText.phrase(-1e300, .zh).contains("快于序时进度"))
        #expect(NumberText.format(1e19) == "1e+19")
    }
}

@Suite("Flags as of a date")
struct FlagDateTests {
    let flag = SupervisionFlag(
        id: "1", itemId: "M02-1", note: "请说明", flaggedBy: "专班", flaggedAt: "2026-11-20T15:00:00+08:00",
        clearedBy: "专班", clearedAt: "2026-12-10T09:00:00+08:00")

    @Test(arguments: [
        ("2026-11-19", false), ("2026-11-20", true), ("2026-11-21", true),
        ("2026-12-09", true), ("2026-12-10", false), ("2026-12-11", false),
    ])
    func aFlagIsOpenFromTheDayItIsRaisedUntilTheDayItIsCleared(_ day: String, _ open: Bool) throws {
        #expect(flag.isOpen(on: try #require(Day(day))) == open)
    }

    @Test func anOpenFlagStaysOpenAndAnUnreadableDateCountsAsRaised() throws {
        var open = flag
        open.clearedAt = nil
        #expect(open.isOpen(on: try #require(Day("2030-01-01"))))
        open.flaggedAt = "yesterday"
        #expect(open.isOpen(on: try #require(Day("2024-05-01"))))
        #expect([flag, open].open(on: try #require(Day("2026-11-19"))).map(\.flaggedAt) == ["yesterday"])
    }
}

@Suite("No reply by the follow-up date")
struct FollowUpTests {
    @Test func aFlagUnansweredPastItsReplyDateIsMarked() throws {
        let plan = TestPlan.with([TestPlan.quantitative(deadline: "2027-12-31")])
        let flag = SupervisionFlag(
            id: "1", itemId: "M01-1", note: "请说明", flaggedBy: "专班", flaggedAt: "2026-11-20T15:00:00+08:00",
            followUp: "2026-12-10")
        let earlier = [TestPlan.entry("M01-1", "2026-10-31", 40)]
        func markers(_ entries: [ProgressEntry], _ day: String) -> [Marker] {
            StatusEngine(plan: plan).evaluate(entries: entries, flags: [flag], asOf: TestPlan.day(day)).target("M01-1")?
                .markers ?? []
        }
        #expect(!markers(earlier, "2026-12-10").contains(.followUpOverdue))  // the reply date itself
        #expect(markers(earlier, "2026-12-11").contains(.followUpOverdue))  // the day after
        #expect(markers(earlier, "2026-12-11").contains(.flagged))
        // An entry since the flag was raised is the reply.
        let answered = earlier + [TestPlan.entry("M01-1", "2026-11-30", 45)]
        #expect(!markers(answered, "2026-12-11").contains(.followUpOverdue))
        // A cleared flag asks nothing.
        var cleared = flag
        cleared.clearedAt = "2026-12-01T09:00:00+08:00"
        let evaluation = StatusEngine(plan: plan).evaluate(
            entries: earlier, flags: [cleared], asOf: TestPlan.day("2026-12-11"))
        #expect(evaluation.target("M01-1")?.markers == [.noCurrentReport])
    }
}
