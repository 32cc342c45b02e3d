import RenewalModel

/// How statuses and chrome look: in colour, or (NO_COLOR, monochrome) with attributes only;
/// with Unicode borders and bars, or ASCII ones for terminals that draw ambiguous-width
/// characters double (DESIGN §5).
public struct Theme: Sendable, Equatable {
    public var color: Bool
    public var ascii: Bool

    public init(color: Bool = true, ascii: Bool = false) {
        self.color = color
        self.ascii = ascii
    }

    public func style(for status: Status) -> Style {
        if color {
            switch status {
            case .done, .doneLate: return Style(color: .green)
            case .onTrack, .ongoing: return Style(color: .cyan)
            case .behind: return Style(color: .yellow)
            case .dueSoon: return Style(color: .blue, bold: true)
            case .severelyBehind: return Style(color: .magenta, bold: true)
            case .overdue: return Style(color: .red, bold: true)
            case .noReport, .baselineMissing, .notStarted: return Style(color: .gray)
            }
        }
        switch status {
        case .overdue: return Style(bold: true, reverse: true)
        case .severelyBehind: return Style(bold: true, underline: true)
        case .behind, .dueSoon: return Style(underline: true)
        case .done, .doneLate: return Style(bold: true)
        case .noReport, .baselineMissing, .notStarted: return Style(dim: true)
        case .onTrack, .ongoing: return .plain
        }
    }

    public func mark(_ status: Status) -> String { ascii ? status.asciiMark : status.mark }

    public var selected: Style { Style(reverse: true) }
    public var title: Style { Style(bold: true) }
    public var chrome: Style { color ? Style(color: .blue) : .plain }
    public var accent: Style { color ? Style(color: .yellow, bold: true) : Style(bold: true) }
    public var muted: Style { color ? Style(color: .gray) : Style(dim: true) }
    public var error: Style { color ? Style(color: .red, bold: true) : Style(bold: true, reverse: true) }
    public var sample: Style {
        color ? Style(color: .yellow, bold: true, reverse: true) : Style(bold: true, reverse: true)
    }

    // Box and bar glyphs.
    public var horizontal: String { ascii ? "-" : "─" }
    public var vertical: String { ascii ? "|" : "│" }
    public var topLeft: String { ascii ? "+" : "┌" }
    public var topRight: String { ascii ? "+" : "┐" }
    public var bottomLeft: String { ascii ? "+" : "└" }
    public var bottomRight: String { ascii ? "+" : "┘" }
    public var barFull: Character { ascii ? "#" : "█" }
    public var barEmpty: Character { ascii ? "." : "░" }
    public var separator: String { ascii ? ">" : "›" }
}
