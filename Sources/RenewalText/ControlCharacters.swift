/// Text from the store is data, never control (DESIGN §5).
///
/// A note, a report or a unit name can hold any byte a department's file or a colleague's
/// command line put there: ESC sequences that retitle a tmux pane or clear the screen, BEL, BS
/// and CR that overwrite what was printed, C1 controls that some terminals obey, bidirectional
/// overrides that reorder what a reader sees. Every place text leaves for a terminal or a
/// document passes it through `visible`, which shows each such character as inert ASCII the
/// way `cat -v` does (ESC → `^[`, DEL → `^?`, C1 and bidi controls → `<U+009B>`), keeping only
/// the line breaks and tabs the format allows.
public enum ControlCharacters {
    /// What a format lets through unchanged.
    public struct Allowed: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Line feed, and CR LF as one line break.
        public static let newline = Allowed(rawValue: 1)
        public static let tab = Allowed(rawValue: 2)
    }

    /// True when `text` holds nothing `visible` would change.
    public static func isClean<S: StringProtocol>(_ text: S, allowing allowed: Allowed = []) -> Bool {
        text.unicodeScalars.allSatisfy { replacement(for: $0, allowed) == nil }
    }

    /// `text` with every control character made visible (or kept, if `allowed`).
    public static func visible<S: StringProtocol>(_ text: S, allowing allowed: Allowed = []) -> String {
        if isClean(text, allowing: allowed) { return String(text) }
        var result = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            // CR LF is one line break where line breaks are allowed; a lone CR is not.
            if scalar == "\r", allowed.contains(.newline), scalars.first == "\n" {
                continue
            }
            if let shown = replacement(for: scalar, allowed) {
                result.append(contentsOf: shown.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The visible form of a control scalar, or nil for anything that may pass.
    static func replacement(for scalar: Unicode.Scalar, _ allowed: Allowed) -> String? {
        let value = scalar.value
        switch value {
        case 0x0A where allowed.contains(.newline): return nil
        case 0x09 where allowed.contains(.tab): return nil
        case 0x00..<0x20:
            // ^@ … ^_ : the caret notation terminal users know.
            return "^" + String(UnicodeScalar(UInt8(value + 0x40)))
        case 0x7F: return "^?"
        case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
            return "<U+" + hex(value) + ">"
        default: return nil
        }
    }

    /// Four or more upper-case hex digits: 9B → "009B".
    public static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
