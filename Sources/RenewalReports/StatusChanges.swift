import RenewalModel
import RenewalText

/// What changed between two dates, item by item (DESIGN §5 `c`, the bulletin's 与上期相比): 新增逾期,
/// 本期销号 (no longer overdue), 新完成, got worse, got better, each with both statuses; an annual
/// target judged for a new year is 新年度. Targets and measures both. An item is listed once, under
/// the first of those that applies.
public struct StatusChanges: Encodable, Sendable {
    public enum Kind: String, Encodable, Sendable, CaseIterable {
        case newlyOverdue, cleared, newlyDone, worse, better
        /// An annual (每年) target judged for a new year: not better or worse than last year's
        /// verdict, another year's (DESIGN §4 "Changes").
        case newYear

        public func label(_ language: Language) -> String {
            switch self {
            case .newlyOverdue: return language.pick("新增逾期", "newly overdue")
            case .cleared: return language.pick("本期销号（不再逾期）", "no longer overdue")
            case .newlyDone: return language.pick("新完成", "newly done")
            case .worse: return language.pick("变差", "got worse")
            case .better: return language.pick("变好", "got better")
            case .newYear: return language.pick("新年度", "new year")
            }
        }
    }

    public struct Item: Encodable, Sendable, Equatable {
        public var id: String
        public var description: String
        public var before: Status
        public var now: Status
        public var leadUnits: [String]
    }

    public struct Group: Encodable, Sendable {
        public var kind: Kind
        public var label: String
        public var items: [Item]
    }

    public var asOf: String
    public var since: String
    public var groups: [Group]

    /// The changes from `before` (judged on an earlier day) to `now`, for every target and measure
    /// of the plan (overall targets first, then each measure followed by its targets).
    public init(plan: Plan, before: PlanEvaluation, now: PlanEvaluation, language: Language) {
        asOf = now.asOf.description
        since = before.asOf.description
        let earlier = Dictionary(before.targets.map { ($0.targetId, $0) }, uniquingKeysWith: { a, _ in a })
        /// An annual target whose judged year moved: its change is a new year's verdict.
        func newYear(_ judged: TargetEvaluation) -> Bool {
            guard let was = earlier[judged.targetId], plan.target(id: judged.targetId)?.recurrence == .annual
            else { return false }
            return was.year != judged.year
        }
        var byKind: [Kind: [Item]] = [:]
        func add(id: String, description: String, was: Status, now status: Status, leads: [String], newYear: Bool) {
            guard was != status else { return }
            let kind: Kind
            if newYear {
                kind = .newYear
            } else if status == .overdue {
                kind = .newlyOverdue
            } else if was == .overdue {
                kind = .cleared
            } else if status.isFinished && !was.isFinished {
                kind = .newlyDone
            } else if status > was {
                kind = .worse
            } else {
                kind = .better
            }
            byKind[kind, default: []].append(
                Item(id: id, description: description, before: was, now: status, leadUnits: leads))
        }
        func add(_ judged: TargetEvaluation) {
            guard let target = plan.target(id: judged.targetId), let was = earlier[judged.targetId] else { return }
            add(
                id: target.id, description: language == .zh ? target.description : target.descriptionEn,
                was: was.status, now: judged.status, leads: plan.leadUnits(forTarget: target.id),
                newYear: newYear(judged))
        }
        now.overall.forEach(add)
        for programme in now.programmes {
            for judged in programme.measures {
                guard let measure = plan.measure(number: judged.number), let was = before.measure(judged.number)
                else { continue }
                // A measure moved only by its annual targets' new year is itself in a new year.
                let changed = judged.targets.filter { $0.status != earlier[$0.targetId]?.status }
                add(
                    id: measure.itemId, description: measure.heading(language), was: was.status, now: judged.status,
                    leads: measure.leadUnits, newYear: !changed.isEmpty && changed.allSatisfy(newYear))
                judged.targets.forEach(add)
            }
        }
        groups = Kind.allCases.compactMap { kind in
            byKind[kind].map { Group(kind: kind, label: kind.label(language), items: $0) }
        }
    }

    /// Every change, in the order of the groups.
    public var items: [(kind: Kind, item: Item)] { groups.flatMap { group in group.items.map { (group.kind, $0) } } }

    /// "✔ 已完成 → ✖ 逾期未完成".
    public static func transition(_ item: Item, _ language: Language, ascii: Bool = false) -> String {
        let mark = { (status: Status) in ascii ? status.asciiMark : status.mark }
        return "\(mark(item.before)) \(item.before.label(language)) → \(mark(item.now)) \(item.now.label(language))"
    }

    /// The changes as text lines that fit `width`.
    public func text(_ language: Language, width: Int) -> String {
        var lines = [language.pick("与 \(since) 相比（截至 \(asOf)）：", "Changes since \(since) (as of \(asOf)):")]
        if groups.isEmpty { lines.append(language.pick("没有状态变化。", "No status changed.")) }
        for group in groups {
            lines.append("")
            lines.append(language.pick("\(group.label)（\(group.items.count)）", "\(group.label) (\(group.items.count))"))
            for item in group.items {
                lines.append(
                    contentsOf: TextLayout.wrap(
                        "  \(item.id) \(item.description)：\(Self.transition(item, language))", width: width))
            }
        }
        return lines.joined(separator: "\n")
    }
}
