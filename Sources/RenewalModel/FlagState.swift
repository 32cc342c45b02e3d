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
        if let cleared = flag.clearedOn, cleared <= day { return .closed }
        let replies = (flag.replies ?? []).compactMap { $0.day }.filter { $0 <= day }
        let answered = (replies + [report].compactMap { $0 }.filter { $0 <= day }).min()
        guard let followUp = flag.followUpDay else {
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

    /// The same in a list's column: 超期未反馈 14 天, 逾期反馈 4 天.
    public func shortLabel(_ language: Language) -> String {
        switch self {
        case let .noReplyPastDue(days): return language.pick("超期未反馈 \(days) 天", "no reply +\(days)d")
        case let .repliedLate(days): return language.pick("逾期反馈 \(days) 天", "late reply +\(days)d")
        default: return label(language)
        }
    }
}

extension SupervisionFlag {
    /// The first day an entry on the flagged item (for a measure, on it or any of its targets) is
    /// dated since the flag was raised: a report answers a flag as a reply does (DESIGN §4
    /// "Markers"). Baselines are not reports.
    public func firstReport(in entries: [ProgressEntry], plan: Plan) -> Day? {
        FlagLedger.firstReports([self], entries: entries, plan: plan)[id]
    }
}

/// One line of the 督办台账 (DESIGN §5): a flag, where it stands on the day, and its latest reply then.
public struct FlagLedgerLine: Sendable, Hashable {
    public var flag: SupervisionFlag
    public var state: FlagState
    /// The last reply recorded by the day, if any.
    public var latestReply: FlagNote?
    /// The first report on the item since the flag was raised (it answers the flag as a reply does).
    public var answeredByReport: Day?
}

/// The 督办台账 on a day, for the dashboard's `L`, `renewal flags` and the bulletin alike.
public enum FlagLedger {
    /// The flags raised by `day` (open then, or every one with `includeClosed`), most urgent first:
    /// 超期未反馈 (longest first), 待反馈, 逾期反馈, 已反馈, 已办结; then oldest first.
    public static func lines(
        _ flags: [SupervisionFlag], entries: [ProgressEntry], plan: Plan, on day: Day, includeClosed: Bool
    ) -> [FlagLedgerLine] {
        let raisedBy = flags.filter { $0.isRaised(by: day) && (includeClosed || $0.isOpen(on: day)) }
        let reports = firstReports(raisedBy, entries: entries, plan: plan)
        let lines = raisedBy.map { flag in
            let report = reports[flag.id].flatMap { $0 <= day ? $0 : nil }
            let latest = (flag.replies ?? []).last { $0.day.map { $0 <= day } ?? true }
            return FlagLedgerLine(
                flag: flag, state: FlagState.of(flag, on: day, answeredOn: report), latestReply: latest,
                answeredByReport: report)
        }
        return lines.enumerated().sorted { a, b in
            let left = a.element.state.urgency, right = b.element.state.urgency
            return left != right ? left < right : a.offset < b.offset
        }.map(\.element)
    }

    /// For each flag, the first day a report on its item (for a measure, on it or its targets) is
    /// dated since it was raised: one pass over the entries, however many flags.
    public static func firstReports(
        _ flags: [SupervisionFlag], entries: [ProgressEntry], plan: Plan
    ) -> [String: Day] {
        var watching: [String: [(flag: String, raised: Day)]] = [:]
        for flag in flags {
            let raised = flag.raisedOn ?? plan.startDate
            var items = [flag.itemId]
            if let measure = plan.measure(itemId: flag.itemId) { items += measure.targets.map(\.id) }
            for item in items { watching[item, default: []].append((flag.id, raised)) }
        }
        var first: [String: Day] = [:]
        for entry in entries where !entry.isBaseline {
            guard let watchers = watching[entry.itemId] else { continue }
            for watcher in watchers where entry.date >= watcher.raised {
                if first[watcher.flag].map({ entry.date < $0 }) ?? true { first[watcher.flag] = entry.date }
            }
        }
        return first
    }
}

extension FlagState {
    /// The ledger's order: what needs chasing first.
    var urgency: Int {
        switch self {
        case let .noReplyPastDue(days): return -days
        case .awaitingReply: return 1
        case .repliedLate: return 2
        case .replied: return 3
        case .closed: return 4
        }
    }

    /// The light the ledger colours the state with: red for 超期未反馈, yellow for a late reply,
    /// blue while a reply is awaited, green when answered, gray when closed.
    public var light: Light {
        switch self {
        case .noReplyPastDue: return .red
        case .repliedLate: return .yellow
        case .awaitingReply: return .blue
        case .replied: return .green
        case .closed: return .gray
        }
    }
}
