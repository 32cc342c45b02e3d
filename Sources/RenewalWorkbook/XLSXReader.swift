import Foundation
import RenewalModel
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the cells of a returned workbook (issue 22, item 2): as Excel, WPS and LibreOffice save it —
/// shared and inline strings, numbers, dates as serial numbers (the 1900 and the 1904 systems) or
/// as text, formulas by their cached values — from the sheet that holds the return's header, which
/// need not be the first nor start on the first row.
///
/// A workbook is untrusted input: its parts are read with bounded sizes (a zip bomb, a sheet of a
/// million rows, a huge string table get a clear error, not the machine's memory), a part with a
/// DOCTYPE (entity expansion) is refused, and nothing outside the file is ever followed.
public enum XLSXReader {
    /// A row of the sheet read: its number in the sheet (1-based) and its cells as text.
    public struct Row: Sendable, Equatable {
        public var number: Int
        public var cells: [String]
    }

    /// The sheet that holds the header, and its rows from the header on.
    public struct Table: Sendable, Equatable {
        public var sheet: String
        public var rows: [Row]
    }

    public struct Failure: Error, Sendable, Equatable {
        public var phrase: Phrase
    }

    /// Limits on what a workbook may hold.
    public static let maximumPartBytes: UInt64 = 64 << 20
    public static let maximumTotalBytes: UInt64 = 256 << 20
    public static let maximumRows = 200_000
    public static let maximumColumns = 200
    public static let maximumStrings = 1_000_000

    /// Whether the bytes look like a workbook of any kind (a zip, or the old binary format).
    public static func isWorkbook(_ data: Data) -> Bool {
        data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: oldFormat)
    }

    /// The compound-file signature of .xls, .et and encrypted .xlsx files.
    static let oldFormat: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The first sheet with a row holding one of `headerNames` in some cell, from that row on.
    public static func table(data: Data, headerNames: Set<String>) throws -> Table {
        if data.starts(with: oldFormat) {
            throw Failure(
                phrase: Phrase(
                    "这是旧版 .xls、WPS 的 .et 或加密的工作簿，无法读取：请在 Excel 或 WPS 中“另存为” .xlsx 工作簿（不设密码）或 CSV（UTF-8）后再导入",
                    "this is an old .xls, a WPS .et or an encrypted workbook, which cannot be read: "
                        + "in Excel or WPS use Save As to make an .xlsx workbook (without a password) "
                        + "or a CSV (UTF-8), then import that"
                ))
        }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw Failure(
                phrase: Phrase(
                    "文件不是完整的 xlsx 工作簿（压缩包已损坏或被截断）",
                    "the file is not a whole xlsx workbook (the zip is damaged or cut short)"))
        }
        var budget = maximumTotalBytes
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize <= maximumPartBytes, entry.uncompressedSize <= budget else { throw tooLarge }
            var bytes = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    // The declared size can lie: count what comes out.
                    guard UInt64(bytes.count + chunk.count) <= min(maximumPartBytes, budget) else { throw tooLarge }
                    bytes.append(chunk)
                }
            } catch let failure as Failure {
                throw failure
            } catch {
                throw Failure(phrase: Phrase("工作簿的 \(path) 已损坏，无法读取", "the workbook's \(path) is damaged"))
            }
            budget -= UInt64(bytes.count)
            if bytes.range(of: Data("<!DOCTYPE".utf8)) != nil {
                throw Failure(
                    phrase: Phrase("工作簿的 \(path) 含有 DOCTYPE 声明，拒绝读取", "the workbook's \(path) has a DOCTYPE; refused"))
            }
            return bytes
        }
        guard let workbookXML = try part("xl/workbook.xml") else {
            throw Failure(
                phrase: Phrase(
                    "压缩包中没有 xl/workbook.xml：不是 xlsx 工作簿", "no xl/workbook.xml in the zip: not an xlsx workbook"))
        }
        let book = try parse(WorkbookParser(), workbookXML)
        let relations = try part("xl/_rels/workbook.xml.rels").map { try parse(RelationsParser(), $0).targets } ?? [:]
        let strings = try part("xl/sharedStrings.xml").map { try parse(SharedStringsParser(), $0).strings } ?? []
        let styles = try part("xl/styles.xml").map { try parse(StylesParser(), $0) } ?? StylesParser()
        for sheet in book.sheets {
            guard var target = relations[sheet.relation] else { continue }
            if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
            guard let xml = try part(target) else { continue }
            let parser = SheetParser(strings: strings, dateStyles: styles.dateStyles, date1904: book.date1904)
            let rows = try parse(parser, xml).rows
            if let header = rows.firstIndex(where: { $0.cells.contains { headerNames.contains(normalized($0)) } }) {
                return Table(sheet: sheet.name, rows: Array(rows[header...]))
            }
        }
        throw Failure(
            phrase: Phrase(
                "工作簿中没有一张表含有“指标编号”表头：请用 renewal template 生成的模板填写",
                "no sheet of the workbook has the 指标编号 header: fill in the form renewal template makes"))
    }

    /// A header cell as the import compares it: trimmed, lowercased, without spaces.
    static func normalized(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().replacingOccurrences(of: " ", with: "")
    }

    public static let tooLarge = Failure(
        phrase: Phrase(
            "工作簿过大（解压后超过 \(maximumPartBytes >> 20) MB 的部分，或合计超过 \(maximumTotalBytes >> 20) MB），拒绝读取",
            "the workbook is too large (a part over \(maximumPartBytes >> 20) MB unpacked, or over "
                + "\(maximumTotalBytes >> 20) MB in all); refused"))

    static func parse<P: PartParser>(_ delegate: P, _ data: Data) throws -> P {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let ok = parser.parse()
        if let failure = delegate.failure { throw failure }
        guard ok else {
            throw Failure(phrase: Phrase("工作簿中的 XML 已损坏，无法读取", "the workbook's XML is damaged"))
        }
        return delegate
    }

    /// "D7" → 3 (the column's index from 0).
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            index = index * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters == 0 ? nil : index - 1
    }

    /// A serial day (days since 1899-12-30, or 1904-01-01) as a day.
    static func day(serial: Double, date1904: Bool) -> Day? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        var whole = Int(serial.rounded(.down))
        if date1904 {
            whole += 1462
        } else if whole < 61 {
            // Excel counts a 29 February 1900 that never was: before it, serials are one day off.
            whole += 1
        }
        let epoch = Day(year: 1899, month: 12, day: 30)?.ordinal ?? 0
        return Day(ordinal: epoch + whole)
    }
}

/// What every part parser has: the first problem it met (XMLParser cannot throw).
protocol PartParser: NSObject, XMLParserDelegate {
    var failure: XLSXReader.Failure? { get }
}

/// xl/workbook.xml: the sheets in order, each with its relation, and the date system.
final class WorkbookParser: NSObject, PartParser {
    var sheets: [(name: String, relation: String)] = []
    var date1904 = false
    var failure: XLSXReader.Failure?

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch local(element) {
        case "sheet":
            let relation = attributes.first { local($0.key) == "id" }?.value ?? ""
            sheets.append((attributes["name"] ?? "", relation))
        case "workbookPr":
            let value = attributes["date1904"]?.lowercased()
            date1904 = value == "1" || value == "true"
        default: break
        }
    }
}

/// xl/_rels/workbook.xml.rels: each relation's target (internal parts only).
final class RelationsParser: NSObject, PartParser {
    var targets: [String: String] = [:]
    var failure: XLSXReader.Failure?

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard local(element) == "Relationship", let id = attributes["Id"], let target = attributes["Target"],
            attributes["TargetMode"]?.lowercased() != "external"
        else { return }
        targets[id] = target
    }
}

/// xl/sharedStrings.xml: each string, its runs joined (phonetic runs left out).
final class SharedStringsParser: NSObject, PartParser {
    var strings: [String] = []
    var failure: XLSXReader.Failure?
    private var current = ""
    private var inText = false
    private var phonetic = 0

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch local(element) {
        case "si": current = ""
        case "t": inText = phonetic == 0
        case "rPh": phonetic += 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }

    func parser(
        _ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch local(element) {
        case "si":
            strings.append(current)
            if strings.count > XLSXReader.maximumStrings {
                failure = XLSXReader.tooLarge
                parser.abortParsing()
            }
        case "t": inText = false
        case "rPh": phonetic -= 1
        default: break
        }
    }
}

/// xl/styles.xml: which cell formats show a date.
final class StylesParser: NSObject, PartParser {
    var dateStyles = Set<Int>()
    var failure: XLSXReader.Failure?
    private var customDates = Set<Int>()
    private var inCellFormats = false
    private var index = 0

    /// Excel's built-in date and time formats.
    static let builtInDates: Set<Int> = [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57, 58]

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch local(element) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), Self.isDate(attributes["formatCode"] ?? "") {
                customDates.insert(id)
            }
        case "cellXfs": inCellFormats = true
        case "xf" where inCellFormats:
            let id = attributes["numFmtId"].flatMap(Int.init) ?? 0
            if Self.builtInDates.contains(id) || customDates.contains(id) { dateStyles.insert(index) }
            index += 1
        default: break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?
    ) {
        if local(element) == "cellXfs" { inCellFormats = false }
    }

    /// A format code shows a date when it has y, m, d outside quotes and brackets (not `0.00`).
    static func isDate(_ code: String) -> Bool {
        var quoted = false
        var bracket = false
        for character in code.lowercased() {
            switch character {
            case "\"": quoted.toggle()
            case "[": bracket = true
            case "]": bracket = false
            case "y",
                "d" where !quoted && !bracket:
                return true
            case "m" where !quoted && !bracket: return true
            default: break
            }
        }
        return false
    }
}

/// A worksheet: each row's cells as the text a return would hold.
final class SheetParser: NSObject, PartParser {
    let strings: [String]
    let dateStyles: Set<Int>
    let date1904: Bool
    var rows: [XLSXReader.Row] = []
    var failure: XLSXReader.Failure?

    private var rowNumber = 0
    private var cells: [String] = []
    private var column = 0
    private var type = ""
    private var style = 0
    private var value = ""
    private var inline = ""
    private var inValue = false
    private var inInline = false

    init(strings: [String], dateStyles: Set<Int>, date1904: Bool) {
        self.strings = strings
        self.dateStyles = dateStyles
        self.date1904 = date1904
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch local(element) {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells = []
            if rows.count >= XLSXReader.maximumRows || rowNumber > 1_048_576 {
                fail(
                    Phrase(
                        "工作表超过 \(XLSXReader.maximumRows) 行，拒绝读取",
                        "the sheet has over \(XLSXReader.maximumRows) rows; refused"))
                parser.abortParsing()
            }
        case "c":
            column = attributes["r"].flatMap(XLSXReader.columnIndex) ?? cells.count
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            value = ""
            inline = ""
            if column >= XLSXReader.maximumColumns { column = -1 }
        case "v": inValue = true
        case "is": inInline = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string } else if inInline { inline += string }
    }

    func parser(
        _ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch local(element) {
        case "v": inValue = false
        case "is": inInline = false
        case "c":
            guard column >= 0 else { return }
            while cells.count <= column { cells.append("") }
            cells[column] = text()
        case "row":
            // Trailing empty cells are left off; a row of nothing is not a row.
            while cells.last?.isEmpty == true { cells.removeLast() }
            if !cells.isEmpty { rows.append(XLSXReader.Row(number: rowNumber, cells: cells)) }
        default: break
        }
    }

    /// The cell as a return's text: strings as they are, booleans 1/0, numbers in plain digits,
    /// date-formatted numbers as YYYY-MM-DD, errors (#N/A) as they show.
    func text() -> String {
        switch type {
        case "s":
            guard let index = Int(value), strings.indices.contains(index) else { return "" }
            return strings[index]
        case "inlineStr": return inline
        case "str", "e", "b": return value
        default:
            guard let number = Double(value) else { return value }
            if dateStyles.contains(style), let day = XLSXReader.day(serial: number, date1904: date1904) {
                return day.description
            }
            return NumberText.plain(number)
        }
    }

    func fail(_ phrase: Phrase) { failure = XLSXReader.Failure(phrase: phrase) }
}

/// An element's name without its namespace prefix.
private func local(_ name: String) -> String {
    name.split(separator: ":").last.map(String.init) ?? name
}

enum NumberText {
    /// A number as plain digits (no exponent, no trailing .0): 48, 12.5, 0.3 for 0.30000000000000004.
    static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        // Fifteen significant digits, as a spreadsheet shows them.
        var text = String(format: "%.15g", value)
        if text.contains("e") { text = String(format: "%.10f", value) }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
