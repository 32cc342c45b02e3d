import RenewalModel

/// One line of text being typed, with a cursor, as in a shell: characters (Chinese included, never
/// mapped) go in at the cursor; ←/→ move it, Home/End (Ctrl-A/Ctrl-E) jump to either end; Backspace
/// deletes before it, Ctrl-W the word before it, Ctrl-U everything before it, Ctrl-K everything
/// after it. Prompts, the search box and the record form all edit through it.
public struct TextField: Sendable, Equatable {
    /// The text; setting it puts the cursor at its end.
    public var text: String {
        didSet { cursor = text.count }
    }
    /// How many characters lie before the cursor (0…text.count).
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// The keys `edit` understands, for the help screen and the prompts' hint.
    public static func help(_ language: Language) -> String {
        language.pick(
            "←/→ 移动光标，Home/End 到首尾，Ctrl-W 删一词，Ctrl-U 删到行首，Ctrl-K 删到行尾",
            "←/→ move, Home/End ends, Ctrl-W deletes a word, Ctrl-U to the start, Ctrl-K to the end")
    }

    /// Applies an editing key; false when `key` does not edit text (Enter, Esc, Tab, …).
    @discardableResult
    public mutating func edit(_ key: Key) -> Bool {
        var characters = Array(text)
        let position = min(cursor, characters.count)
        var newCursor = position
        switch key {
        case let .char(character):
            characters.insert(character, at: position)
            newCursor += 1
        case .backspace:
            guard position > 0 else { return true }
            characters.remove(at: position - 1)
            newCursor -= 1
        case .left: newCursor = max(0, position - 1)
        case .right: newCursor = min(characters.count, position + 1)
        case .home, .ctrl("a"): newCursor = 0
        case .end, .ctrl("e"): newCursor = characters.count
        case .ctrl("u"):
            characters.removeFirst(position)
            newCursor = 0
        case .ctrl("k"):
            characters.removeLast(characters.count - position)
        case .ctrl("w"):
            // The word before the cursor and the spaces after it (a Chinese run counts as one word).
            var start = position
            while start > 0, characters[start - 1].isWhitespace { start -= 1 }
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<position)
            newCursor = start
        default:
            return false
        }
        text = String(characters)
        cursor = newCursor
        return true
    }

    /// The text before the cursor, the character under it (nil at the end) and the text after it.
    public var parts: (before: String, at: Character?, after: String) {
        let characters = Array(text)
        let position = min(cursor, characters.count)
        let at = position < characters.count ? characters[position] : nil
        let after = position + 1 < characters.count ? String(characters[(position + 1)...]) : ""
        return (String(characters[..<position]), at, after)
    }
}

extension TextField {
    /// The field as styled spans: the character under the cursor reversed, or a reversed `_` after
    /// the text when the cursor is at its end. `cursor: false` (not being typed in) draws no cursor.
    func spans(_ style: Style, cursor showCursor: Bool = true) -> [(String, Style)] {
        guard showCursor else { return [(text, style)] }
        let (before, at, after) = parts
        var reversed = style
        reversed.reverse = true
        return [(before, style), (at.map { String($0) } ?? "_", reversed), (after, style)]
    }
}
