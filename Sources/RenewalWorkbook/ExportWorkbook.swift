import RenewalModel
import RenewalReports
import RenewalText

/// A dashboard view (`x` to a `.xlsx` name) as a one-sheet workbook: the banner and title above a
/// frozen header; a cell that reads as a plain number is a number, a status is filled in its light.
public enum ExportWorkbook {
    public static func make(_ table: ExportTable) -> Workbook {
        let header = CellStyle(bold: true, fill: 0xEEEEEE, border: true, wrap: true)
        let body = CellStyle(border: true, wrap: true)
        var rows: [[Cell]] = []
        if let banner = table.banner { rows.append([.text(banner, CellStyle(bold: true, fill: 0xFFE699))]) }
        rows.append([.text(table.title, CellStyle(bold: true, size: 14))])
        let headerRow = rows.count
        rows.append(table.header.map { .text($0, header) })
        // Only a status column's cells are read as statuses (a note may say 已完成 too).
        let statusColumns = Set(
            table.header.indices.filter { ["状态", "status"].contains(table.header[$0].lowercased()) })
        for line in table.rows {
            rows.append(line.enumerated().map { cell($1, body, status: statusColumns.contains($0)) })
        }
        // Widths from the widest text of each column (display columns: a Chinese character is two).
        let widths = table.header.indices.map { column in
            let texts =
                [table.header[column]] + table.rows.compactMap { $0.indices.contains(column) ? $0[column] : nil }
            return Double(min(60, max(6, texts.map(DisplayWidth.of).max() ?? 6) + 2))
        }
        return Workbook(sheets: [
            Sheet(
                name: String(table.title.prefix(31)), rows: rows, columnWidths: widths, frozenRows: headerRow + 1,
                headerRow: headerRow,
                merges: (0..<headerRow).map {
                    Sheet.Merge(row: $0, firstColumn: 0, lastColumn: max(0, table.header.count - 1))
                })
        ])
    }

    /// A plain decimal is a number (so Excel sums and sorts it), a status column's label is filled
    /// in its light; anything else stays text.
    static func cell(_ text: String, _ style: CellStyle, status isStatus: Bool) -> Cell {
        if let number = Double(text), number.isFinite, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) {
            return .number(number, style)
        }
        let named =
            isStatus
            ? Status.allCases.first { status in
                [Language.zh, .en].contains { language in
                    let label = status.label(language)
                    return text == label || text == "\(status.mark) \(label)" || text == "\(status.asciiMark) \(label)"
                }
            } : nil
        if let status = named {
            var filled = style
            filled.fill = CellStyle.fill(status.light)
            return .text(text, filled)
        }
        return .text(text, style)
    }
}
