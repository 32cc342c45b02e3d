import RenewalModel
import RenewalReports
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

    /// Issue 13: in `--ascii` a mark never reuses a bar's or sparkline's character, nor a digit
    /// (the header writes `%1`, not `01`).
    @Test func asciiMarksNeverReuseBarCharactersOrDigits() {
        let theme = Theme(color: false, ascii: true)
        var barCharacters = Set(Status.allCases.map { StatusBar.fill(for: $0) })
        barCharacters.formUnion(Sparkline.ascii)
        barCharacters.formUnion([theme.barFull, theme.barEmpty])
        for status in Status.allCases {
            let mark = theme.mark(status)
            let isASCII = mark.unicodeScalars.allSatisfy { $0.isASCII }
            let hasDigit = mark.contains { $0.isNumber }
            #expect(mark.count == 1 && isASCII, "\(status): \(mark)")
            #expect(!barCharacters.contains(Character(mark)), "\(status)'s mark \(mark) is also a bar character")
            #expect(!hasDigit, "\(status)'s mark \(mark) reads as a digit")
        }
    }

    /// Issue 13: `?` explains every mark, every bar character (without colour) and every colour
    /// (with it), and the thresholds.
    @Test(arguments: [(true, false), (false, false), (false, true)])
    func theHelpScreenIsALegend(_ color: Bool, _ ascii: Bool) {
        var (state, _) = Fixture.press(
            Fixture.state(.zh, width: 100, height: 200, color: color, ascii: ascii), [.char("?")])
        state.height = 200
        let text = Renderer.render(state).lines.joined(separator: "\n")
        for status in Status.allCases {
            #expect(text.contains(state.theme.mark(status) + " " + status.label(.zh)), "\(status)")
        }
        if color {
            for light in Light.allCases { #expect(text.contains("█ " + light.label(.zh)), "\(light)") }
        } else {
            for status in Status.allCases {
                let fill = String(repeating: StatusBar.fill(for: status, unicode: !ascii), count: 3)
                #expect(text.contains(fill), "\(status): \(fill)")
            }
        }
        for threshold in ["10 个百分点", "30 天", "10 日前"] { #expect(text.contains(threshold), "\(threshold)") }
    }
}
