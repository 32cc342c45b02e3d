import ArgumentParser
import Foundation
import RenewalApp
import RenewalModel
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
        help: .bilingual(
            "使用此方案文件代替内置方案（也可用 RENEWAL_PLAN）。", "Use this plan file instead of the built-in one (also RENEWAL_PLAN).",
            valueName: "file"))
    var planPath: String?

    /// The plan and store as named (`WorkspaceSource` decides what each name means).
    var workspaceSource: WorkspaceSource {
        WorkspaceSource(planPath: planPath, storeText: dbPath, demo: demo)
    }

    func plan() throws -> Plan { try loadPlan().plan }

    /// The plan, with the fingerprint of the bytes it was decoded from.
    func loadPlan() throws -> LoadedPlan { try workspaceSource.loadPlan() }

    /// The store named by --db, RENEWAL_DB or the default, as given (not used with --demo).
    var storePath: String { workspaceSource.storeText }

    /// The store as messages name it (a URL without any password).
    var storeShown: String { workspaceSource.storeShown }

    /// Opens the plan and the store (`Workspace.open`), saying on stderr when the store is new.
    func workspace(access: StoreAccess) throws -> Workspace {
        Self.noted(try Workspace.open(workspaceSource, access: access, today: Today.day()))
    }

    /// Opens the store for a plan already loaded and checked against (a mistake in the input then
    /// never creates a store).
    func workspace(_ plan: LoadedPlan, access: StoreAccess, adoptPlan: Bool = false) throws -> Workspace {
        Self.noted(
            try Workspace.open(workspaceSource, plan: plan, access: access, today: Today.day(), adoptPlan: adoptPlan))
    }

    /// A workspace whose store this open created, or whose entries were recorded under a revised
    /// file of the plan, is said on stderr.
    static func noted(_ workspace: Workspace) -> Workspace {
        if workspace.store.created, !workspace.isDemo { noteCreated(workspace.store) }
        if let note = workspace.planNote { Console.note(CommandLanguage.pick(note.zh, note.en)) }
        return workspace
    }

    static func noteCreated(_ store: any ProgressStore) {
        let shown = ControlCharacters.visible(store.location)
        Console.note(CommandLanguage.pick("已新建进展库：\(shown)", "Created a new store: \(shown)"))
    }

    /// The targets that need a baseline and have none in the store (all of them when there is no
    /// store yet), in plan order: what `init` and `template` ask for (DESIGN §4).
    func targetsMissingBaseline(plan: LoadedPlan) throws -> [Target] {
        let needing = plan.plan.targetsNeedingBaseline
        let store: any ProgressStore
        if demo {
            store = try workspace(plan, access: .read).store
        } else {
            guard let existing = try workspaceSource.openExistingStore() else { return needing }
            store = existing
        }
        let entered = Set(try store.entries(for: Set(needing.map(\.id))).filter(\.isBaseline).map(\.itemId))
        return needing.filter { !entered.contains($0.id) }
    }
}

/// `--lang zh|en`: Chinese by default.
struct LanguageOption: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: .bilingual("输出语言。", "Output language.", valueName: "zh|en"))
    var language: Language = .zh
}

/// Who is recording: --by, else the login name.
struct RecorderOptions: ParsableArguments {
    @Option(
        name: .customLong("by"),
        help: .bilingual("记录人（默认 $USER）。", "Who records this (default: $USER).", valueName: "name"))
    var by: String?

    var name: String { by ?? Recorder.currentUser }
}

/// Target ids, measure ids (M08, or a plan's own such as P2.1.3) and measure numbers (8) as
/// people type them.
enum ItemReference {
    static func resolve(_ text: String, plan: Plan) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for typed in [trimmed, trimmed.uppercased()] {
            if plan.target(id: typed) != nil { return typed }
            if let measure = plan.measure(itemId: typed) { return measure.itemId }
        }
        let upper = trimmed.uppercased()
        let digits = upper.hasPrefix("M") ? String(upper.dropFirst()) : upper
        if let number = Int(digits), let measure = plan.measure(number: number) { return measure.itemId }
        return nil
    }

    /// The item `text` names in `plan`, or the error that says how items are named.
    static func required(_ text: String, in plan: Plan) throws -> String {
        guard let itemId = resolve(text, plan: plan) else { throw unknown(text, in: plan) }
        return itemId
    }

    /// Says how items are named, with ids from this plan.
    static func unknown(_ text: String, in plan: Plan) -> CLIError {
        let typed = Quoted(text)
        let target = plan.measures.lazy.compactMap(\.targets.first).first?.id ?? plan.allTargets.first?.id ?? "-"
        let measure = plan.measures.first?.itemId ?? "-"
        let count = plan.measures.count
        return CLIError(
            "没有 \(typed) 这一项：请用指标编号（如 \(target)）、措施编号（如 \(measure)）或措施序号（1–\(count)）",
            "unknown item \(typed): use a target id (such as \(target)), a measure id (such as \(measure)) "
                + "or a measure number (1–\(count))")
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
