/// Every threshold the status rules use, in one place (DESIGN §4).
///
/// - lag ≤ `onTrackMaxLag` points → 按序时推进; ≤ `behindMaxLag` → 进度滞后; more → 严重滞后.
/// - 临期 when the deadline is at most `dueSoonDays` days away and the item is not done.
/// - 数据陈旧 when the latest entry is more than `staleAfterDays` days old; a milestone or
///   narrative measure without a deadline is 持续推进 only while reported within that window.
/// - 左右/约 targets are met within `aboutTolerance` (a fraction) below the value, or above it.
public struct StatusRules: Sendable, Hashable {
    public var onTrackMaxLag: Double
    public var behindMaxLag: Double
    public var dueSoonDays: Int
    public var staleAfterDays: Int
    public var aboutTolerance: Double

    public init(onTrackMaxLag: Double = 10, behindMaxLag: Double = 30, dueSoonDays: Int = 30,
                staleAfterDays: Int = 40, aboutTolerance: Double = 0.05) {
        self.onTrackMaxLag = onTrackMaxLag
        self.behindMaxLag = behindMaxLag
        self.dueSoonDays = dueSoonDays
        self.staleAfterDays = staleAfterDays
        self.aboutTolerance = aboutTolerance
    }

    /// The rules the plan's task force uses.
    public static let standard = StatusRules()

    /// Status for a lag in percentage points (expected minus actual progress).
    public func status(forLag lag: Double) -> Status {
        // A hair of tolerance so that a lag of exactly 10 or 30 points, computed in binary
        // floating point, lands on the side the rule states.
        let epsilon = 1e-9
        if lag <= onTrackMaxLag + epsilon { return .onTrack }
        if lag <= behindMaxLag + epsilon { return .behind }
        return .severelyBehind
    }
}
