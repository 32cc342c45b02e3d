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

    /// Issue 13: in colour the stacked bars are solid blocks in their lights; without colour or in
    /// ASCII each status keeps its own fill character.
    @Test func stackedBarsAreSolidInColourAndDistinctWithout() {
        let counts = StatusCounts([.done, .onTrack, .behind, .overdue, .noReport])
        for (theme, solid) in [
            (Theme(color: true), true), (Theme(color: false), false), (Theme(color: true, ascii: true), false),
        ] {
            var painter = Painter(width: 20, height: 1, theme: theme)
            painter.statusBar(counts, x: 0, y: 0, width: 20)
            let text = painter.grid.lines[0]
            if solid {
                #expect(text == String(repeating: "█", count: 20))
                #expect(
                    Set((0..<20).map { painter.grid[$0, 0].style.color }).count == 4,
                    "red, yellow, green (done and on track), purple")
            } else {
                #expect(text.contains("!") && text.contains("~") && text.contains("."), "\(text)")
            }
        }
    }
}
