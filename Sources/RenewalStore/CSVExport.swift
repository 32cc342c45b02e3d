import CSV
import Foundation
import RenewalText

/// CSV for Excel and WPS: UTF-8 with a BOM (so Excel does not guess GBK), CRLF line ends, and
/// every text cell that a spreadsheet would evaluate neutralised (OWASP "CSV injection").
public enum CSVExport {
    /// A cell: text is neutralised, numbers are written as numbers.
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double?)
    }

    /// Text starting with = + - @, a tab or a carriage return is prefixed with an apostrophe,
    /// which spreadsheets show as text and never evaluate; control characters other than line
    /// breaks are made visible (DESIGN §5: text from the store is data).
    public static func neutralise(_ raw: String) -> String {
        let text = ControlCharacters.visible(raw, allowing: [.newline, .tab])
        guard let first = text.unicodeScalars.first else { return text }
        switch first {
        case "=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠":
            return "'" + text
        default:
            return text
        }
    }

    public static func encode(header: [String], rows: [[Cell]]) -> Data {
        let stream = OutputStream(toMemory: ())
        stream.open()
        do {
            let writer = try CSVWriter(stream: stream, newline: .crlf)
            try writer.write(row: header.map(neutralise))
            for row in rows {
                try writer.write(
                    row: row.map { cell -> String in
                        switch cell {
                        case let .text(text): return neutralise(text)
                        case let .number(value): return value.map { number(for: $0) } ?? ""
                        }
                    })
            }
        } catch {
            // Writing to memory cannot fail for space; an encoding failure would be a bug.
            assertionFailure("CSV encoding failed: \(error)")
        }
        stream.close()
        let body = (stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data) ?? Data()
        return Data([0xEF, 0xBB, 0xBF]) + body + Data("\r\n".utf8)
    }

    /// Plain decimal, no exponent, no thousands separators.
    static func number(for value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
