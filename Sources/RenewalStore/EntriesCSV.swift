import CSV
import Foundation
import RenewalModel

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
            ProgressEntry(id: "\((file as NSString).lastPathComponent):\(line)", itemId: checked.itemId, date: checked.date,
                          value: checked.value, milestone: checked.milestone, progress: progress, problems: problems,
                          nextSteps: nextSteps, reportingUnit: checked.reportingUnit, baselineYear: checked.baselineYear)
        }

        /// The row as an entry to store.
        public func newEntry(file: String, recordedBy: String, recordedAt: String) -> NewEntry {
            NewEntry(itemId: checked.itemId, date: checked.date, value: checked.value, milestone: checked.milestone,
                     progress: progress, problems: problems, nextSteps: nextSteps, reportingUnit: checked.reportingUnit,
                     recordedBy: recordedBy, recordedAt: recordedAt, baselineYear: checked.baselineYear,
                     origin: "import \((file as NSString).lastPathComponent):\(line)")
        }
    }

    /// A whole return, read and checked.
    public struct Return: Sendable {
        public var rows: [Row]
        public var encoding: TextDecoding.Encoding
        /// Lines in the file (for progress and messages).
        public var lineCount: Int
    }

    /// Reads the entries of a file, for reports (`--entries`).
    public static func read(path: String, plan: Plan, today: Day) throws -> [ProgressEntry] {
        try readReturn(path: path, plan: plan, today: today).rows.map { $0.entry(file: path) }
    }

    /// Reads and checks a return file. Throws `EntriesError` listing every bad row.
    public static func readReturn(path: String, plan: Plan, today: Day,
                                  progress: ((Int) -> Void)? = nil) throws -> Return {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EntriesError(file: path, problems: [.init(line: nil, column: nil, message: "cannot read the file")])
        }
        return try readReturn(data: data, file: path, plan: plan, today: today, progress: progress)
    }

    /// Reads and checks CSV bytes; `file` names the source in messages.
    public static func readReturn(data: Data, file: String, plan: Plan, today: Day,
                                  progress: ((Int) -> Void)? = nil) throws -> Return {
        guard let (text, encoding) = TextDecoding.decode(data) else {
            throw EntriesError(file: file, problems: [.init(line: nil, column: nil,
                message: "the file is neither UTF-8 nor GBK/GB18030 text; save it as \"CSV UTF-8\"")])
        }
        let (rows, lines) = try parse(text: text, file: file, validator: EntryValidator(plan: plan, today: today), progress: progress)
        return Return(rows: rows, encoding: encoding, lineCount: lines)
    }

    static func parse(text: String, file: String, validator: EntryValidator,
                      progress: ((Int) -> Void)?) throws -> ([Row], Int) {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false)
        } catch {
            throw EntriesError(file: file, problems: [.init(line: 1, column: nil, message: "not a CSV file: \(error)")])
        }
        var problems: [EntriesError.Problem] = []
        var line = 1
        guard let headerRow = reader.next() else {
            throw EntriesError(file: file, problems: [.init(line: 1, column: nil, message: "the file is empty; expected a header row")])
        }
        line += newlineCount(headerRow) + 1
        var columns: [Column: Int] = [:]
        for (index, cell) in headerRow.enumerated() {
            let name = cell.trimmingSpaces.lowercased().replacingOccurrences(of: " ", with: "")
            for column in Column.allCases where column.names.contains(name) && columns[column] == nil {
                columns[column] = index
            }
        }
        let missing = Column.allCases.filter { $0.required && columns[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map { $0.names[0] }.joined(separator: ", ")
            throw EntriesError(file: file, problems: [.init(line: 1, column: nil,
                message: "header is missing \(names); expected \(header.joined(separator: ","))")])
        }

        var rows: [Row] = []
        var count = 0
        while let row = reader.next() {
            let rowLine = line
            line += newlineCount(row) + 1
            count += 1
            if count % 1000 == 0 { progress?(count) }
            if row.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
            func cell(_ column: Column) -> String {
                guard let index = columns[column], index < row.count else { return "" }
                return row[index].trimmingSpaces
            }
            let candidate = EntryValidator.Candidate(itemId: cell(.item), dateText: cell(.date), valueText: cell(.value),
                                                     baselineYearText: cell(.baselineYear), unitText: cell(.unit))
            switch validator.check(candidate) {
            case let .success(checked):
                rows.append(Row(line: rowLine, checked: checked, progress: cell(.progress), problems: cell(.problems),
                                nextSteps: cell(.next)))
            case let .failure(list):
                problems += list.problems.map { .init(line: rowLine, column: $0.field.rawValue, message: $0.message) }
            }
        }
        if let error = reader.error {
            problems.append(.init(line: line, column: nil, message: "cannot read the CSV: \(error)"))
        }
        guard problems.isEmpty else { throw EntriesError(file: file, problems: problems) }
        return (rows, line - 1)
    }

    static func newlineCount(_ row: [String]) -> Int {
        row.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count }
    }
}

/// Every problem found in an entries file, each with its line and column.
public struct EntriesError: Error, CustomStringConvertible, Equatable {
    public struct Problem: Equatable, Sendable {
        public var line: Int?
        public var column: String?
        public var message: String
    }

    public var file: String
    public var problems: [Problem]

    /// One line per problem: `returns.csv:7: 数值: "abc" is not a number`.
    public var lines: [String] {
        problems.map { problem in
            var text = file
            if let line = problem.line { text += ":\(line)" }
            if let column = problem.column { text += ": \(column)" }
            return text + ": " + problem.message
        }
    }

    public var description: String { lines.joined(separator: "\n") }
}
