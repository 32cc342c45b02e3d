/// The two languages of every screen and report. Chinese is the default.
public enum Language: String, Sendable, CaseIterable, Codable {
    case zh
    case en

    /// Picks the Chinese or English form.
    public func pick(_ zh: String, _ en: String) -> String {
        self == .zh ? zh : en
    }
}

/// Formats numbers for people: no trailing ".0", thousands kept plain (Chinese readers use 万).
public enum NumberText {
    /// 50 → "50", 0.8 → "0.8", 94.25 → "94.25", 1234.5678 → "1234.57"; a figure that is not 0
    /// is shown with the places it needs (0.0001 → "0.0001") unless `approximately` allows 0.
    public static func format(_ value: Double, maxFractionDigits: Int = 2, approximately: Bool = false) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<maxFractionDigits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded == 0, value != 0, !approximately { return small(value) }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            return String(Int64(rounded))
        }
        var text = String(rounded)
        if text.contains("e") { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A figure too small for the places asked for, yet not 0, is never shown as 0: as many
    /// places as it takes, up to the six a figure may have, then its exponent form (0.0000001
    /// was echoed as 0; issue 20).
    static func small(_ value: Double) -> String {
        var places = 0
        var scaled = 0.0
        while scaled == 0, places < 6 {
            places += 1
            scaled = (abs(value) * power(places)).rounded()
        }
        guard scaled != 0 else { return String(value) }
        var digits = String(Int64(scaled))
        while digits.count <= places { digits = "0" + digits }
        digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        while digits.hasSuffix("0") { digits.removeLast() }
        return (value < 0 ? "-" : "") + digits
    }

    static func power(_ places: Int) -> Double { (0..<places).reduce(1.0) { total, _ in total * 10 } }

    /// A computed figure (expected value, gap) at a sensible precision: whole numbers from 100
    /// up, one decimal from 1, two below.
    public static func approximate(_ value: Double) -> String {
        let magnitude = abs(value)
        return format(value, maxFractionDigits: magnitude >= 100 ? 0 : magnitude >= 1 ? 1 : 2, approximately: true)
    }

    /// A fraction as a whole percentage: 0.456 → "46%".
    public static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "-" }
        return "\(Int(saturating: fraction * 100))%"
    }
}

/// Units as the plan writes them, and their English forms for English output.
public enum UnitText {
    /// Units that count whole things: a fractional figure in them cannot be right, and computed
    /// figures (expected, gap) are shown rounded.
    public static let countUnits: Set<String> = ["家", "个", "处", "辆", "台", "台（套）", "套", "部"]

    public static func isCount(_ unit: String?) -> Bool { unit.map(countUnits.contains) ?? false }

    /// A computed figure with its unit: whole numbers for counts, sensible precision otherwise.
    public static func approximate(_ value: Double, unit: String?, _ language: Language) -> String {
        let number = isCount(unit) ? NumberText.format(value.rounded()) : NumberText.approximate(value)
        return number + localized(unit ?? "", language)
    }

    /// Two figures in one unit, the unit written once: `9400/10000辆`, `76%/80%` (a percent sign
    /// stays on each), `-` for a missing figure.
    public static func pair(_ first: Double?, _ second: Double?, unit: String?, _ language: Language) -> String {
        let percent = unit == "%"
        let number = { (value: Double?) -> String in
            guard let value else { return "-" }
            return (isCount(unit) ? NumberText.format(value.rounded()) : NumberText.approximate(value))
                + (percent ? "%" : "")
        }
        return number(first) + "/" + number(second) + (percent ? "" : localized(unit ?? "", language))
    }

    static let english = [
        "辆": " vehicles", "家": " firms", "台（套）": " machines", "个": " parks", "处": " sites",
        "台": " appliances", "亿元": " x100M yuan", "个百分点": " points",
    ]

    /// The unit to print after a number: unchanged in Chinese, an English word in English.
    public static func localized(_ unit: String, _ language: Language) -> String {
        language == .zh ? unit : english[unit] ?? unit
    }
}

/// The lag as government progress reports say it: 低于序时进度 12 个百分点 (below the
/// time-proportional schedule), or 快于序时进度 when ahead.
public enum LagText {
    public static func phrase(_ lag: Double, _ language: Language) -> String {
        let points = Int(saturating: abs(lag))
        if lag > 0 { return language.pick("低于序时进度 \(points) 个百分点", "\(points) pts behind schedule") }
        return language.pick("快于序时进度 \(points) 个百分点", "\(points) pts ahead of schedule")
    }
}
