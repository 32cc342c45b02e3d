/// A row of bars, one character per value, that reads without colour: eight block heights in
/// Unicode, or eight ASCII characters of growing weight (`_.:-=+*#`); a missing value is a space.
public enum Sparkline {
    public static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    public static let ascii: [Character] = ["_", ".", ":", "-", "=", "+", "*", "#"]

    /// `values` scaled from `minimum` to `maximum` (at or above the maximum: the tallest bar; at or
    /// below the minimum: the lowest). A level (a rate, a share) is scaled from where it started,
    /// not from 0, so that 66% against 72% does not look the same as 72% (issue 21).
    public static func render(
        _ values: [Double?], minimum: Double = 0, maximum: Double, ascii useASCII: Bool
    )
        -> String
    {
        let levels = useASCII ? ascii : blocks
        let span = maximum - minimum
        return String(
            values.map { value -> Character in
                guard let value, value.isFinite, span > 0, span.isFinite else { return " " }
                let fraction = min(1, max(0, (value - minimum) / span))
                return levels[min(levels.count - 1, Int((fraction * Double(levels.count - 1)).rounded()))]
            })
    }
}
