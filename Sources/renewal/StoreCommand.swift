import ArgumentParser
import Foundation
import RenewalApp
import RenewalModel
import RenewalStore

/// `renewal store`: the store itself.
struct StoreCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "store",
            abstract: CommandLanguage.pick("进展库本身的操作（复制、所随方案）。", "Work on the store itself (copy, its plan)."),
            subcommands: [StoreCopyCommand.self, StorePlanCommand.self])
    }
}

/// `renewal store copy --from A --to B`: every entry, flag and flag event, ids and timestamps
/// kept, into an empty store; checked after by counts and a checksum.
struct StoreCopyCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "copy",
            abstract: CommandLanguage.pick(
                "把一个进展库的全部记录、督办及其反馈原样（含编号和时间）复制到一个空库，复制后核对条数和全部内容的校验和。"
                    + "SQLite 文件与 PostgreSQL 之间双向可用。",
                "Copy every entry, flag and flag reply of one store, ids and times as they are, into an empty store, "
                    + "then check counts and a checksum. Works from an SQLite file to PostgreSQL and back."))
    }

    @Option(
        name: .customLong("from"),
        help: .bilingual(
            "来源进展库：文件路径或 postgresql:// 地址（只读取）。", "The source: a file or a postgresql:// URL (only read).",
            valueName: "path|url"))
    var from: String

    @Option(
        name: .customLong("to"),
        help: .bilingual(
            "目标进展库：文件路径或 postgresql:// 地址；必须为空（没有则新建）。",
            "The target: a file or a postgresql:// URL; it must be empty (made when missing).", valueName: "path|url"))
    var to: String

    @OptionGroup var lang: LanguageOption

    func run() throws {
        let language = lang.language
        let source = WorkspaceSource(planPath: nil, storeText: from, demo: false)
        let target = WorkspaceSource(planPath: nil, storeText: to, demo: false)
        let outcome = try StoreCopy.run(from: source, to: target)
        if outcome.createdTarget {
            Console.note(language.pick("已新建进展库：\(target.storeShown)", "Created a new store: \(target.storeShown)"))
        }
        let counts = StoreCopy.describe(outcome.counts, language)
        Console.print(
            language.pick(
                "已复制 \(source.storeShown) → \(target.storeShown)：\(counts)（编号和时间原样保留）。",
                "Copied \(source.storeShown) → \(target.storeShown): \(counts) (ids and times as they were)."))
        Console.print(
            language.pick(
                "核对一致：两库条数相同，SHA-256 校验和 \(outcome.checksum)。",
                "Checked: the same counts in both, SHA-256 checksum \(outcome.checksum)."))
    }
}

/// `renewal store plan [--adopt]`: which plan the store's entries belong to, and (with
/// `--adopt`) making the store follow the plan in use from now on.
struct StorePlanCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "plan",
            abstract: CommandLanguage.pick(
                "显示进展库的数据属于哪个方案（文号、标题、指纹），以及与当前方案是否一致；--adopt 让进展库从此随当前方案。",
                "Show which plan the store's entries belong to (document number, title, fingerprint) and whether it "
                    + "is the plan in use; --adopt makes the store follow the plan in use from now on."))
    }

    @Flag(
        name: .customLong("adopt"),
        help: .bilingual(
            "把当前方案记为进展库所随的方案（原记录保留）。", "Record the plan in use as the store's plan (earlier records are kept)."))
    var adopt = false

    @OptionGroup var source: StoreOptions

    @OptionGroup var lang: LanguageOption

    func run() throws {
        let language = lang.language
        let loaded = try source.loadPlan()
        let current = StorePlan(plan: loaded.plan, fingerprint: loaded.fingerprint)
        if source.demo {
            Console.print(
                language.pick("示例数据随当前方案：", "The sample data follows the plan in use: ") + current.shown.text(language))
            return
        }
        guard let existing = try source.workspaceSource.openExistingStore() else {
            throw CLIError(
                "进展库 \(source.storeShown) 不存在：先运行 renewal init",
                "store \(source.storeShown) does not exist: run renewal init first")
        }
        let recorded = try existing.recordedPlan()
        if adopt {
            _ = try source.workspace(loaded, access: .write, adoptPlan: true)
            let before = recorded.map { $0.shown.text(language) } ?? language.pick("（未记录）", "(none recorded)")
            Console.print(
                language.pick(
                    "进展库 \(source.storeShown) 现随\(current.shown.zh)（此前：\(before)）。",
                    "Store \(source.storeShown) now follows \(current.shown.en) (before: \(before))."))
            return
        }
        Console.print(language.pick("进展库：", "Store: ") + source.storeShown)
        guard let recorded else {
            Console.print(
                language.pick(
                    "所随方案：未记录（下一次写入时记为当前方案 \(current.shown.zh)）",
                    "Plan: none recorded (the next write records the plan in use, \(current.shown.en))"))
            return
        }
        Console.print(language.pick("所随方案：", "Plan: ") + recorded.shown.text(language))
        Console.print(language.pick("指纹：", "Fingerprint: ") + recorded.fingerprint)
        if let at = recorded.recordedAt { Console.print(language.pick("记录于：", "Recorded: ") + at) }
        let verdict: String
        switch recorded.relation(to: current) {
        case .same: verdict = language.pick("与当前方案相同。", "The plan in use is this plan.")
        case .revised:
            verdict = language.pick(
                "当前方案是同一方案的另一版本文件（指纹 \(current.fingerprint)），按当前文件判定。",
                "The plan in use is another file of the same plan (fingerprint \(current.fingerprint)); "
                    + "the entries are judged by it.")
        case .other:
            verdict = language.pick(
                "当前方案是另一方案 \(current.shown.zh)：报告和看板会拒绝用它判定这些数据。",
                "The plan in use is another plan, \(current.shown.en): reports and the dashboard refuse to judge these "
                    + "entries by it.")
        }
        Console.print(verdict)
    }
}
