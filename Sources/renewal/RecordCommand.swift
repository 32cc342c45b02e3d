import ArgumentParser
import Foundation
import RenewalModel
import RenewalStore

/// `renewal record`: one progress entry, checked like an import row.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record progress on a target (or a narrative report on a measure); --corrects to correct an entry."
    )

    @Argument(help: "Target id (M02-1, G25-4), or a measure (M08 or 8) for a narrative report.")
    var item: String

    @Option(name: .long, help: "The figure, in the target's unit.")
    var value: String?

    @Flag(name: .long, help: "A milestone is done (完成).")
    var done = false

    @Flag(name: .customLong("in-progress"), help: "A milestone is in progress (推进中).")
    var inProgress = false

    @Option(name: .long, help: "The day the figure describes, YYYY-MM-DD (default: today).")
    var date: String?

    @Option(name: .long, help: "进展情况: progress made.")
    var progress: String = ""

    @Option(name: .long, help: "存在问题: problems met.")
    var problems: String = ""

    @Option(name: .long, help: "下步计划: next steps.")
    var next: String = ""

    @Option(name: .long, help: "The reporting unit (full or short name).")
    var unit: String?

    @Option(name: .long, help: "The id of the entry this one corrects (see renewal history).")
    var corrects: String?

    @Option(name: .long, help: "Why the correction is made (required with --corrects).")
    var reason: String?

    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var source: StoreOptions

    @OptionGroup var lang: LanguageOption

    func run() throws {
        let language = try lang.parsed()
        let plan = try source.plan()
        guard let itemId = ItemReference.resolve(item, plan: plan) else { throw ItemReference.unknown(item) }
        let today = Today.day()
        var valueText = value ?? ""
        if done && inProgress { throw CLIError("--done and --in-progress cannot both be given") }
        if done { valueText = "完成" }
        if inProgress { valueText = "推进中" }
        if value != nil && (done || inProgress) { throw CLIError("give either --value or --done/--in-progress, not both") }
        let candidate = EntryValidator.Candidate(itemId: itemId, dateText: date ?? today.description, valueText: valueText,
                                                 unitText: unit ?? "")
        let checked: EntryValidator.Checked
        switch EntryValidator(plan: plan, today: today).check(candidate) {
        case let .success(value): checked = value
        case let .failure(list):
            throw CLIError(list.problems.map { "\($0.field.rawValue): \($0.message)" }.joined(separator: "; "))
        }
        let opened = try source.openStore(plan: plan)
        if let corrects {
            guard let reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw CLIError("--corrects needs --reason: say why the entry is corrected")
            }
            guard let original = try opened.store.entry(id: corrects) else {
                throw CLIError("no entry #\(corrects) in \(opened.store.path); see renewal history \(itemId)")
            }
            guard original.itemId == itemId else {
                throw CLIError("entry #\(corrects) is for \(original.itemId), not \(itemId)")
            }
        } else if reason != nil {
            throw CLIError("--reason goes with --corrects")
        }
        let stored = try opened.store.append(NewEntry(
            itemId: checked.itemId, date: checked.date, value: checked.value, milestone: checked.milestone,
            progress: progress, problems: problems, nextSteps: next,
            reportingUnit: checked.reportingUnit ?? plan.leadUnits(forItem: checked.itemId).first,
            recordedBy: recorder.name, recordedAt: Today.timestamp(), corrects: corrects, reason: reason, origin: "record"))
        var what = "\(stored.itemId) \(stored.date)"
        if let value = stored.value { what += " \(NumberText.format(value))" }
        if let state = stored.milestone, plan.target(id: stored.itemId) != nil {
            what += " " + (state == .done ? language.pick("完成", "done") : language.pick("推进中", "in progress"))
        }
        let correction = corrects.map { language.pick("（更正 #\($0)）", " (corrects #\($0))") } ?? ""
        print(language.pick("已记录 #\(stored.id)：\(what)\(correction)", "Recorded #\(stored.id): \(what)\(correction)"))
    }
}

/// `renewal baseline`: the figure of a baseline year (较2023年 targets), stored and audited like any entry.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record the baseline figure of a target's base year (e.g. the 2023 used-car trade for G27-7)."
    )

    @Argument(help: "Target id, e.g. G27-7.")
    var target: String

    @Option(name: .long, help: "The figure for that year, in the target's reporting unit.")
    var value: String

    @Option(name: .long, help: "The baseline year (the target's own, e.g. 2023).")
    var year: String

    @Option(name: .long, help: "Where the figure comes from or any remark.")
    var progress: String = ""

    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var source: StoreOptions

    @OptionGroup var lang: LanguageOption

    func run() throws {
        let language = try lang.parsed()
        let plan = try source.plan()
        let id = target.trimmingCharacters(in: .whitespaces).uppercased()
        guard let found = plan.target(id: id) else { throw ItemReference.unknown(target) }
        let candidate = EntryValidator.Candidate(itemId: found.id, dateText: "", valueText: value, baselineYearText: year)
        let checked: EntryValidator.Checked
        switch EntryValidator(plan: plan, today: Today.day()).check(candidate) {
        case let .success(value): checked = value
        case let .failure(list):
            throw CLIError(list.problems.map { "\($0.field.rawValue): \($0.message)" }.joined(separator: "; "))
        }
        let opened = try source.openStore(plan: plan)
        let stored = try opened.store.append(NewEntry(
            itemId: found.id, date: checked.date, value: checked.value, progress: progress,
            reportingUnit: plan.leadUnits(forTarget: found.id).first, recordedBy: recorder.name,
            recordedAt: Today.timestamp(), baselineYear: checked.baselineYear, origin: "baseline"))
        let figure = NumberText.format(stored.value ?? 0) + (found.entryUnit ?? "")
        print(language.pick("已记录基数 #\(stored.id)：\(found.id) \(checked.baselineYear ?? 0)年 \(figure)",
                            "Recorded baseline #\(stored.id): \(found.id) \(checked.baselineYear ?? 0) \(figure)"))
    }
}
