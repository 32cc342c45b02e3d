
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
    }

    public struct Problem: Equatable, Sendable {
        public var field: Field
        public var message: String
    }

    /// What an entry says before it is checked.
    public struct Candidate: Sendable {
        public var itemId: String
        public var dateText: String
        public var valueText: String
        public var baselineYearText: String
        public var unitText: String

        public init(itemId: String, dateText: String, valueText: String, baselineYearText: String = "", unitText: String = "") {
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
        func problem(_ field: Field, _ message: String) { problems.append(Problem(field: field, message: message)) }

        let itemId = candidate.itemId.trimmingSpaces.uppercased()
        let target = targetsById[itemId]
        let isMeasure = measureIds.contains(itemId)
        if itemId.isEmpty {
            problem(.item, "required cell is empty")
        } else if target == nil && !isMeasure {
            problem(.item, "unknown target or measure id \"\(candidate.itemId.trimmingSpaces)\"")
        }

        var baselineYear: Int?
        let baselineText = candidate.baselineYearText.trimmingSpaces
        if !baselineText.isEmpty {
            if let year = Int(baselineText), (1990...today.year).contains(year) {
                baselineYear = year
                if let target, let required = target.baselineYear, required != year {
                    problem(.baselineYear, "\(target.id) is measured against \(required), not \(year)")
                }
            } else {
                problem(.baselineYear, "\"\(baselineText)\" is not a year up to \(today.year)")
            }
            if let target, target.kind != .quantitative {
                problem(.baselineYear, "\(target.id) is a milestone and has no baseline figure")
            } else if isMeasure {
                problem(.baselineYear, "a measure has no baseline figure")
            }
        }

        let dateText = candidate.dateText.trimmingSpaces
        var date = Day(dateText)
        if dateText.isEmpty, let baselineYear {
            // A baseline describes its whole year.
            date = Day.endOfYear(baselineYear)
        } else if dateText.isEmpty {
            problem(.date, "required cell is empty")
        } else if let day = date {
            if day > today {
                problem(.date, "\(day) is in the future (today is \(today))")
            } else if day < plan.startDate && baselineYear == nil {
                problem(.date, "\(day) is before the plan started (\(plan.startDate))")
            }
        } else {
            problem(.date, "\"\(dateText)\" is not a date (use YYYY-MM-DD)")
        }

        let valueText = candidate.valueText.trimmingSpaces
        var value: Double?
        var milestone: MilestoneState?
        if let target {
            switch target.kind {
            case .quantitative:
                if valueText.isEmpty {
                    problem(.value, "required cell is empty for \(target.id)")
                } else if let number = EntryValidator.parseNumber(valueText) {
                    value = number
                    if let message = implausible(number, for: target, baseline: baselineYear != nil) { problem(.value, message) }
                } else {
                    problem(.value, "\"\(valueText)\" is not a number")
                }
            case .milestone:
                if valueText.isEmpty {
                    problem(.value, "required cell is empty for milestone \(target.id) (完成 or 推进中)")
                } else if let state = MilestoneState(text: valueText) {
                    milestone = state
                } else {
                    problem(.value, "\"\(valueText)\" is not a milestone state (完成 or 推进中)")
                }
            }
        } else if isMeasure {
            if valueText.isEmpty {
                milestone = .inProgress
            } else if let state = MilestoneState(text: valueText) {
                milestone = state
            } else {
                problem(.value, "a measure takes no number; leave 数值 empty or write 推进中")
            }
        }

        let unitText = candidate.unitText.trimmingSpaces
        var reportingUnit: String?
        if !unitText.isEmpty {
            if let unit = unitsByName[unitText] {
                reportingUnit = unit.name
            } else {
                problem(.unit, "unknown unit \"\(unitText)\"")
            }
        }

        guard problems.isEmpty, let date else { return .failure(ProblemList(problems: problems)) }
        return .success(Checked(itemId: itemId, date: date, value: value, milestone: milestone,
                                baselineYear: baselineYear, reportingUnit: reportingUnit))
    }

    /// A figure that cannot be right for its unit: negative anything, a fractional count,
    /// a share over 100%.
    func implausible(_ value: Double, for target: Target, baseline: Bool) -> String? {
        let unit = target.entryUnit ?? ""
        if value < 0 { return "\(NumberText.format(value)) is negative; \(target.id) is counted in \(unit)" }
        if UnitText.isCount(unit), value != value.rounded() {
            return "\(NumberText.format(value)) is not a whole number of \(unit)"
        }
        if unit == "%", value > 100 { return "\(NumberText.format(value))% is over 100%" }
        return nil
    }

    /// Numbers as departments type them: "1,234", "94%", "１２３" (full-width digits).
    public static func parseNumber(_ text: String) -> Double? {
        var cleaned = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19:
                if let digit = Unicode.Scalar(scalar.value - 0xFF10 + 0x30) { cleaned.unicodeScalars.append(digit) }
            case 0xFF0E: cleaned.append(".")
            case 0xFF0D: cleaned.append("-")
            case 0x2C, 0xFF0C, 0x20, 0x3000: continue
            default: cleaned.unicodeScalars.append(scalar)
            }
        }
        if cleaned.hasSuffix("%") || cleaned.hasSuffix("％") { cleaned.removeLast() }
        guard !cleaned.isEmpty, cleaned.allSatisfy({ $0.isASCII }), let number = Double(cleaned), number.isFinite else { return nil }
        return number
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
