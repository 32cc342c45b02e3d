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

    /// Short label.
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.done, .zh): return "已完成"
        case (.doneLate, .zh): return "逾期完成"
        case (.notStarted, .zh): return "未启动"
        case (.ongoing, .zh): return "持续推进"
        case (.onTrack, .zh): return "按序时推进"
        case (.baselineMissing, .zh): return "基数缺失"
        case (.noReport, .zh): return "未报送"
        case (.dueSoon, .zh): return "临期未完成"
        case (.behind, .zh): return "进度滞后"
        case (.severelyBehind, .zh): return "严重滞后"
        case (.overdue, .zh): return "逾期未完成"
        case (.done, .en): return "done"
        case (.doneLate, .en): return "done late"
        case (.notStarted, .en): return "not started"
        case (.ongoing, .en): return "ongoing"
        case (.onTrack, .en): return "on track"
        case (.baselineMissing, .en): return "baseline missing"
        case (.noReport, .en): return "no report"
        case (.dueSoon, .en): return "due soon"
        case (.behind, .en): return "behind"
        case (.severelyBehind, .en): return "severely behind"
        case (.overdue, .en): return "overdue"
        }
    }

    /// A one-column mark that reads without colour. All are East Asian Width "neutral",
    /// so they stay one column wide in CJK terminals.
    public var mark: String {
        switch self {
        case .done: return "✔"
        case .doneLate: return "✓"
        case .notStarted: return "◌"
        case .ongoing: return "↻"
        case .onTrack: return "⇡"
        case .baselineMissing: return "∅"
        case .noReport: return "⊘"
        case .dueSoon: return "⧖"
        case .behind: return "◔"
        case .severelyBehind: return "⚠"
        case .overdue: return "✖"
        }
    }

    /// ASCII mark for terminals or files that cannot show the Unicode one. None is a digit (the
    /// header writes a count right after its mark) or a character of an ASCII bar or sparkline
    /// (`#=:~-!.` and `_.:-=+*#`), so a mark never means one thing here and another in a bar.
    public var asciiMark: String {
        switch self {
        case .done: return "V"
        case .doneLate: return "v"
        case .notStarted: return "o"
        case .ongoing: return "@"
        case .onTrack: return "^"
        case .baselineMissing: return "%"
        case .noReport: return "?"
        case .dueSoon: return ">"
        case .behind: return "<"
        case .severelyBehind: return "W"
        case .overdue: return "X"
        }
    }

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
