/// Where a flag stands on a day, as the 督办台账 lists it (DESIGN §5): waiting for a reply, replied,
/// past its 反馈期限 without a reply (and for how many days), replied after it (逾期反馈: it ends
/// 超期未反馈 but stays on the record), or closed.
public enum FlagState: Sendable, Hashable, Codable {
    case awaitingReply
    case replied
    case noReplyPastDue(days: Int)
    case repliedLate(days: Int)
    case closed

    /// The state of `flag` on `day`. `answeredOn` is the first day the item was answered since the
    /// flag was raised by anything else than a reply (a report on the item), if it was: the same
    /// answer the 超期未反馈 marker accepts.
    public static func of(_ flag: SupervisionFlag, on day: Day, answeredOn report: Day? = nil) -> FlagState {
        if let cleared = flag.clearedAt.flatMap({ Day(String($0.prefix(10))) }), cleared <= day { return .closed }
        let replies = (flag.replies ?? []).compactMap { Day(String($0.at.prefix(10))) }.filter { $0 <= day }
        let answered = (replies + [report].compactMap { $0 }.filter { $0 <= day }).min()
        guard let followUp = flag.followUp.flatMap({ Day($0) }) else {
            return answered == nil ? .awaitingReply : .replied
        }
        if let answered {
            return answered > followUp ? .repliedLate(days: followUp.days(to: answered)) : .replied
        }
        return day > followUp ? .noReplyPastDue(days: followUp.days(to: day)) : .awaitingReply
    }

    /// 待反馈 / 已反馈 / 超期未反馈 N 天 / 逾期反馈（超期 N 天）/ 已办结.
    public func label(_ language: Language) -> String {
        switch self {
        case .awaitingReply: return language.pick("待反馈", "awaiting reply")
        case .replied: return language.pick("已反馈", "replied")
        case let .noReplyPastDue(days):
            return language.pick("超期未反馈 \(days) 天", "no reply, \(days) days past due")
        case let .repliedLate(days):
            return language.pick("逾期反馈（超期 \(days) 天）", "replied late (\(days) days past due)")
        case .closed: return language.pick("已办结", "closed")
        }
    }
}

extension SupervisionFlag {
    /// The first day an entry on the flagged item (for a measure, on it or any of its targets) is
    /// dated since the flag was raised: a report answers a flag as a reply does (DESIGN §4
    /// "Markers"). Baselines are not reports.
    public func firstReport(in entries: [ProgressEntry], plan: Plan) -> Day? {
        let raised = Day(String(flaggedAt.prefix(10))) ?? plan.startDate
        var items: Set = [itemId]
        if let measure = plan.measure(itemId: itemId) { items.formUnion(measure.targets.map(\.id)) }
        return entries.lazy.filter { items.contains($0.itemId) && !$0.isBaseline && $0.date >= raised }.map(\.date)
            .min()
    }
}
