/// A sentence in both languages: every message a user reads exists complete in Chinese and in
/// English, and is printed in one of them, never mixed (DEVELOPERS.md "Speak the user's language").
public struct Phrase: Error, Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    public let zh: String
    public let en: String

    public init(_ zh: String, _ en: String) {
        self.zh = zh
        self.en = en
    }

    /// The sentence in `language`.
    public func text(_ language: Language) -> String { language.pick(zh, en) }

    /// Chinese, the default language.
    public var description: String { zh }

    /// Phrases joined by a separator suited to each language (，/; by default).
    public static func join(_ phrases: [Phrase], zh: String = "；", en: String = "; ") -> Phrase {
        Phrase(phrases.map(\.zh).joined(separator: zh), phrases.map(\.en).joined(separator: en))
    }
}

extension Language {
    /// How a count of things reads: "1 problem", "2 problems"; Chinese has no plural.
    public func count(_ n: Int, _ zhUnit: String, _ enSingular: String, _ enPlural: String? = nil) -> String {
        pick("\(n) \(zhUnit)", "\(n) " + (n == 1 ? enSingular : enPlural ?? enSingular + "s"))
    }
}
