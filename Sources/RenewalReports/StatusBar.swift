import RenewalModel

/// A stacked text bar of statuses, best on the left, in ASCII so it aligns in every terminal:
/// `#` done, `=` on track or ongoing, `~` behind, `-` severely behind, `!` overdue,
/// `.` not reported, baseline missing or not started.
public enum StatusBar {
    public static func fill(for status: Status) -> Character {
        switch status {
        case .done, .doneLate: return "#"
        case .onTrack, .ongoing: return "="
        case .behind: return "~"
        case .dueSoon: return ":"
        case .severelyBehind: return "-"
        case .overdue: return "!"
        case .noReport, .baselineMissing, .notStarted: return "."
        }
    }

    /// `[###==~!!......]`, `width` columns including the brackets. Each status gets cells in
    /// proportion to its count (largest remainder), and any status present gets at least one.
    public static func render(_ counts: StatusCounts, width: Int) -> String {
        let inner = max(1, width - 2)
        let total = counts.total
        guard total > 0 else { return "[" + String(repeating: " ", count: inner) + "]" }
        let ordered = Status.allCases.filter { counts[$0] > 0 }
        var cells = ordered.map { max(1, counts[$0] * inner / total) }
        // Hand out (or take back) the remainder by largest fractional part.
        var remainder = inner - cells.reduce(0, +)
        let byFraction = ordered.indices.sorted {
            (counts[ordered[$0]] * inner) % total > (counts[ordered[$1]] * inner) % total
        }
        var index = 0
        while remainder > 0 {
            cells[byFraction[index % byFraction.count]] += 1
            remainder -= 1
            index += 1
        }
        // Too many statuses for a narrow bar: shrink the widest segment, and when every
        // segment is one cell, drop the rarest status (the counts beside the bar still list it).
        while remainder < 0, let widest = cells.indices.max(by: { cells[$0] < cells[$1] }) {
            if cells[widest] > 1 {
                cells[widest] -= 1
            } else if let rarest = cells.indices.filter({ cells[$0] > 0 }).min(by: { counts[ordered[$0]] < counts[ordered[$1]] }) {
                cells[rarest] = 0
            }
            remainder += 1
        }
        var bar = "["
        for (status, n) in zip(ordered, cells) { bar += String(repeating: fill(for: status), count: n) }
        return bar + "]"
    }

    /// The legend line for the bar.
    public static func legend(_ language: Language) -> String {
        language.pick("进度条：#已完成 =按序时/持续推进 :临期 ~进度滞后 -严重滞后 !逾期 .未报送/未启动",
                      "Bar: # done  = on track/ongoing  : due soon  ~ behind  - severely behind  ! overdue  . no report")
    }
}

/// Percent bar for one target's progress: `[######....] 60%`.
public enum ProgressBar {
    public static func render(_ fraction: Double?, width: Int) -> String {
        let inner = max(1, width - 2)
        guard let fraction, fraction.isFinite else { return "[" + String(repeating: " ", count: inner) + "]" }
        let filled = min(inner, max(0, Int(saturating: fraction * Double(inner))))
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: inner - filled) + "]"
    }
}
