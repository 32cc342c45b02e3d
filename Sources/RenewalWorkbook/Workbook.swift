import RenewalModel

/// A workbook as values: sheets of typed cells with their styles, what is frozen, printed and
/// protected, and the drop-downs. Built by the bulletin and the return form without touching C;
/// `XLSXFile` writes it with libxlsxwriter.
public struct Workbook: Sendable, Equatable {
    public var sheets: [Sheet]

    public init(sheets: [Sheet]) { self.sheets = sheets }
}

/// One worksheet.
public struct Sheet: Sendable, Equatable {
    /// Shown on the tab (at most 31 characters, none of `[]:*?/\`; `XLSXFile` makes it so).
    public var name: String
    /// Rows from the top, cells from the left.
    public var rows: [[Cell]]
    /// Column widths in characters (a Chinese character counts two).
    public var columnWidths: [Double]
    /// Rows kept in view when scrolling (the title and the header).
    public var frozenRows: Int
    /// The header row, repeated at the top of every printed page.
    public var headerRow: Int?
    /// A4 landscape when printed (else A4 portrait).
    public var landscape: Bool
    /// Locked cells cannot be changed (no password): only cells styled `unlocked` take input.
    public var protected: Bool
    public var validations: [Validation]
    /// Cells merged across columns on one row: (row, first column, last column).
    public var merges: [Merge]

    public struct Merge: Sendable, Equatable {
        public var row: Int
        public var firstColumn: Int
        public var lastColumn: Int

        public init(row: Int, firstColumn: Int, lastColumn: Int) {
            self.row = row
            self.firstColumn = firstColumn
            self.lastColumn = lastColumn
        }
    }

    public init(
        name: String, rows: [[Cell]], columnWidths: [Double] = [], frozenRows: Int = 0, headerRow: Int? = nil,
        landscape: Bool = true, protected: Bool = false, validations: [Validation] = [], merges: [Merge] = []
    ) {
        self.name = name
        self.rows = rows
        self.columnWidths = columnWidths
        self.frozenRows = frozenRows
        self.headerRow = headerRow
        self.landscape = landscape
        self.protected = protected
        self.validations = validations
        self.merges = merges
    }
}

/// A cell: its value and how it looks.
public struct Cell: Sendable, Equatable {
    public var value: Value
    public var style: CellStyle

    public enum Value: Sendable, Equatable {
        case empty
        case text(String)
        case number(Double)
        /// A date, written as a date (a serial number formatted `yyyy-mm-dd`), not as text.
        case date(Day)
    }

    public init(_ value: Value, _ style: CellStyle = CellStyle()) {
        self.value = value
        self.style = style
    }

    public static func text(_ text: String, _ style: CellStyle = CellStyle()) -> Cell { Cell(.text(text), style) }

    /// A number, or an empty cell when there is none.
    public static func number(_ value: Double?, _ style: CellStyle = CellStyle()) -> Cell {
        Cell(value.map { .number($0) } ?? .empty, style)
    }

    /// A date from its text (YYYY-MM-DD), or the text itself when it is not one.
    public static func date(_ text: String?, _ style: CellStyle = CellStyle()) -> Cell {
        guard let text, !text.isEmpty else { return Cell(.empty, style) }
        return Day(text).map { Cell(.date($0), style) } ?? Cell(.text(text), style)
    }
}

/// How a cell looks. Styles are values; the writer makes one format per distinct style.
public struct CellStyle: Sendable, Hashable {
    public var bold = false
    /// Font size in points (nil: the workbook's default, 11).
    public var size: Double?
    /// Background fill, 0xRRGGBB.
    public var fill: UInt32?
    /// A thin border all round (tables).
    public var border = false
    public var wrap = false
    /// A cell that takes input on a protected sheet.
    public var unlocked = false
    /// Excel's number format ("0.00", "yyyy-mm-dd"); dates get `yyyy-mm-dd` when none is said.
    public var numberFormat: String?

    public init(
        bold: Bool = false, size: Double? = nil, fill: UInt32? = nil, border: Bool = false, wrap: Bool = false,
        unlocked: Bool = false, numberFormat: String? = nil
    ) {
        self.bold = bold
        self.size = size
        self.fill = fill
        self.border = border
        self.wrap = wrap
        self.unlocked = unlocked
        self.numberFormat = numberFormat
    }

    /// The fill of a light (DESIGN §4 亮灯), in tints that keep black text and the status's mark
    /// readable, on screen and printed.
    public static func fill(_ light: Light) -> UInt32 {
        switch light {
        case .red: return 0xF4B6B6
        case .yellow: return 0xFFE699
        case .blue: return 0x9DC3E6
        case .green: return 0xA9D08E
        case .purple: return 0xD5B4E8
        case .gray: return 0xD9D9D9
        }
    }
}

/// A rule on what a cell takes, with a drop-down for lists.
public struct Validation: Sendable, Equatable {
    public var firstRow: Int
    public var lastRow: Int
    public var column: Int
    public var rule: Rule
    /// Shown when the rule is broken.
    public var message: String

    public enum Rule: Sendable, Equatable {
        /// One of these (a drop-down).
        case list([String])
        /// Any decimal number, at least this.
        case decimal(minimum: Double)
        /// A date (from 1900 to 9999).
        case date
    }

    public init(firstRow: Int, lastRow: Int, column: Int, rule: Rule, message: String) {
        self.firstRow = firstRow
        self.lastRow = lastRow
        self.column = column
        self.rule = rule
        self.message = message
    }
}
