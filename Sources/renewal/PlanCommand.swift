import ArgumentParser
import RenewalApp
import RenewalModel
import RenewalStore
import RenewalText

/// `renewal plan`: the plan itself, as JSON for scripts or as an outline.
struct PlanCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "plan",
            abstract: CommandLanguage.pick(
                "列出方案：工程、措施、单位和指标（--json 输出完整数据）。",
                "Print the plan: programmes, measures, units and targets (--json for the full data).")
        )
    }

    @Flag(
        name: .long,
        help: .bilingual("以 JSON 输出整个方案（格式固定，见 README）。", "The whole plan as JSON (a public contract: see README)."))
    var json = false

    @OptionGroup var lang: LanguageOption

    @OptionGroup var source: StoreOptions

    func run() throws {
        let language = lang.language
        let plan = try source.plan()
        if json {
            try JSONOutput.print(plan)
            return
        }
        func print(_ line: String) {
            Console.print(TextLayout.truncate(line, to: 80, ellipsis: true))
        }
        // The plan is the real one under --demo too; only progress is sample data.
        if source.demo { print(SampleBanner.text(language)) }
        print(language.pick(plan.title, plan.titleEn))
        print(language.pick("实施期 \(plan.startDate) 至 \(plan.endDate)", "Window \(plan.startDate) to \(plan.endDate)"))
        print(
            language.pick(
                "一、总体要求（\(plan.overallTargets.count) 项总体目标）",
                "1. Overall targets (\(plan.overallTargets.count))"))
        for target in plan.overallTargets {
            print("   \(target.id)  \(language.pick(target.description, target.descriptionEn))")
        }
        for programme in plan.programmes {
            print(programme.heading(language))
            for measure in programme.measures {
                print("  " + measure.heading(language))
                for target in measure.targets {
                    print("     \(target.id)  \(language.pick(target.description, target.descriptionEn))")
                }
            }
        }
    }
}
