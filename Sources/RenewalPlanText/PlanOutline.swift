/// A plan's headings as a tree, each with its text and the units its bracket names: the skeleton
/// of a draft (issue 24). Headings nest by style (一、 above （一） above 1. above （1）), whatever
/// their numbers, so numbering that restarts under each heading reads as written.
public struct DraftNode: Sendable, Equatable {
    public var heading: Heading
    /// The heading's title: what follows its label up to the first 。 ("推动产业高端化跃升").
    public var title: String
    /// The rest of its paragraphs, without the unit bracket.
    public var text: String
    public var units: [DraftUnit]
    public var children: [DraftNode]
}

/// A unit as a bracket names it, with its role.
public struct DraftUnit: Sendable, Equatable {
    public enum Role: String, Sendable, Equatable {
        /// 牵头
        case lead
        /// 责任
        case responsible
        /// 配合
        case cooperating
        /// 参与
        case participating
    }

    public var name: String
    public var role: Role
}

public enum PlanOutline {
    /// The headed parts of `text` (what comes before the first heading, the notice and preamble, is
    /// left out), nested by heading style.
    public static func read(_ text: String) -> [DraftNode] {
        var roots: [DraftNode] = []
        /// The open path from a root to the node being filled.
        var path: [DraftNode] = []
        func close(downTo style: Heading.Style?) {
            while let last = path.last, style.map({ last.heading.style >= $0 }) ?? true {
                var node = path.removeLast()
                (node.text, node.units) = UnitBrackets.take(from: node.text)
                if path.isEmpty { roots.append(node) } else { path[path.count - 1].children.append(node) }
            }
        }
        for paragraph in PlanParagraphs.split(text) {
            if let heading = Heading.parse(paragraph) {
                close(downTo: heading.style)
                let rest = heading.rest
                let title = rest.split(separator: "。", maxSplits: 1).first.map(String.init) ?? rest
                let body = String(rest.dropFirst(title.count)).trimmingCharacters(in: "。")
                path.append(DraftNode(heading: heading, title: title, text: body, units: [], children: []))
            } else if !path.isEmpty {
                path[path.count - 1].text += paragraph
            }
        }
        close(downTo: nil)
        return roots
    }
}

/// The brackets that name who does the work: （牵头单位：甲、乙；责任单位：丙） or （甲牵头，乙、丙等参与）.
enum UnitBrackets {
    static let roleWords: [(String, DraftUnit.Role)] = [
        ("牵头单位", .lead), ("责任单位", .responsible), ("配合单位", .cooperating), ("参与单位", .participating),
    ]

    /// The text without its last unit bracket, and the units that bracket names.
    static func take(from text: String) -> (String, [DraftUnit]) {
        var search = text.endIndex
        while let open = text[..<search].range(of: "（", options: .backwards) {
            guard let close = text[open.upperBound...].firstIndex(of: "）") else { break }
            let inside = String(text[open.upperBound..<close])
            let units = read(inside)
            if !units.isEmpty {
                let rest = String(text[..<open.lowerBound]) + String(text[text.index(after: close)...])
                return (rest, units)
            }
            search = open.lowerBound
        }
        return (text, [])
    }

    static func read(_ inside: String) -> [DraftUnit] {
        var units: [DraftUnit] = []
        if roleWords.contains(where: { inside.hasPrefix($0.0) }) {
            for part in inside.split(separator: "；") {
                guard let (word, role) = roleWords.first(where: { part.hasPrefix($0.0) }) else { continue }
                let names = part.dropFirst(word.count).trimmingCharacters(in: "：:")
                units += split(names).map { DraftUnit(name: $0, role: role) }
            }
            return units
        }
        // （甲、乙牵头，丙、丁等配合） and the like.
        for part in inside.split(separator: "，") {
            for (word, role) in [("牵头", DraftUnit.Role.lead), ("配合", .cooperating), ("参与", .participating)]
            where part.hasSuffix(word) {
                var names = String(part.dropLast(word.count))
                if names.hasSuffix("等") { names.removeLast() }
                units += split(names).map { DraftUnit(name: $0, role: role) }
            }
        }
        return units
    }

    /// Names split at 、 and ，; a fragment that is only 单位 or 部门 belongs to the name before it
    /// ("…工作专班涉及部门、单位").
    static func split(_ names: String) -> [String] {
        var list: [String] = []
        for group in names.split(separator: "，") {
            for fragment in group.split(separator: "、").map(String.init) where !fragment.isEmpty {
                if ["单位", "部门"].contains(fragment), let last = list.popLast() {
                    list.append(last + "、" + fragment)
                } else {
                    list.append(fragment)
                }
            }
        }
        return list
    }
}
