import CXlsxWriter
import Foundation
import RenewalModel
import RenewalText

/// Writes a `Workbook` as .xlsx bytes with libxlsxwriter.
///
/// libxlsxwriter writes to a file name of its own (it creates and truncates it). A file the user
/// names is theirs (written into, never replaced: `UserFile`), so the workbook is written in a
/// private temporary folder, read back, and handed over as bytes.
public enum XLSXFile {
    /// Why a workbook could not be written, in both languages.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var phrase: Phrase
        public var description: String { phrase.zh }
    }

    public static func data(_ workbook: Workbook) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appending(
            path: "renewal-xlsx-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appending(path: "workbook.xlsx").path
        try write(workbook, to: path, temporaryFolder: folder.path)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    static func write(_ workbook: Workbook, to path: String, temporaryFolder: String) throws {
        var strings = CStrings()
        defer { strings.free() }
        var options = lxw_workbook_options()
        options.constant_memory = 0
        options.tmpdir = strings.make(temporaryFolder)
        guard let book = workbook_new_opt(path, &options) else {
            throw Failure(phrase: Phrase("无法创建工作簿", "cannot create the workbook"))
        }
        var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
        func format(_ style: CellStyle, isDate: Bool) -> UnsafeMutablePointer<lxw_format>? {
            var style = style
            if isDate && style.numberFormat == nil { style.numberFormat = "yyyy-mm-dd" }
            if style == CellStyle() { return nil }
            if let made = formats[style] { return made }
            guard let made = workbook_add_format(book) else { return nil }
            if style.bold { format_set_bold(made) }
            if let size = style.size { format_set_font_size(made, size) }
            if let fill = style.fill {
                format_set_pattern(made, UInt8(LXW_PATTERN_SOLID.rawValue))
                format_set_bg_color(made, lxw_color_t(fill))
            }
            if style.border { format_set_border(made, UInt8(LXW_BORDER_THIN.rawValue)) }
            if style.wrap {
                format_set_text_wrap(made)
                format_set_align(made, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            }
            if style.unlocked { format_set_unlocked(made) }
            if let number = style.numberFormat { format_set_num_format(made, number) }
            formats[style] = made
            return made
        }
        var names = Set<String>()
        for sheet in workbook.sheets {
            let name = sheetName(sheet.name, taken: names)
            names.insert(name)
            guard let page = workbook_add_worksheet(book, name) else {
                workbook_close(book)
                throw Failure(phrase: Phrase("无法添加工作表 \(name)", "cannot add the sheet \(name)"))
            }
            for (column, width) in sheet.columnWidths.enumerated() {
                worksheet_set_column(page, lxw_col_t(column), lxw_col_t(column), width, nil)
            }
            for merge in sheet.merges {
                let first = sheet.rows[safe: merge.row]?[safe: merge.firstColumn]
                let text = first.flatMap { if case let .text(text) = $0.value { return text } else { return nil } }
                worksheet_merge_range(
                    page, lxw_row_t(merge.row), lxw_col_t(merge.firstColumn), lxw_row_t(merge.row),
                    lxw_col_t(merge.lastColumn), clean(text ?? ""),
                    first.flatMap { format($0.style, isDate: false) })
            }
            let merged = Set(sheet.merges.map { "\($0.row):\($0.firstColumn)" })
            for (rowIndex, row) in sheet.rows.enumerated() {
                for (columnIndex, cell) in row.enumerated() where !merged.contains("\(rowIndex):\(columnIndex)") {
                    let r = lxw_row_t(rowIndex)
                    let c = lxw_col_t(columnIndex)
                    switch cell.value {
                    case .empty:
                        if let style = format(cell.style, isDate: false) { worksheet_write_blank(page, r, c, style) }
                    case let .text(text):
                        worksheet_write_string(page, r, c, clean(text), format(cell.style, isDate: false))
                    case let .number(number):
                        if number.isFinite {
                            worksheet_write_number(page, r, c, number, format(cell.style, isDate: false))
                        } else if let style = format(cell.style, isDate: false) {
                            worksheet_write_blank(page, r, c, style)
                        }
                    case let .date(day):
                        var when = lxw_datetime(
                            year: Int32(day.year), month: Int32(day.month), day: Int32(day.day),
                            hour: 0, min: 0, sec: 0)
                        worksheet_write_datetime(page, r, c, &when, format(cell.style, isDate: true))
                    }
                }
            }
            if sheet.frozenRows > 0 { worksheet_freeze_panes(page, lxw_row_t(sheet.frozenRows), 0) }
            if let header = sheet.headerRow { worksheet_repeat_rows(page, lxw_row_t(0), lxw_row_t(header)) }
            worksheet_set_paper(page, 9)  // A4
            if sheet.landscape { worksheet_set_landscape(page) }
            worksheet_fit_to_pages(page, 1, 0)  // as wide as one page, as long as it takes
            for validation in sheet.validations {
                var rule = lxw_data_validation()
                rule.ignore_blank = UInt8(LXW_VALIDATION_ON.rawValue)
                rule.show_error = UInt8(LXW_VALIDATION_ON.rawValue)
                rule.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
                rule.error_message = strings.make(clean(validation.message))
                switch validation.rule {
                case let .list(values):
                    rule.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
                    rule.value_list = strings.list(values.map(clean))
                case let .decimal(minimum):
                    rule.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
                    rule.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
                    rule.value_number = minimum
                case .date:
                    rule.validate = UInt8(LXW_VALIDATION_TYPE_DATE.rawValue)
                    rule.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
                    rule.minimum_datetime = lxw_datetime(year: 1900, month: 1, day: 1, hour: 0, min: 0, sec: 0)
                    rule.maximum_datetime = lxw_datetime(year: 9999, month: 12, day: 31, hour: 0, min: 0, sec: 0)
                }
                worksheet_data_validation_range(
                    page, lxw_row_t(validation.firstRow), lxw_col_t(validation.column), lxw_row_t(validation.lastRow),
                    lxw_col_t(validation.column), &rule)
            }
            if sheet.protected { worksheet_protect(page, nil, nil) }
        }
        let error = workbook_close(book)
        guard error == LXW_NO_ERROR else {
            let reason = String(cString: lxw_strerror(error))
            throw Failure(phrase: Phrase("无法写入工作簿：\(reason)", "cannot write the workbook: \(reason)"))
        }
    }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not taken already.
    static func sheetName(_ wanted: String, taken: Set<String>) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var name = String(clean(wanted).filter { !forbidden.contains($0) }.prefix(31))
        if name.isEmpty { name = "Sheet" }
        var candidate = name
        var number = 2
        while taken.contains(candidate) {
            let suffix = " \(number)"
            candidate = String(name.prefix(31 - suffix.count)) + suffix
            number += 1
        }
        return candidate
    }

    /// Text a cell can hold: XML 1.0 has no place for most control characters, so they are made
    /// visible (`^[`), as everywhere else; line breaks and tabs stay.
    static func clean(_ text: String) -> String {
        ControlCharacters.visible(text, allowing: [.newline])
    }
}

/// C strings that must live until the workbook is closed, freed together.
private struct CStrings {
    var owned: [UnsafeMutablePointer<CChar>] = []
    var lists: [UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>] = []

    mutating func make(_ text: String) -> UnsafeMutablePointer<CChar>? {
        guard let copy = strdup(text) else { return nil }
        owned.append(copy)
        return copy
    }

    /// A NULL-terminated array of C strings.
    mutating func list(_ values: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> {
        let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: values.count + 1)
        for (index, value) in values.enumerated() { array[index] = make(value) }
        array[values.count] = nil
        lists.append(array)
        return array
    }

    func free() {
        for pointer in owned { Foundation.free(pointer) }
        for array in lists { array.deallocate() }
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
