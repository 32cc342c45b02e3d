import RenewalModel
import RenewalText

/// `renewal show G27-5` (or M04-1): one target — its goal, status and numbers, its record month
/// by month, the measures that deliver it and their lead units, flags and reports. The dashboard's
/// target page shows the same.
public struct TargetReport: Encodable, Sendable {
    public var target: TargetRow
    public var relatedMeasures: [Int]
    public var leadUnits: [String]
    /// The verdict when each monthly return fell due, oldest first (`StatusEngine.trackRecord`).
    public var months: [MonthRow]
    public var entries: [MeasureReport.EntryRow]
    public var flags: [SupervisionFlag]
    public var sampleData: Bool

    public struct MonthRow: Encodable, Sendable {
        /// "2026-10": the month the return covers.
        public var month: String
        public var status: Status
        public var statusLabel: String
        public var actual: Double?
        /// What was due: the figure expected on the way, or the goal once the deadline passed.
        public var due: Double?
    }

    let context: ReportContext

    enum CodingKeys: String, CodingKey {
        case target, relatedMeasures, leadUnits, months, entries, flags, sampleData
    }

    /// Nil when the plan has no such target.
    public init?(context: ReportContext, targetId: String) {
        guard let evaluation = context.evaluation.target(targetId), let row = context.row(evaluation),
            let target = context.plan.target(id: targetId)
        else { return nil }
        self.context = context
        self.target = row
        // A measure's target is delivered by its measure; an overall target names related ones.
        relatedMeasures =
            context.plan.measure(containingTarget: targetId).map { [$0.number] } ?? target.relatedMeasures ?? []
        months = StatusEngine(plan: context.plan).trackRecord(
            of: targetId, entries: context.entries, asOf: context.evaluation.asOf
        )
        .map { point in
            let judged = point.judged
            return MonthRow(
                month: String(point.month.description.prefix(7)), status: judged.status,
                statusLabel: judged.status.label(context.language), actual: judged.actual,
                due: TargetReport.due(judged, month: point.month))
        }
        leadUnits = context.plan.leadUnits(forTarget: targetId)
        flags = context.flags.filter { $0.itemId == targetId }
        sampleData = context.isSample
        // An overall target's baseline (基数) is part of its story: it is listed with the reports.
        entries = MeasureReport.EntryRow.newestFirst(
            context.entries, on: Set(context.plan.seriesItems(of: targetId)), asOf: context.evaluation.asOf,
            baselines: true)
    }

    /// What was due at a month of the record: the figure expected on the way, the goal itself once
    /// the deadline has passed (or where no path applies). The target page reads it too.
    public static func due(_ judged: TargetEvaluation, month: Day) -> Double? {
        if let due = judged.due { return due }
        return judged.deadline.map { month >= $0 } == true ? judged.goal : nil
    }

    /// Month by month: sparklines of the figure and of what was due (ASCII, so they paste anywhere),
    /// the status marks, then the last six months in words.
    func monthLines() -> [String] {
        let c = context
        guard !months.isEmpty else { return [] }
        var lines = [
            "", c.pick("逐月（各月报送截止日的判定，最早在左）：", "Month by month (as judged when each return fell due, oldest left):"),
        ]
        let shown = Array(months.suffix(max(6, c.width - 12)))
        if target.kind == .quantitative {
            let top = shown.flatMap { [$0.actual, $0.due] }.compactMap { $0 }.max() ?? 0
            lines.append(
                c.pick("  实际 ", "  actual   ") + Sparkline.render(shown.map(\.actual), maximum: top, ascii: true))
            lines.append(c.pick("  应达 ", "  due      ") + Sparkline.render(shown.map(\.due), maximum: top, ascii: true))
        }
        lines.append(c.pick("  状态 ", "  status   ") + shown.map(\.status.mark).joined())
        lines.append(c.pick("       ", "           ") + "\(shown.first?.month ?? "") – \(shown.last?.month ?? "")")
        for row in months.suffix(6).reversed() {
            var text = "  \(row.month)  \(row.status.mark) \(row.statusLabel)"
            if target.kind == .quantitative {
                text += c.pick("，实际 ", ", actual ") + c.quantity(row.actual, unit: target.unit, approximate: true)
                text += c.pick("，应达 ", ", due ") + c.quantity(row.due, unit: target.unit, approximate: true)
            }
            lines.append(text)
        }
        return lines
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
        let kind = target.measure == nil ? c.pick("总体目标 ", "Overall target ") : c.pick("指标 ", "Target ")
        lines.append(TextLayout.truncate(kind + target.id, to: width, ellipsis: true))
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
        let others = c.plan.seriesItems(of: target.id).dropFirst()
        if !others.isEmpty {
            // One figure stands for the whole series: a report on any of these counts here too.
            field(c.pick("同一指标", "Same figure as"), others.joined(separator: c.pick("、", ", ")))
        }
        lines.append(contentsOf: monthLines())
        lines.append(contentsOf: MeasureReport.flagLines(flags, context: c))
        lines.append(contentsOf: MeasureReport.entryLines(entries, limit: historyLimit, context: c))
        return lines.map { TextLayout.truncate($0, to: width) }.joined(separator: "\n")
    }
}
