import Foundation

/// Decoding the plan file and checking that it is consistent with itself.
extension Plan {
    /// Decodes a plan from JSON, with the path to the offending value in the error.
    public static func decode(json data: Data) throws -> Plan {
        do {
            return try JSONDecoder().decode(Plan.self, from: data)
        } catch let error as DecodingError {
            throw PlanError.from(error)
        }
    }
}

extension PlanError {
    /// Where and why a plan file did not decode.
    public static func from(_ error: DecodingError) -> PlanError {
        switch error {
        case let .dataCorrupted(context):
            return .invalid(
                path: context.codingPath.pathText,
                reason: Phrase("不是有效的 JSON 或取值无效", "not valid JSON or an invalid value"))
        case let .keyNotFound(key, context):
            return .invalid(path: (context.codingPath + [key]).pathText, reason: Phrase("缺少此项", "missing key"))
        case let .typeMismatch(_, context):
            return .invalid(path: context.codingPath.pathText, reason: Phrase("类型不对", "wrong type"))
        case let .valueNotFound(_, context):
            return .invalid(path: context.codingPath.pathText, reason: Phrase("缺少取值", "missing value"))
        @unknown default:
            return .invalid(path: "", reason: Phrase("无法读取", "cannot be read"))
        }
    }
}

extension Plan {
    /// Everything wrong with the plan's structure, one sentence each (empty when sound).
    public func problems() -> [Phrase] {
        var problems: [Phrase] = []
        func add(_ zh: String, _ en: String) { problems.append(Phrase(zh, en)) }
        if startDate >= endDate {
            add(
                "startDate \(startDate) 不早于 endDate \(endDate)",
                "startDate \(startDate) is not before endDate \(endDate)")
        }

        // Numbering is the plan's own (Linqing's runs 2–12 and 1–34; tests pin that for Data/plan.json):
        // any plan with positive numbers, each used once, in document order is sound.
        let numbers = programmes.map(\.number)
        if !Self.isStrictlyIncreasing(numbers) {
            add(
                "工程序号须为正数、不重复、按顺序排列；出错处：\(Self.firstDisorder(numbers, .zh))",
                "programme numbers must be positive, once each, in order; found \(Self.firstDisorder(numbers, .en))")
        }
        let keys = programmes.map(\.key)
        if Set(keys).count != keys.count { add("工程 key 重复：\(keys)", "programme keys repeat: \(keys)") }
        let measureNumbers = measures.map(\.number)
        if !Self.isStrictlyIncreasing(measureNumbers) {
            add(
                "措施序号须为正数、不重复、按顺序排列；出错处：\(Self.firstDisorder(measureNumbers, .zh))",
                "measure numbers must be positive, once each, in order; found "
                    + "\(Self.firstDisorder(measureNumbers, .en))"
            )
        }

        for (label, labelZh, values) in [
            ("unit id", "单位 id", units.map(\.id)), ("unit name", "单位名称", units.map(\.name)),
            ("unit short name", "单位简称", units.map(\.short)),
        ] {
            let repeated = Dictionary(grouping: values, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
            if !repeated.isEmpty {
                add(
                    "\(labelZh)重复：\(repeated.joined(separator: "、"))",
                    "\(label) used twice: \(repeated.joined(separator: ", "))")
            }
        }
        let unitNames = Set(units.map(\.name))
        for measure in measures {
            // A measure may name no unit (PLAN-FORMAT.md: shown as 未明确责任单位); one it names must exist.
            let named = measure.leadUnits + measure.responsibleUnits + (measure.otherUnits ?? []).map(\.unit)
            for name in named where !unitNames.contains(name) {
                add(
                    "措施 \(measure.itemId) 列出的单位 \(name) 不在单位列表中",
                    "measure \(measure.itemId) names unit \(name), which is not in the unit list")
            }
        }
        let itemIds = measures.map(\.itemId) + allTargets.map(\.id)
        let sharedIds = Dictionary(grouping: itemIds, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        if !sharedIds.isEmpty {
            add(
                "编号重复（措施与指标的编号须各不相同）：\(sharedIds.joined(separator: "、"))",
                "ids used twice (measures and targets need ids of their own): \(sharedIds.joined(separator: ", "))")
        }

        // One figure is reported for a series and read by each of its targets: they must read it
        // the same way, in the same unit.
        for (series, members) in Dictionary(grouping: allTargets.filter { $0.series != nil }, by: { $0.series ?? "" })
            .sorted(by: { $0.key < $1.key })
        where members.contains(where: { $0.kind != .quantitative })
            || Set(members.map { "\($0.entryUnit ?? "")|\($0.reading?.rawValue ?? "")" }).count > 1
        {
            let ids = members.map(\.id)
            add(
                "指标系列 \(series)（\(ids.joined(separator: "、"))）报送同一个数：须都是量化指标，报送单位与 reading 一致",
                "series \(series) (\(ids.joined(separator: ", "))) is one reported figure: its targets must all be "
                    + "quantitative with the same reported unit and reading")
        }

        for target in allTargets {
            problems.append(contentsOf: target.problems(plan: self))
        }
        return problems
    }

    static func isStrictlyIncreasing(_ numbers: [Int]) -> Bool {
        numbers.allSatisfy { $0 >= 1 } && zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 }
    }

    /// "7 after 9" for the first number out of order, or the first non-positive one.
    static func firstDisorder(_ numbers: [Int], _ language: Language) -> String {
        if let bad = numbers.first(where: { $0 < 1 }) { return "\(bad)" }
        for (previous, next) in zip(numbers, numbers.dropFirst()) where next <= previous {
            return language.pick("\(previous) 之后是 \(next)", "\(next) after \(previous)")
        }
        return "\(numbers)"
    }
}

extension Target {
    func problems(plan: Plan) -> [Phrase] {
        var problems: [Phrase] = []
        let name = "target \(id)", nameZh = "指标 \(id)"
        func add(_ zh: String, _ en: String) { problems.append(Phrase(zh, en)) }
        if deadline == nil && recurrence != .annual {
            add("\(nameZh) 既没有截止日期也不是每年指标", "\(name) has neither a deadline nor an annual recurrence")
        }
        if let deadline, deadline < plan.startDate || deadline > plan.endDate {
            add("\(nameZh) 的截止日期 \(deadline) 不在方案实施期内", "\(name) deadline \(deadline) is outside the plan window")
        }
        if judgedStyle == .growthOnPreviousYear && (recurrence != .annual || isRelative) {
            // Its goal is each year's: last year's figure grown by the rate (no base year).
            add(
                "\(nameZh) 为“比上年增长”（growthOnPreviousYear）：须为每年指标（recurrence: annual），不写 baselineYear",
                "\(name) grows on the previous year (growthOnPreviousYear): it must recur annually "
                    + "(recurrence: annual) and have no baselineYear")
        }
        switch kind {
        case .quantitative:
            if comparator == nil {
                add("\(nameZh) 是量化指标但没有 comparator", "\(name) is quantitative but has no comparator")
            }
            // A goal set against the parent region's average has no figure of its own.
            if value == nil && judgedStyle != .parentAverage {
                add("\(nameZh) 是量化指标但没有 value", "\(name) is quantitative but has no value")
            }
            if let value, !(value.isFinite && value > 0 && value <= EntryValidator.largestFigure) {
                // A goal no figure can be measured against: negative, 0, infinite (issue 20).
                let shown = NumberText.format(value)
                add(
                    "\(nameZh) 的 value \(shown) 无效：须为大于 0、不超过 10^12 的数",
                    "\(name) has an invalid value \(shown): it must be above 0 and at most 10^12")
            }
            if unit == nil { add("\(nameZh) 是量化指标但没有 unit", "\(name) is quantitative but has no unit") }
            if reading == nil { add("\(nameZh) 是量化指标但没有 reading", "\(name) is quantitative but has no reading") }
            if recurrence == .annual && reading != .yearToDate {
                add("\(nameZh) 是每年指标，reading 须为 yearToDate", "\(name) is annual, so its reading must be yearToDate")
            }
            if isRelative && reportedUnit == nil {
                add(
                    "\(nameZh) 以 \(baselineYear ?? 0) 年为基数，但没有 reportedUnit",
                    "\(name) is relative to \(baselineYear ?? 0) but has no reportedUnit")
            }
            if comparator == .all && value != 100 {
                add("\(nameZh) 为“全部”，value 须为 100", "\(name) uses all (全部), so its value must be 100")
            }
        case .milestone:
            if value != nil || comparator != nil {
                add("\(nameZh) 是里程碑，不应有 value 或 comparator", "\(name) is a milestone but has a value or comparator")
            }
            if recurrence != nil { add("\(nameZh) 是里程碑，不能按年重复", "\(name) is a milestone and cannot recur") }
        }
        if let ids = relatedMeasureIds {
            // Format 1 names measures by number only; a built format 2 plan has none left.
            add(
                "\(nameZh) 以编号关联措施（\(ids.joined(separator: "、"))）：第 1 版格式须用措施序号",
                "\(name) relates to measures by id (\(ids.joined(separator: ", "))): format 1 uses measure numbers")
        }
        for number in relatedMeasures ?? [] where plan.measure(number: number) == nil {
            add("\(nameZh) 关联的措施 \(number) 不存在", "\(name) relates to measure \(number), which does not exist")
        }
        return problems
    }
}

/// A plan file that cannot be used.
public enum PlanError: Error, CustomStringConvertible, Equatable {
    /// The JSON does not decode; `path` is the key path (programmes[0].measures[2]…).
    case invalid(path: String, reason: Phrase)
    case inconsistent([Phrase])

    public var phrase: Phrase {
        switch self {
        case let .invalid(path, reason):
            return Phrase(
                "方案文件格式有误：\(path.isEmpty ? "顶层" : path)：\(reason.zh)",
                "plan: \(path.isEmpty ? "top level" : path): \(reason.en)")
        case let .inconsistent(problems):
            return Phrase(
                "方案前后不一致：" + problems.map(\.zh).joined(separator: "；"),
                "plan is inconsistent: " + problems.map(\.en).joined(separator: "; "))
        }
    }

    public var description: String { phrase.en }
}

extension Array where Element == CodingKey {
    /// programmes[0].measures[2].targets[1].deadline
    var pathText: String {
        var text = ""
        for key in self {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }
}
