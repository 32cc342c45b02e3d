/// A target or dated milestone the plan sets, with everything needed to judge it.
public struct Target: Codable, Sendable, Hashable {
    /// Stable id: G25-n / G27-n for the overall targets of section 一, Mmm-n for measure mm.
    public var id: String
    /// The target as a standalone statement, in the plan's words.
    public var description: String
    public var descriptionEn: String
    /// The words of the plan this target encodes, verbatim (tests check they are in the text).
    public var source: String
    public var kind: TargetKind
    /// How the goal is compared (nil for milestones).
    public var comparator: GoalComparator?
    /// The comparator word as the plan writes it (以上, 不低于, 超过, 左右, 达到, 全部), when it writes one.
    public var comparatorText: String?
    /// The number as written, in `unit` (1万辆 is stored as 10000 辆). For a baseline-relative
    /// target this is the growth in percent over the baseline year.
    public var value: Double?
    public var unit: String?
    /// What a reported number means.
    public var reading: Reading?
    /// The last day to meet the target (nil for annual targets, which are judged each year).
    public var deadline: Day?
    public var recurrence: Recurrence?
    /// The year a relative target is measured against (较2023年); staff enter its figure.
    public var baselineYear: Int?
    /// Unit of the reported figures when it differs from `unit` (relative targets: 亿元, 辆…).
    public var reportedUnit: String?
    /// For overall targets: the measures that deliver it.
    public var relatedMeasures: [Int]?
    /// Related measures a format 2 file names by id (P2.1.3) rather than number; the plan builder
    /// turns them into `relatedMeasures` (nil in every plan built).
    public var relatedMeasureIds: [String]?
    /// How the goal is stated when not as its fields imply (PLAN-FORMAT.md): nil means `absolute`,
    /// `growthOnBase` with a base year, `qualitative` for a milestone (`impliedStyle`).
    public var style: TargetStyle?
    /// The indicator series it belongs to: targets of one series share one reported figure.
    public var series: String?
    /// For 左右/约 goals: the fraction either side that counts as met (the rules' when nil).
    public var tolerance: Double?

    public init(
        id: String, description: String, descriptionEn: String, source: String, kind: TargetKind,
        comparator: GoalComparator? = nil, comparatorText: String? = nil, value: Double? = nil,
        unit: String? = nil, reading: Reading? = nil, deadline: Day? = nil,
        recurrence: Recurrence? = nil, baselineYear: Int? = nil, reportedUnit: String? = nil,
        relatedMeasures: [Int]? = nil, style: TargetStyle? = nil, series: String? = nil, tolerance: Double? = nil
    ) {
        self.id = id
        self.description = description
        self.descriptionEn = descriptionEn
        self.source = source
        self.kind = kind
        self.comparator = comparator
        self.comparatorText = comparatorText
        self.value = value
        self.unit = unit
        self.reading = reading
        self.deadline = deadline
        self.recurrence = recurrence
        self.baselineYear = baselineYear
        self.reportedUnit = reportedUnit
        self.relatedMeasures = relatedMeasures
        self.style = style
        self.series = series
        self.tolerance = tolerance
    }

    /// The style the fields imply when none is written.
    public var impliedStyle: TargetStyle {
        if kind == .milestone { return .qualitative }
        return baselineYear == nil ? .absolute : .growthOnBase
    }

    /// The style it is judged by.
    public var judgedStyle: TargetStyle { style ?? impliedStyle }

    /// True for targets set relative to a baseline year's figure (较2023年增长45%).
    public var isRelative: Bool { baselineYear != nil }

    /// True when the target cannot be judged without a baseline (DESIGN §4): relative targets, and
    /// levels (a rate, a share, a stock), which start where they stood, never from 0.
    public var needsBaseline: Bool { kind == .quantitative && (isRelative || reading == .level) }

    /// Unit in which entries report figures.
    public var entryUnit: String? { reportedUnit ?? unit }

    /// Annual targets have no single deadline: they are ongoing for the plan's life.
    public var isOngoing: Bool { recurrence == .annual }

    /// The goal in one line: ">=50家", "较2023年 ~+100%", "每年 >=150台（套）".
    public func goalText(_ language: Language) -> String {
        if kind == .quantitative, let comparator, judgedStyle == .parentAverage {
            return comparator.symbol + (language == .zh ? "上级平均水平" : "parent average")
        }
        guard kind == .quantitative, let comparator, let value else {
            return language == .zh ? "里程碑" : "milestone"
        }
        let number = NumberText.format(value)
        var text: String
        if judgedStyle == .growthOnPreviousYear {
            text =
                language == .zh
                ? "比上年 \(comparator.symbol)+\(number)\(unit ?? "")"
                : "\(comparator.symbol)+\(number)\(unit ?? "") on the year before"
        } else if judgedStyle == .averageAnnualGrowth {
            text =
                language == .zh
                ? "年均 \(comparator.symbol)+\(number)\(unit ?? "")"
                : "\(comparator.symbol)+\(number)\(unit ?? "") a year"
        } else if let baselineYear {
            let shownUnit = UnitText.localized(unit ?? "", language)
            text =
                language == .zh
                ? "较\(baselineYear)年 \(comparator.symbol)+\(number)\(unit ?? "")"
                : "\(comparator.symbol)+\(number)\(shownUnit) on \(baselineYear)"
        } else {
            text = "\(comparator.symbol)\(number)\(UnitText.localized(unit ?? "", language))"
        }
        if recurrence == .annual { text = (language == .zh ? "每年 " : "yearly ") + text }
        return text
    }
}

/// Quantitative targets carry a number; milestones are done or not.
public enum TargetKind: String, Codable, Sendable, Hashable {
    case quantitative
    case milestone
}

/// How a reported figure is compared with the goal (DESIGN §3).
public enum GoalComparator: String, Codable, Sendable, Hashable, CaseIterable {
    /// 以上, 不低于: at least the value.
    case atLeast
    /// 超过: strictly more than the value.
    case moreThan
    /// 以下: at most the value.
    case atMost
    /// 左右, 约: about the value, within the tolerance in `StatusRules` (reaching the band counts).
    case about
    /// 达到 (or no word): the value is reached.
    case reach
    /// 全部: all of it, i.e. 100%.
    case all

    /// A compact symbol for tables. ASCII on purpose: ≥ ≤ ≈ are East-Asian-ambiguous and
    /// take two columns in some CJK terminals.
    public var symbol: String {
        switch self {
        case .atLeast, .reach, .all: return ">="
        case .moreThan: return ">"
        case .atMost: return "<="
        case .about: return "~"
        }
    }
}

/// What a reported number means, so the engine knows how to read a series of entries.
public enum Reading: String, Codable, Sendable, Hashable {
    /// Running total since the plan started (累计): the latest entry is the total to date.
    case cumulative
    /// Total so far this calendar year: the latest entry of a year is that year's figure.
    case yearToDate
    /// A level at the date, such as a rate or a stock (比例, 保有量): the latest entry stands.
    case level
}

/// 每年: the target applies again every calendar year.
public enum Recurrence: String, Codable, Sendable, Hashable {
    case annual
}

extension Target {
    enum CodingKeys: String, CodingKey {
        case id, description, descriptionEn, source, kind, comparator, comparatorText, value, unit, reading
        case deadline, recurrence, baselineYear, reportedUnit, relatedMeasures, style, series, tolerance
    }

    /// Reads every key; English is optional (PLAN-FORMAT.md): without `descriptionEn` the Chinese
    /// is shown in English output too.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let description = try c.decode(String.self, forKey: .description)
        self.init(
            id: try c.decode(String.self, forKey: .id), description: description,
            descriptionEn: try c.decodeIfPresent(String.self, forKey: .descriptionEn) ?? description,
            source: try c.decode(String.self, forKey: .source), kind: try c.decode(TargetKind.self, forKey: .kind),
            comparator: try c.decodeIfPresent(GoalComparator.self, forKey: .comparator),
            comparatorText: try c.decodeIfPresent(String.self, forKey: .comparatorText),
            value: try c.decodeIfPresent(Double.self, forKey: .value),
            unit: try c.decodeIfPresent(String.self, forKey: .unit),
            reading: try c.decodeIfPresent(Reading.self, forKey: .reading),
            deadline: try c.decodeIfPresent(Day.self, forKey: .deadline),
            recurrence: try c.decodeIfPresent(Recurrence.self, forKey: .recurrence),
            baselineYear: try c.decodeIfPresent(Int.self, forKey: .baselineYear),
            reportedUnit: try c.decodeIfPresent(String.self, forKey: .reportedUnit),
            relatedMeasures: nil,
            style: try c.decodeIfPresent(TargetStyle.self, forKey: .style),
            series: try c.decodeIfPresent(String.self, forKey: .series),
            tolerance: try c.decodeIfPresent(Double.self, forKey: .tolerance))
        // Numbers (format 1, and format 2 plans that number their measures) or ids (format 2).
        if let related = try c.decodeIfPresent([RelatedMeasure].self, forKey: .relatedMeasures) {
            relatedMeasures = related.compactMap(\.number)
            let ids = related.compactMap(\.id)
            relatedMeasureIds = ids.isEmpty ? nil : ids
        }
    }

    /// A related measure as a file names it: by number or by id.
    enum RelatedMeasure: Codable {
        case number(Int), id(String)

        var number: Int? { if case let .number(value) = self { value } else { nil } }
        var id: String? { if case let .id(value) = self { value } else { nil } }

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let number = try? c.decode(Int.self) {
                self = .number(number)
            } else {
                self = .id(try c.decode(String.self))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case let .number(value): try c.encode(value)
            case let .id(value): try c.encode(value)
            }
        }
    }

    /// Writes every key of the public contract, with explicit nulls, so scripts can rely on
    /// `deadline`, `recurrence` and `baselineYear` being present (README: `renewal plan --json`).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(description, forKey: .description)
        try container.encode(descriptionEn, forKey: .descriptionEn)
        try container.encode(source, forKey: .source)
        try container.encode(kind, forKey: .kind)
        try container.encode(comparator, forKey: .comparator)
        try container.encode(comparatorText, forKey: .comparatorText)
        try container.encode(value, forKey: .value)
        try container.encode(unit, forKey: .unit)
        try container.encode(reading, forKey: .reading)
        try container.encode(deadline, forKey: .deadline)
        try container.encode(recurrence, forKey: .recurrence)
        try container.encode(baselineYear, forKey: .baselineYear)
        try container.encodeIfPresent(reportedUnit, forKey: .reportedUnit)
        if let ids = relatedMeasureIds {
            let related = (relatedMeasures ?? []).map(RelatedMeasure.number) + ids.map(RelatedMeasure.id)
            try container.encode(related, forKey: .relatedMeasures)
        } else {
            try container.encodeIfPresent(relatedMeasures, forKey: .relatedMeasures)
        }
        try container.encodeIfPresent(style, forKey: .style)
        try container.encodeIfPresent(series, forKey: .series)
        try container.encodeIfPresent(tolerance, forKey: .tolerance)
    }
}

extension Plan {
    /// The targets that cannot be judged without a baseline, in plan order.
    public var targetsNeedingBaseline: [Target] { allTargets.filter(\.needsBaseline) }

    /// The year a target's baseline describes: the one the plan names (较2023年), else the year
    /// before the plan starts (where a level stood when the work began).
    public func baselineYear(of target: Target) -> Int { target.baselineYear ?? startDate.year - 1 }
}

extension Target {
    /// The goal as a return form says it: what to fill in and how the figure is read
    /// (里程碑：填“完成”或“推进中”; >=150台（套）（填本年累计）).
    public var formGoal: String {
        switch kind {
        case .milestone: return "里程碑：填“完成”或“推进中”"
        case .quantitative:
            let text = goalText(.zh)
            if recurrence == .annual || reading == .yearToDate { return text + "（填本年累计）" }
            if reading == .cumulative { return text + "（填累计数）" }
            return text
        }
    }
}
