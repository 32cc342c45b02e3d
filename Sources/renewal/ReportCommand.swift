import ArgumentParser
import Foundation
import RenewalReports
import RenewalStore

/// `renewal report`: the month's bulletin (通报) in Markdown, HTML or CSV.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The bulletin (通报): situation and change, highlights, overdue by unit, flagged, units not reported."
    )

    @Option(name: .long, help: "md (default), html or csv.")
    var format: String = "md"

    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.")
    var output: String?

    @Flag(name: .long, help: "The bulletin's data as JSON.")
    var json = false

    @OptionGroup var options: ReportOptions

    func run() throws {
        let inputs = try options.load()
        let bulletin = Bulletin(context: inputs.context)
        if json { try JSONOutput.print(bulletin); return }
        let data: Data
        switch format.lowercased() {
        case "md", "markdown": data = Data(bulletin.markdown().utf8)
        case "html": data = Data(bulletin.html().utf8)
        case "csv":
            let table = bulletin.csvTable()
            data = CSVExport.encode(header: table.header, rows: table.rows.map { $0.map { cell in
                switch cell {
                case let .text(text): return .text(text)
                case let .number(value): return .number(value)
                }
            } })
        default:
            throw CLIError("--format must be md, html or csv (got \"\(format)\")")
        }
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: data) else { throw CLIError("cannot write \(output)") }
            FileHandle.standardError.write(Data("wrote \(output)\n".utf8))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
