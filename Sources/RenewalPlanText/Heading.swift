import RenewalModel

/// A heading as plans write them, with its label kept as written: 一、 (a part), （一） (a section),
/// 1. / 1、 (an item), （1） (a sub-item). Numbering may restart under each heading; the level
/// comes from the style, not from the number.
public struct Heading: Sendable, Equatable {
    public enum Style: Int, Sendable, Comparable, CaseIterable {
        /// 一、二、…
        case part = 1
        /// （一）（二）… or (一)
        case section
        /// 1. 2. … or 1、 or 1．
        case item
        /// （1）（2）… or (1)
        case subitem

        public static func < (lhs: Style, rhs: Style) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var style: Style
    /// The label as written: "一、", "（三）", "2.", "（1）".
    public var label: String
    /// The number the label says (一 → 1, （十二） → 12).
    public var number: Int
    /// What follows the label on its line.
    public var rest: String

    /// The heading `line` begins with, if any (after `PlanParagraphs.normalise`).
    public static func parse(_ line: String) -> Heading? {
        let characters = Array(line)
        guard let first = characters.first else { return nil }
        if first == "（" {
            guard let close = characters.firstIndex(of: "）"), close > 1, close <= 5 else { return nil }
            let inside = String(characters[1..<close])
            let rest = String(characters[(close + 1)...])
            if let number = ChineseNumeral.value(inside) {
                return Heading(style: .section, label: String(characters[...close]), number: number, rest: rest)
            }
            if let number = Int(inside) {
                return Heading(style: .subitem, label: String(characters[...close]), number: number, rest: rest)
            }
            return nil
        }
        var index = 0
        while index < characters.count, index < 3,
            ChineseNumeral.isNumeral(characters[index])
        {
            index += 1
        }
        if index > 0, index < characters.count, characters[index] == "、",
            let number = ChineseNumeral.value(String(characters[..<index]))
        {
            return Heading(
                style: .part, label: String(characters[...index]), number: number,
                rest: String(characters[(index + 1)...]))
        }
        index = 0
        while index < characters.count, index < 3, characters[index].isASCIIDigitLike { index += 1 }
        if index > 0, index < characters.count, [".", "．", "、"].contains(characters[index]),
            index + 1 < characters.count, !characters[index + 1].isASCIIDigitLike,
            let number = Int(String(characters[..<index]))
        {
            return Heading(
                style: .item, label: String(characters[...index]), number: number,
                rest: String(characters[(index + 1)...]))
        }
        return nil
    }
}
