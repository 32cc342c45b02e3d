import ArgumentParser
import RenewalApp
import RenewalModel

/// A user mistake or unusable input: printed on stderr in the chosen language, exit status 1.
typealias CLIError = AppError

/// The language of this run's messages, known before the arguments are parsed: errors in
/// parsing them, and the help, must already speak it.
enum CommandLanguage {
    nonisolated(unsafe) private(set) static var current: Language = .zh

    /// `--lang en` or `--lang=en` anywhere in the arguments; Chinese otherwise (a bad value is
    /// reported by the option itself, in Chinese).
    static func detect(_ arguments: [String]) {
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            var value: String?
            if argument == "--lang", index + 1 < arguments.count { value = arguments[index + 1] }
            if argument.hasPrefix("--lang=") { value = String(argument.dropFirst("--lang=".count)) }
            if let value, let language = Language(rawValue: value.lowercased()) { current = language }
        }
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
