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
            // The lights (亮灯) of DESIGN §4, on the terminal's own background: 红 黄 蓝 绿 紫 灰; within a
            // light the mark tells statuses apart (逾期 bold, 严重滞后 plain red).
            switch status.light {
            case .red: return Style(color: .red, bold: status == .overdue)
            case .yellow: return Style(color: .yellow)
            case .blue: return Style(color: .blue, bold: true)
            case .green: return Style(color: .green, bold: status == .done || status == .doneLate)
            case .purple: return Style(color: .magenta)
            case .gray: return Style(color: .gray)
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
    /// Borders in the terminal's own colour: dark blue vanished on 8-colour dark terminals.
    public var chrome: Style { .plain }
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
