import Foundation

extension PlanDocument {
    /// A plan in format 2, with nothing lost for format 1's plans: the overall targets become the
    /// part 一、总体要求 (format 1 files are all of Linqing's shape, which numbers it so), each
    /// programme a node with its key as id, each measure a node with its item id (M01) and number.
    public init(upgrading plan: Plan) {
        func targets(_ list: [Target]) -> [NodeTarget]? {
            list.isEmpty ? nil : list.map { NodeTarget(target: $0, style: $0.judgedStyle) }
        }
        let heading = plan.overallHeading.map { PlanDocument.splitHeading($0) } ?? (label: "一、", title: "总体要求")
        let overall = PlanNode(
            id: "overall", label: heading.label, title: heading.title,
            titleEn: plan.overallHeadingEn ?? "General requirements", kind: .part, number: nil,
            text: nil, units: nil, targets: targets(plan.overallTargets), children: nil)
        let programmes = plan.programmes.map { programme in
            PlanNode(
                id: programme.key, label: programme.label, title: programme.title, titleEn: programme.titleEn,
                kind: .programme, number: programme.number, text: nil, units: nil, targets: nil,
                children: programme.measures.map { measure in
                    let units =
                        measure.leadUnits.map { NodeUnit(unit: $0, role: .lead) }
                        + measure.responsibleUnits.map { NodeUnit(unit: $0, role: .responsible) }
                        + (measure.otherUnits ?? [])
                    return PlanNode(
                        id: measure.itemId, label: measure.label, title: measure.title, titleEn: measure.titleEn,
                        kind: .measure, number: measure.number, text: measure.text, units: units.isEmpty ? nil : units,
                        targets: targets(measure.targets), children: nil)
                })
        }
        self.init(
            format: Self.currentFormat,
            document: DocumentInfo(
                title: plan.title, titleEn: plan.titleEn, number: plan.documentNumber, issuer: nil, date: nil,
                parents: nil),
            period: Period(start: plan.startDate, end: plan.endDate), units: plan.units,
            nodes: [overall] + programmes)
    }

    /// "一、总体要求" → ("一、", "总体要求"): the label is what precedes the first 、 or closing bracket.
    public static func splitHeading(_ heading: String) -> (label: String, title: String) {
        guard let end = heading.firstIndex(where: { "、）.．".contains($0) }) else { return ("", heading) }
        let cut = heading.index(after: end)
        return (String(heading[..<cut]), String(heading[cut...]))
    }

    /// The plan as renewal judges and shows it, from a tree of any depth (PLAN-FORMAT.md):
    /// - every `programme` node is a panel; `measure` nodes below it, at any depth, are what
    ///   units report on, with the headings between as their `path`; a measure's `item`s add their
    ///   targets, text and units to it;
    /// - targets on a programme, or on a heading between it and its measures, are that node's own
    ///   item in the panel (reported on by the node's units, else its measures' leads);
    /// - targets on `part`s outside every programme are the overall targets;
    /// - a node without units takes its parent's; numbers are the plan's where given, else
    ///   counted in plan order (they key the dashboard's pages; labels are shown as written).
    public func plan() throws -> Plan {
        var builder = PlanBuilder(units: units)
        for (index, node) in nodes.enumerated() {
            try builder.visitOutside(node, path: "nodes[\(index)]", inherited: [])
        }
        try builder.resolveRelatedMeasureIds()
        // Linqing's heading is what a plan without one shows: left unsaid, as format 1 leaves it.
        let heading = builder.overallHeading.flatMap {
            $0.zh == "一、总体要求" && $0.en == "1. General requirements" ? nil : $0
        }
        return Plan(
            title: document.title, titleEn: document.titleEn ?? document.title, startDate: period.start,
            endDate: period.end, units: units, overallTargets: builder.overall, programmes: builder.programmes,
            documentNumber: document.number, overallHeading: heading?.zh, overallHeadingEn: heading?.en)
    }

    static func misplaced(_ path: String) -> PlanError {
        PlanError.invalid(
            path: path,
            reason: Phrase(
                "措施（measure）须位于某个工程或行动（programme）之下，仪表盘按工程分栏显示",
                "a measure must sit under a programme: the dashboard shows a panel per programme"))
    }

    /// The format a plan file says it is in: 1 when it says none (or is not JSON).
    public static func format(of data: Data) -> Int {
        struct Probe: Decodable { var format: Int? }
        // Only a file with a "format" key is decoded twice: a province's format 1 plan is megabytes,
        // and a scan for the key costs a fraction of a parse.
        guard data.range(of: Data(#""format""#.utf8)) != nil else { return 1 }
        return (try? JSONDecoder().decode(Probe.self, from: data))?.format ?? 1
    }

    /// Decodes a plan file of either format: format 2 when it says so, format 1 otherwise; a
    /// newer format is refused by name.
    public static func plan(json data: Data) throws -> Plan {
        let format = format(of: data)
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
