import RenewalModel
import RenewalText

/// `renewal show G27-5`: one overall target of section 一 — its goal, status and numbers, the
/// measures that deliver it and their lead units, flags and reports. (A measure's target is
/// shown with its measure, `MeasureReport`.)
public struct TargetReport: Encodable, Sendable {
    public var target: TargetRow
    public var relatedMeasures: [Int]
    public var leadUnits: [String]
    public var entries: [MeasureReport.EntryRow]
    public var flags: [SupervisionFlag]
    public var sampleData: Bool

    let context: ReportContext

    enum CodingKeys: String, CodingKey {
        case target, relatedMeasures, leadUnits, entries, flags, sampleData
    }

    /// Nil when the plan has no such target.
    public init?(context: ReportContext, targetId: String) {
        guard let evaluation = context.evaluation.target(targetId), let row = context.row(evaluation),
            let target = context.plan.target(id: targetId)
        else { return nil }
        self.context = context
        self.target = row
        relatedMeasures = target.relatedMeasures ?? []
        leadUnits = context.plan.leadUnits(forTarget: targetId)
        flags = context.flags.filter { $0.itemId == targetId }
        sampleData = context.isSample
        // An overall target's baseline (基数) is part of its story: it is listed with the reports.
        entries = MeasureReport.EntryRow.newestFirst(
            context.entries, on: [targetId], asOf: context.evaluation.asOf, baselines: true)
    }

    /// The report as text lines that fit `context.width`.
    public func text(historyLimit: Int = 6) -> String {
        let c = context
        let width = c.width
        var lines: [String] = c.sampleBanner
        func field(_ label: String, _ value: String) {
            let head = label + c.pick("：", ": ")
            let indent = DisplayWidth.of(head)
            for (index, line) in TextLayout.wrap(value, width: width - indent).enumerated() {
                lines.append((index == 0 ? head : String(repeating: " ", count: indent)) + line)
            }
        }
        lines.append(TextLayout.truncate(c.pick("总体目标 ", "Overall target ") + target.id, to: width, ellipsis: true))
        field(c.pick("目标", "Target"), target.description)
        let status = target.status
        let markerText = c.markersText(target.markers)
        field(
            c.pick("状态", "Status"),
            c.statusText(status) + (markerText.isEmpty ? "" : " " + markerText)
                + c.pick("（截至 \(c.evaluation.asOf)）", " (as of \(c.evaluation.asOf))"))
        field(c.pick("数据", "Figures"), MeasureReport.numbers(target, context: c))
        let measures = relatedMeasures.compactMap { c.plan.measure(number: $0) }.map { c.heading($0) }
        field(c.pick("相关措施", "Measures"), measures.isEmpty ? "-" : measures.joined(separator: c.pick("；", "; ")))
        field(
            c.pick("牵头单位", "Lead"),
            leadUnits.isEmpty ? "-" : leadUnits.map { c.unitName($0) }.joined(separator: c.pick("、", "; ")))
        lines.append(contentsOf: MeasureReport.flagLines(flags, context: c))
        lines.append(contentsOf: MeasureReport.entryLines(entries, limit: historyLimit, context: c))
        return lines.map { TextLayout.truncate($0, to: width) }.joined(separator: "\n")
    }
}
