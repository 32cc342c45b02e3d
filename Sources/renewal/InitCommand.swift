import ArgumentParser
import RenewalApp
import RenewalModel
import RenewalStore
import RenewalText

/// `renewal init`: create an empty store where --db or RENEWAL_DB says, or check the one there.
///
/// Reports never create a store (a mistyped --db would otherwise report every programme as
/// unreported); recording and importing create one and say so; this does it on purpose.
struct InitCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "init",
            abstract: CommandLanguage.pick(
                "新建空的进展库（已存在则检查并报告其状态）。",
                "Create an empty store (or check the one that exists).")
        )
    }

    @OptionGroup var source: StoreOptions

    @OptionGroup var lang: LanguageOption

    func run() throws {
        let language = lang.language
        if source.demo {
            Console.print(SampleBanner.text(language))
            Console.print(
                language.pick(
                    "示例进展库是临时的，无需新建；未保留任何数据。", "The demo store is temporary: nothing to create, nothing kept."))
            return
        }
        // The plan first (a bad plan file makes no store); the store records it as its plan.
        let loaded = try source.loadPlan()
        let store = try source.workspace(loaded, access: .write).store
        let path = source.storeShown
        if !store.created {
            let count = try store.entryCount()
            Console.print(
                language.pick(
                    "进展库已存在：\(path)（\(count) 条记录）",
                    "The store exists: \(path) (\(language.count(count, "", "entry", "entries")))"))
        }
        // Levels and relative targets are 基数缺失 until their baseline is entered (DESIGN §4).
        let plan = loaded.plan
        let missing = try source.targetsMissingBaseline(plan: loaded)
        guard let first = missing.first else { return }
        Console.print(
            language.pick(
                "以下 \(missing.count) 项指标须先录入基数才能判定（未录入前显示“基数缺失”）：",
                "\(language.count(missing.count, "", "target needs", "targets need")) a baseline before they can be "
                    + "judged (until then: baseline missing):"))
        for target in missing {
            let line =
                "  \(TextLayout.padRight(target.id, to: 7))\(plan.baselineYear(of: target))  "
                + language.pick(target.description, target.descriptionEn)
            Console.print(TextLayout.truncate(line, to: HelpText.width, ellipsis: true))
        }
        let year = plan.baselineYear(of: first)
        Console.print(
            language.pick(
                "录入：renewal baseline \(first.id) --value 数值 --year \(year)；或在填报模板（renewal template）的基数行填写后导入。",
                "Enter each with renewal baseline \(first.id) --value N --year \(year), or fill the baseline rows "
                    + "of the return form (renewal template) and import it."))
    }
}
