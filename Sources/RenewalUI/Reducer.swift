import RenewalModel
import RenewalReports

/// `update(state, key) -> (state, effects)`: every key's meaning, with no terminal and no store.
public enum Reducer {
    public static func update(_ state: AppState, _ key: Key) -> (AppState, [Effect]) {
        update(state, .key(key))
    }

    /// Every message: keys, and the answers to effects. Whatever happened, the screen shown
    /// afterwards gets the history it needs asked for (once).
    public static func update(_ state: AppState, _ message: Message) -> (AppState, [Effect]) {
        var state = state
        var effects: [Effect] = []
        switch message {
        case let .key(key):
            (state, effects) = handleKey(state, key)
        case .started:
            break
        case let .notice(text, isError):
            state.message = text
            state.messageIsError = isError
            // An answer (the same entry stands; another figure does, to be corrected from its page).
            state.submittedForm = nil
        case let .failed(text):
            state.message = text
            state.messageIsError = true
            reopenSubmittedForm(&state, saying: text)
        case let .dataLoaded(data):
            // Read again after a save: the submitted form was stored.
            state.submittedForm = nil
            state.data = data
            state.histories = [:]
            state.reporting = nil
            state.changes = nil
        case let .historyLoaded(items, entries):
            state.histories[items] = entries.map { .loaded($0) } ?? .failed
        case let .latestReportsLoaded(asOf, reports):
            // Unreadable store: the entries held, attributed to their items' lead units.
            let known = reports ?? LatestReport.from(state.data.entries, asOf: asOf)
            defer {
                // A 催办 asked for before today's status had arrived goes on now.
                if let pending = state.pendingWrite, state.reportingStatus != nil {
                    state.pendingWrite = nil
                    perform(&state, pending)
                }
            }
            state.reporting = (
                asOf,
                ReportingStatus(
                    plan: state.data.plan,
                    evaluation: asOf == state.data.asOf
                        ? state.data.evaluation : state.data.judged(asOf: asOf).evaluation,
                    reports: known, language: state.language, width: state.width, isSample: state.data.isSample)
            )
        }
        if state.screen == .changes {
            let since = state.changesSince ?? Bulletin.monthBefore(state.data.asOf)
            if state.changes.map({ $0.asOf != state.data.asOf.description || $0.since != since.description }) ?? true {
                state.changes = changes(state.data, since: since, state.language)
            }
        }
        if state.screen == .reporting, state.reporting?.asOf != state.data.asOf {
            state.reporting = (state.data.asOf, nil)
            effects.append(.loadLatestReports(asOf: state.data.asOf))
        }
        if let items = state.historyItems(for: state.screen), state.histories[items] == nil {
            state.histories[items] = .loading
            effects.append(.loadHistory(items: items))
        }
        return (state, effects)
    }

    static func handleKey(_ state: AppState, _ key: Key) -> (AppState, [Effect]) {
        var state = state
        var effects: [Effect] = []
        switch key {
        case let .resize(width, height):
            state.width = width
            state.height = height
            return (state, [])
        case .tick:
            if state.pendingDigit != nil {
                state.pendingDigitTicks += 1
                if state.pendingDigitTicks >= AppState.digitWaitTicks { state.pendingDigit = nil }
            }
            return (state, [])
        case .ctrl("c"):
            return (state, [.quit])
        default:
            break
        }
        state.message = nil
        state.messageIsError = false
        if state.isTooSmall {
            // Only quitting works on the too-small screen.
            if case .char("q") = key.normalizedForNavigation { effects.append(.quit) }
            return (state, effects)
        }
        if state.form != nil {
            handleForm(&state, key, &effects)
        } else if state.prompt != nil {
            handlePrompt(&state, key, &effects)
        } else if state.screen == .search && state.searchEditing {
            handleSearchInput(&state, key)
        } else {
            handleNavigation(&state, key.normalizedForNavigation, &effects)
        }
        return (state, effects)
    }

    // MARK: - Navigation

    static func handleNavigation(_ state: inout AppState, _ key: Key, _ effects: inout [Effect]) {
        let pendingDigit = state.pendingDigit
        state.pendingDigit = nil
        let screen = state.screen
        let count = state.rows(for: screen).count
        let columns = screen == .overview ? Layout.overviewColumns(width: state.width) : 1
        let page = max(1, Layout.bodyHeight(state.height) - 2)
        func move(_ delta: Int) {
            guard count > 0 else { return }
            state.selection[screen] = min(count - 1, max(0, state.selectedIndex + delta))
            state.scroll[screen] = nil
        }
        guard let action = Keymap.action(for: key, on: screen) else { return }
        switch action {
        case .quit:
            if state.stack.count > 1 { pop(&state) } else { effects.append(.quit) }
        case .quitNow:
            effects.append(.quit)
        case .back:
            pop(&state)
        case .left:
            if screen == .overview { move(-1) } else { pop(&state) }
        case .right:
            if screen == .overview { move(1) } else { open(&state) }
        case .open:
            open(&state)
        case .down:
            move(columns)
        case .up:
            move(-columns)
        case .pageDown:
            if isPage(screen) { state.scroll[screen] = (state.scroll[screen] ?? 0) + page } else { move(page) }
        case .pageUp:
            if isPage(screen) {
                state.scroll[screen] = max(0, (state.scroll[screen] ?? page) - page)
            } else {
                move(-page)
            }
        case .first:
            if isPage(screen) { state.scroll[screen] = 0 }
            move(-count)
        case .last:
            move(count)
        case let .digit(digit):
            let panels = state.rows(for: .overview).count
            if pendingDigit == 1 && 10 + digit <= panels {
                jump(&state, toPanel: 10 + digit)
            } else if digit == 1 {
                jump(&state, toPanel: 1)
                // 1 then another digit reaches the eleventh panel on, where a plan has that many.
                if panels > 10 {
                    state.pendingDigit = 1
                    state.pendingDigitTicks = 0
                }
            } else {
                jump(&state, toPanel: digit == 0 ? 10 : digit)
            }
        case .overdue:
            openView(&state, .overdue)
        case .reporting:
            openView(&state, .reporting)
        case .changes:
            openView(&state, .changes)
        case .export:
            state.prompt = Prompt(
                purpose: .export(ExportView.table(state)), text: ExportView.defaultName(state), error: nil,
                replacesOnType: true)
        case .changesSince:
            let since = state.changesSince ?? Bulletin.monthBefore(state.data.asOf)
            state.prompt = Prompt(purpose: .changesSince, text: since.description, error: nil, replacesOnType: true)
        case .remind:
            guard case let .unit(name)? = state.selectedRow else { return }
            write(&state, .remind(unit: name))
        case .remindAll:
            write(&state, .remind(unit: nil))
        case .ledger:
            openView(&state, .ledger)
        case .showClosed:
            state.ledgerShowsClosed.toggle()
            state.selection[.ledger] = 0
            state.scroll[.ledger] = nil
        case .units:
            openView(&state, .units)
        case .search:
            push(&state, .search)
            state.searchEditing = true
        case .help:
            openView(&state, .help)
        case .nextTab:
            let all = OverdueTab.allCases
            state.overdueTab = all[((all.firstIndex(of: state.overdueTab) ?? 0) + 1) % all.count]
            state.selection[.overdue] = 0
        case .sort:
            // The cursor stays on its unit in the new order.
            let selected = state.selectedRow
            let all = UnitSort.allCases
            state.unitSort = all[((all.firstIndex(of: state.unitSort) ?? 0) + 1) % all.count]
            state.selection[.units] = state.rows(for: .units).firstIndex { $0 == selected } ?? 0
        case .flag:
            guard let item = actionItem(state) else {
                state.message = state.pick("请先选择一个措施或指标", "Select a measure or target first")
                state.messageIsError = true
                return
            }
            write(&state, .flag(itemId: item))
        case .record:
            guard let item = actionItem(state) else {
                state.message = state.pick("请先选择一个指标", "Select a target first")
                state.messageIsError = true
                return
            }
            write(&state, .record(itemId: item))
        case .correct:
            correct(&state)
        case .asOf:
            state.prompt = Prompt(purpose: .asOf, text: state.data.asOf.description, error: nil, replacesOnType: true)
        case .importFile:
            write(&state, .importFile)
        case .reload:
            effects.append(.reload)
            state.message = state.pick("已重新读取数据", "Reloaded")
        }
    }

    static func isPage(_ screen: Screen) -> Bool {
        switch screen {
        case .measure, .target, .help: return true
        default: return false
        }
    }

    static func push(_ state: inout AppState, _ screen: Screen) {
        if state.screen == screen { return }
        state.stack.append(screen)
    }

    /// A view key (`o`, `b`, `c`, `d`, `?`): back to that view when it is already open beneath
    /// (as it was left, so Esc reaches the overview in as many presses as the breadcrumb has parts);
    /// otherwise opened fresh, from its first row and first tab, never in the state an earlier
    /// visit left it (issue 21).
    static func openView(_ state: inout AppState, _ screen: Screen) {
        if let index = state.stack.lastIndex(of: screen) {
            state.stack = Array(state.stack[...index])
            return
        }
        state.selection[screen] = 0
        state.scroll[screen] = nil
        if screen == .overdue { state.overdueTab = .late }
        state.stack.append(screen)
    }

    static func pop(_ state: inout AppState) {
        if state.screen == .search { state.searchEditing = false }
        if state.stack.count > 1 { state.stack.removeLast() }
    }

    /// The overview's panels in order (Linqing's: 1 the overall targets, 2–12 its programmes,
    /// which the plan numbers alike). Jumps start from the overview.
    static func jump(_ state: inout AppState, toPanel position: Int) {
        let panels = state.rows(for: .overview)
        guard position >= 1, position <= panels.count else { return }
        switch panels[position - 1] {
        case .overallPanel: state.stack = [.overview, .overall]
        case let .programme(number): state.stack = [.overview, .programme(number)]
        default: return
        }
        state.selection[.overview] = position - 1
    }

    static func open(_ state: inout AppState) {
        guard let row = state.selectedRow else { return }
        switch row {
        case .overallPanel:
            push(&state, .overall)
        case let .programme(number):
            push(&state, .programme(number))
        case let .measure(number):
            if state.screen != .measure(number) { push(&state, .measure(number)) }
        case let .target(id):
            push(&state, .target(id))
            state.scroll[.target(id)] = nil
        case let .unit(name):
            push(&state, .unitItems(name))
        case .entry:
            // A report opens as its correction form: that is all there is to do with one.
            correct(&state)
        case let .flag(id):
            // A ledger line opens the flagged item's page.
            guard let flag = state.data.flags.first(where: { $0.id == id }) else { return }
            if let measure = state.data.plan.measure(itemId: flag.itemId) {
                push(&state, .measure(measure.number))
            } else if state.data.plan.target(id: flag.itemId) != nil {
                push(&state, .target(flag.itemId))
                state.scroll[.target(flag.itemId)] = nil
            }
        }
        if state.screen != .search { state.searchEditing = false }
    }

    // MARK: - Flags

    /// The item `f` and `u` act on: a target, or a measure (for a measure without targets).
    static func actionItem(_ state: AppState) -> String? {
        // On a target's page, f and u act on the target (its rows are the measures it belongs to).
        if case let .target(id) = state.screen { return id }
        switch state.selectedRow {
        case let .target(id): return id
        case let .measure(number): return state.data.plan.measure(number: number)?.itemId
        case let .flag(id): return state.data.flags.first { $0.id == id }?.itemId
        default: return nil
        }
    }

    // MARK: - Search

    static func handleSearchInput(_ state: inout AppState, _ key: Key) {
        switch key {
        case .escape:
            state.searchEditing = false
            pop(&state)
        case .enter:
            if state.searchResults.isEmpty { return }
            state.searchEditing = false
            open(&state)
        case .down, .tab:
            // Leave the box for the results: j/k move, Enter opens, / types again.
            state.searchEditing = false
        case .backspace:
            if state.searchQuery.isEmpty {
                // Backspace on an empty box closes the box only (a held key must not pop views).
                state.searchEditing = false
                return
            }
            state.searchField.edit(key)
            state.selection[.search] = 0
        default:
            state.searchField.edit(key)
            state.selection[.search] = 0
        }
    }
}
