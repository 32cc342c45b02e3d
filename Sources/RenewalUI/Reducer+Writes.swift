import RenewalModel
import RenewalReports

/// The reducer's writes: the prompts that ask for a note, a date or a path, 催办 and 督办, the
/// return to today before a write (DESIGN §4), and the form kept until the store answers.
extension Reducer {
    /// The form whose save the store could not take (a lost connection, a full disk), open again with all it held and
    /// why (Enter tries again; Esc drops it).
    static func reopenSubmittedForm(_ state: inout AppState, saying why: String) {
        guard var form = state.submittedForm else { return }
        state.submittedForm = nil
        form.errors = [why]
        state.form = form
    }

    // MARK: - Writes and the date judged

    /// Every write goes through here: it is stamped with today, so while the screen shows another
    /// day the user is told so and offered today instead of writing what the screen will not show
    /// (DESIGN §4 "Writes and the as-of date").
    static func write(_ state: inout AppState, _ intent: WriteIntent) {
        guard state.data.asOf == state.data.today else {
            state.prompt = Prompt(purpose: .returnToToday(intent), text: "", error: nil)
            return
        }
        perform(&state, intent)
    }

    static func perform(_ state: inout AppState, _ intent: WriteIntent) {
        switch intent {
        case let .flag(item): startFlag(&state, item)
        case let .record(item): startForm(&state, item)
        case let .correct(item, entry): startCorrection(&state, item: item, entryId: entry)
        case let .remind(unit): startReminder(&state, unit: unit)
        case .importFile: state.prompt = Prompt(purpose: .importPath, text: "", error: nil)
        }
    }

    /// Back to today, then on with the write; a 催办 waits for today's reporting status.
    static func returnToToday(_ state: inout AppState, then intent: WriteIntent) {
        state.data = state.data.judged(asOf: state.data.today)
        state.prompt = nil
        state.message = state.pick("已回到今天（\(state.data.today)）", "Back to today (\(state.data.today))")
        if case .remind = intent, state.reportingStatus == nil {
            state.pendingWrite = intent
            return
        }
        perform(&state, intent)
    }

    /// `e`, or Enter on a report: its correction.
    static func correct(_ state: inout AppState) {
        guard case let .entry(id) = state.selectedRow, case let .target(item) = state.screen else {
            state.message = state.pick(
                "请先在指标详情的报送记录中用 j/k 选中一条记录", "Select a report (j/k) in a target's page first")
            state.messageIsError = true
            return
        }
        write(&state, .correct(itemId: item, entryId: id))
    }

    static func startFlag(_ state: inout AppState, _ item: String) {
        if state.data.isFlagged(item) {
            state.prompt = Prompt(purpose: .flagAction(itemId: item), text: "", error: nil)
        } else {
            state.prompt = Prompt(purpose: .flagNote(itemId: item), text: "", error: nil)
        }
    }

    /// 催办 (DESIGN §4): every unfinished item of the unit (or of every unit) that lacks the
    /// period's return and has no open flag, one flag each; the note, then the 反馈期限, are asked.
    static func startReminder(_ state: inout AppState, unit: String?) {
        guard let status = state.reportingStatus else { return }
        let open = Set(state.data.flags.filter(\.isOpen).map(\.itemId))
        let reminder = Reminder(status: status, plan: state.data.plan, openFlags: open, unit: unit)
        guard !reminder.isEmpty else {
            state.message = reminder.nothingToRemind(plan: state.data.plan, state.language)
            return
        }
        state.prompt = Prompt(purpose: .remind(reminder), text: reminder.defaultNote(state.language), error: nil)
    }

    /// The changes from `since` to the date judged (the data in memory, judged again: no I/O).
    static func changes(_ data: AppData, since: Day, _ language: Language) -> StatusChanges {
        let before = StatusEngine(plan: data.plan).evaluate(entries: data.entries, flags: data.flags, asOf: since)
        return StatusChanges(plan: data.plan, before: before, now: data.evaluation, language: language)
    }

    /// Days a 催办 gives before its 反馈期限.
    static let reminderDays = 10

    /// A 反馈期限 typed in a prompt: a date, today or later (it counts from today, whatever day is shown).
    static func followUpDay(_ text: String, _ prompt: inout Prompt, _ state: AppState) -> Day? {
        guard let day = Day(text), day >= state.data.today else {
            prompt.error = state.pick("反馈期限应为不早于今天的 YYYY-MM-DD", "Use a YYYY-MM-DD from today on")
            return nil
        }
        return day
    }

    static func handlePrompt(_ state: inout AppState, _ key: Key, _ effects: inout [Effect]) {
        guard var prompt = state.prompt else { return }
        switch prompt.purpose {
        case let .flagAction(item):
            switch key.normalizedForNavigation {
            case .char("r"), .char("R"):
                // A reply names its unit: chosen among the item's units when there are several.
                let units = RecordForm.unitChoices(for: item, in: state.data.plan)
                state.prompt =
                    units.count > 1
                    ? Prompt(purpose: .replyUnit(itemId: item, units: units, chosen: 0), text: "", error: nil)
                    : Prompt(purpose: .reply(itemId: item, unit: units.first), text: "", error: nil)
            case .char("c"), .char("C"):
                state.prompt = Prompt(purpose: .close(itemId: item), text: "", error: nil)
            case .escape, .char("n"), .char("N"):
                state.prompt = nil
            default:
                break
            }
            return
        case let .replyUnit(item, units, chosen):
            switch key.normalizedForNavigation {
            case .left, .up, .char("h"), .char("k"):
                state.prompt?.purpose = .replyUnit(itemId: item, units: units, chosen: max(0, chosen - 1))
            case .right, .down, .tab, .char("l"), .char("j"):
                state.prompt?.purpose = .replyUnit(itemId: item, units: units, chosen: min(units.count - 1, chosen + 1))
            case .enter:
                state.prompt = Prompt(purpose: .reply(itemId: item, unit: units[chosen]), text: "", error: nil)
            case .escape:
                state.prompt = nil
            default:
                break
            }
            return
        case let .returnToToday(intent):
            switch key.normalizedForNavigation {
            case .enter, .char("y"), .char("Y"), .char("t"), .char("T"):
                returnToToday(&state, then: intent)
            case .escape, .char("n"), .char("N"), .char("q"):
                state.prompt = nil
                state.message = state.pick("未写入", "Nothing written")
            default:
                break
            }
            return
        case .flagNote, .flagFollowUp, .reply, .close, .asOf, .remind, .remindFollowUp, .changesSince, .export,
            .importPath:
            break
        }
        switch key {
        case .escape:
            state.prompt = nil
            return
        case .enter:
            let text = prompt.text.trimmingSpaces
            switch prompt.purpose {
            case let .flagNote(item):
                guard !text.isEmpty else {
                    prompt.error = state.pick("请填写督办说明", "A note is required")
                    state.prompt = prompt
                    return
                }
                // Then the 反馈期限, prefilled ten days from today (Enter accepts it).
                let followUp = state.data.today.adding(days: reminderDays)
                state.prompt = Prompt(
                    purpose: .flagFollowUp(itemId: item, note: text), text: followUp.description, error: nil,
                    replacesOnType: true)
            case let .flagFollowUp(item, note):
                guard let day = followUpDay(text, &prompt, state) else {
                    state.prompt = prompt
                    return
                }
                effects.append(.flag(itemId: item, note: note, followUp: day))
                state.prompt = nil
                state.message = state.pick("已督办：\(item)，反馈期限 \(day)", "Flagged \(item), reply due \(day)")
            case let .reply(item, _), let .close(item):
                guard !text.isEmpty else {
                    prompt.error = state.pick("请填写说明", "A note is required")
                    state.prompt = prompt
                    return
                }
                if case let .reply(_, unit) = prompt.purpose {
                    effects.append(.reply(itemId: item, note: text, unit: unit))
                    let who = unit.map { state.data.plan.unitName($0, state.language, short: true) }
                    state.message =
                        who.map { state.pick("已记录\($0)的反馈：\(item)", "Reply from \($0) recorded: \(item)") }
                        ?? state.pick("已记录反馈：\(item)", "Reply recorded: \(item)")
                } else {
                    effects.append(.unflag(itemId: item, note: text))
                    state.message = state.pick("已办结：\(item)", "Closed: \(item)")
                }
                state.prompt = nil
            case .asOf:
                guard let day = Day(text) else {
                    prompt.error = state.pick("日期格式应为 YYYY-MM-DD", "Use YYYY-MM-DD")
                    state.prompt = prompt
                    return
                }
                state.data = state.data.judged(asOf: day)
                state.prompt = nil
                state.message = state.pick("截至日期：\(day)", "As of \(day)")
            case .importPath:
                guard !text.isEmpty else {
                    prompt.error = state.pick("请填写文件路径", "A file path is required")
                    state.prompt = prompt
                    return
                }
                effects.append(.importFile(path: text))
                state.prompt = nil
            case let .export(table):
                guard !text.isEmpty else {
                    prompt.error = state.pick("请填写文件名", "A file name is required")
                    state.prompt = prompt
                    return
                }
                effects.append(.export(table, path: text))
                state.prompt = nil
            case .changesSince:
                guard let day = Day(text), day < state.data.asOf else {
                    prompt.error = state.pick("请输入早于截至日期的 YYYY-MM-DD", "Use a YYYY-MM-DD before the as-of date")
                    state.prompt = prompt
                    return
                }
                state.changesSince = day
                state.changes = nil
                state.prompt = nil
            case let .remind(reminder):
                guard !text.isEmpty else {
                    prompt.error = state.pick("请填写催办说明", "A note is required")
                    state.prompt = prompt
                    return
                }
                state.prompt = Prompt(
                    purpose: .remindFollowUp(reminder, note: text),
                    text: state.data.today.adding(days: reminderDays).description, error: nil, replacesOnType: true)
            case let .remindFollowUp(reminder, note):
                guard let day = followUpDay(text, &prompt, state) else {
                    state.prompt = prompt
                    return
                }
                effects.append(.remind(itemIds: reminder.items.map(\.itemId), note: note, followUp: day))
                state.prompt = nil
                state.message =
                    reminder.summary(state.language, done: true) + state.pick("，反馈期限 \(day)", ", reply by \(day)")
            case .flagAction, .replyUnit, .returnToToday:
                break
            }
            return
        default:
            if prompt.replacesOnType, case .char = key { prompt.text = "" }
            prompt.replacesOnType = false
            prompt.field.edit(key)
            prompt.error = nil
            state.prompt = prompt
        }
    }
}
