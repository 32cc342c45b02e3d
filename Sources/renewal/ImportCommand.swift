import ArgumentParser
import Foundation
import RenewalApp
import RenewalModel
import RenewalStore
import RenewalText
import RenewalWorkbook

/// `renewal import`: a filled return into the store; all rows or none.
struct ImportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: CommandLanguage.pick(
                "导入填好的报表（CSV，UTF-8 或 GBK）。先逐行检查，有错则不写入任何数据。",
                "Import a filled return (CSV, UTF-8 or GBK). Every row is checked first; a bad file writes nothing.")
        )
    }

    @Argument(
        help: .bilingual(
            "填好的报表：CSV 文件，列同 renewal template 生成的模板", "The return: a CSV file with the columns of renewal template.",
            valueName: "file"))
    var file: String

    @Flag(
        name: .customLong("dry-run"),
        help: ArgumentHelp(
            CommandLanguage.pick(
                "只检查文件并说明将导入什么，不写入任何数据",
                "Check the file and say what would be imported; write nothing.")))
    var dryRun = false

    @Option(
        name: .customLong("encoding"),
        help: .bilingual(
            "文件编码：utf-8 或 gb18030（默认自动识别）", "The file's encoding: utf-8 or gb18030 (default: recognised).",
            valueName: "utf-8|gb18030"))
    var encoding: EncodingName?

    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var source: StoreOptions

    @OptionGroup var lang: LanguageOption

    /// Files with more rows than this show progress on stderr.
    static let progressThreshold = 2000

    func run() throws {
        let language = lang.language
        let forced = parsedEncoding()
        let loaded = try source.loadPlan()
        let plan = loaded.plan
        let checked = try ReturnReading.checked(
            file: file, plan: plan, today: Today.day(), encoding: forced
        ) { rows in
            if rows % 5000 == 0 { Console.note(language.pick("已校验 \(rows) 行…", "checked \(rows) rows…")) }
        }
        // A dry run never creates a store: with none yet, nothing it holds can repeat a row.
        let store: (any ProgressStore)?
        if dryRun && !source.demo && !source.workspaceSource.storeMayExist {
            store = nil
        } else {
            store = try source.workspace(loaded, access: dryRun ? .read : .write).store
        }
        let large = checked.rows.count > Self.progressThreshold
        if large && !dryRun {
            Console.note(language.pick("写入中：\(checked.rows.count) 行…", "writing \(checked.rows.count) rows…"))
        }
        let outcome = try ReturnImporter.run(
            checked, file: file, store: store, by: recorder.name, at: Today.timestamp(),
            dryRun: dryRun
        ) { done, total in
            if large && done > 0 && done < total && done % 10000 == 0 {
                Console.note(language.pick("已写入 \(done)/\(total)…", "wrote \(done)/\(total)…"))
            }
        }
        report(outcome, checked: checked, language: language)
        if source.demo { Console.print(SampleBanner.nothingKept(language)) }
    }

    /// The summary: what was (or would be) imported, skipped and why, in which encoding.
    func report(_ outcome: ReturnImporter.Outcome, checked: EntriesCSV.Return, language: Language) {
        let duplicates = outcome.duplicateLines.count, blanks = outcome.blankLines.count
        let encoding = outcome.encoding.rawValue
        if outcome.dryRun {
            Console.print(
                language.pick(
                    "检查通过（\(encoding)）：将导入 \(outcome.added) 条，跳过重复 \(duplicates) 条、未填写 \(blanks) 行。未写入任何数据。",
                    "Check passed (\(encoding)): \(language.count(outcome.added, "", "entry", "entries")) "
                        + "would be imported, "
                        + "\(language.count(duplicates, "", "duplicate")) and "
                        + "\(language.count(blanks, "", "blank row")) skipped. "
                        + "Nothing was written."
                ))
        } else {
            Console.print(
                language.pick(
                    "已导入 \(outcome.added) 条（\(encoding)），跳过重复 \(duplicates) 条、未填写 \(blanks) 行。",
                    "Imported \(language.count(outcome.added, "", "entry", "entries")) (\(encoding)); "
                        + "skipped \(language.count(duplicates, "", "duplicate")) "
                        + "and \(language.count(blanks, "", "blank row"))."
                ))
        }
        if outcome.encoding == .gb18030 {
            Console.print(
                language.pick(
                    "注意：文件不是 UTF-8，已按 GB18030（GBK）读取；如有乱码，请用 --encoding 指定编码或另存为“CSV UTF-8”。",
                    "Note: the file is not UTF-8 and was read as GB18030 (GBK); if the text looks wrong, "
                        + "give --encoding or save it as \"CSV UTF-8\"."
                ))
            if outcome.dryRun && !checked.sample.isEmpty {
                Console.print(language.pick("读出的文字示例：", "Sample of the text as read:"))
                for text in checked.sample {
                    Console.print("  " + TextLayout.truncate(ControlCharacters.visible(text), to: 76, ellipsis: true))
                }
            }
        }
        if duplicates > 0 {
            Console.print(language.pick("重复行：", "Duplicate lines: ") + Self.lineList(outcome.duplicateLines))
        }
        if blanks > 0 { Console.print(language.pick("未填写的行：", "Blank lines: ") + Self.lineList(outcome.blankLines)) }
    }

    static func lineList(_ lines: [Int]) -> String {
        lines.prefix(10).map(String.init).joined(separator: ", ") + (lines.count > 10 ? "…" : "")
    }

    func parsedEncoding() -> TextDecoding.Encoding? { encoding?.encoding }
}
