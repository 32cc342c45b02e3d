/// A row of bars, one character per value, that reads without colour: eight block heights in
/// Unicode, or eight ASCII characters of growing weight (`_.:-=+*#`); a missing value is a space.
public enum Sparkline {
    public static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    public static let ascii: [Character] = ["_", ".", ":", "-", "=", "+", "*", "#"]

    /// `values` scaled to `maximum` (at or above it: the tallest bar; at or below zero: the lowest).
    public static func render(_ values: [Double?], maximum: Double, ascii useASCII: Bool) -> String {
        let levels = useASCII ? ascii : blocks
        return String(
            values.map { value -> Character in
                guard let value, value.isFinite, maximum > 0 else { return " " }
                let fraction = min(1, max(0, value / maximum))
                return levels[min(levels.count - 1, Int((fraction * Double(levels.count - 1)).rounded()))]
            })
    }
}
