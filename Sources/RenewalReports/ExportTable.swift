import RenewalText

/// What a dashboard view shows, as a table for a file (`x`): a title, column names and rows of
/// text. Written as Markdown here, or as CSV for Excel/WPS by the shell.
public struct ExportTable: Sendable, Equatable {
    public var title: String
    public var header: [String]
    public var rows: [[String]]

    public init(title: String, header: [String], rows: [[String]]) {
        self.title = title
        self.header = header
        self.rows = rows
    }

    /// A Markdown document: the title, then one table; text from the store escaped.
    public func markdown() -> String {
        var out = ["# " + BulletinMarkdown.md(title), ""]
        out.append("| " + header.map(BulletinMarkdown.md).joined(separator: " | ") + " |")
        out.append("|" + header.map { _ in "---" }.joined(separator: "|") + "|")
        for row in rows { out.append("| " + row.map(BulletinMarkdown.md).joined(separator: " | ") + " |") }
        return out.joined(separator: "\n") + "\n"
    }
}
