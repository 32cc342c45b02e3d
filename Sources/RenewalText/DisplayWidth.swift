/// Display width of text in a terminal cell grid: the one place that decides how many
/// columns a character takes.
///
/// East Asian Wide and Fullwidth characters (Chinese, Japanese, Korean, full-width forms)
/// take two columns; combining marks, zero-width characters and controls take none;
/// everything else takes one. East-Asian-ambiguous characters count as one column,
/// which is why the terminal front end offers an ASCII mode for borders and bars.
/// We do not use `wcwidth`: it depends on the process locale, and tests must not.
public enum DisplayWidth {
    /// Columns taken by one Unicode scalar on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 { return 0 }
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        if isZeroWidth(scalar) { return 0 }
        return isWide(value) ? 2 : 1
    }

    /// Columns taken by one grapheme cluster: its first scalar decides, except that an
    /// emoji presentation selector (U+FE0F) makes the cluster wide.
    public static func of(_ character: Character) -> Int {
        var width = 0
        var sawBase = false
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F { return 2 }
            if !sawBase {
                let w = of(scalar)
                if w > 0 || scalar.value >= 0x300 && !isZeroWidth(scalar) {
                    width = w
                    sawBase = true
                }
            }
        }
        return width
    }

    /// Columns taken by a string.
    ///
    /// Scalar by scalar while every scalar is one whose cluster cannot be wider or narrower
    /// than the scalar itself (ASCII and Latin-1 text, CJK ideographs, kana, CJK punctuation,
    /// full-width forms: nearly all of what reports print); cluster by cluster (`charactersWidth`)
    /// from the first one that could be (a combining mark, an emoji sequence, a flag…). Splitting
    /// a string into grapheme clusters was a third of writing a province's `overdue` as text.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x300 {
                total += value < 0x20 || (0x7F..<0xA0).contains(value) ? 0 : 1
            } else if isSimpleWide(value) {
                total += 2
            } else if isSimpleSymbol(value) {
                total += isWide(value) ? 2 : 1
            } else {
                return charactersWidth(text)
            }
        }
        return total
    }

    /// The width of a string cluster by cluster, as `of(_: Character)` decides each.
    static func charactersWidth<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Punctuation, arrows, box drawing, shapes and dingbats (the reports' marks ✖ ⇡ ▲ … and
    /// bars): one scalar each, joined only by selectors, ZWJ or keycaps, which are not simple and
    /// so send the string the slow way. Format characters and combining marks for symbols
    /// (U+200B–200F, U+2028–202F, U+205F–206F, U+20D0–20FF) are left out.
    static func isSimpleSymbol(_ value: UInt32) -> Bool {
        (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value)
            || (0x2070...0x20CF).contains(value) || (0x2100...0x2BFF).contains(value)
    }

    /// Wide scalars that never join another wide or spacing scalar in a cluster (the combining
    /// kana marks U+3099–309A and the ideographic tone marks U+302A–302F are left out).
    static func isSimpleWide(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x3000...0x3029).contains(value)
            || (0x3030...0x303E).contains(value) || (0x3041...0x3096).contains(value)
            || (0x30A0...0x30FF).contains(value) || (0xFF01...0xFF60).contains(value)
            || (0xFE30...0xFE4F).contains(value) || (0xAC00...0xD7A3).contains(value)
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return true
        default:
            break
        }
        let value = scalar.value
        // Hangul jungseong/jongseong combine with the preceding syllable; variation selectors.
        return (0x1160...0x11FF).contains(value) || (0xFE00...0xFE0F).contains(value)
            || (0xE0100...0xE01EF).contains(value) || value == 0x200B
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, from Unicode's EastAsianWidth.txt,
    /// merged into blocks; emoji with default emoji presentation are included.
    static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
            0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
            0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
            0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
            0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C,
            0x2B50, 0x2B55,
            0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F004, 0x1F0CF, 0x1F18E,
            0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF,
            0x1F7E0...0x1F7EB, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF,
            0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
