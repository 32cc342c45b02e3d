import ArgumentParser
import Foundation
import RenewalApp
import RenewalModel
import RenewalStore

/// `renewal record`: one progress entry, checked like an import row.
struct RecordCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "record",
            abstract: CommandLanguage.pick(
                "记录一项指标的进展（或一条措施的文字报告）；--corrects 更正已有记录。",
                "Record progress on a target (or a narrative report on a measure); --corrects to correct an entry.")
        )
    }

    @Argument(
        help: .bilingual(
            "指标编号（M02-1、G25-4），或措施（M08 或 8）的文字报告。",
            "Target id (M02-1, G25-4), or a measure (M08 or 8) for a narrative report."))
    var item: String

    @Option(
        name: .long, parsing: .unconditional, help: .bilingual("数值，按指标的计量单位填写。", "The figure, in the target's unit."))
    var value: String?

    @Flag(name: .long, help: .bilingual("里程碑已完成。", "A milestone is done (完成)."))
    var done = false

    @Flag(name: .customLong("in-progress"), help: .bilingual("里程碑推进中。", "A milestone is in progress (推进中)."))
    var inProgress = false

    @Option(
        name: .long,
        help: .bilingual("数值所指的日期，YYYY-MM-DD（默认今天）。", "The day the figure describes, YYYY-MM-DD (default: today)."))
    var date: String?

    @Option(name: .long, help: .bilingual("进展情况。", "进展情况: progress made."))
    var progress: String = ""

    @Option(name: .long, help: .bilingual("存在问题。", "存在问题: problems met."))
    var problems: String = ""

    @Option(name: .long, help: .bilingual("下步计划。", "下步计划: next steps."))
    var next: String = ""

    @Option(name: .long, help: .bilingual("填报单位（全称或简称）。", "The reporting unit (full or short name)."))
    var unit: String?

    @Option(
        name: .long,
        help: .bilingual("被更正记录的编号（见 renewal history）。", "The id of the entry this one corrects (see renewal history).")
    )
    var corrects: String?

    @Option(
        name: .long,
        help: .bilingual("更正原因（与 --corrects 一起必填）。", "Why the correction is made (required with --corrects)."))
    var reason: String?

    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var source: StoreOptions

    @OptionGroup var lang: LanguageOption

    /// Options that cannot go together: a usage error (64) before the plan or the store is read.
    func validate() throws {
        if done && inProgress {
            throw UsageError("--done 和 --in-progress 只能选一个", "--done and --in-progress cannot both be given")
        }
        if value != nil && (done || inProgress) {
            throw UsageError(
                "--value 与 --done/--in-progress 只能选一种", "give either --value or --done/--in-progress, not both")
        }
        if corrects != nil, reason?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
            throw UsageError(
                "--corrects 需要同时给出 --reason：说明更正原因", "--corrects needs --reason: say why the entry is corrected")
        }
        if corrects == nil, reason != nil {
            throw UsageError("--reason 只与 --corrects 一起使用", "--reason goes with --corrects")
        }
    }

    func run() throws {
        let language = lang.language
        let loaded = try source.loadPlan()
        let plan = loaded.plan
        let itemId = try ItemReference.required(item, in: plan)
        let today = Today.day()
        var valueText = value ?? ""
        if done { valueText = "完成" }
        if inProgress { valueText = "推进中" }
        let candidate = EntryValidator.Candidate(
            itemId: itemId, dateText: date ?? today.description, valueText: valueText,
            unitText: unit ?? "")
        let checked = try EntryValidator(plan: plan, today: today).checkedOrError(candidate)
        let opened = try source.workspace(loaded, access: .write)
        let entry = NewEntry(
            itemId: checked.itemId, date: checked.date, value: checked.value, milestone: checked.milestone,
            progress: progress, problems: problems, nextSteps: next,
            reportingUnit: checked.reportingUnit ?? plan.leadUnits(forItem: checked.itemId).first,
            recordedBy: recorder.name, recordedAt: Today.timestamp(), corrects: corrects, reason: reason,
            origin: "record")
        let stored: ProgressEntry
        switch try opened.record(entry) {
        case let .stored(entry): stored = entry
        case let .duplicate(existing):
            Console.print(RecordingText.duplicate(existing).text(language) + language.pick("。", "."))
            return
        case let .conflict(existing):
            let figure = Phrase(opened.figure(of: existing, .zh), opened.figure(of: existing, .en))
            let how =
                existing.itemId == entry.itemId
                ? Phrase(
                    "如需更正，请加 --corrects \(existing.id) --reason 原因",
                    "to correct it, add --corrects \(existing.id) --reason WHY")
                : Phrase(
                    "如需更正，请用 renewal record \(existing.itemId) … --corrects \(existing.id) --reason 原因",
                    "to correct it, use renewal record \(existing.itemId) … --corrects \(existing.id) --reason WHY")
            throw CLIError(RecordingText.conflict(entry, with: existing, figure: figure, how: how))
        }
        var what = "\(stored.itemId) \(stored.date)"
        if let value = stored.value { what += " \(NumberText.format(value))" }
        if let state = stored.milestone, plan.target(id: stored.itemId) != nil {
            what += " " + state.label(language)
        }
        let correction = corrects.map { language.pick("（更正 #\($0)）", " (corrects #\($0))") } ?? ""
        Console.print(
            language.pick("已记录 #\(stored.id)：\(what)\(correction)", "Recorded #\(stored.id): \(what)\(correction)"))
        if opened.isDemo { Console.print(SampleBanner.nothingKept(language)) }
    }
}

/// `renewal baseline`: the figure of a baseline year (较2023年 targets), stored and audited like any entry.
struct BaselineCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "baseline",
            abstract: CommandLanguage.pick(
                "记录指标基数年份的数值（如 G27-7 的 2023 年二手车交易量）。",
                "Record the baseline figure of a target's base year (e.g. the 2023 used-car trade for G27-7).")
        )
    }

    @Argument(help: .bilingual("指标编号，如 G27-7。", "Target id, e.g. G27-7."))
    var target: String

    @Option(
        name: .long, parsing: .unconditional,
        help: .bilingual("该年份的数值，按指标的报送单位填写。", "The figure for that year, in the target's reporting unit."))
    var value: String

    @Option(name: .long, help: .bilingual("基数年份（指标规定的年份，如 2023）。", "The baseline year (the target's own, e.g. 2023)."))
    var year: String

    @Option(name: .long, help: .bilingual("数据来源或备注。", "Where the figure comes from or any remark."))
    var progress: String = ""

    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var source: StoreOptions

    @OptionGroup var lang: LanguageOption

    func run() throws {
        let language = lang.language
        let loaded = try source.loadPlan()
        let plan = loaded.plan
        let id = target.trimmingCharacters(in: .whitespaces).uppercased()
        guard let found = plan.target(id: id) else { throw ItemReference.unknown(target, in: plan) }
        let candidate = EntryValidator.Candidate(
            itemId: found.id, dateText: "", valueText: value, baselineYearText: year)
        let checked = try EntryValidator(plan: plan, today: Today.day()).checkedOrError(candidate)
        let opened = try source.workspace(loaded, access: .write)
        let stored = try opened.store.append(
            NewEntry(
                itemId: found.id, date: checked.date, value: checked.value, progress: progress,
                reportingUnit: plan.leadUnits(forTarget: found.id).first, recordedBy: recorder.name,
                recordedAt: Today.timestamp(), baselineYear: checked.baselineYear, origin: "baseline"))
        let figure = NumberText.format(stored.value ?? 0) + (found.entryUnit ?? "")
        Console.print(
            language.pick(
                "已记录基数 #\(stored.id)：\(found.id) \(checked.baselineYear ?? 0)年 \(figure)",
                "Recorded baseline #\(stored.id): \(found.id) \(checked.baselineYear ?? 0) \(figure)"))
        if opened.isDemo { Console.print(SampleBanner.nothingKept(language)) }
    }
}

extension EntryValidator {
    /// The candidate checked, or one error listing every problem found in it.
    func checkedOrError(_ candidate: Candidate) throws -> Checked {
        switch check(candidate) {
        case let .success(checked): return checked
        case let .failure(list): throw CLIError(Phrase.join(list.problems.map { Phrase($0.text(.zh), $0.text(.en)) }))
        }
    }
}
