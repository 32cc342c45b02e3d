import ArgumentParser
import Foundation
import RenewalModel
import RenewalStore

/// `renewal import`: a filled return into the store; all rows or none.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a filled return (CSV, UTF-8 or GBK). Every row is checked first; a bad file writes nothing."
    )

    @Argument(help: "The return: CSV with the columns of `renewal template` (README: \"Entries CSV\").")
    var file: String

    @Flag(name: .customLong("dry-run"), help: "Check the file and say what would be imported; write nothing.")
    var dryRun = false

    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var source: StoreOptions

    @OptionGroup var lang: LanguageOption

    /// Files with more rows than this show progress on stderr.
    static let progressThreshold = 2000

    func run() throws {
        let language = try lang.parsed()
        let plan = try source.plan()
        let stderr = FileHandle.standardError
        func note(_ text: String) { stderr.write(Data((text + "\n").utf8)) }
        let checked: EntriesCSV.Return
        do {
            checked = try EntriesCSV.readReturn(path: file, plan: plan, today: Today.day()) { rows in
                if rows % 5000 == 0 { note(language.pick("已校验 \(rows) 行…", "checked \(rows) rows…")) }
            }
        } catch let error as EntriesError {
            let count = error.problems.count
            let summary = language.pick("\(file)：\(count) 处错误，未导入任何数据。", "\(file): \(count) problems; nothing was imported.")
            throw CLIError(error.description + "\n" + summary)
        }
        let opened = try source.openStore(plan: plan)
        let large = checked.rows.count > Self.progressThreshold
        if large && !dryRun { note(language.pick("写入中：\(checked.rows.count) 行…", "writing \(checked.rows.count) rows…")) }
        let outcome = try ReturnImporter.run(checked, file: file, store: opened.store, by: recorder.name, at: Today.timestamp(),
                                             dryRun: dryRun) { done, total in
            if large && done > 0 && done < total && done % 10000 == 0 {
                note(language.pick("已写入 \(done)/\(total)…", "wrote \(done)/\(total)…"))
            }
        }
        let duplicates = outcome.duplicateLines.count
        let lines = outcome.duplicateLines.prefix(10).map(String.init).joined(separator: ", ")
            + (duplicates > 10 ? "…" : "")
        if dryRun {
            print(language.pick("检查通过（\(outcome.encoding.rawValue)）：将导入 \(outcome.added) 条，\(duplicates) 条与已有记录重复将跳过。未写入任何数据。",
                                "Check passed (\(outcome.encoding.rawValue)): \(outcome.added) entries would be imported, \(duplicates) duplicates skipped. Nothing was written."))
        } else {
            print(language.pick("已导入 \(outcome.added) 条（\(outcome.encoding.rawValue)），跳过重复 \(duplicates) 条。",
                                "Imported \(outcome.added) entries (\(outcome.encoding.rawValue)); skipped \(duplicates) duplicates."))
        }
        if duplicates > 0 { print(language.pick("重复行：\(lines)", "Duplicate lines: \(lines)")) }
    }
}

/// `renewal template`: the return form for a unit, ready for Excel or WPS.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write the return form for one unit (or all): one row per target it leads, to fill in Excel or WPS."
    )

    @Option(name: .long, help: "The unit (full or short name); default: every target.")
    var unit: String?

    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.")
    var output: String?

    @Option(name: .long, help: "Date to pre-fill (default: empty).")
    var date: String?

    @Option(name: .customLong("plan"), help: "Use this plan file instead of the built-in one (also RENEWAL_PLAN).")
    var planPath: String?

    func run() throws {
        let plan: Plan
        do { plan = try PlanLoader.resolve(path: planPath) } catch { throw CLIError("cannot load the plan: \(error)") }
        var selected: PlanUnit?
        if let unit {
            guard let found = plan.unit(named: unit.trimmingCharacters(in: .whitespaces)) else {
                throw CLIError("unknown unit \"\(unit)\"; use a full or short name: \(plan.units.map(\.short).joined(separator: "、"))")
            }
            selected = found
        }
        if let date, Day(date) == nil { throw CLIError("--date \"\(date)\" is not a date; use YYYY-MM-DD") }
        let data = ReturnTemplate.csv(plan: plan, unit: selected, date: date ?? "")
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: data) else {
                throw CLIError("cannot write \(output)")
            }
            let rows = ReturnTemplate.rows(plan: plan, unit: selected, date: "").count
            FileHandle.standardError.write(Data("wrote \(output): \(rows) rows\n".utf8))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
