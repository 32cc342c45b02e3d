/// The latest report on an item by one reporting unit (nil: the return named none): what the
/// reporting-status view and the bulletin's "not reported" section read, without the entries' text.
public struct LatestReport: Sendable, Hashable {
    public var itemId: String
    public var unit: String?
    public var date: Day

    public init(itemId: String, unit: String?, date: Day) {
        self.itemId = itemId
        self.unit = unit
        self.date = date
    }

    /// The same from entries in memory (baselines are not reports; entries after `asOf` do not count).
    public static func from(_ entries: [ProgressEntry], asOf: Day) -> [LatestReport] {
        var latest: [String: [String?: Day]] = [:]
        for entry in entries where !entry.isBaseline && entry.date <= asOf {
            if let known = latest[entry.itemId]?[entry.reportingUnit], known >= entry.date { continue }
            latest[entry.itemId, default: [:]][entry.reportingUnit] = entry.date
        }
        return latest.flatMap { item, byUnit in byUnit.map { LatestReport(itemId: item, unit: $0.key, date: $0.value) }
        }
    }
}
