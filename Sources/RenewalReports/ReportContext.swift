import RenewalModel
import RenewalText

/// What every report needs: the plan, its evaluation as of a date, the language and the width.
public struct ReportContext: Sendable {
    public let plan: Plan
    public let evaluation: PlanEvaluation
    public let language: Language
    /// Columns the text output must fit in.
    public let width: Int
    /// Entries, for history in measure detail.
    public let entries: [ProgressEntry]
    /// Supervision flags open on the as-of date (raised by then, not yet cleared).
    public let flags: [SupervisionFlag]
    /// Every flag raised by the as-of date, closed ones too: the bulletin names those closed since
    /// the previous one with how they were answered (逾期反馈 stays on the record).
    public let flagHistory: [SupervisionFlag]
    /// True when the data is the fictional sample (`--demo`): every output says so.
    public let isSample: Bool

    public init(
        plan: Plan, evaluation: PlanEvaluation, language: Language, width: Int = 80, entries: [ProgressEntry] = [],
        flags: [SupervisionFlag] = [], flagHistory: [SupervisionFlag]? = nil, isSample: Bool = false
    ) {
        self.plan = plan
        self.evaluation = evaluation
        self.language = language
        self.width = max(40, width)
        self.entries = entries
        self.flags = flags
        self.flagHistory = flagHistory ?? flags
        self.isSample = isSample
    }

    /// The first line of every text output of a demo run.
    var sampleBanner: [String] {
        guard isSample else { return [] }
        return TextLayout.wrap(
            pick(
                "【示例数据】以下为虚构的示例数据，仅供演示，不代表实际进展。",
                "[SAMPLE DATA] Fictional figures for demonstration only."), width: width)
    }

    func pick(_ zh: String, _ en: String) -> String { language.pick(zh, en) }

    func heading(_ programme: Programme) -> String { programme.heading(language) }

    func heading(_ measure: Measure) -> String { measure.fullHeading(language) }

    func description(_ target: Target) -> String {
        language == .zh ? target.description : target.descriptionEn
    }

    public func unitName(_ name: String, short: Bool = false) -> String { plan.unitName(name, language, short: short) }

    /// "50家", "35%", "0.8:1", "1.2 亿元" — a figure with its unit.
    /// "基数 100辆" beside a relative target's figures (it explains a progress below zero), said
    /// unusable when the engine could not grow from it; nil when there is no baseline.
    func baselineFact(_ row: TargetRow) -> String? {
        guard let baseline = row.baseline else { return nil }
        let shown = pick("基数 ", "baseline ") + quantity(baseline, unit: row.unit)
        return row.status == .baselineMissing ? shown + pick("（不能作为增长基数）", " (no base to grow from)") : shown
    }

    func quantity(_ value: Double?, unit: String?, approximate: Bool = false) -> String {
        guard let value else { return pick("无", "none") }
        if approximate { return UnitText.approximate(value, unit: unit, language) }
        let number = NumberText.format(value)
        guard let unit, !unit.isEmpty else { return number }
        return number + unitText(unit)
    }

    func unitText(_ unit: String) -> String { UnitText.localized(unit, language) }

    /// A shortfall: for a rate (unit %) in 个百分点, never "6.6%", so a rate gap is not read as a
    /// share of progress (DESIGN §4 "rates").
    func gapText(_ gap: Double, unit: String?) -> String {
        guard unit == "%" else { return quantity(gap, unit: unit, approximate: true) }
        return NumberText.approximate(gap) + pick(" 个百分点", " pts")
    }

    /// 完成进度 27%，序时进度 71%: progress beside the schedule, for rates where the rate and the
    /// progress toward it are different numbers.
    func progressText(_ row: TargetRow) -> String? {
        guard row.unit == "%", let progress = row.progress, let expected = row.expectedProgress else { return nil }
        return pick(
            "完成进度 \(NumberText.percent(progress))，序时进度 \(NumberText.percent(expected))",
            "progress \(NumberText.percent(progress)), schedule \(NumberText.percent(expected))")
    }

    func statusText(_ status: Status) -> String { "\(status.mark) \(status.label(language))" }

    /// Widest status label in this language, with its mark.
    var statusWidth: Int {
        Status.allCases.map { DisplayWidth.of(statusText($0)) }.max() ?? 12
    }

    func markersText(_ markers: [Marker]) -> String {
        markers.map { "[\($0.label(language))]" }.joined(separator: " ")
    }

    func lagText(_ lag: Double) -> String { LagText.phrase(lag, language) }

    /// Separator between facts on one line. Not "·": it is East-Asian-ambiguous and takes two
    /// columns in some CJK terminals, which breaks alignment.
    var dot: String { pick("，", "; ") }
}
