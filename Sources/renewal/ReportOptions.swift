import ArgumentParser
import Foundation
import RenewalModel
import RenewalReports
import RenewalStore

/// Options every report shares: date, language, where entries and the plan come from, width.
struct ReportOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Judge as of this day, YYYY-MM-DD (default: today).")
    var asOf: String?

    @Option(name: .customLong("lang"), help: "zh (default) or en.")
    var language: String = "zh"

    @Option(name: .customLong("entries"), help: "Progress entries from a CSV return (see README, \"Entries CSV\").")
    var entriesPath: String?

    @Option(name: .customLong("plan"), help: "Use this plan file instead of the built-in one (also RENEWAL_PLAN).")
    var planPath: String?

    @Option(name: .customLong("width"), help: "Fit text output to this many columns (default 80).")
    var width: Int = 80

    /// Everything a report needs, or a `CLIError` that names what was wrong.
    func load() throws -> ReportInputs {
        let language = try parsedLanguage()
        let asOf = try parsedAsOf()
        let plan: Plan
        do {
            plan = try PlanLoader.resolve(path: planPath)
        } catch {
            throw CLIError("cannot load the plan: \(error)")
        }
        var entries: [ProgressEntry] = []
        if let entriesPath {
            do {
                entries = try EntriesCSV.read(path: entriesPath, plan: plan)
            } catch let error as EntriesError {
                throw CLIError(error.description)
            }
        }
        guard width >= 40 else { throw CLIError("--width must be at least 40 (got \(width))") }
        let evaluation = StatusEngine(plan: plan).evaluate(entries: entries, asOf: asOf)
        let context = ReportContext(plan: plan, evaluation: evaluation, language: language, width: width, entries: entries)
        return ReportInputs(plan: plan, context: context)
    }

    func parsedLanguage() throws -> Language {
        guard let language = Language(rawValue: language.lowercased()) else {
            throw CLIError("--lang must be zh or en (got \"\(language)\")")
        }
        return language
    }

    func parsedAsOf() throws -> Day {
        guard let text = asOf else { return Today.day() }
        guard let day = Day(text) else {
            throw CLIError("--as-of \"\(text)\" is not a date; use YYYY-MM-DD, e.g. --as-of 2026-11-29")
        }
        return day
    }
}

struct ReportInputs {
    let plan: Plan
    let context: ReportContext
}

/// Today's date in the machine's time zone (the task force's local day).
enum Today {
    static func day() -> Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(ordinal: 0)
    }
}

/// Writes JSON to stdout: pretty, UTF-8 as is, slashes unescaped.
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
