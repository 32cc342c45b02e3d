import ArgumentParser
import Foundation
import RenewalModel
import RenewalStore
import RenewalText
import RenewalWorkbook

/// `renewal import`: a filled return into the store; all rows or none.
struct ImportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: CommandLanguage.pick(
                "导入填好的报表（CSV，UTF-8 或 GBK）。先逐行检查，有错则不写入任何数据。",
                "Import a filled return (CSV, UTF-8 or GBK). Every row is checked first; a bad file writes nothing.")
        )
    }

    @Argument(
        help: ArgumentHelp(
            CommandLanguage.pick(
                "填好的报表：CSV 文件，列同 renewal template 生成的模板",
                "The return: a CSV file with the columns of renewal template."), valueName: "file"))
    var file: String

    @Flag(
        name: .customLong("dry-run"),
        help: ArgumentHelp(
            CommandLanguage.pick(
                "只检查文件并说明将导入什么，不写入任何数据",
                "Check the file and say what would be imported; write nothing.")))
    var dryRun = false

    @Option(
        name: .customLong("encoding"),
        help: ArgumentHelp(
            CommandLanguage.pick(
                "文件编码：utf-8 或 gb18030（默认自动识别）", "The file's encoding: utf-8 or gb18030 (default: recognised)."),
            valueName: "utf-8|gb18030"))
    var encoding: EncodingName?

    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var source: StoreOptions

    @OptionGroup var lang: LanguageOption

    /// A return read and checked, CSV or workbook; every problem in one error (both languages).
    /// The dashboard's import (`i`) reads files the same way.
    static func checkedReturn(
        file: String, plan: Plan, language: Language, encoding forced: TextDecoding.Encoding?,
        showsProgress: Bool = true
    ) throws -> EntriesCSV.Return {
        let shownFile = ControlCharacters.visible(file)
        let checked: EntriesCSV.Return
        do {
            // (Not under the dashboard: stderr would write over the screen.)
            let progress: (Int) -> Void = { rows in
                if showsProgress && rows % 5000 == 0 {
                    Console.note(language.pick("已校验 \(rows) 行…", "checked \(rows) rows…"))
                }
            }
            if let workbook = try Self.workbook(file) {
                // A workbook's cells go through the same checks as a CSV's rows.
                let table: XLSXReader.Table
                do {
                    table = try XLSXReader.table(data: workbook, headerNames: EntriesCSV.itemHeaderNames)
                } catch let failure as XLSXReader.Failure {
                    throw EntriesError(file: file, problems: [.init(line: nil, column: nil, message: failure.phrase)])
                }
                checked = try EntriesCSV.readReturn(
                    sheet: table.sheet, rows: table.rows.map { ($0.number, $0.cells) }, file: file, plan: plan,
                    today: Today.day(), progress: progress)
            } else {
                checked = try EntriesCSV.readReturn(
                    path: file, plan: plan, today: Today.day(), encoding: forced, progress: progress)
            }
        } catch let error as EntriesError {
            let count = error.problems.count
            let summary = Phrase(
                "\(shownFile)：\(count) 处错误，未导入任何数据。",
                "\(shownFile): \(Language.en.count(count, "", "problem")); nothing was imported.")
            throw CLIError(
                Phrase(
                    (error.lines(.zh) + [summary.zh]).joined(separator: "\n"),
                    (error.lines(.en) + [summary.en]).joined(separator: "\n")))
        }
        return checked
    }

    /// The bytes of `path` when it is a workbook (by its name, or by its first bytes), else nil.
    static func workbook(_ path: String) throws -> Data? {
        let name = path.lowercased()
        let named = [".xlsx", ".xlsm", ".xls", ".et"].contains { name.hasSuffix($0) }
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 8)) ?? Data()
        guard named || XLSXReader.isWorkbook(head) else { return nil }
        // Bounded like the parts inside: a workbook larger than this is refused before it is read.
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? UInt64) ?? 0
        guard size <= XLSXReader.maximumTotalBytes else {
            throw EntriesError(
                file: path,
                problems: [.init(line: nil, column: nil, message: XLSXReader.tooLarge.phrase)])
        }
        try handle.seek(toOffset: 0)
        return try handle.readToEnd() ?? Data()
    }

    /// Files with more rows than this show progress on stderr.
    static let progressThreshold = 2000

    func run() throws {
        let language = lang.language
        let forced = parsedEncoding()
        let (plan, planFingerprint) = try source.loadPlan()
        let checked = try Self.checkedReturn(
            file: file, plan: plan, language: language, encoding: forced)
        // A dry run never creates a store: with none yet, nothing it holds can repeat a row.
        let store: ProgressStore?
        if dryRun && !source.demo && !FileManager.default.fileExists(atPath: source.storePath) {
            store = nil
        } else {
            store = try source.openStore(
                plan: plan, access: dryRun ? .read : .write, planFingerprint: planFingerprint
            ).store
        }
        let large = checked.rows.count > Self.progressThreshold
        if large && !dryRun {
            Console.note(language.pick("写入中：\(checked.rows.count) 行…", "writing \(checked.rows.count) rows…"))
        }
        let outcome = try ReturnImporter.run(
            checked, file: file, store: store, by: recorder.name, at: Today.timestamp(),
            dryRun: dryRun
        ) { done, total in
            if large && done > 0 && done < total && done % 10000 == 0 {
                Console.note(language.pick("已写入 \(done)/\(total)…", "wrote \(done)/\(total)…"))
            }
        }
        report(outcome, checked: checked, language: language)
        if source.demo { Console.print(SampleBanner.nothingKept(language)) }
    }

    /// The summary: what was (or would be) imported, skipped and why, in which encoding.
    func report(_ outcome: ReturnImporter.Outcome, checked: EntriesCSV.Return, language: Language) {
        let duplicates = outcome.duplicateLines.count, blanks = outcome.blankLines.count
        let encoding = outcome.encoding.rawValue
        if outcome.dryRun {
            Console.print(
                language.pick(
                    "检查通过（\(encoding)）：将导入 \(outcome.added) 条，跳过重复 \(duplicates) 条、未填写 \(blanks) 行。未写入任何数据。",
                    "Check passed (\(encoding)): \(language.count(outcome.added, "", "entry", "entries")) "
                        + "would be imported, "
                        + "\(language.count(duplicates, "", "duplicate")) and "
                        + "\(language.count(blanks, "", "blank row")) skipped. "
                        + "Nothing was written."
                ))
        } else {
            Console.print(
                language.pick(
                    "已导入 \(outcome.added) 条（\(encoding)），跳过重复 \(duplicates) 条、未填写 \(blanks) 行。",
                    "Imported \(language.count(outcome.added, "", "entry", "entries")) (\(encoding)); "
                        + "skipped \(language.count(duplicates, "", "duplicate")) "
                        + "and \(language.count(blanks, "", "blank row"))."
                ))
        }
        if outcome.encoding == .gb18030 {
            Console.print(
                language.pick(
                    "注意：文件不是 UTF-8，已按 GB18030（GBK）读取；如有乱码，请用 --encoding 指定编码或另存为“CSV UTF-8”。",
                    "Note: the file is not UTF-8 and was read as GB18030 (GBK); if the text looks wrong, "
                        + "give --encoding or save it as \"CSV UTF-8\"."
                ))
            if outcome.dryRun && !checked.sample.isEmpty {
                Console.print(language.pick("读出的文字示例：", "Sample of the text as read:"))
                for text in checked.sample {
                    Console.print("  " + TextLayout.truncate(ControlCharacters.visible(text), to: 76, ellipsis: true))
                }
            }
        }
        if duplicates > 0 {
            Console.print(language.pick("重复行：", "Duplicate lines: ") + Self.lineList(outcome.duplicateLines))
        }
        if blanks > 0 { Console.print(language.pick("未填写的行：", "Blank lines: ") + Self.lineList(outcome.blankLines)) }
    }

    static func lineList(_ lines: [Int]) -> String {
        lines.prefix(10).map(String.init).joined(separator: ", ") + (lines.count > 10 ? "…" : "")
    }

    func parsedEncoding() -> TextDecoding.Encoding? { encoding?.encoding }
}

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
        let plan: Plan
        plan = try source.plan()
        let language = lang.language
        // A form is the same with sample data; the note goes to stderr, never into the CSV.
        if source.demo { Console.note(SampleBanner.text(language)) }
        let selected = try unit.map { try UnitReference.resolve($0, plan: plan) }
        // A row for each baseline the store still lacks (levels cannot be judged without one).
        let needing = Set(try source.targetsMissingBaseline(plan: plan).map(\.id))
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
            entries = try source.openStore(plan: plan, access: .read).store.entries(detail: .judging)
        } else {
            do {
                entries = try ProgressStore(path: source.storePath, access: .read).entries(detail: .judging)
            } catch StoreError.missing {
                entries = []
            } catch let error as StoreError {
                throw CLIError(error.phrase)
            }
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
