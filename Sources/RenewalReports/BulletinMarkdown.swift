import RenewalText

/// Prints a `BulletinDocument` as Markdown: every block followed by a blank line.
enum BulletinMarkdown {
    static func render(_ document: BulletinDocument) -> String {
        var out: [String] = []
        if let banner = document.banner { out += ["> **\(md(banner.lead))**\(md(banner.rest))", ""] }
        out += ["# \(md(document.title))", "", md(document.subtitle), ""]
        for section in document.sections {
            out += ["## \(md(section.heading))", ""]
            for block in section.blocks {
                switch block {
                case let .paragraph(text):
                    out.append(md(text))
                case let .subheading(text):
                    out.append("### \(md(text))")
                case let .table(table):
                    out.append("| " + table.columns.map { md($0.title) }.joined(separator: " | ") + " |")
                    out.append(
                        "|" + table.columns.map { $0.kind == .number ? "---:" : "---" }.joined(separator: "|") + "|")
                    for row in table.rows { out.append("| " + row.cells.map(md).joined(separator: " | ") + " |") }
                case let .list(items):
                    for item in items { out.append("- " + (item.lead.map { "**\(md($0))** " } ?? "") + md(item.text)) }
                }
                out.append("")
            }
        }
        return out.joined(separator: "\n")
    }

    /// Markdown-safe text from the store: control characters made visible, line breaks
    /// flattened (a table row is one line), and every character Markdown would act on
    /// (emphasis, links, code, inline HTML, table pipes) escaped with a backslash.
    static func md(_ text: String) -> String {
        var out = ""
        for character in ControlCharacters.visible(text, allowing: [.newline]) {
            switch character {
            case "\n", "\r\n": out += " "
            case "\\", "|", "*", "_", "`", "[", "]", "<", ">", "#", "~": out += "\\" + String(character)
            default: out.append(character)
            }
        }
        return out
    }
}
