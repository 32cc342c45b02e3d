import ArgumentParser
import Foundation
import RenewalModel
import RenewalPlanText
import RenewalStore
import RenewalText

/// `renewal plan draft PLAN.txt -o draft.json`: a plan as published, drafted in format 2, every
/// guess marked 请核对 for a person to confirm (`renewal plan check` lists what is left).
struct PlanDraftCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "draft",
            abstract: CommandLanguage.pick(
                "从方案原文（印发通知、标题、各级标题、单位括号、目标句）起草第 2 版格式的方案文件；须人工核对之处标“请核对”。",
                "Draft a plan file in format 2 from the plan as published (notice, title, headings, unit brackets, "
                    + "target sentences); whatever a person must confirm is marked for checking."))
    }

    @Argument(
        help: .bilingual("方案原文（UTF-8 或 GB18030 文本）。", "The plan's text (UTF-8 or GB18030).", valueName: "PLAN.txt"))
    var text: String

    @Option(
        name: .shortAndLong,
        help: .bilingual(
            "写入的草稿文件（已有的文件在原处改写）。", "The draft file to write (an existing one is written in place).",
            valueName: "file"))
    var output: String

    @OptionGroup var lang: LanguageOption

    func run() throws {
        let language = lang.language
        guard let data = FileManager.default.contents(atPath: text) else {
            let shown = ControlCharacters.visible(text)
            throw CLIError("无法读取方案原文：\(shown)", "cannot read the plan's text: \(shown)")
        }
        guard let decoded = TextDecoding.decode(data) else {
            throw CLIError(
                "方案原文不是 UTF-8 或 GB18030 文本：\(ControlCharacters.visible(text))",
                "the plan's text is neither UTF-8 nor GB18030: \(ControlCharacters.visible(text))")
        }
        let draft = PlanDraft.make(from: decoded.text)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        let bytes = try encoder.encode(draft) + Data("\n".utf8)
        do { try UserFile.write(bytes, to: output) } catch { throw CLIError(error.phrase) }
        let review = PlanReview(document: draft, text: String(decoding: bytes, as: UTF8.self))
        Console.print(
            language.pick(
                "已写出方案草稿：\(output)（\(review.counts.zh)）；\(review.checks.count) 处请核对，"
                    + "用 renewal plan check \(output) 查看",
                "Wrote a draft plan: \(output) (\(review.counts.en)); \(review.checks.count) places to check: "
                    + "see renewal plan check \(output)"))
    }
}

/// `renewal plan check FILE`: what stops a plan file from loading, and a draft's notes still to
/// confirm, each with the line of the file and the id it is about.
struct PlanCheckCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check",
            abstract: CommandLanguage.pick(
                "检查方案文件：列出使其无法使用的问题，以及草稿中尚待核对之处（行号与编号）。有问题时退出码为 1。",
                "Check a plan file: what stops it from being used, and a draft's notes still to confirm (line and id). "
                    + "Exits 1 when it cannot be used."))
    }

    @Argument(help: .bilingual("方案文件。", "The plan file.", valueName: "FILE"))
    var file: String

    @OptionGroup var lang: LanguageOption

    func run() throws {
        let language = lang.language
        let shown = ControlCharacters.visible(file)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError("无法读取方案文件：\(shown)", "cannot read the plan file: \(shown)")
        }
        let text = String(decoding: data, as: UTF8.self)
        if PlanDocument.format(of: data) != PlanDocument.currentFormat {
            // Format 1 (Linqing's plan.json), or a newer one refused: what every command does with it.
            do { _ = try PlanLoader.load(json: data) } catch let error as PlanError { throw CLIError(error.phrase) }
            Console.print(language.pick("\(shown)：第 1 版格式，问题 0 处。", "\(shown): format 1, no problems."))
            return
        }
        let document: PlanDocument
        do {
            document = try JSONDecoder().decode(PlanDocument.self, from: data)
        } catch let error as DecodingError {
            throw CLIError(PlanError.from(error).phrase)
        } catch {
            throw CLIError("方案文件不是 JSON：\(shown)", "the plan file is not JSON: \(shown)")
        }
        let review = PlanReview(document: document, text: text)
        var problems: [(line: Int?, phrase: Phrase)] = []
        do {
            let plan = try document.plan()
            // In file order: a person works down the file.
            problems = plan.problems().map { (review.line(of: $0), $0) }.sorted {
                ($0.line ?? .max) < ($1.line ?? .max)
            }
        } catch let error as PlanError {
            problems = [(nil, error.phrase)]
        }
        Console.print(shown + language.pick("：", ": ") + review.counts.text(language))
        for (line, phrase) in problems {
            Console.print(
                language.pick("问题", "problem") + (line.map { language.pick("（第 \($0) 行）", " (line \($0))") } ?? "")
                    + language.pick("：", ": ") + phrase.text(language))
        }
        for check in review.checks {
            let place = check.line.map { language.pick("第 \($0) 行 ", "line \($0), ") } ?? ""
            Console.print(
                language.pick("请核对（\(place)\(check.id)）：", "check (\(place)\(check.id)): ") + check.note.text(language))
        }
        let english = Language.en
        let summary = Phrase(
            "问题 \(problems.count) 处，请核对 \(review.checks.count) 处",
            english.count(problems.count, "", "problem") + ", " + english.count(review.checks.count, "", "place")
                + " to check")
        guard problems.isEmpty else {
            throw CLIError("方案文件尚不能使用：\(summary.zh)", "the plan file cannot be used yet: \(summary.en)")
        }
        Console.print(summary.text(language) + language.pick("。", "."))
    }
}

/// What a plan file holds and what a person must still check in it, with the line of each id.
struct PlanReview {
    let counts: Phrase
    let checks: [(id: String, line: Int?, note: Phrase)]
    private let lines: [Substring]

    init(document: PlanDocument, text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var nodes = 0, targets = 0
        var checks: [(id: String, line: Int?, note: Phrase)] = (document.check ?? []).map { ("document", nil, $0) }
        func visit(_ node: PlanNode) {
            nodes += 1
            for note in node.check ?? [] { checks.append((node.id, nil, note)) }
            for target in node.targets ?? [] {
                targets += 1
                for note in target.check ?? [] { checks.append((target.target.id, nil, note)) }
            }
            (node.children ?? []).forEach(visit)
        }
        document.nodes.forEach(visit)
        counts = Phrase(
            "\(nodes) 个标题节点、\(targets) 项指标、\(document.units.count) 个单位",
            "\(nodes) headings, \(targets) targets, \(document.units.count) units")
        let lines = self.lines
        self.checks = checks.map { ($0.id, Self.line(of: $0.id, in: lines), $0.note) }
    }

    /// The line (from 1) where the node or target with this id is written.
    static func line(of id: String, in lines: [Substring]) -> Int? {
        let key = "\"id\" : \"\(id)\"", compact = "\"id\": \"\(id)\""
        return lines.firstIndex { $0.contains(key) || $0.contains(compact) }.map { $0 + 1 }
    }

    /// The line of the first id a problem names (指标 X / target X, 措施 X / measure X).
    func line(of problem: Phrase) -> Int? {
        for word in problem.en.split(separator: " ") {
            let id = word.trimmingCharacters(in: CharacterSet(charactersIn: ",:;()"))
            if !id.isEmpty, let line = Self.line(of: id, in: lines) { return line }
        }
        return nil
    }
}
