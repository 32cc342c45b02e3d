/// The status of a target, measure or year as of a date (DESIGN §4).
///
/// Cases are declared from best to worst; `severity` orders them for roll-ups
/// ("a measure takes the worst status of its targets") and for worst-first lists.
public enum Status: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    /// 未启动: the as-of date is before the plan's start (or its first return). Least severe: a
    /// measure with one target done and one not started is not "not started" (DESIGN §4 roll-up).
    case notStarted
    /// 已完成: the comparator is met (on time).
    case done
    /// 逾期完成: met after the deadline.
    case doneLate
    /// 持续推进: a milestone or narrative measure with no deadline, reported recently.
    case ongoing
    /// 按序时推进: lag within the on-track threshold.
    case onTrack
    /// 基数缺失: a relative target whose baseline figure has not been entered.
    case baselineMissing
    /// 未报送: nothing has been reported.
    case noReport
    /// 临期未完成: the deadline is within the due-soon window and the goal is not met.
    case dueSoon
    /// 进度滞后: lag past the on-track threshold.
    case behind
    /// 严重滞后: lag past the severe threshold.
    case severelyBehind
    /// 逾期未完成: the deadline passed without the comparator being met.
    case overdue

    /// Higher is worse.
    public var severity: Int { Status.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Status, rhs: Status) -> Bool { lhs.severity < rhs.severity }

    /// Statuses that go on the overdue list and in the bulletin's 逾期/滞后 section (临期未完成
    /// last: not late yet, but it will be within the month).
    public var isOverdueOrLagging: Bool {
        self == .overdue || self == .severelyBehind || self == .behind || self == .dueSoon
    }

    /// Finished items are never shown as overdue.
    public var isFinished: Bool { self == .done || self == .doneLate }

    /// Worst first, as lists show them.
    public static let worstFirst: [Status] = allCases.reversed()

    /// Everything a status is shown with, in one table: a status added to the enum is given its
    /// words, marks, light and bar cell here, once (the compiler asks for it).
    public var facets: StatusFacets {
        switch self {
        case .done: return StatusFacets("已完成", "done", mark: "✔", ascii: "V", light: .green, bar: "#")
        case .doneLate: return StatusFacets("逾期完成", "done late", mark: "✓", ascii: "v", light: .green, bar: "#")
        case .notStarted: return StatusFacets("未启动", "not started", mark: "◌", ascii: "o", light: .gray, bar: ".")
        case .ongoing: return StatusFacets("持续推进", "ongoing", mark: "↻", ascii: "@", light: .green, bar: "=")
        case .onTrack: return StatusFacets("按序时推进", "on track", mark: "⇡", ascii: "^", light: .green, bar: "=")
        case .baselineMissing:
            return StatusFacets("基数缺失", "baseline missing", mark: "∅", ascii: "%", light: .purple, bar: ".")
        case .noReport: return StatusFacets("未报送", "no report", mark: "⊘", ascii: "?", light: .purple, bar: ".")
        case .dueSoon: return StatusFacets("临期未完成", "due soon", mark: "⧖", ascii: ">", light: .blue, bar: ":")
        case .behind: return StatusFacets("进度滞后", "behind", mark: "◔", ascii: "<", light: .yellow, bar: "~")
        case .severelyBehind:
            return StatusFacets("严重滞后", "severely behind", mark: "⚠", ascii: "W", light: .red, bar: "-")
        case .overdue: return StatusFacets("逾期未完成", "overdue", mark: "✖", ascii: "X", light: .red, bar: "!")
        }
    }

    /// Short label.
    public func label(_ language: Language) -> String { facets.label.text(language) }

    /// A one-column mark that reads without colour.
    public var mark: String { facets.mark }

    /// ASCII mark for terminals or files that cannot show the Unicode one.
    public var asciiMark: String { facets.asciiMark }

    /// The light (亮灯) staff know the status by.
    public var light: Light { facets.light }

    /// Stable machine name for JSON (the raw value).
    public var code: String { rawValue }
}

/// Markers shown beside a status (DESIGN §4).
public enum Marker: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    /// 待报终值: the deadline has passed unmet and the deadline period's return is not yet due,
    /// so the item is 临期未完成 until it is (DESIGN §4 rule 3).
    case awaitingFinal
    /// 本期未报: the last due period has no entry (the verdict stands on an older figure).
    case noCurrentReport
    /// 数据陈旧: the latest entry is `StatusRules.stalePeriods` or more periods old.
    case stale
    /// 督办: flagged for supervision.
    case flagged
    /// 超期未反馈: a flag's 反馈期限 has passed with no entry for the item since it was raised.
    case followUpOverdue

    public static func < (lhs: Marker, rhs: Marker) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.awaitingFinal, .zh): return "待报终值"
        case (.awaitingFinal, .en): return "final return due"
        case (.noCurrentReport, .zh): return "本期未报"
        case (.stale, .zh): return "数据陈旧"
        case (.flagged, .zh): return "督办"
        case (.followUpOverdue, .zh): return "超期未反馈"
        case (.noCurrentReport, .en): return "missed return"
        case (.stale, .en): return "stale"
        case (.flagged, .en): return "flagged"
        case (.followUpOverdue, .en): return "no reply by due date"
        }
    }
}

/// How a status is shown: its label in both languages, its marks, its light and its cell in an
/// ASCII status bar (`StatusBar`).
public struct StatusFacets: Sendable, Hashable {
    public let label: Phrase
    /// One column wide everywhere: every mark is East Asian Width "neutral", so it stays one
    /// column in CJK terminals too.
    public let mark: String
    /// For terminals or files that cannot show the Unicode mark. None is a digit (the header
    /// writes a count right after its mark) or a character of an ASCII bar or sparkline
    /// (`#=:~-!.` and `_.:-=+*#`), so a mark never means one thing here and another in a bar.
    public let asciiMark: String
    public let light: Light
    /// The status's cells in an ASCII bar, best on the left: `#` done, `=` on track or ongoing,
    /// `:` due soon, `~` behind, `-` severely behind, `!` overdue, `.` nothing to judge yet.
    public let barFill: Character

    init(_ zh: String, _ en: String, mark: String, ascii: String, light: Light, bar: Character) {
        label = Phrase(zh, en)
        self.mark = mark
        asciiMark = ascii
        self.light = light
        barFill = bar
    }
}
