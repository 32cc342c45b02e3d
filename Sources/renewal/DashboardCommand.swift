import ArgumentParser
import Foundation
import RenewalModel
import RenewalStore
import RenewalTerminal
import RenewalUI

/// `renewal` (or `renewal tui`): the dashboard.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "The dashboard (the default when no command is given): a panel per programme, drill-down, o for everything overdue."
    )

    @OptionGroup var options: DashboardOptions

    /// How often the store is checked for other people's changes.
    static let pollInterval: TimeInterval = 1.5

    func run() throws {
        let language = try options.lang.parsed()
        let plan = try options.source.plan()
        let opened = try options.source.openStore(plan: plan)
        let store = opened.store
        let data = try DashboardData.load(plan: plan, store: store, asOf: try options.parsedAsOf(), isSample: opened.isDemo)

        let session: TerminalSession
        do {
            session = try TerminalSession()
        } catch {
            throw CLIError("\(error)")
        }
        defer { session.stop() }
        let ascii = options.ascii || ProcessInfo.processInfo.environment["RENEWAL_ASCII"] == "1"
        var state = AppState(data: data, language: language, theme: Theme(color: session.color, ascii: ascii),
                             width: session.width, height: session.height)
        var token = (try? store.changeToken()) ?? ""
        var lastPoll = Date()
        var failure: String?

        func reload() {
            do {
                let fresh = try DashboardData.load(plan: plan, store: store, asOf: state.data.asOf, isSample: opened.isDemo)
                state.data = fresh
                token = (try? store.changeToken()) ?? token
            } catch {
                state.message = "\(error)"
                state.messageIsError = true
            }
        }

        // For the end-to-end test of crash recovery only: die after the first frame.
        let crashForTest = ProcessInfo.processInfo.environment["RENEWAL_TEST_CRASH_AFTER_FIRST_FRAME"] == "1"
        loop: while !session.quitRequested {
            session.draw(Renderer.render(state))
            if crashForTest { fatalError("crash requested by RENEWAL_TEST_CRASH_AFTER_FIRST_FRAME") }
            guard let key = session.readKey(timeout: 250) else {
                if Date().timeIntervalSince(lastPoll) >= Self.pollInterval {
                    lastPoll = Date()
                    if let current = try? store.changeToken(), current != token { reload() }
                }
                continue
            }
            let (next, effects) = Reducer.update(state, key)
            state = next
            for effect in effects {
                do {
                    switch effect {
                    case .quit:
                        break loop
                    case .reload:
                        reload()
                    case let .flag(itemId, note):
                        try store.flag(itemId: itemId, note: note, by: RecorderOptions.currentUser, at: Today.timestamp(), followUp: nil)
                        reload()
                    case let .unflag(itemId):
                        _ = try store.unflag(itemId: itemId, by: RecorderOptions.currentUser, at: Today.timestamp())
                        reload()
                    case let .record(draft):
                        let unit = plan.leadUnits(forItem: draft.itemId).first
                        try store.append(NewEntry(itemId: draft.itemId, date: draft.date, value: draft.value, milestone: draft.milestone,
                                                  progress: draft.progress, problems: draft.problems, nextSteps: draft.nextSteps,
                                                  reportingUnit: unit, recordedBy: RecorderOptions.currentUser, recordedAt: Today.timestamp(),
                                                  origin: "dashboard"))
                        reload()
                    }
                } catch {
                    failure = "\(error)"
                    state.message = "\(error)"
                    state.messageIsError = true
                }
            }
        }
        session.stop()
        if let failure { FileHandle.standardError.write(Data("renewal: last error: \(failure)\n".utf8)) }
    }
}
