import ArgumentParser
import RenewalApp
import RenewalModel

/// A user mistake or unusable input: printed on stderr in the chosen language, exit status 1.
typealias CLIError = AppError

/// Options that cannot go together, or a value an option never takes (found by `validate()`
/// before anything is read): said in the run's language, exit status 64 (EX_USAGE), as the
/// parser's own usage errors.
struct UsageError: Error {
    let phrase: Phrase

    init(_ zh: String, _ en: String) { phrase = Phrase(zh, en) }

    /// Throws `zh`/`en` when `text` (an option's value) is empty or only spaces.
    static func unlessWritten(_ text: String, _ zh: String, _ en: String) throws {
        if text.trimmingSpaces.isEmpty { throw UsageError(zh, en) }
    }

    /// The usage error inside what the parser threw: it wraps an error from `validate()` in its
    /// own (internal) error type, so it is looked for among the wrapper's stored values.
    static func found(in value: Any, depth: Int = 0) -> UsageError? {
        if let usage = value as? UsageError { return usage }
        guard depth < 4 else { return nil }
        for child in Mirror(reflecting: value).children {
            if let usage = found(in: child.value, depth: depth + 1) { return usage }
        }
        return nil
    }
}

/// The language of this run's messages, known before the arguments are parsed: errors in
/// parsing them, and the help, must already speak it.
enum CommandLanguage {
    /// Read once from the process's own arguments (constant for the run).
    static let current: Language = detect(Array(CommandLine.arguments.dropFirst()))

    /// `--lang en` or `--lang=en` anywhere in the arguments (the last one wins); Chinese
    /// otherwise (a bad value is reported by the option itself, in Chinese).
    static func detect(_ arguments: [String]) -> Language {
        var found = Language.zh
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            var value: String?
            if argument == "--lang", index + 1 < arguments.count { value = arguments[index + 1] }
            if argument.hasPrefix("--lang=") { value = String(argument.dropFirst("--lang=".count)) }
            if let value, let language = Language(rawValue: value.lowercased()) { found = language }
        }
        return found
    }

    /// Picks the Chinese or English form for this run.
    static func pick(_ zh: String, _ en: String) -> String { current.pick(zh, en) }
}

extension ArgumentHelp {
    /// Help text in the run's language (`CommandLanguage`, known before parsing).
    static func bilingual(_ zh: String, _ en: String, valueName: String? = nil) -> ArgumentHelp {
        ArgumentHelp(CommandLanguage.pick(zh, en), valueName: valueName)
    }
}
