import RenewalModel
import RenewalText

/// Prints a `BulletinDocument` as plain text that pastes into WeChat or an e-mail: no table markup
/// (and no "·", which some CJK terminals draw two columns wide),
/// each table row a sentence ("G25-2 新能源汽车保有量… ✖ 逾期未完成：应达 10000辆，实际 9400辆，…").
enum BulletinText {
    static func render(_ document: BulletinDocument, _ language: Language) -> String {
        var out: [String] = []
        if let banner = document.banner {
            let rest = clean(banner.rest).drop { $0 == "：" || $0 == ":" || $0 == " " }
            out += [language.pick("【\(clean(banner.lead))】\(rest)", "[\(clean(banner.lead))] \(rest)"), ""]
        }
        out += [clean(document.title), clean(document.subtitle), ""]
        for section in document.sections {
            out.append(clean(section.heading))
            for block in section.blocks {
                switch block {
                case let .paragraph(text):
                    out.append(clean(text))
                case let .subheading(text):
                    out.append(language.pick("【\(clean(text))】", "[\(clean(text))]"))
                case let .table(table):
                    out += table.rows.map { "- " + sentence($0.cells, table, language) }
                case let .list(items):
                    out += items.map { "- " + ($0.lead.map { clean($0) + " " } ?? "") + clean($0.text) }
                }
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// A table row as one sentence: the cells before the first figure name the row, each figure
    /// follows with its column's title.
    static func sentence(_ cells: [String], _ table: BulletinDocument.Table, _ language: Language) -> String {
        let firstNumber = table.columns.firstIndex { $0.kind == .number } ?? table.columns.count
        let lead = cells.prefix(firstNumber).map(clean).joined(separator: " ")
        let rest = zip(table.columns, cells).dropFirst(firstNumber).map { "\(clean($0.title)) \(clean($1))" }
        return rest.isEmpty ? lead : lead + language.pick("：", ": ") + rest.joined(separator: language.pick("，", ", "))
    }

    /// Text from the store on one line, control characters made visible.
    static func clean(_ text: String) -> String {
        ControlCharacters.visible(text, allowing: [.newline]).replacingOccurrences(of: "\n", with: " ")
    }
}
