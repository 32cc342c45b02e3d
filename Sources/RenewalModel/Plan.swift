/// The whole implementation plan: its window, its units, the overall targets of section 一
/// and the eleven programmes (sections 二–十二) with their measures.
public struct Plan: Codable, Sendable, Hashable {
    public let title: String
    public let titleEn: String
    /// First day of the plan window; before it every item is 未启动 (not started).
    public let startDate: Day
    /// Last day of the plan window: annual (每年) targets are judged for each year up to it.
    public let endDate: Day
    public let units: [PlanUnit]
    public let overallTargets: [Target]
    public let programmes: [Programme]
    /// 文号 of the plan (临政发〔2024〕8号), when its file says; the store keeps it with the entries.
    public let documentNumber: String?
    /// The heading the overall targets stand under, as written (一、总体要求); nil for format 1,
    /// whose plans are all of Linqing's shape.
    public let overallHeading: String?
    public let overallHeadingEn: String?
    /// Lookups built once: a province's plan has thousands of targets, and every report and
    /// view asks for targets, measures and units by id many times over.
    private let index: PlanIndex

    public init(
        title: String, titleEn: String, startDate: Day, endDate: Day, units: [PlanUnit],
        overallTargets: [Target], programmes: [Programme], documentNumber: String? = nil,
        overallHeading: String? = nil, overallHeadingEn: String? = nil
    ) {
        self.title = title
        self.titleEn = titleEn
        self.startDate = startDate
        self.endDate = endDate
        self.units = units
        self.overallTargets = overallTargets
        self.programmes = programmes
        self.documentNumber = documentNumber
        self.overallHeading = overallHeading
        self.overallHeadingEn = overallHeadingEn
        index = PlanIndex(units: units, overallTargets: overallTargets, programmes: programmes)
    }

    enum CodingKeys: String, CodingKey {
        case title, titleEn, startDate, endDate, units, overallTargets, programmes
        case documentNumber, overallHeading, overallHeadingEn
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            title: try container.decode(String.self, forKey: .title),
            titleEn: try container.decode(String.self, forKey: .titleEn),
            startDate: try container.decode(Day.self, forKey: .startDate),
            endDate: try container.decode(Day.self, forKey: .endDate),
            units: try container.decode([PlanUnit].self, forKey: .units),
            overallTargets: try container.decode([Target].self, forKey: .overallTargets),
            programmes: try container.decode([Programme].self, forKey: .programmes),
            documentNumber: try container.decodeIfPresent(String.self, forKey: .documentNumber),
            overallHeading: try container.decodeIfPresent(String.self, forKey: .overallHeading),
            overallHeadingEn: try container.decodeIfPresent(String.self, forKey: .overallHeadingEn))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        try container.encode(titleEn, forKey: .titleEn)
        try container.encode(startDate, forKey: .startDate)
        try container.encode(endDate, forKey: .endDate)
        try container.encode(units, forKey: .units)
        try container.encode(overallTargets, forKey: .overallTargets)
        try container.encode(programmes, forKey: .programmes)
        try container.encodeIfPresent(documentNumber, forKey: .documentNumber)
        try container.encodeIfPresent(overallHeading, forKey: .overallHeading)
        try container.encodeIfPresent(overallHeadingEn, forKey: .overallHeadingEn)
    }

    public static func == (lhs: Plan, rhs: Plan) -> Bool {
        lhs.title == rhs.title && lhs.titleEn == rhs.titleEn && lhs.startDate == rhs.startDate
            && lhs.endDate == rhs.endDate
            && lhs.units == rhs.units && lhs.overallTargets == rhs.overallTargets && lhs.programmes == rhs.programmes
            && lhs.documentNumber == rhs.documentNumber && lhs.overallHeading == rhs.overallHeading
            && lhs.overallHeadingEn == rhs.overallHeadingEn
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(title)
        hasher.combine(startDate)
        hasher.combine(endDate)
        hasher.combine(overallTargets)
        hasher.combine(programmes)
    }

    /// Every measure, in plan order.
    public var measures: [Measure] { index.measures }

    /// Every target: the overall targets first, then the measures' targets in plan order.
    public var allTargets: [Target] { index.targets }

    public func measure(number: Int) -> Measure? {
        index.measurePosition[number].map { index.measures[$0] }
    }

    public func programme(containing measureNumber: Int) -> Programme? {
        index.programmePosition[measureNumber].map { programmes[$0] }
    }

    public func target(id: String) -> Target? {
        index.targetPosition[id].map { index.targets[$0] }
    }

    /// The targets reported on as one figure with `id` (its indicator series, PLAN-FORMAT.md):
    /// `id` first, then the others of its series in plan order; `[id]` for a target of no series
    /// or any other item.
    public func seriesItems(of id: String) -> [String] {
        guard let key = index.seriesOfTarget[id], let members = index.seriesMembers[key] else { return [id] }
        return [id] + members.filter { $0 != id }
    }

    /// The items whose entries tell a measure's story: its own reports, then each target's
    /// series (a figure filed on another target of the series counts for this one too).
    public func reportItems(ofMeasure measure: Measure) -> [String] {
        var items = [measure.itemId]
        for target in measure.targets {
            for id in seriesItems(of: target.id) where !items.contains(id) { items.append(id) }
        }
        return items
    }

    /// The key entries on a target are judged under: its series, shared with every target of
    /// it, or the target's own id (also for measures and unknown items).
    public func seriesKey(of id: String) -> String {
        index.seriesOfTarget[id].map { "series:" + $0 } ?? id
    }

    /// A measure by its item id (M08), as narrative entries and flags name it.
    public func measure(itemId: String) -> Measure? {
        index.measureOfItemId[itemId].map { index.measures[$0] }
    }

    /// The measure a target belongs to (nil for an overall target).
    public func measure(containingTarget id: String) -> Measure? {
        index.measureOfTarget[id].map { index.measures[$0] }
    }

    /// A unit by its full name, short name or id.
    public func unit(named name: String) -> PlanUnit? {
        (index.unitByName[name] ?? index.unitByShort[name] ?? index.unitById[name]).map { units[$0] }
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

    /// Lead units that answer for an item: a target's (as above) or a measure's own.
    public func leadUnits(forItem id: String) -> [String] {
        measure(itemId: id)?.leadUnits ?? leadUnits(forTarget: id)
    }

    /// Every unit that answers for an item: its lead units, then its measure's responsible units
    /// (who may file a report on it or reply to its flag).
    public func units(forItem id: String) -> [String] {
        var names = leadUnits(forItem: id)
        let measure = measure(itemId: id) ?? measure(containingTarget: id)
        for name in measure?.responsibleUnits ?? [] where !names.contains(name) { names.append(name) }
        return names
    }
}

/// Positions of a plan's parts by key, built once per plan. A class so that copies of a plan
/// share it; it is never changed after it is built. Where a key repeats (a plan that fails its
/// checks) the first occurrence wins, as a linear search would have found it.
final class PlanIndex: Sendable {
    let measures: [Measure]
    let targets: [Target]
    let measurePosition: [Int: Int]
    let measureOfItemId: [String: Int]
    let programmePosition: [Int: Int]
    let targetPosition: [String: Int]
    let measureOfTarget: [String: Int]
    let unitByName: [String: Int]
    let unitByShort: [String: Int]
    let unitById: [String: Int]
    /// Series id by target id, for targets naming one; and each series' targets in plan order.
    let seriesOfTarget: [String: String]
    let seriesMembers: [String: [String]]

    init(units: [PlanUnit], overallTargets: [Target], programmes: [Programme]) {
        func firstPositions<Key: Hashable>(_ keys: [Key]) -> [Key: Int] {
            var positions: [Key: Int] = [:]
            for (position, key) in keys.enumerated() where positions[key] == nil { positions[key] = position }
            return positions
        }
        measures = programmes.flatMap(\.measures)
        targets = overallTargets + measures.flatMap(\.targets)
        measurePosition = firstPositions(measures.map(\.number))
        measureOfItemId = firstPositions(measures.map(\.itemId))
        var programmeOfMeasure: [Int: Int] = [:]
        var measureOfTarget: [String: Int] = [:]
        for (position, programme) in programmes.enumerated() {
            for measure in programme.measures where programmeOfMeasure[measure.number] == nil {
                programmeOfMeasure[measure.number] = position
            }
        }
        for (position, measure) in measures.enumerated() {
            for target in measure.targets where measureOfTarget[target.id] == nil {
                measureOfTarget[target.id] = position
            }
        }
        programmePosition = programmeOfMeasure
        self.measureOfTarget = measureOfTarget
        targetPosition = firstPositions(targets.map(\.id))
        unitByName = firstPositions(units.map(\.name))
        unitByShort = firstPositions(units.map(\.short))
        unitById = firstPositions(units.map(\.id))
        var seriesOfTarget: [String: String] = [:]
        var seriesMembers: [String: [String]] = [:]
        for target in targets {
            guard let series = target.series, seriesOfTarget[target.id] == nil else { continue }
            seriesOfTarget[target.id] = series
            seriesMembers[series, default: []].append(target.id)
        }
        self.seriesOfTarget = seriesOfTarget
        self.seriesMembers = seriesMembers
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

    enum CodingKeys: String, CodingKey { case id, name, short, nameEn }

    /// `short` and `nameEn` may be left out: the full name stands in for both.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .name)
        self.init(
            id: try c.decode(String.self, forKey: .id), name: name,
            short: try c.decodeIfPresent(String.self, forKey: .short) ?? name,
            nameEn: try c.decodeIfPresent(String.self, forKey: .nameEn) ?? name)
    }
}

/// A programme (工程): one of sections 二–十二 of the plan.
public struct Programme: Codable, Sendable, Hashable {
    /// Section number as the plan gives it (2–12 in Linqing's plan).
    public var number: Int
    /// Short English key (industry, agriculture…).
    public var key: String
    public var title: String
    public var titleEn: String
    public var measures: [Measure]
    /// The label as the plan writes it (（一）, 第一部分); nil for format 1, whose labels are 二、.
    public var writtenLabel: String?

    enum CodingKeys: String, CodingKey {
        case number, key, title, titleEn, measures
        case writtenLabel = "label"
    }

    public init(
        number: Int, key: String, title: String, titleEn: String, measures: [Measure], writtenLabel: String? = nil
    ) {
        self.number = number
        self.key = key
        self.title = title
        self.titleEn = titleEn
        self.measures = measures
        self.writtenLabel = writtenLabel
    }

    /// The section number as the plan writes it (二, 十二).
    public var numeral: String { ChineseNumeral.of(number) }

    /// The label as written: the plan's own, else 二、 from the number.
    public var label: String { writtenLabel ?? numeral + "、" }
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
    /// The id the plan gives it (format 2); nil for format 1, whose ids are M01…M34.
    public var storedId: String?
    /// The label as the plan writes it (1. under each （一）); nil for format 1, whose labels are （二）.
    public var writtenLabel: String?
    /// The headings between its programme and it, as written (（一）实施设备更新行动), for plans
    /// of three or four levels; nil or empty when it sits right under its programme.
    public var path: [String]?
    /// Units that cooperate (配合) or take part (参与): named on its page, not answerable for it.
    public var otherUnits: [NodeUnit]?

    enum CodingKeys: String, CodingKey {
        case number, title, titleEn, text, leadUnits, responsibleUnits, targets, path, otherUnits
        case storedId = "id"
        case writtenLabel = "label"
    }

    public init(
        number: Int, title: String, titleEn: String, text: String, leadUnits: [String],
        responsibleUnits: [String], targets: [Target], storedId: String? = nil, writtenLabel: String? = nil,
        path: [String]? = nil, otherUnits: [NodeUnit]? = nil
    ) {
        self.number = number
        self.title = title
        self.titleEn = titleEn
        self.text = text
        self.leadUnits = leadUnits
        self.responsibleUnits = responsibleUnits
        self.targets = targets
        self.storedId = storedId
        self.writtenLabel = writtenLabel
        self.path = path
        self.otherUnits = otherUnits
    }

    /// The id entries use for the measure itself (narrative progress): the plan's own, else M01…M34.
    public var itemId: String { storedId ?? Measure.itemId(number) }

    /// Format 1's id for measure `number`.
    public static func itemId(_ number: Int) -> String {
        number < 10 ? "M0\(number)" : "M\(number)"
    }

    /// The measure's label as the plan writes it: its own, else （二） from the number.
    public var label: String { writtenLabel ?? "（\(ChineseNumeral.of(number))）" }
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

    /// The number a label writes (一 → 1, 十二 → 12, 二十三 → 23), or nil; 两 reads as 2.
    public static func value(_ text: String) -> Int? {
        func digit(_ character: Character) -> Int? {
            character == "两" ? 2 : digits.firstIndex(of: String(character)).flatMap { $0 > 0 ? $0 : nil }
        }
        let characters = Array(text)
        switch characters.count {
        case 1: return characters[0] == "十" ? 10 : digit(characters[0])
        case 2:
            if characters[0] == "十" { return digit(characters[1]).map { 10 + $0 } }
            return characters[1] == "十" ? digit(characters[0]).map { $0 * 10 } : nil
        case 3:
            guard characters[1] == "十", let tens = digit(characters[0]), let ones = digit(characters[2]) else {
                return nil
            }
            return tens * 10 + ones
        default: return nil
        }
    }

    /// Whether `character` is one of the numerals `value` reads.
    public static func isNumeral(_ character: Character) -> Bool {
        character == "十" || character == "两" || digits.dropFirst().contains(String(character))
    }
}

/// One line of a unit's monthly return: a target, or a measure without targets (its narrative).
public enum ReturnItem: Sendable, Equatable {
    case target(Target)
    case measure(Measure)

    public var id: String {
        switch self {
        case let .target(target): return target.id
        case let .measure(measure): return measure.itemId
        }
    }
}

extension Plan {
    /// What `unit` reports every month (every item when nil), in plan order: the overall targets it
    /// leads, then each measure it leads — its targets, or the measure itself when it has none.
    public func returnItems(for unit: PlanUnit?) -> [ReturnItem] {
        func leads(_ names: [String]) -> Bool { unit.map { names.contains($0.name) } ?? true }
        var items: [ReturnItem] = overallTargets.filter { leads(leadUnits(forTarget: $0.id)) }.map { .target($0) }
        for measure in measures where leads(measure.leadUnits) {
            items += measure.targets.isEmpty ? [.measure(measure)] : measure.targets.map { .target($0) }
        }
        return items
    }
}

/// The monthly return's columns (the CSV form's header and the workbook's), in order.
public enum ReturnColumns {
    public static let header = [
        "指标编号", "指标名称", "目标值", "计量单位", "截止日期", "日期", "数值", "进展情况", "存在问题", "下步计划", "填报单位", "基数年份",
    ]
}
