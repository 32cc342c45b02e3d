import RenewalModel
import RenewalText

/// Prints a `BulletinDocument` as one self-contained HTML page for A4.
enum BulletinHTML {
    static func render(_ document: BulletinDocument, language: Language) -> String {
        var body: [String] = []
        if let banner = document.banner { body.append("<p class=\"sample\">\(h(banner.lead + banner.rest))</p>") }
        body.append("<h1>\(h(document.title))</h1>")
        body.append("<p class=\"asof\">\(h(document.subtitle))</p>")
        for section in document.sections {
            body.append("<h2>\(h(section.heading))</h2>")
            for block in section.blocks {
                switch block {
                case let .paragraph(text):
                    body.append("<p>\(h(text))</p>")
                case let .subheading(text):
                    body.append("<h3>\(h(text))</h3>")
                case let .table(table):
                    body += self.table(table)
                case let .list(items):
                    body.append(
                        "<ul>"
                            + items.map { "<li>" + ($0.lead.map { "<b>\(h($0))</b> " } ?? "") + h($0.text) + "</li>" }
                            .joined() + "</ul>")
                }
            }
        }
        return page(title: document.title, language: language, body: body.joined(separator: "\n"))
    }

    static func table(_ table: BulletinDocument.Table) -> [String] {
        func cellClass(_ kind: BulletinDocument.Table.Kind) -> String {
            switch kind {
            case .text: return ""
            case .number: return " class=\"n\""
            case .status: return " class=\"st\""
            }
        }
        let header = table.columns.map { "<th\($0.kind == .number ? " class=\"n\"" : "")>\(h($0.title))</th>" }.joined()
        var lines = ["<table><thead><tr>\(header)</tr></thead><tbody>"]
        for row in table.rows {
            let cells = zip(row.cells, table.columns).map { "<td\(cellClass($1.kind))>\(h($0))</td>" }.joined()
            // The dashboard's lights (DESIGN §4 亮灯) by class; the mark in the text prints in black and white.
            lines.append("<tr class=\"light-\(row.status.light) s-\(row.status.code)\">\(cells)</tr>")
        }
        lines.append("</tbody></table>")
        return lines
    }

    static func page(title: String, language: Language, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language == .zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <title>\(h(title))</title>
        <style>
        @page { size: A4; margin: 18mm 15mm; }
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
               font-size: 11pt; line-height: 1.5; color: #111; max-width: 60em; margin: 2em auto; }
        h1 { font-size: 18pt; text-align: center; margin-bottom: 0.2em; }
        .asof { text-align: center; color: #444; margin-top: 0; }
        h2 { font-size: 14pt; border-bottom: 1px solid #999; margin-top: 1.4em; }
        h3 { font-size: 12pt; margin-bottom: 0.3em; }
        table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; }
        th, td { border: 1px solid #bbb; padding: 3px 6px; vertical-align: top; }
        th { background: #eee; }
        td.n, th.n { text-align: right; white-space: nowrap; }
        td.st { white-space: nowrap; }
        tr.light-red td.st { color: #c62828; }
        tr.light-yellow td.st { color: #9a7400; }
        tr.light-blue td.st { color: #1565c0; }
        tr.light-green td.st { color: #2e7d32; }
        tr.light-purple td.st { color: #7b1fa2; }
        tr.light-gray td.st { color: #757575; }
        tr.s-overdue td.st, tr.s-done td.st, tr.s-doneLate td.st { font-weight: bold; }
        .sample { border: 2px solid #c05000; padding: 0.4em 0.8em; color: #c05000; font-weight: bold; }
        @media print { body { margin: 0; max-width: none; } tr, li { page-break-inside: avoid; }
                       h2, h3 { page-break-after: avoid; } }
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// HTML-escaped text, control characters made visible.
    static func h(_ text: String) -> String {
        var out = ""
        for character in ControlCharacters.visible(text, allowing: [.newline]) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
