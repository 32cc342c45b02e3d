import RenewalModel
import Testing

@testable import RenewalUI

/// The one list every view scrolls with.
@Suite("List widget")
struct ListWidgetTests {
    static func draw(count: Int, selected: Int?, height: Int) -> (Grid, [Int]) {
        var painter = Painter(width: 30, height: height, theme: Theme(color: false))
        var drawn: [Int] = []
        ListWidget(count: count, selected: selected, top: 0, height: height, width: 30).draw(&painter) {
            line, painter in
            drawn.append(line.index)
            painter.text("row \(line.index)", x: 1, y: line.y, width: 10, style: line.base)
        }
        return (painter.grid, drawn)
    }

    @Test func aShortListDrawsEveryLineAndSaysNothingMore() {
        let (grid, drawn) = Self.draw(count: 3, selected: 1, height: 5)
        #expect(drawn == [0, 1, 2])
        #expect(!grid.lines.joined().contains("+"))
        #expect(grid[0, 1].style.reverse, "the selected line is highlighted across the screen")
        #expect(!grid[0, 0].style.reverse)
    }

    @Test func aLongListKeepsTheSelectionInViewAndCountsWhatFollows() {
        let (grid, drawn) = Self.draw(count: 50, selected: 20, height: 6)
        #expect(drawn.contains(20))
        #expect(drawn.count == 5, "the last row is kept for +N")
        let hidden = 50 - (drawn.last ?? 0) - 1
        #expect(grid.lines.last?.contains("+\(hidden)") == true, "\(grid.lines)")
        #expect(grid.lines.last?.contains("row") == false, "+N covers no line")
        let (end, atEnd) = Self.draw(count: 50, selected: 49, height: 6)
        #expect(atEnd.last == 49)
        #expect(!end.lines.joined().contains("+"), "nothing follows the last line")
    }

    @Test func withoutASelectionNothingIsHighlighted() {
        let (grid, _) = Self.draw(count: 3, selected: nil, height: 5)
        #expect((0..<3).allSatisfy { !grid[0, $0].style.reverse })
    }
}
