import Foundation
import RenewalModel
import RenewalStore
import RenewalText

/// Dates typed on the command line: one parser and one message for every date option.
enum DateArgument {
    static func parse(_ text: String, option: String) throws -> Day {
        guard let day = Day(text.trimmingSpaces) else {
            let typed = Quoted(text)
            throw CLIError("\(option) \(typed) 不是日期；格式为 YYYY-MM-DD，例如 \(option) 2026-11-29",
                           "\(option) \(typed) is not a date; use YYYY-MM-DD, e.g. \(option) 2026-11-29")
        }
        return day
    }
}

/// Files a command writes (`-o`).
enum OutputFile {
    static func cannotWrite(_ path: String) -> CLIError {
        let shown = ControlCharacters.visible(path)
        return CLIError("无法写入 \(shown)：请检查文件夹是否存在、是否有写权限",
                        "cannot write \(shown): check that the folder exists and that you may write there")
    }
}

/// Any error as one message in the run's language: ours carry both languages; anything else
/// (a bug, a system error) is shown as it describes itself, control characters made visible.
enum ErrorText {
    static func phrase(_ error: Error) -> Phrase {
        switch error {
        case let error as CLIError: return error.phrase
        case let error as StoreError: return error.phrase
        case let error as Phrase: return error
        case let error as EntriesError:
            return Phrase(error.lines(.zh).joined(separator: "\n"), error.lines(.en).joined(separator: "\n"))
        default:
            let text = ControlCharacters.visible("\(error)")
            return Phrase("意外错误：\(text)", "unexpected error: \(text)")
        }
    }

    static func text(_ error: Error, _ language: Language) -> String { phrase(error).text(language) }
}
