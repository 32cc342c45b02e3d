import ArgumentParser
import Foundation
import RenewalModel
import RenewalPostgres
import RenewalReports
import RenewalStore
import RenewalText

/// Where the plan and the progress store come from; every command takes these.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            CommandLanguage.pick(
                "进展库文件，或 PostgreSQL 地址 postgresql://用户@主机:端口/库名（也可用 RENEWAL_DB；"
                    + "默认 $XDG_DATA_HOME/renewal/renewal.sqlite）。",
                "The store file, or a PostgreSQL URL postgresql://user@host:port/db (also RENEWAL_DB; "
                    + "default $XDG_DATA_HOME/renewal/renewal.sqlite)."), valueName: "path|url"))
    var dbPath: String?

    @Flag(
        name: .customLong("demo"),
        help: ArgumentHelp(
            CommandLanguage.pick(
                "使用装有虚构示例数据的临时进展库，不保留任何改动。", "Use a temporary store with the fictional sample data; nothing is kept.")))
    var demo = false

    @Option(
        name: .customLong("plan"),
        help: ArgumentHelp(
            CommandLanguage.pick(
                "使用此方案文件代替内置方案（也可用 RENEWAL_PLAN）。",
                "Use this plan file instead of the built-in one (also RENEWAL_PLAN)."),
            valueName: "file"))
    var planPath: String?

    func plan() throws -> Plan { try loadPlan().plan }

    /// The plan, with the fingerprint of the bytes it was decoded from (what a judging digest
    /// kept by a writing command is made with).
    func loadPlan() throws -> (plan: Plan, fingerprint: String) {
        let source = try planSource()
        return (try Self.plan(from: source), source.fingerprint)
    }

    /// The plan's bytes (read, not yet decoded): `--plan`, `RENEWAL_PLAN` or the built-in plan.
    func planSource() throws -> PlanSource {
        do { return try PlanLoader.source(path: planPath) } catch { throw Self.planError(error) }
    }

    static func plan(from source: PlanSource) throws -> Plan {
        do { return try source.plan() } catch { throw planError(error) }
    }

    static func planError(_ error: any Error) -> CLIError {
        let why = (error as? LoadError)?.phrase ?? (error as? PlanError)?.phrase ?? Phrase("\(error)", "\(error)")
        return CLIError(
            "无法读取方案：" + ControlCharacters.visible(why.zh), "cannot load the plan: " + ControlCharacters.visible(why.en))
    }

    /// The store named by --db, RENEWAL_DB or the default, as given (not used with --demo).
    var storePath: String {
        let environment = ProcessInfo.processInfo.environment
        return dbPath ?? environment["RENEWAL_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? SQLiteStore.defaultPath()
    }

    /// The store named: a file, or a PostgreSQL server.
    func storeLocation() throws -> StoreLocation {
        do {
            return try StoreLocation.parse(storePath, environment: ProcessInfo.processInfo.environment)
        } catch let error as StoreError {
            throw CLIError(error.phrase)
        }
    }

    /// The store as messages name it (a URL without any password).
    var storeShown: String {
        (try? StoreLocation.parse(storePath, environment: ProcessInfo.processInfo.environment).shown)
            ?? ControlCharacters.visible(storePath)
    }

    /// Whether the store is a PostgreSQL server (its account, not a file's mode, decides writing).
    var isServer: Bool {
        if case .postgres = try? storeLocation() { return true }
        return false
    }

    /// Whether there may be a store to read without making one: a file that exists, or a server
    /// (which says itself whether it holds renewal's tables).
    var storeMayExist: Bool {
        isServer || FileManager.default.fileExists(atPath: storePath)
    }

    /// The store to use: a fresh demo store made from `plan`, or the file (`openFile`). With
    /// `planFingerprint`, a store opened to write keeps its judging digest for this plan.
    func openStore(plan: Plan, access: StoreAccess, planFingerprint: String? = nil) throws -> OpenedStore {
        guard demo else {
            let opened = try openFile(access: access)
            if let planFingerprint, access != .read {
                opened.store.keepJudgingDigest(plan: plan, planFingerprint: planFingerprint)
            }
            return opened
        }
        do {
            return OpenedStore(store: try DemoStore.create(plan: plan, today: Today.day()), isDemo: true)
        } catch {
            let why = ControlCharacters.visible("\(error)")
            throw CLIError("无法建立示例进展库：\(why)", "cannot set up the demo store: \(why)")
        }
    }

    /// The targets that need a baseline and have none in the store (all of them when there is no
    /// store yet), in plan order: what `init` and `template` ask for (DESIGN §4).
    func targetsMissingBaseline(plan: Plan) throws -> [Target] {
        let needing = plan.targetsNeedingBaseline
        let store: any ProgressStore
        if demo {
            store = try openStore(plan: plan, access: .read).store
        } else {
            guard let existing = try openExisting() else { return needing }
            store = existing
        }
        let entered = Set(try store.entries(for: Set(needing.map(\.id))).filter(\.isBaseline).map(\.itemId))
        return needing.filter { !entered.contains($0.id) }
    }

    /// The store named by --db, RENEWAL_DB or the default: an SQLite file or a PostgreSQL
    /// database. Reading needs an existing store; writing creates a missing one and says so on
    /// stderr.
    func openFile(access: StoreAccess) throws -> OpenedStore {
        let location = try storeLocation()
        do {
            let store: any ProgressStore
            switch location {
            case let .file(path): store = try SQLiteStore(path: path, access: access)
            case let .postgres(address): store = try PostgresStore(address: address, access: access)
            }
            if store.created {
                let shown = ControlCharacters.visible(store.location)
                Console.note(CommandLanguage.pick("已新建进展库：\(shown)", "Created a new store: \(shown)"))
            }
            return OpenedStore(store: store, isDemo: false)
        } catch let error as StoreError {
            throw CLIError(error.phrase)
        }
    }

    /// The store opened to read, or nil when there is none yet (no file, or a database without
    /// renewal's tables).
    func openExisting() throws -> (any ProgressStore)? {
        let location = try storeLocation()
        do {
            switch location {
            case let .file(path): return try SQLiteStore(path: path, access: .read)
            case let .postgres(address): return try PostgresStore(address: address, access: .read)
            }
        } catch StoreError.missing, StoreError.notInitialized {
            return nil
        } catch let error as StoreError {
            throw CLIError(error.phrase)
        }
    }
}

/// A store, and whether it holds sample data (every output then says so).
struct OpenedStore {
    let store: any ProgressStore
    let isDemo: Bool
}

/// `--lang zh|en`: Chinese by default.
struct LanguageOption: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp(
            CommandLanguage.pick("输出语言。", "Output language."),
            valueName: "zh|en"))
    var language: Language = .zh
}

/// Who is recording: --by, else the login name.
struct RecorderOptions: ParsableArguments {
    @Option(
        name: .customLong("by"),
        help: ArgumentHelp(
            CommandLanguage.pick("记录人（默认 $USER）。", "Who records this (default: $USER)."),
            valueName: "name"))
    var by: String?

    var name: String { by ?? RecorderOptions.currentUser }

    /// The login name: $USER or $LOGNAME, else the account the process runs as (cron jobs and
    /// `env -i` shells have neither variable), "unknown" only when even that has no name.
    static var currentUser: String {
        let environment = ProcessInfo.processInfo.environment
        for key in ["USER", "LOGNAME"] {
            if let name = environment[key]?.trimmingCharacters(in: .whitespaces), !name.isEmpty { return name }
        }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name, let text = String(validatingCString: name),
            !text.isEmpty
        {
            return text
        }
        return "unknown"
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
        let typed = Quoted(text)
        return CLIError(
            "没有 \(typed) 这一项：请用指标编号（M02-1、G25-4）、措施编号（M08）或措施序号（8）",
            "unknown item \(typed): use a target id (M02-1, G25-4), a measure id (M08) or a measure number (8)")
    }
}

/// A unit named on the command line: its full name, short name or id.
enum UnitReference {
    static func resolve(_ text: String, plan: Plan) throws -> PlanUnit {
        guard let found = plan.unit(named: text.trimmingCharacters(in: .whitespaces)) else {
            let known = plan.units.map(\.short).joined(separator: "、")
            throw CLIError(
                "没有名为 \(Quoted(text)) 的单位；请用全称或简称：\(known)",
                "unknown unit \(Quoted(text)); use a full or short name: \(known)")
        }
        return found
    }
}

/// Writes JSON to stdout: pretty, UTF-8 as is, slashes unescaped, keys sorted.
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        let data: Data
        do {
            // JSONEncoder's form, written in less time (`JSONText`).
            data = Data(try JSONText.encode(value))
        } catch is JSONText.Unsupported {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
            data = try encoder.encode(value)
        }
        // Most answers hold none of the controls to escape: then the encoder's bytes go out as they
        // are (a province's `overdue --json` spent a sixth of its time re-reading its own output).
        if data.withUnsafeBytes({ needsEscaping($0.bindMemory(to: UInt8.self)) }) {
            FileHandle.standardOutput.write(Data(escapingControls(String(decoding: data, as: UTF8.self)).utf8))
        } else {
            FileHandle.standardOutput.write(data)
        }
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}

extension JSONOutput {
    /// JSON text with the controls JSONEncoder leaves raw (DEL, C1, bidirectional overrides) written
    /// as `\u` escapes: the same string to a JSON reader, inert on a terminal (DESIGN §5). They
    /// can only occur inside strings, where an escape is always valid.
    /// Whether UTF-8 JSON holds any scalar `escapingControls` rewrites: DEL (7F), C1 controls
    /// (C2 80–9F), U+061C (D8 9C), U+200E/F and U+202A–202E (E2 80 …), U+2066–2069 (E2 81 A6–A9).
    /// A byte scan.
    static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            index += 1
            if lead == 0x7F { return true }
            // ASCII and continuation bytes (< C2) start none of them.
            guard lead >= 0xC2, index < bytes.count else { continue }
            let second = bytes[index]
            switch lead {
            case 0xC2 where (0x80...0x9F).contains(second): return true
            case 0xD8 where second == 0x9C: return true
            case 0xE2 where index + 1 < bytes.count:
                let third = bytes[index + 1]
                if second == 0x80, third == 0x8E || third == 0x8F || (0xAA...0xAE).contains(third) { return true }
                if second == 0x81, (0xA6...0xA9).contains(third) { return true }
            default: break
            }
        }
        return false
    }

    static func escapingControls(_ json: String) -> String {
        guard !ControlCharacters.isClean(json, allowing: [.newline, .tab]) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            let value = scalar.value
            if (0x7F..<0xA0).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
                || value == 0x200E || value == 0x200F || value == 0x061C
            {
                out.append(contentsOf: "\\u\(ControlCharacters.hex(value))".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}

/// The line every output of a demo run starts with.
enum SampleBanner {
    static func text(_ language: Language) -> String {
        language.pick(
            "【示例数据】以下为虚构的示例数据，仅供演示，不代表实际进展。",
            "[SAMPLE DATA] Fictional figures for demonstration only.")
    }

    /// What a writing command says last under --demo: the change went to the temporary store.
    static func nothingKept(_ language: Language) -> String {
        language.pick(
            "【示例数据】以上改动只写入临时的示例进展库，退出后即删除，未保留任何数据。",
            "[SAMPLE DATA] The change went to the temporary demo store, removed on exit; nothing was kept.")
    }
}

/// Where messages go: stdout for results, stderr for notes and errors. Everything printed from
/// the store or a file passes `ControlCharacters.visible` first (DESIGN §5).
enum Console {
    /// A line of a result on stdout, control characters made visible (line breaks kept).
    static func print(_ text: String) {
        Swift.print(ControlCharacters.visible(text, allowing: [.newline, .tab]))
    }

    /// A note on stderr.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((ControlCharacters.visible(text, allowing: [.newline]) + "\n").utf8))
    }
}
