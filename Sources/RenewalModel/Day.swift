/// A calendar day (no time, no time zone), the unit of every date in the plan and its entries.
///
/// Arithmetic uses the proleptic Gregorian calendar through a day count, so the model needs
/// neither Foundation's `Calendar` nor the machine's time zone.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid date, or nil (2025-02-30 is nil).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` from raw bytes, without allocating: the store's dates are
    /// read this way straight from SQLite's buffer, hundreds of thousands at a time.
    public init?(isoBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10 else { return nil }
        var fields = (0, 0, 0)
        var index = 0
        for byte in bytes {
            switch index {
            case 4, 7:
                guard byte == UInt8(ascii: "-") else { return nil }
            default:
                guard byte >= 48 && byte <= 57 else { return nil }
                let digit = Int(byte - 48)
                if index < 4 {
                    fields.0 = fields.0 * 10 + digit
                } else if index < 7 {
                    fields.1 = fields.1 * 10 + digit
                } else {
                    fields.2 = fields.2 * 10 + digit
                }
            }
            index += 1
        }
        self.init(year: fields.0, month: fields.1, day: fields.2)
    }

    /// Parses exactly `YYYY-MM-DD`; also accepts `YYYY/MM/DD` and `YYYY.MM.DD`, which
    /// spreadsheets produce, with one- or two-digit month and day.
    public init?(_ text: String) {
        // Fast path for exactly YYYY-MM-DD (what the store holds).
        var copy = text
        if let parsed = copy.withUTF8({ Day(isoBytes: $0) }) {
            self = parsed
            return
        }
        let trimmed = text.drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" })
            .reversed()
        let separators: Set<Character> = ["-", "/", "."]
        let trimmedText = String(trimmed)
        guard let separator = trimmedText.first(where: { separators.contains($0) }) else { return nil }
        let parts = trimmedText.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The last day of a year (到2025年 means by 2025-12-31).
    public static func endOfYear(_ year: Int) -> Day {
        Day(unchecked: year, 12, 31)
    }

    /// The last day of a month.
    public static func endOfMonth(year: Int, month: Int) -> Day {
        Day(year: year, month: month, day: daysIn(month: month, year: year)) ?? endOfYear(year)
    }

    /// The first day of a year.
    public static func startOfYear(_ year: Int) -> Day {
        Day(unchecked: year, 1, 1)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func daysIn(year: Int) -> Int { isLeap(year) ? 366 : 365 }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The day with a given ordinal (inverse of `ordinal`).
    public init(ordinal: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { other.ordinal - ordinal }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

extension Day {
    /// The day an ISO 8601 timestamp was recorded on, as it reads (its local date: renewal stamps
    /// +08:00); nil when it does not begin with a date (a timestamp edited by hand).
    public init?(timestamp: String) {
        self.init(String(timestamp.prefix(10)))
    }

    /// A timestamp's date as shown beside a flag or a reply ("2026-11-05"); the first ten
    /// characters as they are when it does not begin with a date, so a garbled one keeps its width.
    public static func shown(timestamp: String) -> String {
        Day(timestamp: timestamp)?.description ?? String(timestamp.prefix(10))
    }
}

extension Day: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date (YYYY-MM-DD): \(text)")
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
