/// One progress report on a target or a measure. Entries are never changed: a correction is a
/// new entry naming the one it corrects (一事一记、全程留痕).
///
/// What departments wrote (the narrative and who recorded it) is kept in one shared box, absent
/// when an entry was read for judging only: a province's store holds hundreds of thousands of
/// entries, and a small entry is what keeps reading and judging them fast. The fields read and
/// write as plain properties either way.
public struct ProgressEntry: Sendable, Hashable {
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
    /// The entry this one corrects.
    public var corrects: String?
    /// Set when the entry gives the baseline figure for this year (较2023年 targets), not progress.
    public var baselineYear: Int?
    private var text: EntryText?
    /// For an entry read without its text: whether its 进展情况 was filled in.
    private var progressNoted = false

    public init(
        id: String, itemId: String, date: Day, value: Double? = nil, milestone: MilestoneState? = nil,
        progress: String = "", problems: String = "", nextSteps: String = "",
        reportingUnit: String? = nil, recordedBy: String? = nil, recordedAt: String? = nil,
        corrects: String? = nil, reason: String? = nil, baselineYear: Int? = nil
    ) {
        self.id = id
        self.itemId = itemId
        self.date = date
        self.value = value
        self.milestone = milestone
        self.corrects = corrects
        self.baselineYear = baselineYear
        let text = EntryText(
            progress: progress, problems: problems, nextSteps: nextSteps, reportingUnit: reportingUnit,
            recordedBy: recordedBy, recordedAt: recordedAt, reason: reason)
        self.text = text.isEmpty ? nil : text
    }

    /// An entry read for judging only (no text), which remembers whether 进展情况 was filled in.
    public init(
        id: String, itemId: String, date: Day, value: Double?, milestone: MilestoneState?, corrects: String?,
        baselineYear: Int?, hasProgress: Bool
    ) {
        self.init(
            id: id, itemId: itemId, date: date, value: value, milestone: milestone, corrects: corrects,
            baselineYear: baselineYear)
        progressNoted = hasProgress
    }

    /// Whether 进展情况 says anything: a blank narrative report is no report (DESIGN §4).
    public var hasProgress: Bool {
        guard let text else { return progressNoted }
        return !text.progress.trimmingSpaces.isEmpty
    }

    /// 进展情况
    public var progress: String {
        get { text?.progress ?? "" }
        set { updateText { $0.progress = newValue } }
    }
    /// 存在问题
    public var problems: String {
        get { text?.problems ?? "" }
        set { updateText { $0.problems = newValue } }
    }
    /// 下步计划
    public var nextSteps: String {
        get { text?.nextSteps ?? "" }
        set { updateText { $0.nextSteps = newValue } }
    }
    /// The unit that reported it.
    public var reportingUnit: String? {
        get { text?.reportingUnit }
        set { updateText { $0.reportingUnit = newValue } }
    }
    public var recordedBy: String? {
        get { text?.recordedBy }
        set { updateText { $0.recordedBy = newValue } }
    }
    /// ISO 8601 timestamp of recording.
    public var recordedAt: String? {
        get { text?.recordedAt }
        set { updateText { $0.recordedAt = newValue } }
    }
    /// Why a correction was made.
    public var reason: String? {
        get { text?.reason }
        set { updateText { $0.reason = newValue } }
    }

    /// True when this entry states a baseline rather than progress.
    public var isBaseline: Bool { baselineYear != nil }

    /// Copy on write: the box may be shared with other copies of this entry.
    private mutating func updateText(_ change: (inout EntryText.Fields) -> Void) {
        var fields = text?.fields ?? EntryText.Fields()
        change(&fields)
        let updated = EntryText(fields)
        text = updated.isEmpty ? nil : updated
    }
}

/// The narrative part of an entry, shared between copies (immutable once made).
final class EntryText: Sendable, Hashable {
    struct Fields: Hashable {
        var progress = ""
        var problems = ""
        var nextSteps = ""
        var reportingUnit: String?
        var recordedBy: String?
        var recordedAt: String?
        var reason: String?
    }

    let fields: Fields
    var progress: String { fields.progress }
    var problems: String { fields.problems }
    var nextSteps: String { fields.nextSteps }
    var reportingUnit: String? { fields.reportingUnit }
    var recordedBy: String? { fields.recordedBy }
    var recordedAt: String? { fields.recordedAt }
    var reason: String? { fields.reason }
    var isEmpty: Bool { fields == Fields() }

    init(_ fields: Fields) { self.fields = fields }

    convenience init(
        progress: String, problems: String, nextSteps: String, reportingUnit: String?, recordedBy: String?,
        recordedAt: String?, reason: String?
    ) {
        self.init(
            Fields(
                progress: progress, problems: problems, nextSteps: nextSteps, reportingUnit: reportingUnit,
                recordedBy: recordedBy, recordedAt: recordedAt, reason: reason))
    }

    static func == (lhs: EntryText, rhs: EntryText) -> Bool { lhs.fields == rhs.fields }
    func hash(into hasher: inout Hasher) { hasher.combine(fields) }
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

/// The same JSON as when every field was stored: absent optionals are left out.
extension ProgressEntry: Codable {
    enum CodingKeys: String, CodingKey {
        case id, itemId, date, value, milestone, progress, problems, nextSteps, reportingUnit, recordedBy, recordedAt,
            corrects, reason, baselineYear
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), itemId: try c.decode(String.self, forKey: .itemId),
            date: try c.decode(Day.self, forKey: .date), value: try c.decodeIfPresent(Double.self, forKey: .value),
            milestone: try c.decodeIfPresent(MilestoneState.self, forKey: .milestone),
            progress: try c.decode(String.self, forKey: .progress),
            problems: try c.decode(String.self, forKey: .problems),
            nextSteps: try c.decode(String.self, forKey: .nextSteps),
            reportingUnit: try c.decodeIfPresent(String.self, forKey: .reportingUnit),
            recordedBy: try c.decodeIfPresent(String.self, forKey: .recordedBy),
            recordedAt: try c.decodeIfPresent(String.self, forKey: .recordedAt),
            corrects: try c.decodeIfPresent(String.self, forKey: .corrects),
            reason: try c.decodeIfPresent(String.self, forKey: .reason),
            baselineYear: try c.decodeIfPresent(Int.self, forKey: .baselineYear))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(itemId, forKey: .itemId)
        try c.encode(date, forKey: .date)
        try c.encodeIfPresent(value, forKey: .value)
        try c.encodeIfPresent(milestone, forKey: .milestone)
        try c.encode(progress, forKey: .progress)
        try c.encode(problems, forKey: .problems)
        try c.encode(nextSteps, forKey: .nextSteps)
        try c.encodeIfPresent(reportingUnit, forKey: .reportingUnit)
        try c.encodeIfPresent(recordedBy, forKey: .recordedBy)
        try c.encodeIfPresent(recordedAt, forKey: .recordedAt)
        try c.encodeIfPresent(corrects, forKey: .corrects)
        try c.encodeIfPresent(reason, forKey: .reason)
        try c.encodeIfPresent(baselineYear, forKey: .baselineYear)
    }
}
