import RenewalText

/// What a dashboard view shows, as a table for a file (`x`): a title, column names and rows of
/// text. Written as Markdown here, or as CSV for Excel/WPS by the shell.
public struct ExportTable: Sendable, Equatable {
    public var title: String
    public var header: [String]
    public var rows: [[String]]
    /// Said on the first line of the file: 示例数据 for anything made from `--demo` (DESIGN §5).
    public var banner: String?

    public init(title: String, header: [String], rows: [[String]], banner: String? = nil) {
        self.title = title
        self.header = header
        self.rows = rows
        self.banner = banner
    }

    /// The rows of the CSV form: the title (the as-of day, and what it compares or reports) on
    /// the first line, after the banner when there is one; then the header and the rows.
    public var csvRows: [[String]] {
        [[(banner.map { $0 + " " } ?? "") + title], header] + rows
    }

    /// A Markdown document: the banner, the title, then one table; text from the store escaped.
    public func markdown() -> String {
        var out = banner.map { ["> " + BulletinMarkdown.md($0), ""] } ?? []
        out += ["# " + BulletinMarkdown.md(title), ""]
        out.append("| " + header.map(BulletinMarkdown.md).joined(separator: " | ") + " |")
        out.append("|" + header.map { _ in "---" }.joined(separator: "|") + "|")
        for row in rows { out.append("| " + row.map(BulletinMarkdown.md).joined(separator: " | ") + " |") }
        return out.joined(separator: "\n") + "\n"
    }
}
