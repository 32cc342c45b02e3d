import Testing
import RenewalModel

@Suite("Day")
struct DayTests {
    @Test func parsesIsoAndSpreadsheetForms() {
        #expect(Day("2025-12-31")?.description == "2025-12-31")
        #expect(Day("2025/1/5")?.description == "2025-01-05")
        #expect(Day(" 2025.06.30 ")?.description == "2025-06-30")
    }

    @Test(arguments: ["2025-02-29", "2025-13-01", "2025-00-10", "20251231", "25-12-31", "2025-12-31x", "", "2025-1-", "二〇二五-01-01"])
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
    @Test(arguments: [(1e19, 1_000_000_000_000_000), (-1e300, -1_000_000_000_000_000), (Double.nan, 0), (Double.infinity, 1_000_000_000_000_000),
                      (2.5, 3), (-2.4, -2)])
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
