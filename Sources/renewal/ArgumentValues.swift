import ArgumentParser
import Foundation
import RenewalApp
import RenewalModel
import RenewalStore
import RenewalText

// Typed option values: the parser converts and refuses them (exit 64, "the value … is invalid for
// --as-of <YYYY-MM-DD>", translated by `HelpText`), so a command's `run` only sees good values.
// The conformances of model types live here: the model must not depend on the argument parser.

/// Every date option (`--as-of`, `--follow-up`, `template --date`): YYYY-MM-DD, a real day.
extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument.trimmingSpaces) }
    public var defaultValueDescription: String { description }
}

/// `--lang zh|en`, in any case.
extension Language: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// `report --format`: the bulletin's printings.
enum BulletinFormat: String, CaseIterable, ExpressibleByArgument {
    case md, html, csv, text, xlsx

    /// The format a file name asks for by its extension (通报.xlsx, 通报.html), if any.
    init?(fileName: String) {
        let name = fileName.lowercased()
        for (suffix, format) in [
            (".xlsx", Self.xlsx), (".html", .html), (".htm", .html), (".csv", .csv),
            (".md", .md), (".txt", .text),
        ]
        where name.hasSuffix(suffix) {
            self = format
            return
        }
        return nil
    }

    init?(argument: String) {
        let word = argument.lowercased()
        self.init(rawValue: word == "markdown" ? "md" : word)
    }
}

/// `import --encoding`: utf-8, or gb18030 (gbk and gb2312 are read as it, a superset); a usage
/// error (exit 64) otherwise.
struct EncodingName: ExpressibleByArgument {
    let encoding: TextDecoding.Encoding

    init?(argument: String) {
        switch argument.lowercased().replacingOccurrences(of: "-", with: "") {
        case "utf8": encoding = .utf8
        case "gb18030", "gbk", "gb2312": encoding = .gb18030
        default: return nil
        }
    }
}

/// `snapshot --size 120x40`: at most 1000 columns and rows.
struct ScreenSize: ExpressibleByArgument, CustomStringConvertible {
    var width: Int
    var height: Int

    init?(argument: String) {
        let parts = argument.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
            (0...1000).contains(width), (0...1000).contains(height)
        else { return nil }
        self.width = width
        self.height = height
    }

    var description: String { "\(width)x\(height)" }
    var defaultValueDescription: String { description }
}

/// `snapshot --view`: the dashboard's screens a frame can show.
enum SnapshotView: String, CaseIterable, ExpressibleByArgument {
    case overview, overall, programme, measure, target, overdue, reporting, changes, units, ledger, search, help

    init?(argument: String) {
        let word = argument.lowercased()
        self.init(rawValue: word == "program" ? "programme" : word)
    }
}

/// Any error as one message in the run's language: ours carry both languages; anything else
/// (a bug, a system error) is shown as it describes itself, control characters made visible.
enum ErrorText {
    static func phrase(_ error: Error) -> Phrase { AppError.phrase(for: error) }

    static func text(_ error: Error, _ language: Language) -> String { phrase(error).text(language) }
}
