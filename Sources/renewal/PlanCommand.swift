import ArgumentParser
import Foundation
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
                "Print the plan: programmes, measures, units and targets (--json for the full data)."),
            subcommands: [PlanUpgradeCommand.self, PlanDraftCommand.self, PlanCheckCommand.self]
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
        if !plan.overallTargets.isEmpty {
            print(
                language.pick(
                    "\(plan.overallHeadingText(.zh))（\(plan.overallTargets.count) 项总体目标）",
                    "\(plan.overallHeadingText(.en)) (\(plan.overallTargets.count) overall targets)"))
            for target in plan.overallTargets {
                print("   \(target.id)  \(language.pick(target.description, target.descriptionEn))")
            }
        }
        for programme in plan.programmes {
            print(programme.heading(language))
            // The headings between a programme and its measures (a plan of three or four levels),
            // each printed once, indented by depth.
            var shown: [String] = []
            for measure in programme.measures {
                let path = measure.path ?? []
                let common = zip(shown, path).prefix { $0 == $1 }.count
                for depth in common..<path.count { print(String(repeating: "  ", count: depth + 1) + path[depth]) }
                shown = path
                let indent = String(repeating: "  ", count: path.count + 1)
                print(indent + measure.heading(language))
                for target in measure.targets {
                    print(indent + "   \(target.id)  \(language.pick(target.description, target.descriptionEn))")
                }
            }
        }
    }
}

/// `renewal plan upgrade`: the plan file (or the built-in plan) written in format 2
/// (PLAN-FORMAT.md), with nothing lost: read back, it is the same plan.
struct PlanUpgradeCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "upgrade",
            abstract: CommandLanguage.pick(
                "把方案文件（默认内置方案）改写为第 2 版格式（见 PLAN-FORMAT.md），内容不变。",
                "Write the plan file (the built-in plan by default) in format 2 (see PLAN-FORMAT.md), unchanged."))
    }

    @Option(
        name: .shortAndLong,
        help: .bilingual(
            "写入的文件（已有的文件在原处改写）。", "The file to write (an existing one is written in place).", valueName: "file"))
    var output: String

    @OptionGroup var lang: LanguageOption

    @OptionGroup var source: StoreOptions

    func run() throws {
        let language = lang.language
        let plan = try source.plan()
        let document = PlanDocument(upgrading: plan)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        let data = try encoder.encode(document) + Data("\n".utf8)
        // Read back before writing: the file must be the same plan.
        guard try PlanDocument.plan(json: data) == plan else {
            throw CLIError("改写后的方案与原方案不一致，未写入文件", "the upgraded plan differs from the original; nothing written")
        }
        do { try UserFile.write(data, to: output) } catch { throw CLIError(error.phrase) }
        let count = plan.measures.count
        Console.print(
            language.pick(
                "已写出第 2 版格式的方案：\(output)（\(plan.programmes.count) 个工程、\(count) 项措施、"
                    + "\(plan.allTargets.count) 项指标，读回核对一致）",
                "Wrote the plan in format 2: \(output) (\(plan.programmes.count) programmes, \(count) measures, "
                    + "\(plan.allTargets.count) targets; read back and identical)"))
    }
}
