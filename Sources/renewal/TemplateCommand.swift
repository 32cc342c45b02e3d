import ArgumentParser
import Foundation
import RenewalApp
import RenewalModel
import RenewalStore
import RenewalText
import RenewalWorkbook

/// `renewal template`: the return form for a unit, ready for Excel or WPS.
struct TemplateCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "template",
            abstract: CommandLanguage.pick(
                "生成某单位（或全部）的填报模板：每项牵头指标一行，用 Excel 或 WPS 填写（CSV 或 xlsx 工作簿）。",
                "Write the return form for one unit (or all): one row per target it leads, to fill in Excel or WPS "
                    + "(CSV or an xlsx workbook).")
        )
    }

    @Option(
        name: .long, help: .bilingual("单位（全称或简称）；不填则包含全部指标。", "The unit (full or short name); default: every target."))
    var unit: String?

    @Option(
        name: .shortAndLong,
        help: .bilingual(
            "写入此文件（或此文件夹：每个单位一个文件），而不是标准输出。",
            "Write to this file (or this folder: one file per unit) instead of stdout."))
    var output: String?

    @Option(
        name: .long,
        help: .bilingual(
            "模板格式（默认按 -o 的扩展名，否则 csv）。", "The form's format (default: from the -o extension, else csv).",
            valueName: "csv|xlsx"))
    var format: TemplateFormat?

    @Option(
        name: .long,
        help: .bilingual(
            "预填的日期（CSV 默认留空；工作簿默认为上月最后一天）。",
            "Date to pre-fill (CSV: empty by default; workbook: the last day of last month).", valueName: "YYYY-MM-DD"))
    var date: Day?

    @OptionGroup var source: StoreOptions

    @OptionGroup var lang: LanguageOption

    func run() throws {
        let loaded = try source.loadPlan()
        let plan = loaded.plan
        let language = lang.language
        // A form is the same with sample data; the note goes to stderr, never into the CSV.
        if source.demo { Console.note(SampleBanner.text(language)) }
        let selected = try unit.map { try UnitReference.resolve($0, plan: plan) }
        // A row for each baseline the store still lacks (levels cannot be judged without one).
        let needing = Set(try source.targetsMissingBaseline(plan: loaded).map(\.id))
        let folder = output.map { $0.hasSuffix("/") || FileManager.default.isDirectory($0) } ?? false
        let format = self.format ?? output.flatMap { TemplateFormat(fileName: $0) } ?? .csv
        if format == .xlsx && output == nil && isatty(STDOUT_FILENO) != 0 {
            throw CLIError(
                "xlsx 工作簿不能输出到终端：请用 -o 文件名.xlsx", "an xlsx workbook cannot go to a terminal: use -o FILE.xlsx")
        }
        let evaluation = format == .xlsx ? try judgedToday(plan) : nil
        func form(for unit: PlanUnit?) throws -> (data: Data, rows: Int) {
            switch format {
            case .csv:
                let data = ReturnTemplate.csv(
                    plan: plan, unit: unit, date: date?.description ?? "", needingBaseline: needing)
                return (data, ReturnTemplate.rows(plan: plan, unit: unit, date: "", needingBaseline: needing).count)
            case .xlsx:
                let today = Today.day()
                let rules = StatusRules.standard
                // The month before this one: the return handed out now (due on the 10th).
                let lastMonth = Day(ordinal: today.ordinal - today.day)
                let periodEnd = date ?? Day.endOfMonth(year: lastMonth.year, month: lastMonth.month)
                let workbook = TemplateWorkbook.make(
                    plan: plan, unit: unit,
                    evaluation: evaluation ?? StatusEngine(plan: plan).evaluate(entries: [], asOf: today),
                    periodEnd: periodEnd, dueOn: rules.returnDue(forPeriodEnding: periodEnd), needingBaseline: needing,
                    isSample: source.demo)
                let rows = workbook.sheets.first?.rows.count ?? 0
                return (try XLSXFile.data(workbook), rows)
            }
        }
        guard let output else {
            FileHandle.standardOutput.write(try form(for: selected).data)
            return
        }
        guard folder else {
            let (data, rows) = try form(for: selected)
            try OutputFile.write(data, to: output)
            Console.note(language.pick("已写入 \(output)：\(rows) 行", "Wrote \(output): \(rows) rows"))
            return
        }
        // A folder: one form per unit that leads something (or the unit asked for).
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let units = selected.map { [$0] } ?? plan.units.filter { !plan.returnItems(for: $0).isEmpty }
        for unit in units {
            let path = (output as NSString).appendingPathComponent("\(unit.short).\(format.rawValue)")
            try OutputFile.write(try form(for: unit).data, to: path)
        }
        Console.note(
            language.pick(
                "已在 \(output) 写入 \(units.count) 个单位的填报模板", "Wrote the forms of \(units.count) units into \(output)"))
    }

    /// The plan judged today on the store's entries (none when there is no store yet): each row's
    /// last figure and light, for reference beside the cells to fill.
    func judgedToday(_ plan: Plan) throws -> PlanEvaluation {
        let today = Today.day()
        let entries: [ProgressEntry]
        if source.demo {
            entries = try source.workspace(access: .read).store.entries(detail: .judging)
        } else {
            entries = try source.workspaceSource.openExistingStore()?.entries(detail: .judging) ?? []
        }
        return StatusEngine(plan: plan).evaluate(entries: entries, asOf: today)
    }
}

/// `template --format`: the CSV form, or a workbook.
enum TemplateFormat: String, CaseIterable, ExpressibleByArgument {
    case csv, xlsx

    init?(fileName: String) {
        let name = fileName.lowercased()
        if name.hasSuffix(".xlsx") {
            self = .xlsx
        } else if name.hasSuffix(".csv") {
            self = .csv
        } else {
            return nil
        }
    }
}

extension FileManager {
    /// Whether a path names a folder (following links).
    func isDirectory(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }
}
