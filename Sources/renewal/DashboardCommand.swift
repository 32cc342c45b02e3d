import ArgumentParser
import Foundation
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

    /// How often the store is checked for other people's changes.
    static let pollInterval: TimeInterval = 1.5

    func run() throws {
        let language = options.lang.language
        // Staff who may only read the store can still browse it; writing then says why not.
        let writable =
            options.source.demo || options.source.isServer
            || FileManager.default.isWritableFile(atPath: options.source.storePath)
        let first = try DashboardData.loadFirst(options.source, access: writable ? .browse : .read, asOf: options.day)
        let (plan, opened, data) = (first.plan, first.opened, first.data)
        let store = opened.store
        var entriesComplete = first.complete

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
        var token = (try? store.changeToken()) ?? ""
        var lastPoll = Date()
        var failure: String?
        var quitting = false

        /// Reads the store again and hands the result to the reducer.
        func reloaded() -> Message? {
            do {
                let fresh = try DashboardData.load(
                    plan: plan, store: store, asOf: state.data.asOf, isSample: opened.isDemo)
                token = (try? store.changeToken()) ?? token
                return .dataLoaded(fresh)
            } catch {
                state.message = ErrorText.text(error, language)
                state.messageIsError = true
                return nil
            }
        }

        /// A path typed in a prompt, relative to the folder the dashboard was started from.
        func inCurrentFolder(_ path: String) -> URL {
            URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        }

        /// Runs one effect; what it learned comes back as a message for the reducer.
        func run(_ effect: Effect) throws -> Message? {
            switch effect {
            case .quit:
                quitting = true
                return nil
            case .reload:
                return reloaded()
            case .loadHistory, .loadLatestReports:
                return DashboardData.read(effect, store: store)
            case let .export(table, path):
                let url = inCurrentFolder(path)
                let data: Data
                if path.lowercased().hasSuffix(".xlsx") {
                    data = try XLSXFile.data(ExportWorkbook.make(table))
                } else if path.lowercased().hasSuffix(".csv") {
                    data = CSVExport.encode(
                        header: table.csvRows[0], rows: table.csvRows.dropFirst().map { $0.map { .text($0) } })
                } else {
                    data = Data(table.markdown().utf8)
                }
                try OutputFile.write(data, to: url.path)
                state.message = language.pick("已导出到 \(url.path)", "Exported to \(url.path)")
                return nil
            case let .importFile(path):
                // The same reading and checks as `renewal import`: all rows or none.
                let file = inCurrentFolder(path).path
                let checked: EntriesCSV.Return
                do {
                    checked = try ImportCommand.checkedReturn(
                        file: file, plan: plan, language: language, encoding: nil, showsProgress: false)
                } catch let error as CLIError {
                    // Every problem on the one message line (the first ones show; nothing was stored).
                    state.message = error.phrase.text(language).replacingOccurrences(
                        of: "\n", with: language.pick("；", "; "))
                    state.messageIsError = true
                    return nil
                }
                let outcome = try ReturnImporter.run(
                    checked, file: file, store: store, by: RecorderOptions.currentUser, at: Today.timestamp(),
                    dryRun: false)
                state.message = language.pick(
                    "已导入 \(outcome.added) 条，跳过重复 \(outcome.duplicateLines.count) 条、未填写 \(outcome.blankLines.count) 行",
                    "Imported \(language.count(outcome.added, "", "entry", "entries")); "
                        + "\(outcome.duplicateLines.count) duplicate and \(outcome.blankLines.count) blank rows skipped"
                )
                return reloaded()
            case let .remind(itemIds, note, followUp):
                // One flag per item, each with the 反馈期限, in one transaction; an item already under
                // an open flag keeps it.
                try store.flag(
                    itemIds: itemIds, note: note, by: RecorderOptions.currentUser, at: Today.timestamp(),
                    followUp: followUp)
                return reloaded()
            case let .flag(itemId, note, followUp):
                try store.flag(
                    itemId: itemId, note: note, by: RecorderOptions.currentUser, at: Today.timestamp(),
                    followUp: followUp)
                return reloaded()
            case let .reply(itemId, note, unit):
                try store.reply(
                    itemId: itemId, note: note, unit: unit, by: RecorderOptions.currentUser, at: Today.timestamp())
                return reloaded()
            case let .unflag(itemId, note):
                _ = try store.unflag(itemId: itemId, by: RecorderOptions.currentUser, at: Today.timestamp(), note: note)
                return reloaded()
            case let .record(draft):
                let entry = NewEntry(
                    itemId: draft.itemId, date: draft.date, value: draft.value, milestone: draft.milestone,
                    progress: draft.progress, problems: draft.problems, nextSteps: draft.nextSteps,
                    reportingUnit: draft.reportingUnit, recordedBy: RecorderOptions.currentUser,
                    recordedAt: Today.timestamp(), corrects: draft.corrects, reason: draft.reason, origin: "dashboard")
                // The same rules as `renewal record`, decided in the write transaction: a repeat
                // adds nothing, another figure for the same day needs a correction (with its
                // reason). A correction names the entry it replaces and is appended (一事一记).
                switch try store.record(entry) {
                case .stored:
                    return reloaded()
                case let .duplicate(existing):
                    state.message = language.pick(
                        "与已有记录 #\(existing.id) 完全相同，未重复记录", "Same as entry #\(existing.id); nothing recorded")
                    return nil
                case let .conflict(existing) where draft.corrects != nil:
                    state.message = language.pick(
                        "\(entry.itemId) 在 \(entry.date) 已有记录 #\(existing.id)，数值不同；更正不能覆盖它，"
                            + "请先更正 #\(existing.id)，或改用其他日期",
                        "\(entry.itemId) already has entry #\(existing.id) for \(entry.date) with another figure; "
                            + "a correction cannot override it: correct #\(existing.id) first, or use another date")
                    state.messageIsError = true
                    return nil
                case let .conflict(existing):
                    state.message = language.pick(
                        "\(entry.itemId) 在 \(entry.date) 已有记录 #\(existing.id)，数值不同；"
                            + "更正请在指标详情中选中该记录按 e",
                        "\(entry.itemId) already has entry #\(existing.id) for \(entry.date) with another figure; "
                            + "to correct it, select it in the target's page and press e"
                    )
                    state.messageIsError = true
                    return nil
                }
            }
        }

        /// The Elm loop's inner turn: a message through the reducer, its effects run, and their
        /// answers fed back until nothing is left to do.
        func send(_ message: Message) {
            var pending = [message]
            while !pending.isEmpty {
                let (next, effects) = Reducer.update(state, pending.removeFirst())
                state = next
                for effect in effects {
                    do {
                        if let answer = try run(effect) { pending.append(answer) }
                    } catch {
                        failure = ErrorText.text(error, language)
                        state.message = failure
                        state.messageIsError = true
                    }
                }
            }
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
                if let full = reloaded() { send(full) }
                continue
            }
            guard let key = session.readKey(timeout: 250) else {
                if Date().timeIntervalSince(lastPoll) >= Self.pollInterval {
                    lastPoll = Date()
                    if let current = try? store.changeToken(), current != token, let fresh = reloaded() { send(fresh) }
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
