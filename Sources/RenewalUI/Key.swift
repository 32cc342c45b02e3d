/// A key press or terminal event, as the reducer sees it (the terminal layer translates).
public enum Key: Sendable, Hashable {
    case char(Character)
    case up, down, left, right
    case enter, escape, backspace, tab, backTab
    case pageUp, pageDown, home, end
    /// Ctrl plus a letter (Ctrl-C arrives as `.ctrl("c")`).
    case ctrl(Character)
    case resize(width: Int, height: Int)
    /// Time passed with no key (the loop uses it to notice store changes).
    case tick

    /// Letters typed with a Chinese input method on arrive full-width (ｑ, ／, ？): outside text
    /// entry they mean their ASCII selves (U+FF01–FF5E map to U+0021–007E; U+3000 is a space).
    public var normalizedForNavigation: Key {
        guard case let .char(character) = self, let scalar = character.unicodeScalars.first,
            character.unicodeScalars.count == 1
        else { return self }
        if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
            return .char(Character(ascii))
        }
        if scalar.value == 0x3000 { return .char(" ") }
        // 。 and 、 from a Chinese keyboard sit where . and / are.
        return self
    }
}
