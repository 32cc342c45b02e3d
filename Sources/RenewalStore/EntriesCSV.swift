import CSV
import Foundation
import RenewalModel

/// Reads progress entries from a CSV return, the format departments fill in (README: "Entries CSV").
///
/// Columns are found by their header, in Chinese or English, in any order; other columns
/// (such as the target's description in a template) are ignored:
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
/// Every row is checked; all problems are returned together with their line numbers, and no
/// entry is returned unless every row is sound.
public enum EntriesCSV {
    /// The header row the CLI's format uses (and the later template writes).
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

    /// Reads a file. Throws `EntriesError` listing every bad row.
    public static func read(path: String, plan: Plan) throws -> [ProgressEntry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EntriesError(file: path, problems: [.init(line: nil, column: nil, message: "cannot read the file")])
        }
        return try read(data: data, file: path, plan: plan)
    }

    /// Reads CSV bytes; `file` names the source in messages and entry ids.
    public static func read(data: Data, file: String, plan: Plan) throws -> [ProgressEntry] {
        guard var text = String(data: data, encoding: .utf8) else {
            throw EntriesError(file: file, problems: [.init(line: nil, column: nil,
                message: "the file is not UTF-8 text; save it as \"CSV UTF-8\"")])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return try parse(text: text, file: file, plan: plan)
    }

    static func parse(text: String, file: String, plan: Plan) throws -> [ProgressEntry] {
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
            let name = cell.trimmed.lowercased().replacingOccurrences(of: " ", with: "")
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

        var entries: [ProgressEntry] = []
        while let row = reader.next() {
            let rowLine = line
            line += newlineCount(row) + 1
            if row.allSatisfy({ $0.trimmed.isEmpty }) { continue }
            func cell(_ column: Column) -> String {
                guard let index = columns[column], index < row.count else { return "" }
                return row[index].trimmed
            }
            var rowProblems: [EntriesError.Problem] = []
            func problem(_ column: Column, _ message: String) {
                rowProblems.append(.init(line: rowLine, column: column.names[0], message: message))
            }
            let itemId = cell(.item).uppercased()
            let target = plan.target(id: itemId)
            let isMeasure = plan.measures.contains { $0.itemId == itemId }
            if itemId.isEmpty {
                problem(.item, "required cell is empty")
            } else if target == nil && !isMeasure {
                problem(.item, "unknown target or measure id \"\(cell(.item))\"")
            }
            let baselineText = cell(.baselineYear)
            var baselineYear: Int?
            if !baselineText.isEmpty {
                if let year = Int(baselineText), (1990...2100).contains(year) {
                    baselineYear = year
                } else {
                    problem(.baselineYear, "\"\(baselineText)\" is not a year")
                }
                if let target, target.kind != .quantitative {
                    problem(.baselineYear, "\(target.id) is a milestone and has no baseline figure")
                }
            }
            let dateText = cell(.date)
            var date = Day(dateText)
            if dateText.isEmpty, let baselineYear {
                // A baseline describes its whole year.
                date = Day.endOfYear(baselineYear)
            } else if dateText.isEmpty {
                problem(.date, "required cell is empty")
            } else if date == nil {
                problem(.date, "\"\(dateText)\" is not a date (use YYYY-MM-DD)")
            }
            let valueText = cell(.value)
            var value: Double?
            var milestone: MilestoneState?
            if let target {
                switch target.kind {
                case .quantitative:
                    if valueText.isEmpty {
                        problem(.value, "required cell is empty for \(target.id)")
                    } else if let number = parseNumber(valueText) {
                        value = number
                    } else {
                        problem(.value, "\"\(valueText)\" is not a number")
                    }
                case .milestone:
                    if valueText.isEmpty {
                        problem(.value, "required cell is empty for milestone \(target.id) (完成 or 推进中)")
                    } else if let state = MilestoneState(text: valueText) {
                        milestone = state
                    } else {
                        problem(.value, "\"\(valueText)\" is not a milestone state (完成 or 推进中)")
                    }
                }
            } else if isMeasure, !valueText.isEmpty {
                if let state = MilestoneState(text: valueText) {
                    milestone = state
                } else {
                    problem(.value, "a measure takes no number; leave 数值 empty or write 推进中")
                }
            }
            problems.append(contentsOf: rowProblems)
            guard rowProblems.isEmpty, let date else { continue }
            entries.append(ProgressEntry(
                id: "\((file as NSString).lastPathComponent):\(rowLine)", itemId: itemId, date: date,
                value: value, milestone: milestone ?? (isMeasure ? .inProgress : nil),
                progress: cell(.progress), problems: cell(.problems), nextSteps: cell(.next),
                reportingUnit: cell(.unit).isEmpty ? nil : cell(.unit), baselineYear: baselineYear))
        }
        if let error = reader.error {
            problems.append(.init(line: line, column: nil, message: "cannot read the CSV: \(error)"))
        }
        guard problems.isEmpty else { throw EntriesError(file: file, problems: problems) }
        return entries
    }

    /// Numbers as departments type them: "1,234", "94%", "１２３" (full-width digits).
    static func parseNumber(_ text: String) -> Double? {
        var cleaned = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: cleaned.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0xFF0E: cleaned.append(".")
            case 0xFF0D: cleaned.append("-")
            case 0x2C, 0xFF0C, 0x20: continue
            default: cleaned.unicodeScalars.append(scalar)
            }
        }
        if cleaned.hasSuffix("%") || cleaned.hasSuffix("％") { cleaned.removeLast() }
        guard !cleaned.isEmpty, let number = Double(cleaned), number.isFinite else { return nil }
        return number
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

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
