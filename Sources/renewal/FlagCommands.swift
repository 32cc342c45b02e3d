import ArgumentParser
import Foundation
import RenewalApp
import RenewalModel
import RenewalStore
import RenewalText

/// `renewal flag`: put an item under supervision (督办).
struct FlagCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "flag",
            abstract: CommandLanguage.pick("将一项列入督办，并写明督办要求。", "Flag an item for supervision with a note."))
    }

    @Argument(help: .bilingual("指标编号、措施编号（M08）或措施序号。", "Target id, measure id (M08) or measure number."))
    var item: String

    @Option(name: .long, help: .bilingual("督办要求：请单位做什么。", "What is asked of the unit."))
    var note: String

    @Option(name: .customLong("follow-up"), help: .bilingual("反馈期限。", "Follow-up date.", valueName: "YYYY-MM-DD"))
    var followUp: Day?

    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var source: StoreOptions

    @OptionGroup var lang: LanguageOption

    func validate() throws {
        try UsageError.unlessWritten(note, "--note 不能为空：请写明督办要求", "--note is empty: say what is asked")
    }

    func run() throws {
        let language = lang.language
        let loaded = try source.loadPlan()
        let plan = loaded.plan
        let itemId = try ItemReference.required(item, in: plan)
        let opened = try source.workspace(loaded, access: .write)
        let flag = try opened.store.flag(
            itemId: itemId, note: note, by: recorder.name, at: Today.timestamp(), followUp: followUp)
        Console.print(language.pick("已督办 #\(flag.id)：\(itemId)", "Flagged #\(flag.id): \(itemId)"))
        if opened.isDemo { Console.print(SampleBanner.nothingKept(language)) }
    }
}

/// `renewal unflag`: clear the open flags on an item.
struct UnflagCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "unflag", abstract: CommandLanguage.pick("解除一项的督办。", "Clear the supervision flags on an item.")
        )
    }

    @Argument(help: .bilingual("指标编号、措施编号（M08）或措施序号。", "Target id, measure id (M08) or measure number."))
    var item: String

    @Option(name: .long, help: .bilingual("办结说明（办结/销号的理由，记入督办记录）。", "Why the flag is closed (kept in its history)."))
    var note: String?

    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var source: StoreOptions

    @OptionGroup var lang: LanguageOption

    func run() throws {
        let language = lang.language
        let loaded = try source.loadPlan()
        let plan = loaded.plan
        let itemId = try ItemReference.required(item, in: plan)
        let opened = try source.workspace(loaded, access: .write)
        let cleared = try opened.store.unflag(
            itemId: itemId, by: recorder.name, at: Today.timestamp(), note: note?.trimmingCharacters(in: .whitespaces))
        guard cleared > 0 else { throw CLIError("\(itemId) 没有未解除的督办", "\(itemId) has no open flag") }
        Console.print(
            language.pick(
                "已解除督办：\(itemId)（\(cleared) 项）", "Cleared \(language.count(cleared, "项", "flag")) on \(itemId)"))
        if opened.isDemo { Console.print(SampleBanner.nothingKept(language)) }
    }
}

/// `renewal reply ITEM --note`: a unit's answer (反馈) to the open flag on an item.
struct ReplyCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "reply",
            abstract: CommandLanguage.pick(
                "记录单位对督办的反馈（反馈后不再计为超期未反馈）。", "Record a unit's reply to a flag (it then no longer counts as unanswered)."
            ))
    }

    @Argument(help: .bilingual("指标编号、措施编号（M08）或措施序号。", "Target id, measure id (M08) or measure number."))
    var item: String

    @Option(name: .long, help: .bilingual("反馈内容。", "The reply."))
    var note: String

    @Option(
        name: .long,
        help: .bilingual(
            "反馈单位（全称或简称，须为该项的牵头或责任单位；该项只有一个单位时可省略）。",
            "The unit replying (full or short name; one of the item's lead or responsible units; "
                + "may be left out when the item has only one)."))
    var unit: String?

    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var source: StoreOptions

    @OptionGroup var lang: LanguageOption

    func validate() throws {
        try UsageError.unlessWritten(note, "--note 不能为空：请写明反馈内容", "--note is empty: write the reply")
    }

    func run() throws {
        let language = lang.language
        let loaded = try source.loadPlan()
        let plan = loaded.plan
        let itemId = try ItemReference.required(item, in: plan)
        let text = note.trimmingCharacters(in: .whitespaces)
        let replying = try Self.replyingUnit(unit, itemId: itemId, plan: plan)
        let opened = try source.workspace(loaded, access: .write)
        let answered = try opened.store.reply(
            itemId: itemId, note: text, unit: replying, by: recorder.name, at: Today.timestamp())
        guard answered > 0 else { throw CLIError("\(itemId) 没有未解除的督办", "\(itemId) has no open flag") }
        let who = replying.map { plan.unitName($0, language, short: true) }
        Console.print(
            who.map { language.pick("已记录\($0)的反馈：\(itemId)", "Reply from \($0) recorded: \(itemId)") }
                ?? language.pick("已记录反馈：\(itemId)", "Reply recorded: \(itemId)"))
        if opened.isDemo { Console.print(SampleBanner.nothingKept(language)) }
    }
}

extension ReplyCommand {
    /// The unit a reply names (DESIGN §5): one of the item's units; the only one when it has one.
    static func replyingUnit(_ text: String?, itemId: String, plan: Plan) throws -> String? {
        let units = plan.units(forItem: itemId)
        let listed = units.map { plan.unitName($0, .zh, short: true) }.joined(separator: "、")
        let listedEn = units.map { plan.unitName($0, .en, short: true) }.joined(separator: ", ")
        guard let text else {
            if units.count <= 1 { return units.first }
            throw CLIError(
                "\(itemId) 有多个单位，请用 --unit 指明反馈单位：\(listed)",
                "\(itemId) has several units: say which replies with --unit (\(listedEn))")
        }
        let unit = try UnitReference.resolve(text, plan: plan)
        guard units.contains(unit.name) else {
            throw CLIError(
                "\(unit.short) 不是 \(itemId) 的牵头或责任单位；可选：\(listed)",
                "\(plan.unitName(unit.name, .en, short: true)) is not a lead or responsible unit of \(itemId); "
                    + "choose one of: \(listedEn)")
        }
        return unit.name
    }
}

/// `renewal flags`: the supervision list.
struct FlagsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "flags",
            abstract: CommandLanguage.pick(
                "督办台账：列出督办事项及其反馈状态（默认只列截至日期未解除的，--all 列出全部）。",
                "The supervision ledger: flags with their reply state (open ones on the day unless --all)."))
    }

    @Flag(name: .long, help: .bilingual("包括已解除的督办。", "Include cleared flags."))
    var all = false

    @Option(
        name: .customLong("as-of"),
        help: .bilingual("按此日期列出（默认今天）。", "List as of this day (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: Day?

    @Flag(name: .long, help: .bilingual("输出 JSON。", "JSON instead of text."))
    var json = false

    @OptionGroup var source: StoreOptions

    @OptionGroup var lang: LanguageOption

    func run() throws {
        let language = lang.language
        let loaded = try source.loadPlan()
        let plan = loaded.plan
        let opened = try source.workspace(loaded, access: .read)
        let day = asOf ?? Today.day()
        let everyFlag = try opened.store.flags(includeCleared: true)
        if json {
            // The flags as stored, oldest first: raised by the day and (unless --all) open then.
            try JSONOutput.print(everyFlag.filter { $0.isRaised(by: day) && (all || $0.isOpen(on: day)) })
            return
        }
        let entries = try opened.store.entries(detail: .judging)
        // As of the day: raised by then and (unless --all) still open then; most urgent first.
        let lines = FlagLedger.lines(everyFlag, entries: entries, plan: plan, on: day, includeClosed: all)
        if opened.isDemo { Console.print(SampleBanner.text(language)) }
        Console.print(language.pick("督办台账（截至 \(day)）", "Supervision ledger (as of \(day))"))
        if lines.isEmpty {
            Console.print(language.pick("没有督办事项。", "No flags."))
            return
        }
        for line in lines {
            let flag = line.flag
            let title =
                plan.target(id: flag.itemId).map { language.pick($0.description, $0.descriptionEn) }
                ?? plan.measure(itemId: flag.itemId).map { language.pick($0.title, $0.titleEn) } ?? ""
            Console.print(TextLayout.truncate("#\(flag.id) \(flag.itemId) \(title)", to: 80, ellipsis: true))
            let leads = plan.leadUnits(forItem: flag.itemId).map { plan.unitName($0, language, short: true) }
            var facts = [
                line.state.label(language), language.pick("督办人 ", "by ") + flag.flaggedBy,
                Day.shown(timestamp: flag.flaggedAt),
            ]
            if let followUp = flag.followUp { facts.append(language.pick("反馈期限 ", "follow up ") + followUp) }
            if !leads.isEmpty { facts.append(language.pick("牵头 ", "lead ") + leads.joined(separator: "、")) }
            if let cleared = flag.clearedAt {
                facts.append(language.pick("已解除 ", "cleared ") + Day.shown(timestamp: cleared))
            }
            for line in TextLayout.wrap(facts.joined(separator: "  "), width: 76) { Console.print("    " + line) }
            for line in TextLayout.wrap(flag.note, width: 76) { Console.print("    " + line) }
            for reply in flag.replies ?? [] {
                // The unit that answers, the day, and who recorded it when that is someone else.
                let who = [reply.unit.map { plan.unitName($0, language, short: true) }, Day.shown(timestamp: reply.at)]
                    .compactMap { $0 }.joined(separator: language.pick("，", ", "))
                let head = language.pick("反馈（\(who)）：", "reply (\(who)): ")
                for (index, line) in TextLayout.wrap(head + reply.note, width: 72).enumerated() {
                    Console.print((index == 0 ? "    " : "      ") + line)
                }
            }
            if let closing = flag.closingNote {
                for line in TextLayout.wrap(language.pick("办结：", "closed: ") + closing, width: 76) {
                    Console.print("    " + line)
                }
            }
        }
    }
}
