import ArgumentParser
import Foundation
import RenewalApp
import RenewalModel
import RenewalStore
import RenewalText

/// `renewal history`: every entry for an item, oldest first, corrections marked.
struct HistoryCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "history",
            abstract: CommandLanguage.pick(
                "一项指标或措施（含其指标）的全部报送记录，按时间先后排列，标出更正。",
                "Every entry for a target or a measure (and its targets), oldest first, corrections marked.")
        )
    }

    @Argument(help: .bilingual("指标编号、措施编号（M08）或措施序号。", "Target id, measure id (M08) or measure number."))
    var item: String

    @Flag(name: .long, help: .bilingual("输出 JSON。", "JSON instead of text."))
    var json = false

    @OptionGroup var source: StoreOptions

    @OptionGroup var lang: LanguageOption

    func run() throws {
        let language = lang.language
        let loaded = try source.loadPlan()
        let plan = loaded.plan
        let itemId = try ItemReference.required(item, in: plan)
        // The items the page shows: a measure's own and its targets' series, or a target's series.
        let items = Set(plan.measure(itemId: itemId).map(plan.reportItems(ofMeasure:)) ?? plan.seriesItems(of: itemId))
        let opened = try source.workspace(loaded, access: .read)
        let entries = try opened.store.entries(for: items)
        let correctedBy = Dictionary(
            entries.compactMap { entry in entry.corrects.map { ($0, entry.id) } }, uniquingKeysWith: { _, b in b })
        if json {
            try JSONOutput.print(entries)
            return
        }
        if opened.isDemo { Console.print(SampleBanner.text(language)) }
        if entries.isEmpty {
            Console.print(language.pick("\(itemId) 没有报送记录。", "No entries for \(itemId)."))
            return
        }
        let ordered = entries.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(
            \.element)
        for entry in ordered {
            var head = "#\(entry.id) \(entry.date) \(entry.itemId)"
            if let year = entry.baselineYear { head += language.pick(" 基数(\(year)年)", " baseline (\(year))") }
            if let value = entry.value {
                head += " " + NumberText.format(value) + (plan.target(id: entry.itemId)?.entryUnit ?? "")
            }
            if let state = entry.milestone, plan.target(id: entry.itemId) != nil {
                head += " " + state.label(language)
            }
            if let unit = entry.reportingUnit { head += "  " + (plan.unit(named: unit)?.short ?? unit) }
            head += "  \(entry.recordedBy ?? "?") \(entry.recordedAt.map { Day.shown(timestamp: $0) } ?? "")"
            if let fixed = correctedBy[entry.id] {
                head += language.pick(" 〔已被 #\(fixed) 更正〕", " [corrected by #\(fixed)]")
            }
            Console.print(TextLayout.truncate(head, to: 80, ellipsis: true))
            if let original = entry.corrects {
                let reason = entry.reason ?? ""
                for line in TextLayout.wrap(
                    language.pick("更正 #\(original)：\(reason)", "corrects #\(original): \(reason)"), width: 76)
                {
                    Console.print("    " + line)
                }
            }
            for (label, text) in [
                (language.pick("进展情况", "Progress"), entry.progress),
                (language.pick("存在问题", "Problems"), entry.problems),
                (language.pick("下步计划", "Next"), entry.nextSteps),
            ] where !text.isEmpty {
                for (index, line) in TextLayout.wrap(text, width: 66).enumerated() {
                    Console.print(
                        "    "
                            + (index == 0
                                ? TextLayout.padRight(label + language.pick("：", ": "), to: 10)
                                : String(repeating: " ", count: 10)) + line)
                }
            }
        }
    }
}
