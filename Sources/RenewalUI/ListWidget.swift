import RenewalText

/// The one scrolling list of the dashboard: which lines fit, the selected line kept in view and
/// highlighted across the screen, and "+N" on a row of its own below them when more follow. Views
/// say only what a line shows.
struct ListWidget {
    /// How many lines the list has (selectable or not).
    var count: Int
    /// The highlighted line, if any (nil: nothing highlighted, e.g. while typing a search); a
    /// selection past the end (the list got shorter) highlights the last line.
    var selected: Int? {
        didSet { selected = selected.map { min(max(0, $0), max(0, count - 1)) } }
    }

    init(count: Int, selected: Int?, top: Int, height: Int, width: Int) {
        self.count = count
        self.selected = selected.map { min(max(0, $0), max(0, count - 1)) }
        self.top = top
        self.height = height
        self.width = width
    }
    /// The screen rows the list may use.
    var top: Int
    var height: Int
    var width: Int

    /// How one line is drawn: where, and with which base styles.
    struct Line {
        var index: Int
        var y: Int
        var isSelected: Bool
        let theme: Theme

        /// Plain text on this line (reversed when selected).
        var base: Style { isSelected ? theme.selected : .plain }
        /// Secondary text: muted, unless the line is selected.
        var muted: Style { isSelected ? theme.selected : theme.muted }
        /// A status's style, inverted on the selected line so it stays readable.
        func status(_ style: Style) -> Style {
            var style = style
            if isSelected { style.reverse = !style.reverse }
            return style
        }
    }

    /// Rows for lines: the whole height, or one fewer when the list is longer than that, so the
    /// last row can say `+N` without covering a line's last column.
    var lineRows: Int { count > height ? max(1, height - 1) : height }

    /// The first line shown: the selected one stays in view, centred when the list scrolls.
    var first: Int { firstVisible(selected: selected ?? 0, count: count, height: lineRows) }

    /// The lines on screen.
    var visible: Range<Int> { first..<max(first, min(count, first + lineRows)) }

    func draw(_ painter: inout Painter, line draw: (Line, inout Painter) -> Void) {
        guard height > 0, count > 0 else { return }
        let first = self.first
        for index in visible {
            let y = top + index - first
            let isSelected = index == selected
            if isSelected { painter.grid.fill(" ", x: 0, y: y, width: width, style: painter.theme.selected) }
            draw(Line(index: index, y: y, isSelected: isSelected, theme: painter.theme), &painter)
        }
        let hidden = count - visible.upperBound
        if hidden > 0 {
            let more = " +\(hidden) "
            let moreWidth = DisplayWidth.of(more)
            painter.text(
                more, x: width - moreWidth - 1, y: top + height - 1, width: moreWidth, style: painter.theme.accent)
        }
    }
}
