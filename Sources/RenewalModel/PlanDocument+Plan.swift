import Foundation

extension PlanDocument {
    /// Format 1's plan in format 2, with nothing lost: the overall targets become the part 一、总体要求
    /// (format 1 files are all of Linqing's shape, which numbers it so), each programme a node with
    /// its key as id, each measure a node with its item id (M01) and number.
    public init(upgrading plan: Plan) {
        func targets(_ list: [Target]) -> [NodeTarget]? {
            list.isEmpty ? nil : list.map { NodeTarget(target: $0, style: NodeTarget.style(of: $0)) }
        }
        let overall = PlanNode(
            id: "overall", label: "一、", title: "总体要求", titleEn: "General requirements", kind: .part, number: nil,
            text: nil, units: nil, targets: targets(plan.overallTargets), children: nil)
        let programmes = plan.programmes.map { programme in
            PlanNode(
                id: programme.key, label: programme.numeral + "、", title: programme.title, titleEn: programme.titleEn,
                kind: .programme, number: programme.number, text: nil, units: nil, targets: nil,
                children: programme.measures.map { measure in
                    let units =
                        measure.leadUnits.map { NodeUnit(unit: $0, role: .lead) }
                        + measure.responsibleUnits.map { NodeUnit(unit: $0, role: .responsible) }
                    return PlanNode(
                        id: measure.itemId, label: measure.label, title: measure.title, titleEn: measure.titleEn,
                        kind: .measure, number: measure.number, text: measure.text, units: units.isEmpty ? nil : units,
                        targets: targets(measure.targets), children: nil)
                })
        }
        self.init(
            format: Self.currentFormat,
            document: DocumentInfo(
                title: plan.title, titleEn: plan.titleEn, number: nil, issuer: nil, date: nil, parents: nil),
            period: Period(start: plan.startDate, end: plan.endDate), units: plan.units,
            nodes: [overall] + programmes)
    }

    /// The plan as renewal judges it today. Parts give the overall targets, programmes their
    /// numbered measures; a shape beyond that (a third level, targets on a programme, a unit that
    /// cooperates) is refused with where and why, until the model itself is general (issue 24).
    public func plan() throws -> Plan {
        var overall: [Target] = []
        var programmes: [Programme] = []
        for (index, node) in nodes.enumerated() {
            let path = "nodes[\(index)]"
            switch node.kind {
            case .part:
                guard node.children?.isEmpty ?? true else { throw Self.beyondTwoLevels(path + ".children") }
                overall += (node.targets ?? []).map(\.target)
            case .programme:
                guard let number = node.number else { throw Self.missing(path + ".number") }
                guard node.targets?.isEmpty ?? true else { throw Self.beyondTwoLevels(path + ".targets") }
                let measures = try (node.children ?? []).enumerated().map { position, child in
                    try Self.measure(child, path: path + ".children[\(position)]")
                }
                programmes.append(
                    Programme(
                        number: number, key: node.id, title: node.title, titleEn: node.titleEn ?? node.title,
                        measures: measures))
            case .measure, .item:
                throw Self.beyondTwoLevels(path + ".kind")
            }
        }
        return Plan(
            title: document.title, titleEn: document.titleEn ?? document.title, startDate: period.start,
            endDate: period.end, units: units, overallTargets: overall, programmes: programmes)
    }

    static func measure(_ node: PlanNode, path: String) throws -> Measure {
        guard node.kind == .measure, node.children?.isEmpty ?? true else { throw beyondTwoLevels(path) }
        guard let number = node.number else { throw missing(path + ".number") }
        let units = node.units ?? []
        if let other = units.firstIndex(where: { $0.role != .lead && $0.role != .responsible }) {
            throw beyondTwoLevels(path + ".units[\(other)].role")
        }
        return Measure(
            number: number, title: node.title, titleEn: node.titleEn ?? node.title, text: node.text ?? "",
            leadUnits: units.filter { $0.role == .lead }.map(\.unit),
            responsibleUnits: units.filter { $0.role == .responsible }.map(\.unit),
            targets: (node.targets ?? []).map(\.target))
    }

    static func missing(_ path: String) -> PlanError {
        PlanError.invalid(path: path, reason: Phrase("缺少此项", "missing key"))
    }

    static func beyondTwoLevels(_ path: String) -> PlanError {
        PlanError.invalid(
            path: path,
            reason: Phrase(
                "此处超出 renewal 目前能判定的结构（总体要求、工程、编号措施两级，牵头和责任单位）；更深的层级和配合、参与单位正在开发中",
                "beyond the shape renewal judges today (parts, programmes and numbered measures; lead and "
                    + "responsible units); deeper levels and cooperating units are being built"))
    }

    /// Decodes a plan file of either format: format 2 when it says so, format 1 otherwise; a
    /// newer format is refused by name.
    public static func plan(json data: Data) throws -> Plan {
        struct Probe: Decodable { var format: Int? }
        // Only a file with a "format" key is decoded twice: a province's format 1 plan is megabytes,
        // and a scan for the key costs a fraction of a parse.
        let mayHaveFormat = data.range(of: Data(#""format""#.utf8)) != nil
        let format = mayHaveFormat ? (try? JSONDecoder().decode(Probe.self, from: data))?.format ?? 1 : 1
        guard format >= 2 else { return try Plan.decode(json: data) }
        guard format == currentFormat else {
            throw PlanError.invalid(
                path: "format",
                reason: Phrase(
                    "格式 \(format) 由更新版本的 renewal 写出，请升级 renewal",
                    "format \(format) is from a newer renewal: upgrade renewal"))
        }
        let document: PlanDocument
        do {
            document = try JSONDecoder().decode(PlanDocument.self, from: data)
        } catch let error as DecodingError {
            throw PlanError.from(error)
        }
        return try document.plan()
    }
}
