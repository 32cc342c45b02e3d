import Foundation
import RenewalModel
import RenewalStore
import RenewalText
import RenewalWorkbook

/// A filled return (CSV or workbook) read and checked against the plan: what `renewal import`
/// and the dashboard's `i` store, all rows or none.
public enum ReturnReading {
    /// The return read and checked; every problem in one error (both languages), nothing stored.
    /// `checkedRows` is told the number of rows checked so far, now and then.
    public static func checked(
        file: String, plan: Plan, today: Day, encoding forced: TextDecoding.Encoding?,
        checkedRows: ((Int) -> Void)? = nil
    ) throws -> EntriesCSV.Return {
        let shownFile = ControlCharacters.visible(file)
        let progress: (Int) -> Void = { checkedRows?($0) }
        do {
            if let workbook = try workbook(file) {
                // A workbook's cells go through the same checks as a CSV's rows.
                let table: XLSXReader.Table
                do {
                    table = try XLSXReader.table(data: workbook, headerNames: EntriesCSV.itemHeaderNames)
                } catch let failure as XLSXReader.Failure {
                    throw EntriesError(file: file, problems: [.init(line: nil, column: nil, message: failure.phrase)])
                }
                return try EntriesCSV.readReturn(
                    sheet: table.sheet, rows: table.rows.map { ($0.number, $0.cells) }, file: file, plan: plan,
                    today: today, progress: progress)
            }
            return try EntriesCSV.readReturn(path: file, plan: plan, today: today, encoding: forced, progress: progress)
        } catch let error as EntriesError {
            let count = error.problems.count
            let summary = Phrase(
                "\(shownFile)：\(count) 处错误，未导入任何数据。",
                "\(shownFile): \(Language.en.count(count, "", "problem")); nothing was imported.")
            throw AppError(
                Phrase(
                    (error.lines(.zh) + [summary.zh]).joined(separator: "\n"),
                    (error.lines(.en) + [summary.en]).joined(separator: "\n")))
        }
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
}

/// Files the user names (`-o`, the dashboard's `x`): written into what they name, never over it
/// (`UserFile`).
public enum OutputFile {
    public static func write(_ data: Data, to path: String) throws {
        do { try UserFile.write(data, to: path) } catch { throw AppError(error.phrase) }
    }
}
