/// Walks a format 2 node tree into the model's programmes, measures and overall targets
/// (the rules are on `PlanDocument.plan()`).
struct PlanBuilder {
    /// The plan's units: a node may name one by id or short name; the model keeps full names.
    let units: [PlanUnit]
    var overall: [Target] = []
    var overallHeading: (zh: String, en: String?)?
    var programmes: [Programme] = []
    private var lastMeasure = 0
    private var lastProgramme = 0

    init(units: [PlanUnit]) { self.units = units }

    /// A node outside every programme: a part's targets are overall; a programme starts a panel.
    mutating func visitOutside(_ node: PlanNode, path: String, inherited: [NodeUnit]) throws {
        let units = node.units ?? inherited
        switch node.kind {
        case .programme:
            try addProgramme(node, path: path, units: units)
        case .measure:
            throw PlanDocument.misplaced(path + ".kind")
        case .part, .item:
            if let targets = node.targets, !targets.isEmpty {
                overall += targets.map(\.modelTarget)
                if overallHeading == nil {
                    let number = LabelNumber.of(node.label).map { "\($0). " } ?? ""
                    overallHeading = (node.label + node.title, node.titleEn.map { number + $0 })
                }
            }
            for (index, child) in (node.children ?? []).enumerated() {
                try visitOutside(child, path: path + ".children[\(index)]", inherited: units)
            }
        }
    }

    private mutating func addProgramme(_ node: PlanNode, path: String, units: [NodeUnit]) throws {
        let number = node.number ?? lastProgramme + 1
        lastProgramme = number
        var measures: [Measure] = []
        try collect(node, path: path, units: units, headings: [], into: &measures, isProgramme: true)
        programmes.append(
            Programme(
                number: number, key: node.id, title: node.title, titleEn: node.titleEn ?? node.title,
                measures: measures, writtenLabel: node.label == ChineseNumeral.of(number) + "、" ? nil : node.label))
    }

    /// The measures under `node` (a programme or a heading inside one), in plan order; the node's
    /// own targets first, as an item of their own.
    private mutating func collect(
        _ node: PlanNode, path: String, units: [NodeUnit], headings: [String], into measures: inout [Measure],
        isProgramme: Bool
    ) throws {
        let ownPosition = measures.count
        let ownNumber = node.targets?.isEmpty == false ? nextMeasureNumber(nil) : nil
        let below = isProgramme ? headings : headings + [node.label + node.title]
        for (index, child) in (node.children ?? []).enumerated() {
            let childPath = path + ".children[\(index)]"
            let childUnits = child.units ?? units
            if child.kind == .measure {
                measures.append(measure(child, units: childUnits, headings: below))
            } else {
                try collect(
                    child, path: childPath, units: childUnits, headings: below, into: &measures, isProgramme: false)
            }
        }
        guard let ownNumber, let targets = node.targets else { return }
        var own = roles(units)
        if own.lead.isEmpty {
            // A 行动's opening targets answer to the units leading its measures when it names none.
            for name in measures[ownPosition...].flatMap(\.leadUnits) where !own.lead.contains(name) {
                own.lead.append(name)
            }
        }
        // Listed first under the node's heading, as the plan writes them first in its paragraph.
        measures.insert(
            Measure(
                number: ownNumber, title: "本节目标", titleEn: "Targets of this section", text: node.text ?? "",
                leadUnits: own.lead, responsibleUnits: own.responsible, targets: targets.map(\.modelTarget),
                storedId: node.id, writtenLabel: "", path: below.isEmpty ? nil : below,
                otherUnits: own.other.isEmpty ? nil : own.other),
            at: ownPosition)
    }

    private mutating func measure(_ node: PlanNode, units: [NodeUnit], headings: [String]) -> Measure {
        let number = nextMeasureNumber(node.number)
        var targets = (node.targets ?? []).map(\.modelTarget)
        var text = node.text ?? ""
        var allUnits = units
        // Items inside a measure are points of it: their targets, words and units are the measure's.
        func absorb(_ items: [PlanNode]) {
            for item in items {
                targets += (item.targets ?? []).map(\.modelTarget)
                let line = item.label + item.title + (item.text.map { "：" + $0 } ?? "")
                text += text.isEmpty ? line : "\n" + line
                for unit in item.units ?? [] where !allUnits.contains(unit) { allUnits.append(unit) }
                absorb(item.children ?? [])
            }
        }
        absorb(node.children ?? [])
        let roles = roles(allUnits)
        // What format 1 would compute is left unsaid, so a plan reads the same from either format.
        return Measure(
            number: number, title: node.title, titleEn: node.titleEn ?? node.title, text: text,
            leadUnits: roles.lead, responsibleUnits: roles.responsible, targets: targets,
            storedId: node.id == Measure.itemId(number) ? nil : node.id,
            writtenLabel: node.label == "（\(ChineseNumeral.of(number))）" ? nil : node.label,
            path: headings.isEmpty ? nil : headings,
            otherUnits: roles.other.isEmpty ? nil : roles.other)
    }

    /// Related measures named by id become numbers, once every measure has its number; an id no
    /// measure has is an error naming the target.
    mutating func resolveRelatedMeasureIds() throws {
        var numbers: [String: Int] = [:]
        for measure in programmes.flatMap(\.measures) { numbers[measure.itemId] = measure.number }
        func resolve(_ target: inout Target) throws {
            guard let ids = target.relatedMeasureIds else { return }
            for id in ids {
                guard let number = numbers[id] else {
                    throw PlanError.invalid(
                        path: "target \(target.id).relatedMeasures",
                        reason: Phrase("没有编号为 \(id) 的措施", "no measure has the id \(id)"))
                }
                if !(target.relatedMeasures ?? []).contains(number) {
                    target.relatedMeasures = (target.relatedMeasures ?? []) + [number]
                }
            }
            target.relatedMeasureIds = nil
        }
        for index in overall.indices { try resolve(&overall[index]) }
        for p in programmes.indices {
            for m in programmes[p].measures.indices {
                for t in programmes[p].measures[m].targets.indices {
                    try resolve(&programmes[p].measures[m].targets[t])
                }
            }
        }
    }

    private mutating func nextMeasureNumber(_ given: Int?) -> Int {
        let number = given ?? lastMeasure + 1
        lastMeasure = number
        return number
    }

    func roles(_ units: [NodeUnit]) -> (lead: [String], responsible: [String], other: [NodeUnit]) {
        let units = units.map { reference in
            let known = self.units.first { [$0.name, $0.id, $0.short].contains(reference.unit) }
            return NodeUnit(unit: known?.name ?? reference.unit, role: reference.role)
        }
        return (
            units.filter { $0.role == .lead }.map(\.unit), units.filter { $0.role == .responsible }.map(\.unit),
            units.filter { $0.role != .lead && $0.role != .responsible }
        )
    }
}
