import RenewalModel
import RenewalReports
import RenewalText

/// Drawing helpers over a grid: boxes, bars, padded text, styled spans.
struct Painter {
    var grid: Grid
    let theme: Theme

    init(width: Int, height: Int, theme: Theme) {
        grid = Grid(width: width, height: height)
        self.theme = theme
    }

    /// Text clipped to a width; returns columns used.
    @discardableResult
    mutating func text(_ text: String, x: Int, y: Int, width: Int, style: Style = .plain) -> Int {
        grid.put(
            TextLayout.truncate(text, to: width, ellipsis: DisplayWidth.of(text) > width && width > 8), x: x, y: y,
            style: style, maxWidth: width)
    }

    /// A sequence of styled spans on one line, clipped to `width`.
    mutating func spans(_ spans: [(String, Style)], x: Int, y: Int, width: Int) {
        var column = x
        for (text, style) in spans {
            let room = x + width - column
            if room <= 0 { break }
            column += grid.put(text, x: column, y: y, style: style, maxWidth: room)
        }
    }

    /// Styled spans cut into lines of at most `width` columns, a wide character never split.
    static func wrap(_ spans: [(String, Style)], width: Int) -> [[(String, Style)]] {
        guard width > 1 else { return [spans] }
        var lines: [[(String, Style)]] = [[]]
        var used = 0
        for (text, style) in spans {
            var piece = ""
            for character in text {
                let cells = DisplayWidth.of(String(character))
                if used + cells > width {
                    lines[lines.count - 1].append((piece, style))
                    lines.append([])
                    piece = ""
                    used = 0
                }
                piece.append(character)
                used += cells
            }
            lines[lines.count - 1].append((piece, style))
        }
        return lines
    }

    /// A box with a title in its top border.
    mutating func box(x: Int, y: Int, width: Int, height: Int, title: String, style: Style, titleStyle: Style) {
        guard width >= 2, height >= 2 else { return }
        let h = theme.horizontal
        grid.put(
            theme.topLeft + String(repeating: h, count: width - 2) + theme.topRight, x: x, y: y, style: style,
            maxWidth: width)
        for row in 1..<(height - 1) {
            grid.put(theme.vertical, x: x, y: y + row, style: style)
            grid.put(theme.vertical, x: x + width - 1, y: y + row, style: style)
        }
        grid.put(
            theme.bottomLeft + String(repeating: h, count: width - 2) + theme.bottomRight, x: x, y: y + height - 1,
            style: style, maxWidth: width)
        if width > 6 {
            let label =
                " " + TextLayout.truncate(title, to: width - 6, ellipsis: DisplayWidth.of(title) > width - 6) + " "
            grid.put(label, x: x + 2, y: y, style: titleStyle, maxWidth: width - 4)
        }
    }

    /// A stacked status bar in the statuses' colours, cut as the reports cut theirs
    /// (`StatusBar.segments`).
    mutating func statusBar(_ counts: StatusCounts, x: Int, y: Int, width: Int) {
        guard width > 0 else { return }
        guard counts.total > 0 else {
            grid.fill(theme.barEmpty, x: x, y: y, width: width, style: theme.muted)
            return
        }
        // In colour, solid blocks coloured by light (btop's meters): `=!~` in colour read as noise.
        // Without colour, or in ASCII, each status keeps its own character: it is the only signal.
        let solid = theme.color && !theme.ascii
        var column = x
        for (status, n) in StatusBar.segments(counts, width: width) {
            let fill = solid ? "█" : StatusBar.fill(for: status, unicode: !theme.ascii)
            grid.fill(fill, x: column, y: y, width: n, style: theme.style(for: status))
            column += n
        }
    }

    /// A progress bar `███░░ 60%`-style, fraction clamped to 0…1 for the fill.
    mutating func progressBar(_ fraction: Double?, x: Int, y: Int, width: Int, style: Style) {
        guard width > 0 else { return }
        guard let fraction, fraction.isFinite else {
            grid.fill(theme.barEmpty, x: x, y: y, width: width, style: theme.muted)
            return
        }
        let filled = ProgressBar.filledCells(fraction, width: width)
        grid.fill(theme.barFull, x: x, y: y, width: filled, style: style)
        grid.fill(theme.barEmpty, x: x + filled, y: y, width: width - filled, style: theme.muted)
    }
}
