import ArgumentParser
import RenewalModel
import RenewalStore
import RenewalText

/// `renewal plan`: the plan itself, as JSON for scripts or as an outline.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print the plan: programmes, measures, units and targets (--json for the full data)."
    )

    @Flag(name: .long, help: "The whole plan as JSON (a public contract: see README).")
    var json = false

    @OptionGroup var lang: LanguageOption

    @Option(name: .customLong("plan"), help: "Use this plan file instead of the built-in one (also RENEWAL_PLAN).")
    var planPath: String?

    func run() throws {
        let language = try lang.parsed()
        let plan: Plan
        do {
            plan = try PlanLoader.resolve(path: planPath)
        } catch {
            throw CLIError("cannot load the plan: \(error)")
        }
        if json {
            try JSONOutput.print(plan)
            return
        }
        func print(_ line: String) {
            Swift.print(TextLayout.truncate(line, to: 80, ellipsis: true))
        }
        print(language.pick(plan.title, plan.titleEn))
        print(language.pick("实施期 \(plan.startDate) 至 \(plan.endDate)", "Window \(plan.startDate) to \(plan.endDate)"))
        print(language.pick("一、总体要求（\(plan.overallTargets.count) 项总体目标）",
                            "1. Overall targets (\(plan.overallTargets.count))"))
        for target in plan.overallTargets {
            print("   \(target.id)  \(language.pick(target.description, target.descriptionEn))")
        }
        for programme in plan.programmes {
            print(language == .zh ? "\(programme.numeral)、\(programme.title)" : "\(programme.number). \(programme.titleEn)")
            for measure in programme.measures {
                print(language == .zh ? "  \(measure.label)\(measure.title)" : "  \(measure.number). \(measure.titleEn)")
                for target in measure.targets {
                    print("     \(target.id)  \(language.pick(target.description, target.descriptionEn))")
                }
            }
        }
    }
}
