import RenewalText

/// The checks every entry passes before it is stored or used, whether typed at `renewal record`
/// or read from a return: the same rules, the same messages.
public struct EntryValidator: Sendable {
    public let plan: Plan
    /// Entries may not be dated after this day.
    public let today: Day

    /// Lookups built once: a large return checks every row against them.
    let targetsById: [String: Target]
    let measureIds: Set<String>
    let unitsByName: [String: PlanUnit]

    public init(plan: Plan, today: Day) {
        self.plan = plan
        self.today = today
        targetsById = Dictionary(plan.allTargets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        measureIds = Set(plan.measures.map(\.itemId))
        var units: [String: PlanUnit] = [:]
        // Full names win over short names, short names over ids (as Plan.unit(named:) does).
        for unit in plan.units.reversed() { units[unit.id] = unit }
        for unit in plan.units.reversed() { units[unit.short] = unit }
        for unit in plan.units.reversed() { units[unit.name] = unit }
        unitsByName = units
    }

    /// A field of an entry that can be wrong (the return's column header names it).
    public enum Field: String, Sendable {
        case item = "指标编号"
        case date = "日期"
        case value = "数值"
        case baselineYear = "基数年份"
        case unit = "填报单位"

        /// The field's name as a column header or an option reads in `language`.
        public func name(_ language: Language) -> String {
            switch self {
            case .item: return language.pick("指标编号", "item")
            case .date: return language.pick("日期", "date")
            case .value: return language.pick("数值", "value")
            case .baselineYear: return language.pick("基数年份", "baseline year")
            case .unit: return language.pick("填报单位", "reporting unit")
            }
        }
    }

    public struct Problem: Equatable, Sendable {
        public var field: Field
        public var message: Phrase

        /// "数值：…" / "value: …".
        public func text(_ language: Language) -> String {
            field.name(language) + language.pick("：", ": ") + message.text(language)
        }
    }

    /// What an entry says before it is checked.
    public struct Candidate: Sendable {
        public var itemId: String
        public var dateText: String
        public var valueText: String
        public var baselineYearText: String
        public var unitText: String

        public init(
            itemId: String, dateText: String, valueText: String, baselineYearText: String = "", unitText: String = ""
        ) {
            self.itemId = itemId
            self.dateText = dateText
            self.valueText = valueText
            self.baselineYearText = baselineYearText
            self.unitText = unitText
        }
    }

    /// A candidate that passed: the values in their types.
    public struct Checked: Sendable {
        public var itemId: String
        public var date: Day
        public var value: Double?
        public var milestone: MilestoneState?
        public var baselineYear: Int?
        public var reportingUnit: String?
    }

    /// Checks a candidate; returns the checked values or every problem found.
    public func check(_ candidate: Candidate) -> Result<Checked, ProblemList> {
        var problems: [Problem] = []
        func problem(_ field: Field, _ zh: String, _ en: String) {
            problems.append(Problem(field: field, message: Phrase(zh, en)))
        }

        let itemId = candidate.itemId.trimmingSpaces.uppercased()
        let target = targetsById[itemId]
        let isMeasure = measureIds.contains(itemId)
        let typedId = Quoted(candidate.itemId.trimmingSpaces)
        if itemId.isEmpty {
            problem(.item, "未填写", "required cell is empty")
        } else if target == nil && !isMeasure {
            problem(.item, "没有编号为 \(typedId) 的指标或措施", "unknown target or measure id \(typedId)")
        }

        var baselineYear: Int?
        let baselineText = candidate.baselineYearText.trimmingSpaces
        if !baselineText.isEmpty {
            // A starting figure describes a year no later than the plan's start (DESIGN §4), and
            // not one so old it cannot be what the plan starts from.
            let latest = plan.startDate.year, earliest = latest - Self.baseYearsBeforeStart
            if let year = Int(baselineText), (earliest...latest).contains(year) {
                baselineYear = year
                if let target, let required = target.baselineYear, required != year {
                    problem(
                        .baselineYear, "\(target.id) 以 \(required) 年为基数，不是 \(year) 年",
                        "\(target.id) is measured against \(required), not \(year)")
                }
            } else {
                problem(
                    .baselineYear, "\(Quoted(baselineText)) 不是 \(earliest) 至 \(latest) 年之间的年份（基数年份不晚于方案开始的年份）",
                    "\(Quoted(baselineText)) is not a year from \(earliest) to \(latest) "
                        + "(a base year is no later than the plan's start)"
                )
            }
            if let target, target.kind != .quantitative {
                problem(
                    .baselineYear, "\(target.id) 是里程碑，没有基数", "\(target.id) is a milestone and has no baseline figure")
            } else if isMeasure {
                problem(.baselineYear, "措施没有基数", "a measure has no baseline figure")
            }
        }

        let dateText = candidate.dateText.trimmingSpaces
        var date = Day(dateText)
        if dateText.isEmpty, let baselineYear {
            // A baseline describes its whole year.
            date = Day.endOfYear(baselineYear)
        } else if dateText.isEmpty, !baselineText.isEmpty {
            // The baseline year was wrong and said so: its date follows from it, no second error.
        } else if dateText.isEmpty {
            problem(.date, "未填写", "required cell is empty")
        } else if let day = date {
            if day > today {
                problem(.date, "\(day) 晚于今天（\(today)）", "\(day) is in the future (today is \(today))")
            } else if day < plan.startDate && baselineYear == nil {
                problem(
                    .date, "\(day) 早于方案开始日期（\(plan.startDate)）", "\(day) is before the plan started (\(plan.startDate))"
                )
            }
        } else {
            problem(
                .date, "\(Quoted(dateText)) 不是日期（格式为 YYYY-MM-DD）", "\(Quoted(dateText)) is not a date (use YYYY-MM-DD)")
        }

        let valueText = candidate.valueText.trimmingSpaces
        var value: Double?
        var milestone: MilestoneState?
        if let target {
            switch target.kind {
            case .quantitative:
                if valueText.isEmpty {
                    problem(.value, "\(target.id) 的数值未填写", "required cell is empty for \(target.id)")
                } else {
                    switch Self.number(valueText, percentAllowed: target.entryUnit == "%") {
                    case let .success(number):
                        value = number
                        if let message = implausible(number, for: target) {
                            problems.append(Problem(field: .value, message: message))
                        } else if baselineYear != nil, target.isRelative, number == 0 {
                            // Growth on nothing has no figure to reach (DESIGN §4, relative targets).
                            problem(
                                .value, "\(target.id) 按较基数年份的增长计算，基数不能为 0（0 的增长无从计算）",
                                "\(target.id) is growth on its base year: a baseline of 0 leaves nothing to grow from")
                        }
                    case let .failure(message):
                        problems.append(Problem(field: .value, message: message))
                    }
                }
            case .milestone:
                if valueText.isEmpty {
                    problem(
                        .value, "里程碑 \(target.id) 的数值未填写（填“完成”或“推进中”）",
                        "required cell is empty for milestone \(target.id) (write \"完成\" for done or \"推进中\" for in "
                            + "progress)"
                    )
                } else if let state = MilestoneState(text: valueText) {
                    milestone = state
                } else {
                    problem(
                        .value, "\(Quoted(valueText)) 不是里程碑状态（填“完成”或“推进中”）",
                        "\(Quoted(valueText)) is not a milestone state (write \"完成\" for done or \"推进中\" for in "
                            + "progress)"
                    )
                }
            }
        } else if isMeasure {
            if valueText.isEmpty {
                milestone = .inProgress
            } else if let state = MilestoneState(text: valueText) {
                milestone = state
            } else {
                problem(
                    .value, "措施不填数值；请留空或填“推进中”",
                    "a measure takes no number; leave the value empty or write \"推进中\" (in progress)")
            }
        }

        let unitText = candidate.unitText.trimmingSpaces
        var reportingUnit: String?
        if !unitText.isEmpty {
            if let unit = unitsByName[unitText] {
                reportingUnit = unit.name
            } else {
                problem(.unit, "没有名为 \(Quoted(unitText)) 的单位", "unknown unit \(Quoted(unitText))")
            }
        }

        guard problems.isEmpty, let date else { return .failure(ProblemList(problems: problems)) }
        return .success(
            Checked(
                itemId: itemId, date: date, value: value, milestone: milestone,
                baselineYear: baselineYear, reportingUnit: reportingUnit))
    }

    /// How many years before the plan's start a base year may be.
    public static let baseYearsBeforeStart = 10

    /// The largest figure any entry may hold (DESIGN §4 "Figures"): beyond it a figure is a
    /// typing slip (an ID number in the wrong cell), not a report.
    public static let largestFigure = 1e12
    /// The most digits a figure may have after its decimal point.
    public static let largestFractionDigits = 6
    /// A figure may be at most this many times its target's goal (DESIGN §4 "Figures").
    public static let largestMultipleOfGoal = 1000.0

    /// A figure that cannot be right for its target: negative anything, a fractional count, a
    /// share over 100%, more than 1,000 times the goal.
    func implausible(_ value: Double, for target: Target) -> Phrase? {
        let unit = target.entryUnit ?? ""
        let shown = NumberText.format(value)
        if value < 0 {
            return Phrase(
                "\(shown) 是负数；\(target.id) 的计量单位是“\(unit)”", "\(shown) is negative; \(target.id) is counted in \(unit)")
        }
        if UnitText.isCount(unit), value != value.rounded() {
            return Phrase("\(shown) 不是整数（单位：\(unit)）", "\(shown) is not a whole number of \(unit)")
        }
        if unit == "%", value > 100 { return Phrase("\(shown)% 超过 100%", "\(shown)% is over 100%") }
        // Relative targets state their goal as growth in %, while figures come in their own unit:
        // only the absolute bound applies to them.
        if target.reportedUnit == nil, let goal = target.value, goal > 0, value > goal * Self.largestMultipleOfGoal {
            let limit = NumberText.format(goal * Self.largestMultipleOfGoal)
            return Phrase(
                "\(shown) 超过目标值的 1000 倍（\(limit)\(unit)），请核对是否填错",
                "\(shown) is more than 1,000 times the goal (\(limit) \(unit)); check the figure")
        }
        return nil
    }

    /// A figure as departments type it, or why it is not one.
    ///
    /// Accepted: a plain decimal number, with an optional sign, full-width digits (１２３),
    /// thousands separators in their places (1,234,567), and a trailing % only where the target
    /// is a percentage. Refused, because each has been seen to store a wrong figure silently:
    /// hex (`0x10` read as 16), exponents (`1e19`, `1e308` read as infinity), misplaced commas,
    /// anything over 10^12.
    public static func number(_ text: String, percentAllowed: Bool) -> Result<Double, Phrase> {
        let typed = Quoted(text.trimmingSpaces)
        var cleaned = ""
        for scalar in text.trimmingSpaces.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19:
                if let digit = Unicode.Scalar(scalar.value - 0xFF10 + 0x30) { cleaned.unicodeScalars.append(digit) }
            case 0xFF0E: cleaned.append(".")
            case 0xFF0D: cleaned.append("-")
            case 0xFF0B: cleaned.append("+")
            case 0xFF0C: cleaned.append(",")
            case 0xFF05: cleaned.append("%")
            default: cleaned.unicodeScalars.append(scalar)
            }
        }
        var isPercent = false
        if cleaned.hasSuffix("%") {
            cleaned.removeLast()
            isPercent = true
        }
        if let plain = plainDecimal(cleaned), let point = plain.firstIndex(of: "."),
            plain[plain.index(after: point)...].count > largestFractionDigits
        {
            // A figure finer than any return: a slip, and beyond some length one that underflows
            // to 0 and would be stored (and echoed) as 0 (issue 20).
            return .failure(
                Phrase(
                    "\(typed) 的小数位数过多（最多 \(largestFractionDigits) 位），请核对是否填错",
                    "\(typed) has too many decimal places (at most \(largestFractionDigits)); check the figure"))
        }
        guard let plain = plainDecimal(cleaned), let number = Double(plain), number.isFinite else {
            return .failure(
                Phrase(
                    "\(typed) 不是数字（只填阿拉伯数字，如 1234 或 12.5）",
                    "\(typed) is not a number (write plain digits, e.g. 1234 or 12.5)"))
        }
        if isPercent && !percentAllowed {
            return .failure(
                Phrase(
                    "\(typed) 带有 %，但该指标不是百分比；只填数字",
                    "\(typed) has a % sign but the target is not a percentage; write the number only"))
        }
        if abs(number) > largestFigure {
            return .failure(Phrase("\(typed) 超过 10^12，请核对是否填错", "\(typed) is larger than 10^12; check the figure"))
        }
        return .success(number == 0 ? 0 : number)
    }

    /// Numbers as departments type them; nil when `number(_:percentAllowed:)` would refuse it.
    public static func parseNumber(_ text: String, percentAllowed: Bool = true) -> Double? {
        try? number(text, percentAllowed: percentAllowed).get()
    }

    /// `text` as a plain decimal (sign, digits, one point) with its thousands separators taken
    /// out, or nil when it is anything else.
    static func plainDecimal(_ text: String) -> String? {
        var body = Substring(text)
        var sign = ""
        if let first = body.first, first == "-" || first == "+" {
            sign = first == "-" ? "-" : ""
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        if groups.count > 1 {
            // 1,234,567: a first group of 1-3 digits, then groups of exactly 3.
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        return sign + groups.joined() + (fraction.isEmpty ? "" : "." + fraction)
    }
}

/// Text a user typed, quoted for a message: control characters made visible and long text cut,
/// so a bad cell can never act on the terminal that shows the error (DESIGN §5).
public struct Quoted: CustomStringConvertible, Sendable {
    public let text: String

    public init(_ text: String) { self.text = text }

    public var description: String {
        var visible = ControlCharacters.visible(text)
        if visible.count > 40 { visible = String(visible.prefix(40)) + "…" }
        return "\"" + visible + "\""
    }
}

/// The problems of one entry.
public struct ProblemList: Error, Sendable {
    public var problems: [EntryValidator.Problem]
}

extension String {
    /// The text without leading and trailing white space (no Foundation needed).
    public var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
