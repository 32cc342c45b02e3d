import RenewalModel
import Testing

@testable import RenewalUI

/// Issue 13: colours follow the lights of DESIGN §4; without colour, every status still differs.
@Suite("Theme")
struct ThemeTests {
    @Test func statusColoursAreTheLights() {
        let theme = Theme(color: true)
        let expected: [Status: Color] = [
            .overdue: .red, .severelyBehind: .red, .behind: .yellow, .dueSoon: .blue, .onTrack: .green,
            .ongoing: .green,
            .done: .green, .doneLate: .green, .noReport: .magenta, .baselineMissing: .magenta, .notStarted: .gray,
        ]
        for status in Status.allCases { #expect(theme.style(for: status).color == expected[status], "\(status)") }
        #expect(theme.style(for: .overdue) != theme.style(for: .severelyBehind), "逾期 stands out within red")
        #expect(theme.chrome.color == .normal, "borders in the terminal's own colour")
    }

    @Test func withoutColourTheMarksAndAttributesStillTellStatusesApart() {
        let marks = Set(Status.allCases.map { Theme(color: false).mark($0) })
        #expect(marks.count == Status.allCases.count)
        #expect(Set(Status.allCases.map { Theme(color: false, ascii: true).mark($0) }).count == Status.allCases.count)
    }
}
