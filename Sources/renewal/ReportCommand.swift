import ArgumentParser
import Foundation
import RenewalApp
import RenewalModel
import RenewalReports
import RenewalStore
import RenewalText
import RenewalWorkbook

/// `renewal report`: the month's bulletin (通报) in Markdown, HTML or CSV.
struct ReportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report",
            abstract: CommandLanguage.pick(
                "工作进展通报：总体情况和变化、亮点、按单位列出逾期事项、督办事项、未报送单位。",
                "The bulletin: situation and change, highlights, overdue by unit, flagged, units not reported.")
        )
    }

    @Option(
        name: .long,
        help: .bilingual(
            "通报的格式（默认按 -o 文件的扩展名，否则 md）。", "The bulletin's format (default: from the -o file's extension, else md).",
            valueName: "md|html|csv|text|xlsx"))
    var format: BulletinFormat?

    @Option(name: .shortAndLong, help: .bilingual("写入此文件，而不是标准输出。", "Write to this file instead of stdout."))
    var output: String?

    @Flag(name: .long, help: .bilingual("以 JSON 输出通报数据。", "The bulletin's data as JSON."))
    var json = false

    @OptionGroup var options: ReportOptions

    func run() throws {
        let inputs = try options.load()
        let bulletin = Bulletin(context: inputs.context)
        if json {
            try JSONOutput.print(bulletin)
            return
        }
        let format = self.format ?? output.flatMap { BulletinFormat(fileName: $0) } ?? .md
        if format == .xlsx && output == nil && isatty(STDOUT_FILENO) != 0 {
            throw CLIError(
                "xlsx 工作簿不能输出到终端：请用 -o 文件名.xlsx", "an xlsx workbook cannot go to a terminal: use -o FILE.xlsx")
        }
        let data: Data
        switch format {
        case .xlsx: data = try XLSXFile.data(BulletinWorkbook.make(bulletin, context: inputs.context))
        case .md: data = Data(bulletin.markdown().utf8)
        case .html: data = Data(bulletin.html().utf8)
        case .text: data = Data(bulletin.plainText().utf8)
        case .csv:
            let table = bulletin.csvTable()
            data = CSVExport.encode(
                header: table.header,
                rows: table.rows.map {
                    $0.map { cell in
                        switch cell {
                        case let .text(text): return .text(text)
                        case let .number(value): return .number(value)
                        }
                    }
                })
        }
        if let output {
            try OutputFile.write(data, to: output)
            Console.note(CommandLanguage.pick("已写入 \(output)", "Wrote \(output)"))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
