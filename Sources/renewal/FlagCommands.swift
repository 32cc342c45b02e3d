import ArgumentParser
import Foundation
import RenewalModel
import RenewalStore
import RenewalText

/// `renewal flag`: put an item under supervision (督办).
struct FlagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "flag", abstract: "Flag an item for supervision (督办) with a note.")

    @Argument(help: "Target id, measure id (M08) or measure number.")
    var item: String

    @Option(name: .long, help: "What is asked of the unit.")
    var note: String

    @Option(name: .customLong("follow-up"), help: "Follow-up date, YYYY-MM-DD.")
    var followUp: String?

    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var source: StoreOptions

    @OptionGroup var lang: LanguageOption

    func run() throws {
        let language = try lang.parsed()
        let plan = try source.plan()
        guard let itemId = ItemReference.resolve(item, plan: plan) else { throw ItemReference.unknown(item) }
        guard !note.trimmingCharacters(in: .whitespaces).isEmpty else { throw CLIError("--note is empty: say what is asked") }
        var day: Day?
        if let followUp {
            guard let parsed = Day(followUp) else { throw CLIError("--follow-up \"\(followUp)\" is not a date; use YYYY-MM-DD") }
            day = parsed
        }
        let opened = try source.openStore(plan: plan)
        let flag = try opened.store.flag(itemId: itemId, note: note, by: recorder.name, at: Today.timestamp(), followUp: day)
        print(language.pick("已督办 #\(flag.id)：\(itemId)", "Flagged #\(flag.id): \(itemId)"))
    }
}

/// `renewal unflag`: clear the open flags on an item.
struct UnflagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unflag", abstract: "Clear the supervision flags on an item.")

    @Argument(help: "Target id, measure id (M08) or measure number.")
    var item: String

    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var source: StoreOptions

    @OptionGroup var lang: LanguageOption

    func run() throws {
        let language = try lang.parsed()
        let plan = try source.plan()
        guard let itemId = ItemReference.resolve(item, plan: plan) else { throw ItemReference.unknown(item) }
        let opened = try source.openStore(plan: plan)
        let cleared = try opened.store.unflag(itemId: itemId, by: recorder.name, at: Today.timestamp())
        guard cleared > 0 else { throw CLIError("\(itemId) has no open flag") }
        print(language.pick("已解除督办：\(itemId)（\(cleared) 项）", "Cleared \(cleared) flag(s) on \(itemId)"))
    }
}

/// `renewal flags`: the supervision list.
struct FlagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "flags", abstract: "List supervision flags (督办), open ones unless --all.")

    @Flag(name: .long, help: "Include cleared flags.")
    var all = false

    @Flag(name: .long, help: "JSON instead of text.")
    var json = false

    @OptionGroup var source: StoreOptions

    @OptionGroup var lang: LanguageOption

    func run() throws {
        let language = try lang.parsed()
        let plan = try source.plan()
        let opened = try source.openStore(plan: plan)
        let flags = try opened.store.flags(includeCleared: all)
        if json { try JSONOutput.print(flags); return }
        if opened.isDemo { print(SampleBanner.text(language)) }
        if flags.isEmpty { print(language.pick("没有督办事项。", "No flags.")); return }
        for flag in flags {
            let title = plan.target(id: flag.itemId).map { language.pick($0.description, $0.descriptionEn) }
                ?? plan.measure(itemId: flag.itemId).map { language.pick($0.title, $0.titleEn) } ?? ""
            print(TextLayout.truncate("#\(flag.id) \(flag.itemId) \(title)", to: 80, ellipsis: true))
            var facts = [language.pick("督办人 ", "by ") + flag.flaggedBy, String(flag.flaggedAt.prefix(10))]
            if let followUp = flag.followUp { facts.append(language.pick("反馈期限 ", "follow up ") + followUp) }
            if let cleared = flag.clearedAt { facts.append(language.pick("已解除 ", "cleared ") + String(cleared.prefix(10))) }
            print("    " + facts.joined(separator: "  "))
            for line in TextLayout.wrap(flag.note, width: 76) { print("    " + line) }
        }
    }
}
