import RenewalText

/// Colours the dashboard uses; `.normal` is the terminal's own foreground on its own background.
public enum Color: UInt8, Sendable, Hashable, CaseIterable {
    case normal, red, green, yellow, blue, magenta, cyan, gray
}

/// How a cell looks. Colour is never the only signal: marks and attributes carry status too.
public struct Style: Sendable, Hashable {
    public var color: Color
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(
        color: Color = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false
    ) {
        self.color = color
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let reverse = Style(reverse: true)
    public static let dim = Style(dim: true)
}

/// One terminal cell: a grapheme, or "" for the right half of a wide character.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var style: Style

    public static let blank = Cell(text: " ", style: .plain)
}

/// An in-memory screen: widgets draw here, never on the terminal; the terminal layer diffs
/// two grids and writes only what changed (the ratatui model).
public struct Grid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// ASCII stand-ins for the one-column characters a CJK terminal may draw two columns wide
    /// (East Asian "ambiguous": quotes and dashes in the plan's text, arrows, ‹ ›, …).
    static let asciiStandIns: [Character: Character] = [
        "“": "\"", "”": "\"", "‘": "'", "’": "'", "–": "-", "—": "-", "…": ".", "·": ".", "×": "x", "÷": "/",
        "→": ">", "←": "<", "↑": "^", "↓": "v", "‹": "<", "›": ">", "°": "o",
    ]

    /// `--ascii`: every one-column character that is not ASCII becomes an ASCII stand-in (`?` for
    /// one without), so nothing on screen depends on how the terminal sizes ambiguous characters.
    /// Wide characters (Chinese) stay: their width is never in doubt.
    public mutating func makeASCII() {
        for index in cells.indices {
            guard let character = cells[index].text.first, cells[index].text.count == 1, !character.isASCII,
                DisplayWidth.of(cells[index].text) == 1
            else { continue }
            cells[index].text = String(Grid.asciiStandIns[character] ?? "?")
        }
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes text from (x, y), clipped to `maxWidth` columns (and the grid). A wide character
    /// that would straddle the edge is replaced by a space. Returns the columns written.
    @discardableResult
    public mutating func put(_ raw: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        // Every string reaches the screen here: control characters from the store (a note with
        // ESC or BEL) are shown as ^[ and ^G, never sent to the terminal (DESIGN §5).
        let text = ControlCharacters.visible(raw)
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        for character in text {
            let w = DisplayWidth.of(character)
            if w == 0 {
                // A combining mark joins the previous cell.
                if column > x, column - 1 < width, column - 1 >= 0 {
                    var previous = self[column - 1, y]
                    if previous.text.isEmpty, column - 2 >= 0 {
                        previous = self[column - 2, y]
                        previous.text.append(character)
                        self[column - 2, y] = previous
                    } else {
                        previous.text.append(character)
                        self[column - 1, y] = previous
                    }
                }
                continue
            }
            if column + w > limit {
                if column < limit, column >= 0 { self[column, y] = Cell(text: " ", style: style) }
                column = limit
                break
            }
            if column >= 0 {
                // Never leave half of a wide character behind when overwriting.
                clearWide(at: column, y: y)
                if w == 2 { clearWide(at: column + 1, y: y) }
                self[column, y] = Cell(text: String(character), style: style)
                if w == 2 { self[column + 1, y] = Cell(text: "", style: style) }
            }
            column += w
        }
        return max(0, column - x)
    }

    /// Fills a run of cells with one character and style.
    public mutating func fill(_ character: Character = " ", x: Int, y: Int, width count: Int, style: Style = .plain) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, x + count) {
            clearWide(at: column, y: y)
            self[column, y] = Cell(text: String(character), style: style)
        }
    }

    private mutating func clearWide(at column: Int, y: Int) {
        guard column >= 0, column < width else { return }
        if self[column, y].text.isEmpty, column > 0 {
            self[column - 1, y] = Cell(text: " ", style: self[column - 1, y].style)
        } else if column + 1 < width, self[column + 1, y].text.isEmpty, DisplayWidth.of(self[column, y].text) == 2 {
            self[column + 1, y] = Cell(text: " ", style: self[column + 1, y].style)
        }
    }

    /// The text of each row, exactly `width` columns wide.
    public var lines: [String] {
        (0..<height).map { y in (0..<width).map { self[$0, y].text }.joined() }
    }

    /// Runs of equal style on a row: (first column, length, style).
    public func styleRuns(row y: Int) -> [(x: Int, length: Int, style: Style)] {
        var runs: [(x: Int, length: Int, style: Style)] = []
        for x in 0..<width {
            let style = self[x, y].style
            if let last = runs.last, last.style == style, last.x + last.length == x {
                runs[runs.count - 1].length += 1
            } else {
                runs.append((x, 1, style))
            }
        }
        return runs
    }

    /// The grid as text with ANSI SGR colours (for `renewal snapshot --color`).
    public func ansi() -> String {
        var out = ""
        for y in 0..<height {
            var current = Style.plain
            for x in 0..<width {
                let cell = self[x, y]
                if cell.style != current {
                    out += "\u{1B}[0m" + Grid.sgr(cell.style)
                    current = cell.style
                }
                out += cell.text
            }
            out += "\u{1B}[0m\n"
        }
        return out
    }

    static func sgr(_ style: Style) -> String {
        var codes: [String] = []
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        switch style.color {
        case .normal: break
        case .red: codes.append("31")
        case .green: codes.append("32")
        case .yellow: codes.append("33")
        case .blue: codes.append("34")
        case .magenta: codes.append("35")
        case .cyan: codes.append("36")
        case .gray: codes.append("90")
        }
        return codes.isEmpty ? "" : "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
