import ArgumentParser
import Foundation
import RenewalModel
import RenewalStore

/// Where the plan and the progress store come from; every command takes these.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The store file (also RENEWAL_DB; default $XDG_DATA_HOME/renewal/renewal.sqlite).")
    var dbPath: String?

    @Flag(name: .customLong("demo"), help: "Use a temporary store loaded with the fictional sample data.")
    var demo = false

    @Option(name: .customLong("plan"), help: "Use this plan file instead of the built-in one (also RENEWAL_PLAN).")
    var planPath: String?

    func plan() throws -> Plan { try Self.plan(path: planPath) }

    static func plan(path: String?) throws -> Plan {
        do {
            return try PlanLoader.resolve(path: path)
        } catch {
            throw CLIError("cannot load the plan: \(error)")
        }
    }

    /// The store file named by --db, RENEWAL_DB or the default (not used with --demo).
    var storePath: String {
        let environment = ProcessInfo.processInfo.environment
        return dbPath ?? environment["RENEWAL_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? ProgressStore.defaultPath()
    }

    /// The store to use: a fresh demo store made from `plan`, or the file (`openFile`).
    func openStore(plan: Plan) throws -> OpenedStore {
        guard demo else { return try openFile() }
        do {
            return OpenedStore(store: try DemoStore.create(plan: plan, today: Today.day()), isDemo: true)
        } catch {
            throw CLIError("cannot set up the demo store: \(error)")
        }
    }

    /// The store file named by --db, RENEWAL_DB or the default, created if missing.
    func openFile() throws -> OpenedStore {
        do {
            return OpenedStore(store: try ProgressStore(path: storePath), isDemo: false)
        } catch {
            throw CLIError("\(error)")
        }
    }
}

/// A store, and whether it holds sample data (every output then says so).
struct OpenedStore {
    let store: ProgressStore
    let isDemo: Bool
}

/// `--lang zh|en`: Chinese by default.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: "zh (default) or en.")
    var text: String = "zh"

    /// The language, or a one-line error for anything but zh or en.
    func parsed() throws -> Language {
        guard let language = Language(rawValue: text.lowercased()) else {
            throw CLIError("--lang must be zh or en (got \"\(text)\")")
        }
        return language
    }
}

/// Who is recording: --by, else $USER, else "unknown".
struct RecorderOptions: ParsableArguments {
    @Option(name: .customLong("by"), help: "Who records this (default: $USER).")
    var by: String?

    var name: String { by ?? RecorderOptions.currentUser }

    /// $USER, or "unknown".
    static var currentUser: String {
        ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "unknown"
    }
}

/// Today's date in the machine's time zone (the task force's local day), and timestamps.
enum Today {
    static func day() -> Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(ordinal: 0)
    }

    /// Now, as an ISO 8601 timestamp with the local offset.
    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .current
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}

/// Target ids, measure ids (M08) and measure numbers (8) as people type them.
enum ItemReference {
    static func resolve(_ text: String, plan: Plan) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        if plan.target(id: trimmed) != nil { return trimmed }
        let digits = trimmed.hasPrefix("M") ? String(trimmed.dropFirst()) : trimmed
        if let number = Int(digits), let measure = plan.measure(number: number) { return measure.itemId }
        return nil
    }

    static func unknown(_ text: String) -> CLIError {
        CLIError("unknown item \"\(text)\": use a target id (M02-1, G25-4), a measure id (M08) or a measure number (8)")
    }
}

/// Writes JSON to stdout: pretty, UTF-8 as is, slashes unescaped, keys sorted.
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}

/// The line every output of a demo run starts with.
enum SampleBanner {
    static func text(_ language: Language) -> String {
        language.pick("【示例数据】以下为虚构的示例数据，仅供演示，不代表实际进展。",
                      "[SAMPLE DATA] Fictional figures for demonstration only.")
    }
}
