import Foundation

/// Decoding the plan file and checking that it is consistent with itself.
extension Plan {
    /// Decodes a plan from JSON, with the path to the offending value in the error.
    public static func decode(json data: Data) throws -> Plan {
        do {
            return try JSONDecoder().decode(Plan.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw PlanError.invalid(path: context.codingPath.pathText, reason: context.debugDescription)
        } catch let DecodingError.keyNotFound(key, context) {
            throw PlanError.invalid(path: (context.codingPath + [key]).pathText, reason: "missing key")
        } catch let DecodingError.typeMismatch(_, context) {
            throw PlanError.invalid(path: context.codingPath.pathText, reason: context.debugDescription)
        } catch let DecodingError.valueNotFound(_, context) {
            throw PlanError.invalid(path: context.codingPath.pathText, reason: "missing value")
        }
    }

    /// Everything wrong with the plan's structure, one sentence each (empty when sound).
    public func problems() -> [String] {
        var problems: [String] = []
        if startDate >= endDate { problems.append("startDate \(startDate) is not before endDate \(endDate)") }

        // Numbering is the plan's own (Linqing's runs 2–12 and 1–34; tests pin that for Data/plan.json):
        // any plan with positive numbers, each used once, in document order is sound.
        let numbers = programmes.map(\.number)
        if !Self.isStrictlyIncreasing(numbers) { problems.append("programme numbers must be positive, once each, in order; found \(Self.firstDisorder(numbers))") }
        let keys = programmes.map(\.key)
        if Set(keys).count != keys.count { problems.append("programme keys repeat: \(keys)") }
        let measureNumbers = measures.map(\.number)
        if !Self.isStrictlyIncreasing(measureNumbers) { problems.append("measure numbers must be positive, once each, in order; found \(Self.firstDisorder(measureNumbers))") }

        for (label, values) in [("unit id", units.map(\.id)), ("unit name", units.map(\.name)), ("unit short name", units.map(\.short))] {
            let repeated = Dictionary(grouping: values, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
            if !repeated.isEmpty { problems.append("\(label) used twice: \(repeated.joined(separator: ", "))") }
        }
        let unitNames = Set(units.map(\.name))
        for measure in measures {
            for name in measure.leadUnits + measure.responsibleUnits where !unitNames.contains(name) {
                problems.append("measure \(measure.number) names unit \(name), which is not in the unit list")
            }
            if measure.leadUnits.isEmpty { problems.append("measure \(measure.number) has no lead unit") }
        }

        let ids = allTargets.map(\.id)
        let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        if !repeated.isEmpty { problems.append("target ids used twice: \(repeated.joined(separator: ", "))") }
        for target in overallTargets where !target.id.hasPrefix("G") {
            problems.append("overall target \(target.id) should have an id starting with G")
        }
        for measure in measures {
            for target in measure.targets where !target.id.hasPrefix(measure.itemId + "-") {
                problems.append("target \(target.id) of measure \(measure.number) should start with \(measure.itemId)-")
            }
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
    static func firstDisorder(_ numbers: [Int]) -> String {
        if let bad = numbers.first(where: { $0 < 1 }) { return "\(bad)" }
        for (previous, next) in zip(numbers, numbers.dropFirst()) where next <= previous { return "\(next) after \(previous)" }
        return "\(numbers)"
    }
}

extension Target {
    func problems(plan: Plan) -> [String] {
        var problems: [String] = []
        let name = "target \(id)"
        if deadline == nil && recurrence != .annual { problems.append("\(name) has neither a deadline nor an annual recurrence") }
        if let deadline, deadline < plan.startDate || deadline > plan.endDate {
            problems.append("\(name) deadline \(deadline) is outside the plan window")
        }
        switch kind {
        case .quantitative:
            if comparator == nil { problems.append("\(name) is quantitative but has no comparator") }
            if value == nil { problems.append("\(name) is quantitative but has no value") }
            if unit == nil { problems.append("\(name) is quantitative but has no unit") }
            if reading == nil { problems.append("\(name) is quantitative but has no reading") }
            if recurrence == .annual && reading != .yearToDate { problems.append("\(name) is annual, so its reading must be yearToDate") }
            if isRelative && reportedUnit == nil { problems.append("\(name) is relative to \(baselineYear ?? 0) but has no reportedUnit") }
            if comparator == .all && value != 100 { problems.append("\(name) uses 全部 (all), so its value must be 100") }
        case .milestone:
            if value != nil || comparator != nil { problems.append("\(name) is a milestone but has a value or comparator") }
            if recurrence != nil { problems.append("\(name) is a milestone and cannot recur") }
        }
        for number in relatedMeasures ?? [] where plan.measure(number: number) == nil {
            problems.append("\(name) relates to measure \(number), which does not exist")
        }
        return problems
    }
}

/// A plan file that cannot be used.
public enum PlanError: Error, CustomStringConvertible, Equatable {
    case invalid(path: String, reason: String)
    case inconsistent([String])

    public var description: String {
        switch self {
        case let .invalid(path, reason):
            return "plan: \(path.isEmpty ? "top level" : path): \(reason)"
        case let .inconsistent(problems):
            return "plan is inconsistent: " + problems.joined(separator: "; ")
        }
    }
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
