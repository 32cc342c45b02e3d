/// The whole implementation plan: its window, its units, the overall targets of section 一
/// and the eleven programmes (sections 二–十二) with their measures.
public struct Plan: Codable, Sendable, Hashable {
    public var title: String
    public var titleEn: String
    /// First day of the plan window; before it every item is 未启动 (not started).
    public var startDate: Day
    /// Last day of the plan window: annual (每年) targets are judged for each year up to it.
    public var endDate: Day
    public var units: [PlanUnit]
    public var overallTargets: [Target]
    public var programmes: [Programme]

    public init(title: String, titleEn: String, startDate: Day, endDate: Day, units: [PlanUnit],
                overallTargets: [Target], programmes: [Programme]) {
        self.title = title
        self.titleEn = titleEn
        self.startDate = startDate
        self.endDate = endDate
        self.units = units
        self.overallTargets = overallTargets
        self.programmes = programmes
    }

    /// Every measure, in plan order.
    public var measures: [Measure] { programmes.flatMap(\.measures) }

    /// Every target: the overall targets first, then the measures' targets in plan order.
    public var allTargets: [Target] { overallTargets + measures.flatMap(\.targets) }

    public func measure(number: Int) -> Measure? {
        measures.first { $0.number == number }
    }

    public func programme(containing measureNumber: Int) -> Programme? {
        programmes.first { $0.measures.contains { $0.number == measureNumber } }
    }

    public func target(id: String) -> Target? {
        allTargets.first { $0.id == id }
    }

    /// The measure a target belongs to (nil for an overall target).
    public func measure(containingTarget id: String) -> Measure? {
        measures.first { $0.targets.contains { $0.id == id } }
    }

    /// A unit by its full name, short name or id.
    public func unit(named name: String) -> PlanUnit? {
        units.first { $0.name == name } ?? units.first { $0.short == name } ?? units.first { $0.id == name }
    }

    /// Lead units that answer for a target: its measure's lead units, or for an overall target
    /// the lead units of the measures it relates to (empty when it relates to none).
    public func leadUnits(forTarget id: String) -> [String] {
        if let measure = measure(containingTarget: id) { return measure.leadUnits }
        guard let target = target(id: id) else { return [] }
        var names: [String] = []
        for number in target.relatedMeasures ?? [] {
            for name in measure(number: number)?.leadUnits ?? [] where !names.contains(name) {
                names.append(name)
            }
        }
        return names
    }
}

/// A department or unit named in the plan (牵头单位 or 责任单位).
public struct PlanUnit: Codable, Sendable, Hashable {
    /// Stable id used in files and commands.
    public var id: String
    /// The name exactly as the plan writes it.
    public var name: String
    /// Short name for tables and the bulletin (工信局).
    public var short: String
    public var nameEn: String

    public init(id: String, name: String, short: String, nameEn: String) {
        self.id = id
        self.name = name
        self.short = short
        self.nameEn = nameEn
    }
}

/// A programme (工程): one of sections 二–十二 of the plan.
public struct Programme: Codable, Sendable, Hashable {
    /// Section number, 2–12.
    public var number: Int
    /// Short English key (industry, agriculture…).
    public var key: String
    public var title: String
    public var titleEn: String
    public var measures: [Measure]

    public init(number: Int, key: String, title: String, titleEn: String, measures: [Measure]) {
        self.number = number
        self.key = key
        self.title = title
        self.titleEn = titleEn
        self.measures = measures
    }

    /// The section number as the plan writes it (二, 十二).
    public var numeral: String { ChineseNumeral.of(number) }
}

/// A numbered measure (措施), 1–34, with its clause, units and targets.
public struct Measure: Codable, Sendable, Hashable {
    public var number: Int
    public var title: String
    public var titleEn: String
    /// The clause after its title, as written (without the units in brackets).
    public var text: String
    public var leadUnits: [String]
    public var responsibleUnits: [String]
    public var targets: [Target]

    public init(number: Int, title: String, titleEn: String, text: String, leadUnits: [String],
                responsibleUnits: [String], targets: [Target]) {
        self.number = number
        self.title = title
        self.titleEn = titleEn
        self.text = text
        self.leadUnits = leadUnits
        self.responsibleUnits = responsibleUnits
        self.targets = targets
    }

    /// The id entries use for the measure itself (narrative progress): M01…M34.
    public var itemId: String { Measure.itemId(number) }

    public static func itemId(_ number: Int) -> String {
        number < 10 ? "M0\(number)" : "M\(number)"
    }

    /// The measure's label as the plan writes it: （二）.
    public var label: String { "（\(ChineseNumeral.of(number))）" }
}

/// Chinese numerals as the plan uses them for sections and measures (1–99).
public enum ChineseNumeral {
    static let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    public static func of(_ n: Int) -> String {
        guard n > 0, n < 100 else { return String(n) }
        if n < 10 { return digits[n] }
        let tens = n / 10
        let ones = n % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + digits[ones]
    }
}
