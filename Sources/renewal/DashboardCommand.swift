import ArgumentParser
import Foundation
import RenewalApp
import RenewalModel
import RenewalStore
import RenewalTerminal
import RenewalUI
import RenewalWorkbook

/// `renewal` (or `renewal tui`): the dashboard.
struct DashboardCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "tui",
            abstract: CommandLanguage.pick(
                "仪表盘（不带命令时默认打开）：每项工程一个面板，可逐级查看，按 o 列出全部逾期事项。",
                "The dashboard (the default when no command is given): a panel per programme, drill-down, "
                    + "o for everything overdue."
            )
        )
    }

    @OptionGroup var options: DashboardOptions

    /// How often a store without a change watch (a file) is checked for other people's changes.
    static let pollInterval: TimeInterval = 1.5

    func run() throws {
        let language = options.lang.language
        let source = options.source.workspaceSource
        // Staff who may only read the store can still browse it; writing then says why not.
        let (workspace, data, complete) = try DashboardEffects.firstLoad(
            source, access: source.mayWrite ? .browse : .read, asOf: options.day)
        if workspace.store.created, !workspace.isDemo { StoreOptions.noteCreated(workspace.store) }
        let store = workspace.store
        let effects = DashboardEffects(
            workspace: workspace, language: language, folder: FileManager.default.currentDirectoryPath,
            recorder: Recorder.currentUser)
        var entriesComplete = complete
        // A shared server announces changes; a file is asked now and then.
        let watch = store.watchChanges()
        defer { watch?.stop() }

        let session: TerminalSession
        do {
            session = try TerminalSession()
        } catch {
            throw CLIError((error as? TerminalSession.StartError)?.phrase ?? ErrorText.phrase(error))
        }
        defer { session.stop() }
        let ascii = options.ascii || ProcessInfo.processInfo.environment["RENEWAL_ASCII"] == "1"
        var state = AppState(
            data: data, language: language, theme: Theme(color: session.color, ascii: ascii),
            width: session.width, height: session.height)
        // A revised plan file is said on the key bar until the first key (stderr is hidden).
        state.message = workspace.planNote?.text(language)
        var token = (try? store.changeToken()) ?? ""
        var lastPoll = Date()
        var failure: String?
        var quitting = false

        /// One effect run (`DashboardEffects`), its answers for the reducer.
        func answers(_ effect: Effect) -> [Message] {
            if case .quit = effect { quitting = true }
            // The token is read first: a change made while the store is read is then seen later.
            let before = try? store.changeToken()
            let answers = effects.run(effect, asOf: state.data.asOf)
            for case let .failed(text) in answers { failure = text }
            if let before, answers.contains(where: { if case .dataLoaded = $0 { true } else { false } }) {
                token = before
            }
            return answers
        }

        /// The Elm loop's inner turn: a message through the reducer, its effects run, and their
        /// answers fed back until nothing is left to do.
        func send(_ message: Message) {
            var pending = [message]
            while !pending.isEmpty {
                let (next, asked) = Reducer.update(state, pending.removeFirst())
                state = next
                for effect in asked { pending += answers(effect) }
            }
        }

        /// The store read again (another process wrote, or the first frame came from the digest).
        func reload() {
            for answer in answers(.reload) { send(answer) }
        }

        // For the end-to-end test of crash recovery only: die after the first frame.
        let crashForTest = ProcessInfo.processInfo.environment["RENEWAL_TEST_CRASH_AFTER_FIRST_FRAME"] == "1"
        send(.started)
        while !session.quitRequested && !quitting {
            session.draw(Renderer.render(state))
            if crashForTest { fatalError("crash requested by RENEWAL_TEST_CRASH_AFTER_FIRST_FRAME") }
            if !entriesComplete {
                // The first frame came from the digest; every entry is read before the first key.
                entriesComplete = true
                reload()
                continue
            }
            guard let key = session.readKey(timeout: 250) else {
                if let watch {
                    // PostgreSQL tells of every write (LISTEN): read again only when told, and
                    // not for our own write, already read.
                    let news = watch.news()
                    if let connection = news.connection { send(effects.notice(connection)) }
                    if news.connection == .restored {
                        reload()  // what was written while away was not announced to us
                    } else if news.changed, let current = try? store.changeToken(), current != token {
                        reload()
                    }
                } else if Date().timeIntervalSince(lastPoll) >= Self.pollInterval {
                    lastPoll = Date()
                    if let current = try? store.changeToken(), current != token { reload() }
                }
                // Time passing matters to the reducer only for a digit waiting for a second one.
                if state.pendingDigit != nil { send(.key(.tick)) }
                continue
            }
            send(.key(key))
        }
        session.stop()
        if let failure { Console.note(language.pick("renewal：最后一个错误：", "renewal: last error: ") + failure) }
    }
}
