import RenewalModel

/// A plan in format 2 drafted from its published text (issue 24, `renewal plan draft`): the
/// outline's headings become nodes, the dated sentences targets, the unit brackets units; every
/// guess a person must confirm carries a note (请核对) that `renewal plan check` lists.
///
/// Kinds are chosen from the shape, not from the words alone (PLAN-FORMAT.md "Drafting"):
/// - a top-level heading about the goals (总体要求, 工作目标 …) and everything under it is a `part`,
///   its targets the overall targets; so is a top-level heading with nothing headed under it;
/// - a top-level heading that only gathers the work (重点任务, 主要任务) is a `part` whose headings
///   are the programmes (平湖's 行动 under 二、重点任务);
/// - any other top-level heading with headings under it is a `programme` (a panel);
/// - under a programme, a heading with nothing headed under it is a `measure`; one whose headings
///   are all sub-items (（1）) is a measure with `item`s; any other is a heading between (kept as a
///   `programme` node, which the model shows as the measures' path).
/// Ids follow the label path (P2, P2.1, P2.1.3; a target adds -1, -2 …).
public enum PlanDraft {
    public static func make(from text: String) -> PlanDocument {
        let front = DraftFront.read(text)
        var units = UnitList()
        var nodes: [PlanNode] = []
        var used = Set<String>()
        for root in PlanOutline.read(text) {
            let id = unique("P\(root.heading.number)", &used)
            var made = node(root, id: id, kind: rootKind(root), units: &units, used: &used)
            if made.kind == .part { made.noteOverallTargets() }
            nodes.append(made)
        }
        let years = nodes.flatMap(\.allTargets).compactMap { $0.target.deadline?.year }
        var check = front.check
        let start = front.date ?? Day(year: (years.min() ?? 2024), month: 1, day: 1)!
        if front.date == nil {
            check.append(
                Phrase("未找到印发日期：实施期起日为推测，请核对 period.start", "no date of issue found: period.start is a guess; check it")
            )
        }
        let end = Day.endOfYear(max(years.max() ?? 2027, start.year))
        check.append(
            Phrase(
                "实施期止日取最晚目标年份的年底（\(end)），请核对 period.end",
                "period.end is the end of the latest target year (\(end)); check it"))
        var document = PlanDocument(
            format: PlanDocument.currentFormat,
            document: .init(
                title: front.title ?? "（方案标题）", titleEn: nil, number: front.number, issuer: front.issuer,
                date: front.date?.description, parents: front.parents.isEmpty ? nil : front.parents),
            period: .init(start: start, end: end), units: units.list, nodes: nodes)
        document.check = check
        return document
    }

    /// A top-level heading: the goals (part), a gathering of the work (part), or a programme.
    static func rootKind(_ root: DraftNode) -> RootKind {
        if goalWords.contains(where: root.title.contains) || root.children.isEmpty { return .goals }
        if gatheringTitles.contains(root.title) { return .gathering }
        return .programme
    }

    enum RootKind { case goals, gathering, programme }

    static let goalWords = ["总体要求", "总体目标", "工作目标", "主要目标", "指导思想", "目标任务", "基本原则"]
    static let gatheringTitles = ["重点任务", "主要任务", "重点工作", "工作任务", "主要举措", "重点举措", "任务举措"]

    static func node(
        _ draft: DraftNode, id: String, kind: RootKind, units: inout UnitList, used: inout Set<String>
    ) -> PlanNode {
        switch kind {
        case .goals:
            return build(draft, id: id, kind: .part, units: &units, used: &used) { _ in .part }
        case .gathering:
            return build(draft, id: id, kind: .part, units: &units, used: &used) { _ in .programme }
        case .programme:
            return build(draft, id: id, kind: .programme, units: &units, used: &used, inside: true)
        }
    }

    /// The node for `draft`, its children built by `childKind` (outside programmes) or by the
    /// rules inside a programme (`inside`).
    static func build(
        _ draft: DraftNode, id: String, kind: PlanNode.Kind, units: inout UnitList, used: inout Set<String>,
        inside: Bool = false, childKind: ((DraftNode) -> PlanNode.Kind)? = nil
    ) -> PlanNode {
        var children: [PlanNode] = []
        for child in draft.children {
            let childId = unique(id + ".\(child.heading.number)", &used)
            let kindOfChild: PlanNode.Kind
            if kind == .measure || kind == .item {
                kindOfChild = .item
            } else if inside || kind == .programme {
                kindOfChild =
                    child.children.isEmpty || child.children.allSatisfy({ $0.heading.style == .subitem })
                    ? .measure : .programme
            } else {
                kindOfChild = childKind?(child) ?? .part
            }
            let goesInside = kindOfChild == .programme
            children.append(
                build(child, id: childId, kind: kindOfChild, units: &units, used: &used, inside: goesInside))
        }
        let named = draft.units.map { NodeUnit(unit: units.add($0.name), role: role($0.role)) }
        let targets = PlanDraft.targets(in: draft, nodeId: id)
        var check: [Phrase] = []
        if kind == .measure, named.isEmpty {
            check.append(
                Phrase("未找到牵头或责任单位：沿用上级单位，请核对", "no lead or responsible unit found: the parent's apply; check it"))
        }
        return PlanNode(
            id: id, label: draft.heading.label, title: draft.title, kind: kind,
            text: draft.text.isEmpty ? nil : draft.text, units: named.isEmpty ? nil : named,
            targets: targets.isEmpty ? nil : targets, children: children.isEmpty ? nil : children,
            check: check.isEmpty ? nil : check)
    }

    static func role(_ role: DraftUnit.Role) -> NodeUnit.Role {
        switch role {
        case .lead: return .lead
        case .responsible: return .responsible
        case .cooperating: return .cooperating
        case .participating: return .participating
        }
    }

    /// `base`, or `base` with a letter when the text numbers two siblings alike.
    static func unique(_ base: String, _ used: inout Set<String>) -> String {
        var id = base
        var suffix = 1
        while used.contains(id) {
            suffix += 1
            id = base + "-\(suffix)"
        }
        used.insert(id)
        return id
    }

    /// The node's dated sentences as targets, each with the sentence it came from and its notes.
    static func targets(in draft: DraftNode, nodeId: String) -> [NodeTarget] {
        let found = TargetSentences.find(in: draft.title + "。" + draft.text)
        var result: [NodeTarget] = []
        for (index, sentence) in found.enumerated() {
            result.append(DraftTargets.target(sentence, id: "\(nodeId)-\(index + 1)", among: found))
        }
        return result
    }
}

/// The units a draft names, each once, with ids u1, u2 … in order of first mention.
struct UnitList {
    private(set) var list: [PlanUnit] = []

    /// The unit's full name, added when new.
    mutating func add(_ name: String) -> String {
        if !list.contains(where: { $0.name == name }) {
            list.append(PlanUnit(id: "u\(list.count + 1)", name: name, short: name, nameEn: name))
        }
        return name
    }
}

extension PlanNode {
    /// Overall targets answer through the measures that deliver them, which the text does not
    /// name: each asks for its `relatedMeasures`.
    mutating func noteOverallTargets() {
        guard kind == .part else { return }
        let note = Phrase(
            "总体目标：请在 relatedMeasures 中填写落实它的措施编号（其牵头单位即对此负责）",
            "an overall target: list the measures that deliver it in relatedMeasures (their lead units answer for it)")
        targets = targets?.map { target in
            var noted = target
            noted.check = (target.check ?? []) + [note]
            return noted
        }
        children = children?.map { child in
            var noted = child
            noted.noteOverallTargets()
            return noted
        }
    }

    /// This node's targets and those of every node under it.
    var allTargets: [NodeTarget] { (targets ?? []) + (children ?? []).flatMap(\.allTargets) }
}
