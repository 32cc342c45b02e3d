/// Whole numbers from computed figures, whatever the store holds.
///
/// A figure typed as an 18-digit ID number, or `1e19` stored before bounds were checked, makes
/// progress fractions of 10^17 and more; Swift's `Int(Double)` traps on those (and on NaN), and a
/// trap in a report takes the dashboard down for everyone using the store (issue 10). Every
/// Double → Int conversion of a computed figure goes through here.
extension Int {
    /// `value` rounded to the nearest whole number and clamped to ±10^15; NaN is 0.
    public init(saturating value: Double) {
        let limit = 1e15
        guard !value.isNaN else {
            self = 0
            return
        }
        self = Int(Swift.min(limit, Swift.max(-limit, value.rounded())))
    }
}
