import RenewalModel

/// A stacked text bar of statuses, best on the left, in ASCII so it aligns in every terminal:
/// `#` done, `=` on track or ongoing, `~` behind, `-` severely behind, `!` overdue,
/// `.` not reported, baseline missing or not started.
public enum StatusBar {
    /// The fill of a status's cells: distinct characters, so the bar reads without colour too.
    /// With `unicode`, done is a solid block (`█`) rather than `#`.
    public static func fill(for status: Status, unicode: Bool = false) -> Character {
        let fill = status.facets.barFill
        return unicode && fill == "#" ? "█" : fill
    }

    /// How many of `width` cells each status present gets, best first: in proportion to its count
    /// (largest remainder), at least one each; a bar too narrow for every status shrinks the
    /// widest segment, then drops the rarest status (the counts beside a bar still list it).
    /// The dashboard's bars and the reports' bars are cut by this one rule.
    public static func segments(_ counts: StatusCounts, width: Int) -> [(status: Status, cells: Int)] {
        let total = counts.total
        guard total > 0, width > 0 else { return [] }
        let ordered = Status.allCases.filter { counts[$0] > 0 }
        var cells = ordered.map { max(1, counts[$0] * width / total) }
        // Hand out (or take back) the remainder by largest fractional part.
        var remainder = width - cells.reduce(0, +)
        let byFraction = ordered.indices.sorted {
            (counts[ordered[$0]] * width) % total > (counts[ordered[$1]] * width) % total
        }
        var index = 0
        while remainder > 0 {
            cells[byFraction[index % byFraction.count]] += 1
            remainder -= 1
            index += 1
        }
        while remainder < 0, let widest = cells.indices.max(by: { cells[$0] < cells[$1] }) {
            if cells[widest] > 1 {
                cells[widest] -= 1
            } else if let rarest = cells.indices.filter({ cells[$0] > 0 }).min(by: {
                counts[ordered[$0]] < counts[ordered[$1]]
            }) {
                cells[rarest] = 0
            }
            remainder += 1
        }
        return zip(ordered, cells).filter { $0.1 > 0 }.map { ($0.0, $0.1) }
    }

    /// `[###==~!!......]`, `width` columns including the brackets.
    public static func render(_ counts: StatusCounts, width: Int) -> String {
        let inner = max(1, width - 2)
        guard counts.total > 0 else { return "[" + String(repeating: " ", count: inner) + "]" }
        var bar = "["
        for (status, n) in segments(counts, width: inner) { bar += String(repeating: fill(for: status), count: n) }
        return bar + "]"
    }

    /// The legend line for the bar.
    public static func legend(_ language: Language) -> String {
        language.pick(
            "进度条：#已完成 =按序时/持续推进 :临期 ~进度滞后 -严重滞后 !逾期 .未报送/未启动",
            "Bar: # done  = on track/ongoing  : due soon  ~ behind  - severely behind  ! overdue  . no report")
    }
}

/// Percent bar for one target's progress: `[######....] 60%`.
public enum ProgressBar {
    /// How many of `width` cells a fraction fills: rounded down, so the bar is full only when the
    /// goal is met (95% of ten cells is nine, not ten); clamped to the bar.
    public static func filledCells(_ fraction: Double, width: Int) -> Int {
        guard fraction.isFinite, width > 0 else { return 0 }
        return min(width, max(0, Int(saturating: (fraction * Double(width)).rounded(.down))))
    }

    public static func render(_ fraction: Double?, width: Int) -> String {
        let inner = max(1, width - 2)
        guard let fraction, fraction.isFinite else { return "[" + String(repeating: " ", count: inner) + "]" }
        let filled = filledCells(fraction, width: inner)
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: inner - filled) + "]"
    }
}
