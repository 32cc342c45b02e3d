/// A plan file in format 2 (PLAN-FORMAT.md): document metadata, nodes of any depth with labels as
/// written, units with roles, targets on any node (issue 24).
///
/// This first step reads and writes the format and converts it to and from `Plan` (format 1's
/// model, which every module judges and shows) for plans of format 1's shape: parts, programmes,
/// numbered measures. A plan of another shape is read and refused with a clear reason until the
/// model itself is general; `renewal plan upgrade` writes Linqing's plan in format 2 with nothing lost.
public struct PlanDocument: Codable, Sendable, Equatable {
    public var format: Int
    public var document: DocumentInfo
    public var period: Period
    public var units: [PlanUnit]
    public var nodes: [PlanNode]
    /// A draft's notes on the document itself (请核对: a title, 文号 or period guessed), until a
    /// person removes them (`renewal plan check` lists them).
    public var check: [Phrase]? = nil

    public init(
        format: Int, document: DocumentInfo, period: Period, units: [PlanUnit], nodes: [PlanNode],
        check: [Phrase]? = nil
    ) {
        self.format = format
        self.document = document
        self.period = period
        self.units = units
        self.nodes = nodes
        self.check = check
    }

    public struct DocumentInfo: Codable, Sendable, Equatable {
        public var title: String
        public var titleEn: String?
        /// 文号, e.g. 临政发〔2024〕8号.
        public var number: String?
        public var issuer: String?
        public var date: String?
        /// 文号 of the plans it implements (国发〔2024〕7号 …).
        public var parents: [String]?

        public init(
            title: String, titleEn: String? = nil, number: String? = nil, issuer: String? = nil, date: String? = nil,
            parents: [String]? = nil
        ) {
            self.title = title
            self.titleEn = titleEn
            self.number = number
            self.issuer = issuer
            self.date = date
            self.parents = parents
        }
    }

    public struct Period: Codable, Sendable, Equatable {
        public var start: Day
        public var end: Day

        public init(start: Day, end: Day) {
            self.start = start
            self.end = end
        }
    }

    /// The format this code writes; a file without `format` is format 1.
    public static let currentFormat = 2
}

/// A heading of the plan and what it holds.
public struct PlanNode: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// 总体要求, 保障措施 and the like: text and targets, no panel of its own.
        case part
        /// 工程 / 行动 / 任务 holding work: a panel on the dashboard.
        case programme
        /// What a unit reports on.
        case measure
        /// A point inside a measure.
        case item
    }

    public var id: String
    /// As written: 一、 （一） 1. （1）.
    public var label: String
    public var title: String
    public var titleEn: String?
    public var kind: Kind
    /// The number the label says, where measures are numbered across the plan (Linqing's 1–34).
    public var number: Int?
    public var text: String?
    public var units: [NodeUnit]?
    public var targets: [NodeTarget]?
    public var children: [PlanNode]?
    /// A draft's notes on this node (its kind guessed, no unit found) until a person removes them.
    public var check: [Phrase]?

    public init(
        id: String, label: String, title: String, titleEn: String? = nil, kind: Kind, number: Int? = nil,
        text: String? = nil, units: [NodeUnit]? = nil, targets: [NodeTarget]? = nil, children: [PlanNode]? = nil,
        check: [Phrase]? = nil
    ) {
        self.check = check
        self.id = id
        self.label = label
        self.title = title
        self.titleEn = titleEn
        self.kind = kind
        self.number = number
        self.text = text
        self.units = units
        self.targets = targets
        self.children = children
    }
}

/// A unit named by a node, with its role.
public struct NodeUnit: Codable, Sendable, Hashable {
    public enum Role: String, Codable, Sendable {
        case lead, responsible, cooperating, participating
    }

    /// The unit's full name, as `units` lists it.
    public var unit: String
    public var role: Role

    public init(unit: String, role: Role) {
        self.unit = unit
        self.role = role
    }
}

/// A target in format 2: the model's `Target`, whose `style` and `series` are written out in full
/// (format 1 leaves the style implied).
public struct NodeTarget: Codable, Sendable, Equatable {
    public var target: Target
    /// A draft's notes (请核对) on this target, until a person confirms it and removes them.
    public var check: [Phrase]?

    public init(target: Target, style: TargetStyle?, series: String? = nil, check: [Phrase]? = nil) {
        var target = target
        target.style = style
        if let series { target.series = series }
        self.target = target
        self.check = check
    }

    public var style: TargetStyle? { target.style }
    public var series: String? { target.series }

    private enum DraftKeys: String, CodingKey { case check }

    public init(from decoder: any Decoder) throws {
        target = try Target(from: decoder)
        check = try decoder.container(keyedBy: DraftKeys.self).decodeIfPresent([Phrase].self, forKey: .check)
    }

    public func encode(to encoder: any Encoder) throws {
        try target.encode(to: encoder)
        var container = encoder.container(keyedBy: DraftKeys.self)
        try container.encodeIfPresent(check, forKey: .check)
    }

    /// The target as the model keeps it: the style left out where the fields imply it, so a plan
    /// read from either format is the same value.
    var modelTarget: Target {
        var target = target
        if target.style == target.impliedStyle { target.style = nil }
        return target
    }
}

/// How a goal is stated (issue 24's target styles).
public enum TargetStyle: String, Codable, Sendable, Hashable, CaseIterable {
    /// A figure to reach: 达到6000辆, 超过95%.
    case absolute
    /// Growth on a base year, in percent: 较2023年增长30%.
    case growthOnBase
    /// A rise in percentage points on a base year: 较2023年提高15个百分点.
    case pointRise
    /// 年均增长10%.
    case averageAnnualGrowth
    /// Growth on the previous year, every year: 比上年增长5%.
    case growthOnPreviousYear
    /// Relative to the parent region's average (高于全省平均水平): judged against a reference
    /// figure entered per period.
    case parentAverage
    /// A share floor: 占比不低于20%.
    case share
    /// A qualitative goal (基本淘汰, 大幅提升): judged as a milestone.
    case qualitative
}
