import Foundation
import Testing

/// The outputs scripts and readers depend on, byte for byte: every report's JSON and text, and the
/// bulletin as Markdown, HTML and CSV, from the demo data as of 2026-12-05 (临期 visible), in both
/// languages. A refactor of the presentation layer must leave them identical; a deliberate change
/// re-records them with `RECORD_GOLDEN=1 swift test --filter GoldenOutputTests` and says why in
/// DECISIONS.md.
@Suite("Golden outputs")
struct GoldenOutputTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Golden")
    static let asOf = "2026-12-05"

    /// File name stem and the command that writes it (`-o` for CSV, stdout otherwise).
    static let outputs: [(String, [String])] = [
        ("summary", ["summary", "--json"]), ("summary", ["summary"]),
        ("overdue", ["overdue", "--json"]), ("overdue", ["overdue"]),
        ("show4", ["show", "4", "--json"]), ("show4", ["show", "4"]),
        ("showG25-2", ["show", "G25-2", "--json"]),
        ("report", ["report", "--json"]), ("report", ["report"]),
        ("report", ["report", "--format", "html"]), ("report", ["report", "--format", "csv"]),
        ("report", ["report", "--format", "text"]),
    ]

    static var cases: [(String, [String], String)] {
        outputs.flatMap { stem, arguments in ["zh", "en"].map { (stem, arguments, $0) } }
    }

    /// Linqing's plan in format 2 (issue 24: "expressed in it with nothing lost"): every output is
    /// the golden one, byte for byte.
    static let formatTwo = CLI.root.appending(path: "Data/examples/plans/linqing.json").path

    static func fileExtension(_ arguments: [String]) -> String {
        if arguments.contains("--json") { return "json" }
        if let index = arguments.firstIndex(of: "--format") { return arguments[index + 1] }
        return arguments.first == "report" ? "md" : "txt"
    }

    @Test(arguments: cases, [false, true])
    func outputIsUnchanged(_ output: (String, [String], String), planInFormat2: Bool) throws {
        let (stem, arguments, language) = output
        let name = "\(stem)-\(Self.asOf)-\(language).\(Self.fileExtension(arguments))"
        let file = Self.folder.appending(path: name)
        var command = arguments + ["--demo", "--as-of", Self.asOf, "--lang", language]
        let scratch = FileManager.default.temporaryDirectory.appending(path: "renewal-golden-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let writesFile = arguments.contains("csv")
        if writesFile { command += ["-o", scratch.path] }
        let result = try CLI.run(command, environment: planInFormat2 ? ["RENEWAL_PLAN": Self.formatTwo] : [:])
        #expect(result.status == 0, "\(command): \(result.stderr)")
        let produced = writesFile ? try Data(contentsOf: scratch) : Data(result.stdout.utf8)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1", !planInFormat2 {
            try produced.write(to: file)
            return
        }
        let stored = try Data(contentsOf: file)
        #expect(stored == produced, "\(name)\(planInFormat2 ? " (plan in format 2)" : "") differs from the golden file")
    }
}
