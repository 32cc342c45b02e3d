import RenewalModel
import RenewalText

/// What changed between two dates, item by item (DESIGN §5 `c`, the bulletin's 与上期相比): 新增逾期,
/// 本期销号 (no longer overdue), 新完成, got worse, got better, each with both statuses. An item is
/// listed once, under the first of those that applies.
public struct StatusChanges: Encodable, Sendable {
    public enum Kind: String, Encodable, Sendable, CaseIterable {
        case newlyOverdue, cleared, newlyDone, worse, better

        public func label(_ language: Language) -> String {
            switch self {
            case .newlyOverdue: return language.pick("新增逾期", "newly overdue")
            case .cleared: return language.pick("本期销号（不再逾期）", "no longer overdue")
            case .newlyDone: return language.pick("新完成", "newly done")
            case .worse: return language.pick("变差", "got worse")
            case .better: return language.pick("变好", "got better")
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

    /// The changes from `before` (judged on an earlier day) to `now`, for every target of the plan.
    public init(plan: Plan, before: PlanEvaluation, now: PlanEvaluation, language: Language) {
        asOf = now.asOf.description
        since = before.asOf.description
        let earlier = Dictionary(before.targets.map { ($0.targetId, $0.status) }, uniquingKeysWith: { a, _ in a })
        var byKind: [Kind: [Item]] = [:]
        for judged in now.targets {
            guard let target = plan.target(id: judged.targetId), let was = earlier[judged.targetId],
                was != judged.status
            else {
                continue
            }
            let kind: Kind
            if judged.status == .overdue {
                kind = .newlyOverdue
            } else if was == .overdue {
                kind = .cleared
            } else if judged.status.isFinished && !was.isFinished {
                kind = .newlyDone
            } else if judged.status > was {
                kind = .worse
            } else {
                kind = .better
            }
            byKind[kind, default: []].append(
                Item(
                    id: target.id, description: language == .zh ? target.description : target.descriptionEn,
                    before: was, now: judged.status, leadUnits: plan.leadUnits(forTarget: target.id)))
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
