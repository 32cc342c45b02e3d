import ArgumentParser
import Foundation
import RenewalModel
import RenewalStore
import RenewalUI

/// Loads what the dashboard shows from the plan and the store.
enum DashboardData {
    /// Entries are read without their text (judging needs none of it); the measure view's
    /// history reads its items' complete entries from the store when it is shown.
    static func load(plan: Plan, store: ProgressStore, asOf: Day, isSample: Bool) throws -> AppData {
        AppData(plan: plan, entries: try store.entries(detail: .judging), flags: try store.flags(), asOf: asOf,
                today: Today.day(), isSample: isSample, history: EntryHistory { try store.entries(for: Set($0)) })
    }
}

/// Options the dashboard and its snapshots share.
struct DashboardOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Judge as of this day, YYYY-MM-DD (default: today).")
    var asOf: String?

    @OptionGroup var lang: LanguageOption

    @Flag(name: .long, help: "Draw borders and bars in ASCII (for terminals that draw ─ │ █ double width).")
    var ascii = false

    @OptionGroup var source: StoreOptions

    func parsedAsOf() throws -> Day {
        guard let text = asOf else { return Today.day() }
        guard let day = Day(text) else { throw CLIError("--as-of \"\(text)\" is not a date; use YYYY-MM-DD, e.g. --as-of 2026-11-29") }
        return day
    }
}

/// `renewal snapshot`: one frame of the dashboard on stdout, with no terminal.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Print one frame of the dashboard (plain text, or ANSI colour with --color), for tests, scripts and screenshots."
    )

    @Option(name: .long, help: "overview, overall, programme N, measure N, overdue, units, search TEXT or help.")
    var view: String = "overview"

    @Argument(help: "The programme or measure number, or the search text, for --view programme/measure/search.")
    var viewArgument: String?

    @Option(name: .long, help: "WIDTHxHEIGHT (default 120x40).")
    var size: String = "120x40"

    @Flag(name: .long, help: "ANSI colours and attributes.")
    var color = false

    @OptionGroup var options: DashboardOptions

    func run() throws {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] >= 0, parts[1] >= 0, parts[0] <= 1000, parts[1] <= 1000 else {
            throw CLIError("--size \"\(size)\" is not WIDTHxHEIGHT, e.g. 120x40")
        }
        let language = try options.lang.parsed()
        let plan = try options.source.plan()
        let opened = try options.source.openStore(plan: plan)
        let data = try DashboardData.load(plan: plan, store: opened.store, asOf: try options.parsedAsOf(), isSample: opened.isDemo)
        var state = AppState(data: data, language: language, theme: Theme(color: color, ascii: options.ascii), width: parts[0], height: parts[1])
        var words = view.split(separator: " ").map(String.init)
        if let viewArgument { words.append(viewArgument) }
        let number = words.count > 1 ? Int(words[1]) : nil
        switch words.first ?? "overview" {
        case "overview": break
        case "overall": state.stack = [.overview, .overall]
        case "programme", "program":
            guard let number, plan.programmes.contains(where: { $0.number == number }) else { throw CLIError("--view programme needs a section number, 2–12") }
            state.stack = [.overview, .programme(number)]
        case "measure":
            guard let number, let programme = plan.programme(containing: number) else { throw CLIError("--view measure needs a measure number, 1–34") }
            state.stack = [.overview, .programme(programme.number), .measure(number)]
            state.selection[.programme(programme.number)] = programme.measures.firstIndex { $0.number == number } ?? 0
        case "overdue": state.stack = [.overview, .overdue]
        case "units": state.stack = [.overview, .units]
        case "search":
            state.stack = [.overview, .search]
            state.searchQuery = words.dropFirst().joined(separator: " ")
        case "help": state.stack = [.overview, .help]
        default:
            throw CLIError("unknown --view \"\(view)\"; use overview, overall, programme N, measure N, overdue, units, search TEXT or help")
        }
        let grid = Renderer.render(state)
        if color {
            FileHandle.standardOutput.write(Data(grid.ansi().utf8))
        } else {
            print(grid.lines.map { $0 }.joined(separator: "\n"))
        }
    }
}
