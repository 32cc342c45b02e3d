import RenewalModel
import RenewalStore
import RenewalText

/// A user mistake or unusable input, said in both languages: the commands print it on stderr
/// and exit 1; the dashboard shows it on its message line.
public struct AppError: Error, CustomStringConvertible, Sendable {
    public let phrase: Phrase

    public init(_ zh: String, _ en: String) {
        phrase = Phrase(zh, en)
    }

    public init(_ phrase: Phrase) {
        self.phrase = phrase
    }

    public var description: String { phrase.zh }

    /// What any error says to the user, in both languages: ours, the store's and a return's
    /// carry their own words; anything else is an unexpected error, its text made visible.
    public static func phrase(for error: any Error) -> Phrase {
        switch error {
        case let error as AppError: return error.phrase
        case let error as StoreError: return error.phrase
        case let error as Phrase: return error
        case let error as EntriesError:
            return Phrase(error.lines(.zh).joined(separator: "\n"), error.lines(.en).joined(separator: "\n"))
        default:
            let text = ControlCharacters.visible("\(error)")
            return Phrase("意外错误：\(text)", "unexpected error: \(text)")
        }
    }

    /// `phrase(for:)` in one language.
    public static func text(_ error: any Error, _ language: Language) -> String {
        phrase(for: error).text(language)
    }
}
