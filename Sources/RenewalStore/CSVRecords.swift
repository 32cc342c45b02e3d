import RenewalModel

/// Splits CSV text into records, strictly (RFC 4180 as Excel and WPS write it).
///
/// Written here rather than taken from CSV.swift because a return must never be misread
/// silently: an unterminated quote made that reader swallow the rest of the file into one cell
/// and report success (issue 10). This one knows the line every record starts on, stops at an
/// unterminated quote, text after a closing quote or a NUL byte, and says where.
public enum CSVRecords {
    /// One record: its cells and the line of the file it starts on (1-based).
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var cells: [String]
    }

    /// Why the text is not CSV, and the line where it went wrong.
    public struct Failure: Error, Sendable, Equatable {
        public var line: Int
        public var message: Phrase
    }

    /// Every record of `text`, or the first place it is not CSV.
    ///
    /// Records end at LF, CR LF or a lone CR outside quotes; a quoted cell may hold any of them,
    /// and `""` inside quotes is one quote. A quote inside an unquoted cell is kept as text
    /// (Excel reads `5"` that way).
    public static func parse(_ text: String) -> Result<[Record], Failure> {
        let bytes = Array(text.utf8)
        var records: [Record] = []
        var cells: [String] = []
        var cell: [UInt8] = []
        var line = 1
        var recordLine = 1
        var index = 0
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

        func endCell() {
            cells.append(String(decoding: cell, as: UTF8.self))
            cell.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endCell()
            records.append(Record(line: recordLine, cells: cells))
            cells.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            // At the start of a cell.
            if bytes[index] == quote {
                let openedOn = line
                index += 1
                var closed = false
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == quote {
                        if index + 1 < bytes.count && bytes[index + 1] == quote {
                            cell.append(quote)
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    if byte == 0 { return .failure(nulFailure(line)) }
                    if byte == lf || (byte == cr && (index + 1 >= bytes.count || bytes[index + 1] != lf)) { line += 1 }
                    cell.append(byte)
                    index += 1
                }
                guard closed else {
                    return .failure(
                        Failure(
                            line: openedOn,
                            message: Phrase(
                                "第 \(openedOn) 行的引号没有配对结束，其后的内容都会被读进同一个单元格；请检查该行的英文引号 \"",
                                "the quote opened on line \(openedOn) is never closed, "
                                    + "so the rest of the file would be read as one cell; check that line's \" marks"
                            )))
                }
                if index < bytes.count, bytes[index] != comma, bytes[index] != lf, bytes[index] != cr {
                    return .failure(
                        Failure(
                            line: line,
                            message: Phrase(
                                "第 \(line) 行：引号结束后紧跟着其他字符；单元格内的引号应写成两个 \"\"",
                                "line \(line): text follows a closing quote; a quote inside a cell is written \"\"")))
                }
            } else {
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == comma || byte == lf || byte == cr { break }
                    if byte == 0 { return .failure(nulFailure(line)) }
                    cell.append(byte)
                    index += 1
                }
            }
            // After a cell: a comma, a line end or the end of the text.
            guard index < bytes.count else {
                endRecord()
                break
            }
            let byte = bytes[index]
            index += 1
            if byte == comma {
                endCell()
                // A comma at the very end leaves one more, empty, cell.
                if index == bytes.count { endRecord() }
                continue
            }
            if byte == cr, index < bytes.count, bytes[index] == lf { index += 1 }
            endRecord()
            line += 1
            recordLine = line
        }
        return .success(records)
    }

    static func nulFailure(_ line: Int) -> Failure {
        Failure(
            line: line,
            message: Phrase(
                "第 \(line) 行含有空字符（NUL），单元格内容会被截断；请另存为“CSV UTF-8”后重试",
                "line \(line) holds a NUL byte, which would cut the cell short; "
                    + "save the file as \"CSV UTF-8\" and try again"
            ))
    }
}
