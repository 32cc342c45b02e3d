import RenewalModel
import RenewalText

/// `renewal summary`: each programme with its measures' status counts and a bar, then the
/// overall targets of section 一.
public struct SummaryReport: Encodable, Sendable {
    public var title: String
    public var asOf: String
    public var measureCounts: [String: Int]
    public var targetCounts: [String: Int]
    public var programmes: [ProgrammeRow]
    public var overallTargets: [TargetRow]

    public struct ProgrammeRow: Codable, Sendable {
        public var number: Int
        public var key: String
        public var title: String
        public var titleEn: String
        public var counts: [String: Int]
        /// Targets overdue or lagging in this programme.
        public var overdue: Int
        public var measures: [MeasureRow]
    }

    public struct MeasureRow: Codable, Sendable {
        public var number: Int
        public var title: String
        public var status: Status
        public var statusLabel: String
        public var markers: [Marker]
    }

    let context: ReportContext
    /// True for the fictional sample data (`--demo`).
    public var sampleData: Bool

    enum CodingKeys: String, CodingKey {
        case title, asOf, measureCounts, targetCounts, programmes, overallTargets, sampleData
    }

    public init(context: ReportContext) {
        self.context = context
        sampleData = context.isSample
        let plan = context.plan
        let evaluation = context.evaluation
        title = context.pick(plan.title, plan.titleEn)
        asOf = evaluation.asOf.description
        measureCounts = evaluation.measureCounts.dictionary
        targetCounts = evaluation.targetCounts.dictionary
        programmes = zip(plan.programmes, evaluation.programmes).map { programme, judged in
            ProgrammeRow(
                number: programme.number, key: programme.key, title: programme.title, titleEn: programme.titleEn,
                counts: judged.counts.dictionary, overdue: judged.overdueCount,
                measures: zip(programme.measures, judged.measures).map { measure, m in
                    MeasureRow(
                        number: measure.number, title: context.pick(measure.title, measure.titleEn),
                        status: m.status, statusLabel: m.status.label(context.language),
                        markers: m.markers)
                })
        }
        overallTargets = evaluation.overall.compactMap { context.row($0) }
    }

    /// The report as text lines that fit `context.width`.
    public func text() -> String {
        let c = context
        let width = c.width
        var lines: [String] = c.sampleBanner
        lines.append(TextLayout.truncate(title, to: width, ellipsis: true))
        let counts = c.evaluation.measureCounts
        lines.append(
            TextLayout.truncate(
                c.pick(
                    "进展汇总（截至 \(asOf)）：措施 \(counts.total) 项，指标 \(c.evaluation.targetCounts.total) 项",
                    "Summary as of \(asOf): \(counts.total) measures, \(c.evaluation.targetCounts.total) targets"),
                to: width))
        lines.append("")

        let barWidth = width >= 80 ? 22 : 14
        let nameWidth = min(34, width - barWidth - 12)
        lines.append(
            TextLayout.padRight(c.pick("工程", "Programme"), to: nameWidth) + " "
                + TextLayout.padRight(c.pick("措施状态", "Measures"), to: barWidth) + " " + c.pick("计数", "Counts"))
        for (programme, judged) in zip(c.plan.programmes, c.evaluation.programmes) {
            lines.append(
                row(name: c.heading(programme), counts: judged.counts, nameWidth: nameWidth, barWidth: barWidth))
        }
        lines.append(
            row(name: c.pick("全部措施", "All measures"), counts: counts, nameWidth: nameWidth, barWidth: barWidth))
        lines.append(contentsOf: TextLayout.wrap(StatusBar.legend(c.language), width: width))
        lines.append(contentsOf: TextLayout.wrap(statusLegend(), width: width))
        lines.append("")

        // A plan whose targets all stand in its programmes has no overall table.
        if c.plan.overallTargets.isEmpty {
            return lines.dropLast().map { TextLayout.truncate($0, to: width) }.joined(separator: "\n")
        }
        lines.append(
            c.pick("总体目标（\(c.plan.overallHeadingText(.zh))）", "Overall targets (\(c.plan.overallHeadingText(.en)))"))
        let statusWidth = c.statusWidth
        let goalWidth = 15
        let actualWidth = 10
        let descriptionWidth = max(10, width - 6 - statusWidth - goalWidth - actualWidth - 4)
        lines.append(
            TextLayout.padRight(c.pick("编号", "Id"), to: 6) + " "
                + TextLayout.padRight(c.pick("状态", "Status"), to: statusWidth) + " "
                + TextLayout.padRight(c.pick("目标值", "Goal"), to: goalWidth) + " "
                + TextLayout.padRight(c.pick("实际", "Actual"), to: actualWidth) + " "
                + c.pick("目标", "Target"))
        for judged in c.evaluation.overall {
            guard let target = c.plan.target(id: judged.targetId) else { continue }
            let actual =
                target.kind == .milestone
                ? (judged.milestoneState?.label(c.language) ?? "-")
                : (judged.actual.map { c.quantity($0, unit: target.entryUnit) } ?? "-")
            lines.append(
                TextLayout.padRight(target.id, to: 6) + " "
                    + TextLayout.padRight(c.statusText(judged.status), to: statusWidth) + " "
                    + TextLayout.padRight(target.goalText(c.language), to: goalWidth) + " "
                    + TextLayout.padRight(actual, to: actualWidth) + " "
                    + TextLayout.truncate(c.description(target), to: descriptionWidth, ellipsis: true))
        }
        return lines.map { TextLayout.truncate($0, to: width) }.joined(separator: "\n")
    }

    func row(name: String, counts: StatusCounts, nameWidth: Int, barWidth: Int) -> String {
        let countText = counts.nonZero.map { "\($0.status.mark)\($0.count)" }.joined(separator: " ")
        return TextLayout.padRight(name, to: nameWidth) + " " + StatusBar.render(counts, width: barWidth) + " "
            + countText
    }

    func statusLegend() -> String {
        (context.pick("标记：", "Marks: "))
            + Status.worstFirst.map { "\($0.mark)\($0.label(context.language))" }.joined(separator: " ")
    }
}

extension StatusCounts {
    /// Status code → count, for JSON (zero counts included so scripts see every key).
    var dictionary: [String: Int] {
        Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0.code, self[$0]) })
    }
}
