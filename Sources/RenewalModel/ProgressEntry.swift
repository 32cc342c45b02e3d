/// One progress report on a target or a measure. Entries are never changed: a correction is a
/// new entry naming the one it corrects (一事一记、全程留痕).
public struct ProgressEntry: Codable, Sendable, Hashable {
    /// Unique id (the store assigns one; a CSV file uses "file:line").
    public var id: String
    /// A target id (M02-1, G25-1) or a measure id (M08) for narrative-only reports.
    public var itemId: String
    /// The day the figure describes.
    public var date: Day
    /// The reported figure, in the target's reporting unit.
    public var value: Double?
    /// For milestones and narrative reports.
    public var milestone: MilestoneState?
    /// 进展情况
    public var progress: String
    /// 存在问题
    public var problems: String
    /// 下步计划
    public var nextSteps: String
    /// The unit that reported it.
    public var reportingUnit: String?
    public var recordedBy: String?
    /// ISO 8601 timestamp of recording.
    public var recordedAt: String?
    /// The entry this one corrects, and why.
    public var corrects: String?
    public var reason: String?
    /// Set when the entry gives the baseline figure for this year (较2023年 targets), not progress.
    public var baselineYear: Int?

    public init(id: String, itemId: String, date: Day, value: Double? = nil, milestone: MilestoneState? = nil,
                progress: String = "", problems: String = "", nextSteps: String = "",
                reportingUnit: String? = nil, recordedBy: String? = nil, recordedAt: String? = nil,
                corrects: String? = nil, reason: String? = nil, baselineYear: Int? = nil) {
        self.id = id
        self.itemId = itemId
        self.date = date
        self.value = value
        self.milestone = milestone
        self.progress = progress
        self.problems = problems
        self.nextSteps = nextSteps
        self.reportingUnit = reportingUnit
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.corrects = corrects
        self.reason = reason
        self.baselineYear = baselineYear
    }

    /// True when this entry states a baseline rather than progress.
    public var isBaseline: Bool { baselineYear != nil }
}

/// State of a milestone as reported.
public enum MilestoneState: String, Codable, Sendable, Hashable {
    case inProgress
    case done

    /// Accepts the words departments write in a return: 完成/已完成/done, 推进中/进行中/in progress.
    public init?(text: String) {
        switch text.lowercased().filter({ !$0.isWhitespace }) {
        case "完成", "已完成", "done", "complete", "completed", "是", "yes": self = .done
        case "推进中", "进行中", "在推进", "未完成", "inprogress", "in-progress", "ongoing", "started": self = .inProgress
        default: return nil
        }
    }
}
