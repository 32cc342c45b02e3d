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
            abstract: CommandLanguage.pick("进展库本身的操作（复制）。", "Work on the store itself (copy)."),
            subcommands: [StoreCopyCommand.self])
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
