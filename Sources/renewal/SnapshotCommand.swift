import ArgumentParser
import Foundation
import RenewalApp
import RenewalModel
import RenewalStore
import RenewalUI

/// Options the dashboard and its snapshots share.
struct DashboardOptions: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: .bilingual("按此日期判定（默认今天）。", "Judge as of this day (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: Day?

    @OptionGroup var lang: LanguageOption

    @Flag(
        name: .long,
        help: .bilingual(
            "用 ASCII 字符画边框和进度条（适用于把 ─ │ █ 显示为双宽的终端）。",
            "Draw borders and bars in ASCII (for terminals that draw ─ │ █ double width)."))
    var ascii = false

    @OptionGroup var source: StoreOptions

    var day: Day { asOf ?? Today.day() }
}

/// `renewal snapshot`: one frame of the dashboard on stdout, with no terminal.
struct SnapshotCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "snapshot",
            abstract: CommandLanguage.pick(
                "输出仪表盘的一帧（纯文本，--color 带 ANSI 颜色），供测试、脚本和截图使用。",
                "Print one frame of the dashboard (plain text, or ANSI colour with --color), for tests, "
                    + "scripts and screenshots."
            )
        )
    }

    @Option(
        name: .long,
        help: .bilingual(
            "视图；programme、measure 后跟序号，target 后跟指标编号，search 后跟文字。",
            "The view; programme and measure take a number, target an id, search a text."))
    var view: SnapshotView = .overview

    @Argument(
        help: .bilingual(
            "--view programme/measure/search 的工程序号、措施序号或搜索文字。",
            "The programme or measure number, or the search text, for --view programme/measure/search."))
    var viewArgument: String?

    @Option(name: .long, help: .bilingual("宽x高，各不超过 1000。", "WIDTHxHEIGHT, each at most 1000.", valueName: "WxH"))
    var size = ScreenSize(argument: "120x40")!

    @Flag(name: .long, help: .bilingual("带 ANSI 颜色和属性。", "ANSI colours and attributes."))
    var color = false

    @OptionGroup var options: DashboardOptions

    func run() throws {
        let language = options.lang.language
        // Like the dashboard's first frame, from the judging digest when it is current; but the
        // changes view compares with an earlier day, which needs every entry.
        let (workspace, data, _) = try DashboardEffects.firstLoad(
            options.source.workspaceSource, access: .read, asOf: options.day, everyEntry: view == .changes)
        let plan = workspace.plan
        let effects = DashboardEffects(
            workspace: workspace, language: language, folder: FileManager.default.currentDirectoryPath,
            recorder: Recorder.currentUser)
        var state = AppState(
            data: data, language: language, theme: Theme(color: color, ascii: options.ascii),
            width: size.width, height: size.height)
        let number = viewArgument.flatMap { Int($0) }
        switch view {
        case .overview: break
        case .overall: state.stack = [.overview, .overall]
        case .programme:
            guard let number, plan.programmes.contains(where: { $0.number == number }) else {
                throw CLIError("--view programme 需要一个部分序号（2–12）", "--view programme needs a section number, 2–12")
            }
            state.stack = [.overview, .programme(number)]
        case .measure:
            guard let number, let programme = plan.programme(containing: number) else {
                throw CLIError("--view measure 需要一个措施序号（1–34）", "--view measure needs a measure number, 1–34")
            }
            state.stack = [.overview, .programme(programme.number), .measure(number)]
            state.selection[.programme(programme.number)] = programme.measures.firstIndex { $0.number == number } ?? 0
        case .target:
            let id = (viewArgument ?? "").trimmingCharacters(in: .whitespaces).uppercased()
            guard plan.target(id: id) != nil else {
                throw CLIError(
                    "--view target 需要一个指标编号（如 G25-2、M04-1）", "--view target needs a target id, e.g. G25-2 or M04-1")
            }
            state.stack = [.overview, .target(id)]
        case .overdue: state.stack = [.overview, .overdue]
        case .reporting: state.stack = [.overview, .reporting]
        case .changes: state.stack = [.overview, .changes]
        case .units: state.stack = [.overview, .units]
        case .ledger: state.stack = [.overview, .ledger]
        case .search:
            state.stack = [.overview, .search]
            state.searchQuery = viewArgument ?? ""
        case .help: state.stack = [.overview, .help]
        }
        // One turn of the dashboard's loop: the frame shows what its screen asks of the store.
        let (started, asked) = Reducer.update(state, .started)
        state = started
        for effect in asked {
            for answer in effects.runReading(effect, asOf: state.data.asOf) { state = Reducer.update(state, answer).0 }
        }
        let grid = Renderer.render(state)
        if color {
            FileHandle.standardOutput.write(Data(grid.ansi().utf8))
        } else {
            Console.print(grid.lines.map { $0 }.joined(separator: "\n"))
        }
    }
}
