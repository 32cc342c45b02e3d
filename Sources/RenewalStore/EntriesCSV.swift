import Foundation
import RenewalModel
import RenewalText

/// Reads a CSV return, the format departments fill in (README: "Entries CSV").
///
/// Columns are found by their header, in Chinese or English, in any order; other columns (the
/// template's descriptions) are ignored:
///
/// | header | also accepted | content |
/// |---|---|---|
/// | 指标编号 | target, id | target id (M02-1, G25-4) or measure id (M08) |
/// | 日期 | date | YYYY-MM-DD (also YYYY/M/D) |
/// | 数值 | value | a number; for a milestone 完成 / 推进中 |
/// | 进展情况 | progress | text |
/// | 存在问题 | problems | text |
/// | 下步计划 | next | text |
/// | 填报单位 | unit | the reporting unit |
/// | 基数年份 | baselineyear | optional: the row gives the baseline figure of this year (较2023年 targets) |
///
/// Every row is checked by `EntryValidator`; all problems come back together with their line
/// numbers, and no row is returned unless every row is sound.
public enum EntriesCSV {
    /// The header of a return: the seven columns every return has, then the optional baseline year.
    public static let header = ["指标编号", "日期", "数值", "进展情况", "存在问题", "下步计划", "填报单位"]

    enum Column: CaseIterable {
        case item, date, value, progress, problems, next, unit, baselineYear

        var names: [String] {
            switch self {
            case .item: return ["指标编号", "编号", "target", "id", "item"]
            case .date: return ["日期", "date"]
            case .value: return ["数值", "value"]
            case .progress: return ["进展情况", "progress"]
            case .problems: return ["存在问题", "problems"]
            case .next: return ["下步计划", "next", "nextsteps"]
            case .unit: return ["填报单位", "unit", "reportingunit"]
            case .baselineYear: return ["基数年份", "baselineyear", "baseline"]
            }
        }

        var required: Bool { self == .item || self == .date || self == .value }
    }

    /// The names the item column goes by: what marks a header row (a workbook's header may sit
    /// under title rows).
    public static let itemHeaderNames = Set(Column.item.names)

    /// One sound row of a return.
    public struct Row: Sendable {
        /// Line of the file where the row starts.
        public var line: Int
        public var checked: EntryValidator.Checked
        public var progress: String
        public var problems: String
        public var nextSteps: String

        /// The row as an in-memory entry (id "file:line"), for reports that read a file directly.
        public func entry(file: String) -> ProgressEntry {
            ProgressEntry(
                id: "\((file as NSString).lastPathComponent):\(line)", itemId: checked.itemId, date: checked.date,
                value: checked.value, milestone: checked.milestone, progress: progress, problems: problems,
                nextSteps: nextSteps, reportingUnit: checked.reportingUnit, baselineYear: checked.baselineYear)
        }

        /// The row as an entry to store.
        public func newEntry(file: String, recordedBy: String, recordedAt: String) -> NewEntry {
            NewEntry(
                itemId: checked.itemId, date: checked.date, value: checked.value, milestone: checked.milestone,
                progress: progress, problems: problems, nextSteps: nextSteps, reportingUnit: checked.reportingUnit,
                recordedBy: recordedBy, recordedAt: recordedAt, baselineYear: checked.baselineYear,
                origin: "import \((file as NSString).lastPathComponent):\(line)")
        }
    }

    /// A whole return, read and checked.
    public struct Return: Sendable {
        public var rows: [Row]
        public var encoding: TextDecoding.Encoding
        /// Lines of rows left as the template gave them (an id, perhaps a date, but neither a
        /// figure nor any text): a unit that reports on some items leaves the others blank.
        public var blankLines: [Int] = []
        /// The first few text cells as decoded, for `--dry-run` to show when the file was not UTF-8.
        public var sample: [String] = []
    }

    /// Reads the entries of a file, for reports (`--entries`).
    public static func read(path: String, plan: Plan, today: Day) throws -> [ProgressEntry] {
        try readReturn(path: path, plan: plan, today: today).rows.map { $0.entry(file: path) }
    }

    /// Reads and checks a return file. Throws `EntriesError` listing every bad row.
    public static func readReturn(
        path: String, plan: Plan, today: Day, encoding: TextDecoding.Encoding? = nil,
        progress: ((Int) -> Void)? = nil
    ) throws -> Return {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw EntriesError(
                file: path,
                problems: [
                    .init(
                        line: nil, column: nil,
                        message: Phrase("这是一个文件夹，不是 CSV 文件", "this is a folder, not a CSV file"))
                ])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw EntriesError(
                file: path,
                problems: [
                    .init(
                        line: nil, column: nil,
                        message: exists
                            ? Phrase("无法读取该文件（没有读取权限？）", "cannot read the file (no permission to read it?)")
                            : Phrase("文件不存在，请检查路径", "no such file; check the path"))
                ])
        }
        return try readReturn(data: data, file: path, plan: plan, today: today, encoding: encoding, progress: progress)
    }

    /// Reads and checks CSV bytes; `file` names the source in messages.
    public static func readReturn(
        data: Data, file: String, plan: Plan, today: Day, encoding forced: TextDecoding.Encoding? = nil,
        progress: ((Int) -> Void)? = nil
    ) throws -> Return {
        let decoded: (text: String, encoding: TextDecoding.Encoding)
        switch TextDecoding.decode(data, as: forced) {
        case let .success(result): decoded = result
        case let .failure(message):
            throw EntriesError(file: file, problems: [.init(line: nil, column: nil, message: message)])
        }
        var checked = try parse(
            text: decoded.text, file: file, validator: EntryValidator(plan: plan, today: today), progress: progress)
        checked.encoding = decoded.encoding
        return checked
    }

    /// A return read from a workbook's sheet: its rows (numbered as in the sheet) from the header on.
    /// The same checks as a CSV return; problems name the sheet and the cell (`填报!G7`).
    public static func readReturn(
        sheet: String, rows: [(number: Int, cells: [String])], file: String, plan: Plan, today: Day,
        progress: ((Int) -> Void)? = nil
    ) throws -> Return {
        let records = rows.map { CSVRecords.Record(line: $0.number, cells: $0.cells) }
        do {
            var checked = try check(
                records: records, file: file, validator: EntryValidator(plan: plan, today: today), progress: progress)
            checked.encoding = .workbook
            return checked
        } catch var error as EntriesError {
            error.sheet = sheet
            throw error
        }
    }

    /// 0 → "A", 26 → "AA": a column as a spreadsheet names it.
    static func columnName(_ index: Int) -> String {
        var number = index + 1
        var name = ""
        while number > 0 {
            name = String(UnicodeScalar(UInt8(65 + (number - 1) % 26))) + name
            number = (number - 1) / 26
        }
        return name
    }

    static func parse(
        text: String, file: String, validator: EntryValidator,
        progress: ((Int) -> Void)?
    ) throws -> Return {
        let records: [CSVRecords.Record]
        switch CSVRecords.parse(text) {
        case let .success(parsed): records = parsed
        case let .failure(failure):
            throw EntriesError(file: file, problems: [.init(line: failure.line, column: nil, message: failure.message)])
        }
        return try check(records: records, file: file, validator: validator, progress: progress)
    }

    /// The checks of a return, whatever it was read from: the header (first non-empty record),
    /// then every row; every problem listed, nothing returned if any.
    static func check(
        records: [CSVRecords.Record], file: String, validator: EntryValidator, progress: ((Int) -> Void)?
    ) throws -> Return {
        guard let headerRecord = records.first(where: { !$0.cells.allSatisfy { $0.trimmingSpaces.isEmpty } }) else {
            throw EntriesError(
                file: file,
                problems: [
                    .init(
                        line: 1, column: nil,
                        message: Phrase("文件是空的；第一行应为表头", "the file is empty; expected a header row"))
                ])
        }
        var columns: [Column: Int] = [:]
        var headerProblems: [EntriesError.Problem] = []
        for (index, cell) in headerRecord.cells.enumerated() {
            let name = cell.trimmingSpaces.lowercased().replacingOccurrences(of: " ", with: "")
            for column in Column.allCases where column.names.contains(name) {
                if let first = columns[column] {
                    headerProblems.append(
                        .init(
                            line: headerRecord.line, column: nil,
                            message: Phrase(
                                "表头中第 \(first + 1) 列和第 \(index + 1) 列都是“\(column.names[0])”；只能有一列",
                                "the header has \(column.names[0]) twice (columns \(first + 1) and \(index + 1)); "
                                    + "keep one"
                            )))
                } else {
                    columns[column] = index
                }
            }
        }
        let missing = Column.allCases.filter { $0.required && columns[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map { $0.names[0] }.joined(separator: "、")
            let expected = header.joined(separator: ",")
            headerProblems.append(
                .init(
                    line: headerRecord.line, column: nil,
                    message: Phrase(
                        "表头缺少 \(names) 列；应为 \(expected)", "the header is missing \(names); expected \(expected)")))
        }
        guard headerProblems.isEmpty else { throw EntriesError(file: file, problems: headerProblems) }

        var rows: [Row] = []
        var blankLines: [Int] = []
        var sample: [String] = []
        var problems: [EntriesError.Problem] = []
        var count = 0
        for record in records where record.line > headerRecord.line {
            let row = record.cells
            count += 1
            if count % 1000 == 0 { progress?(count) }
            if row.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
            if row.count > headerRecord.cells.count {
                // `M04-2,2025-06-30,1,234,,,,`: an unquoted thousands comma shifts every cell after
                // it; taking the first ones would store 1 and 进展情况 "234" (issue 20).
                let extra = row.count - headerRecord.cells.count
                problems.append(
                    .init(
                        line: record.line, column: nil,
                        message: Phrase(
                            "这一行有 \(row.count) 个单元格，比表头多 \(extra) 个；数值中的千位分隔逗号请去掉或给单元格加引号",
                            "this row has \(row.count) cells, \(extra) more than the header; remove thousands commas "
                                + "from figures or quote the cell")))
                continue
            }
            func cell(_ column: Column) -> String {
                guard let index = columns[column], index < row.count else { return "" }
                return row[index].trimmingSpaces
            }
            // A template row the unit did not fill in: no figure, no text. Skipped, not an error.
            if cell(.value).isEmpty && cell(.progress).isEmpty && cell(.problems).isEmpty && cell(.next).isEmpty
                && cell(.baselineYear).isEmpty
            {
                blankLines.append(record.line)
                continue
            }
            if sample.count < 3 {
                if let text = [cell(.progress), cell(.problems), cell(.next), cell(.unit)].first(where: { !$0.isEmpty })
                {
                    sample.append(text)
                }
            }
            let candidate = EntryValidator.Candidate(
                itemId: cell(.item), dateText: cell(.date), valueText: cell(.value),
                baselineYearText: cell(.baselineYear), unitText: cell(.unit))
            switch validator.check(candidate) {
            case let .success(checked):
                rows.append(
                    Row(
                        line: record.line, checked: checked, progress: cell(.progress), problems: cell(.problems),
                        nextSteps: cell(.next)))
            case let .failure(list):
                problems += list.problems.map { .init(line: record.line, column: $0.field, message: $0.message) }
            }
        }
        guard problems.isEmpty else {
            var error = EntriesError(file: file, problems: problems)
            // Each field's column as a spreadsheet names it (A, B, …), for a workbook's cell names.
            let fields: [Column: EntryValidator.Field] = [
                .item: .item, .date: .date, .value: .value, .unit: .unit, .baselineYear: .baselineYear,
            ]
            for (column, index) in columns {
                if let field = fields[column] { error.columnLetters[field] = Self.columnName(index) }
            }
            throw error
        }
        return Return(rows: rows, encoding: .utf8, blankLines: blankLines, sample: sample)
    }
}

/// Every problem found in an entries file, each with its line and column.
public struct EntriesError: Error, CustomStringConvertible, Equatable {
    public struct Problem: Equatable, Sendable {
        public var line: Int?
        public var column: EntryValidator.Field?
        public var message: Phrase

        public init(line: Int?, column: EntryValidator.Field?, message: Phrase) {
            self.line = line
            self.column = column
            self.message = message
        }
    }

    public var file: String
    public var problems: [Problem]
    /// For a workbook: the sheet read, and each field's column letter, so a problem names its cell
    /// (`通报.xlsx:填报!G7`).
    public var sheet: String?
    public var columnLetters: [EntryValidator.Field: String] = [:]

    public init(file: String, problems: [Problem]) {
        self.file = file
        self.problems = problems
    }

    /// How many problems are listed one by one; the rest are counted on one last line.
    public static let listedProblems = 50

    /// One line per problem: `returns.csv:7: 数值：“abc” 不是数字…` / `returns.csv:7: value: …`;
    /// beyond `listedProblems`, one line with how many more and the total (100,000 bad rows
    /// printed 100,021 lines; issue 20).
    public func lines(_ language: Language) -> [String] {
        let file = ControlCharacters.visible(file)
        var lines = problems.prefix(Self.listedProblems).map { problem in
            var text = file
            if let sheet, let line = problem.line {
                let letter = problem.column.flatMap { columnLetters[$0] } ?? ""
                text += ":\(ControlCharacters.visible(sheet))!\(letter)\(line)"
            } else if let line = problem.line {
                text += ":\(line)"
            }
            text += ": "
            if let column = problem.column { text += column.name(language) + language.pick("：", ": ") }
            return text + problem.message.text(language)
        }
        if problems.count > Self.listedProblems {
            let rest = problems.count - Self.listedProblems
            let rows = Set(problems.compactMap(\.line)).count
            lines.append(
                language.pick(
                    "\(file)：另有 \(rest) 个问题未列出（共 \(problems.count) 个问题，涉及 \(rows) 行）",
                    "\(file): \(rest) more problems not listed (\(problems.count) problems on \(rows) rows in all)"))
        }
        return lines
    }

    public var description: String { lines(.zh).joined(separator: "\n") }
}
