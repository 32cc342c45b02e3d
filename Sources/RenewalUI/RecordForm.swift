import RenewalModel

/// The record-progress form (`u`), or the correction form (`e` on a report in a target's page):
/// what a department files for one item, field by field.
public struct RecordForm: Sendable, Equatable {
    public enum Field: Int, Sendable, CaseIterable {
        /// 填报单位: one of the item's lead or responsible units (←/→ or Space cycles).
        case unit
        /// The figure, or a milestone's state (←/→ or Space toggles 推进中/完成).
        case value
        case date
        /// 进展情况 (required: a blank narrative is no report, DESIGN §4).
        case progress
        case problems
        case next
        /// 更正原因 (corrections only, required).
        case reason
    }

    public var itemId: String
    public var isMilestone: Bool
    public var isNarrative: Bool
    /// The units that may file for the item, lead units first; `unit` indexes it.
    public var units: [String]
    public var unit: Int
    public var values: [Field: TextField]
    public var field: Field
    public var errors: [String]
    /// A question about the date (an earlier period than the last due one): shown once; Enter
    /// again saves as typed.
    public var warning: String?
    /// The entry this form corrects (`renewal record --corrects`).
    public var corrects: ProgressEntry?
    /// The item's latest report when the form opened (shown in it; found once, not per frame).
    public var lastReport: ProgressEntry?
    /// The field was just reached with Tab/Enter and still holds what it was pre-filled with:
    /// typing replaces it (the date), as the README says; moving the cursor keeps it.
    public var replacesOnType = false
    /// Esc was pressed once on a form with something typed in it: a second Esc drops it.
    public var confirmingDiscard = false
    /// Whether anything was typed or changed since the form opened.
    public var edited = false

    public subscript(field: Field) -> String {
        get { values[field]?.text ?? "" }
        set { values[field] = TextField(newValue) }
    }

    /// The fields shown, in order.
    public var fields: [Field] {
        Field.allCases.filter { field in
            switch field {
            case .unit: return !units.isEmpty
            case .value: return !isNarrative
            case .reason: return corrects != nil
            default: return true
            }
        }
    }

    /// The unit chosen, if the item has any.
    public var chosenUnit: String? { units.indices.contains(unit) ? units[unit] : nil }

    /// Who may file for an item: its lead units, then its measure's responsible units.
    static func unitChoices(for item: String, in plan: Plan) -> [String] { plan.units(forItem: item) }
}

extension AppState {
    /// The day a new report is filed on (today: a form opens only while today is shown, see
    /// `Reducer.write`) and the end of the last period due by then: what the form defaults to and
    /// what it questions.
    var filingDay: (now: Day, lastDue: Day) {
        let now = data.today
        return (now, StatusRules.standard.lastDuePeriodEnd(asOf: now))
    }

    /// The reports on one item and the rest of its series (baselines aside), in recording order,
    /// with their text when a loaded history holds them (the page in view loaded its items'),
    /// else as held for judging.
    func reports(on item: String) -> [ProgressEntry] {
        let members = data.plan.seriesItems(of: item)
        for (items, load) in histories where items.contains(item) {
            if case let .loaded(entries) = load {
                return entries.filter { members.contains($0.itemId) && !$0.isBaseline }
            }
        }
        return data.entriesHeld(for: members).filter { !$0.isBaseline }
    }
}

extension Reducer {
    /// `u`: a new report on the item in view, starting from where it stands: the unit that filed
    /// last, a milestone's last state (Enter through the form never undoes 完成), the end of the
    /// last due period when that return is still missing (else today).
    static func startForm(_ state: inout AppState, _ item: String) {
        let target = state.data.target(item)
        let plan = state.data.plan
        let units = RecordForm.unitChoices(for: item, in: plan)
        let history = state.reports(on: item)
        // The latest by date; on the same day, the later recorded (history is in recording order).
        let last = history.enumerated().max { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }?.element
        var form = RecordForm(
            itemId: item, isMilestone: target?.kind == .milestone, isNarrative: target == nil, units: units,
            unit: last?.reportingUnit.flatMap { units.firstIndex(of: $0) } ?? 0, values: [:], field: .value,
            errors: [], lastReport: last)
        let (now, lastDue) = state.filingDay
        let filedLastDue = history.contains { $0.date.year == lastDue.year && $0.date.month == lastDue.month }
        form[.date] = (filedLastDue ? now : lastDue).description
        // The form holds what a department would type (the validator reads 完成 / 推进中).
        if form.isMilestone { form[.value] = (last?.milestone ?? .inProgress).label(.zh) }
        form.field = form.fields.first { $0 == .value } ?? .date
        form.replacesOnType = form.field == .date
        state.form = form
    }

    /// `e` on a report in a target's page: a correction of that entry, pre-filled with it; the
    /// date starts as the entry's (a correction replaces the figure for that day) and a reason is asked.
    static func startCorrection(_ state: inout AppState, item: String, entryId id: String) {
        guard let original = state.reports(on: item).first(where: { $0.id == id }) else {
            state.message = state.pick("找不到记录 #\(id)", "Entry #\(id) not found")
            state.messageIsError = true
            return
        }
        // A report shown on a series' target may have been filed on another target of it: the
        // correction goes to the entry's own item.
        let item = original.itemId
        let target = state.data.target(item)
        let units = RecordForm.unitChoices(for: item, in: state.data.plan)
        var form = RecordForm(
            itemId: item, isMilestone: target?.kind == .milestone, isNarrative: target == nil, units: units,
            unit: original.reportingUnit.flatMap { units.firstIndex(of: $0) } ?? 0, values: [:], field: .value,
            errors: [], corrects: original)
        form[.date] = original.date.description
        if form.isMilestone {
            form[.value] = (original.milestone ?? .inProgress).label(.zh)
        } else if let value = original.value {
            form[.value] = NumberText.format(value)
        }
        form[.progress] = original.progress
        form[.problems] = original.problems
        form[.next] = original.nextSteps
        form.field = form.fields.first { $0 == .value } ?? .progress
        state.form = form
    }

    static func handleForm(_ state: inout AppState, _ key: Key, _ effects: inout [Effect]) {
        guard var form = state.form else { return }
        let fields = form.fields
        let index = fields.firstIndex(of: form.field) ?? 0
        var keepsWarning = false
        let replaces = form.replacesOnType
        form.replacesOnType = false
        let confirming = form.confirmingDiscard
        form.confirmingDiscard = false
        switch key {
        case .escape:
            // Typed work is not dropped on one key: Esc asks, a second Esc discards (issue 21).
            guard form.edited, !confirming else {
                state.form = nil
                return
            }
            form.confirmingDiscard = true
            form.warning = state.pick(
                "已填写的内容尚未保存：再按 Esc 放弃，按其他键继续填写", "Nothing is saved yet: Esc again discards it, any other key goes on")
            state.form = form
            return
        case .tab, .down:
            form.field = fields[(index + 1) % fields.count]
            keepsWarning = true
        case .backTab, .up:
            form.field = fields[(index + fields.count - 1) % fields.count]
            keepsWarning = true
        case .enter:
            if form.field != fields.last {
                form.field = fields[index + 1]
                keepsWarning = true
            } else {
                save(&state, &form, &effects)
                return
            }
        case _ where form.field == .unit:
            // A choice, not text: ←/→ or Space cycles the units; typing does nothing.
            guard !form.units.isEmpty, [Key.char(" "), .left, .right].contains(key) else {
                keepsWarning = true
                break
            }
            let step = key == .left ? form.units.count - 1 : 1
            form.unit = (form.unit + step) % form.units.count
            form.edited = true
        case _ where form.field == .value && form.isMilestone:
            guard [Key.char(" "), .left, .right].contains(key) else {
                keepsWarning = true
                break
            }
            let done = MilestoneState.done.label(.zh)
            form[.value] = form[.value] == done ? MilestoneState.inProgress.label(.zh) : done
            form.edited = true
        default:
            var field = form.values[form.field] ?? TextField()
            // A pre-filled date just reached is replaced by what is typed, not appended to
            // ("2026-11-292026-08-31").
            if replaces, case .char = key { field = TextField() }
            field.edit(key)
            form.values[form.field] = field
            form.edited = true
        }
        // Reaching the date with Tab, Enter or the arrows: the next typed character replaces it.
        if form.field == .date, [Key.tab, .down, .backTab, .up, .enter].contains(key) { form.replacesOnType = true }
        if !keepsWarning || confirming { form.warning = nil }
        form.errors = []
        state.form = form
    }

    static func save(_ state: inout AppState, _ form: inout RecordForm, _ effects: inout [Effect]) {
        let validator = EntryValidator(plan: state.data.plan, today: state.data.today)
        let candidate = EntryValidator.Candidate(
            itemId: form.itemId, dateText: form[.date], valueText: form.isNarrative ? "" : form[.value])
        var errors: [String] = []
        var checked: EntryValidator.Checked?
        switch validator.check(candidate) {
        case let .success(entry): checked = entry
        case let .failure(list): errors = list.problems.map { $0.text(state.language) }
        }
        if form[.progress].trimmingSpaces.isEmpty {
            errors.append(state.pick("进展情况：必填（空白的报告不算报送）", "Progress: required (a blank report is no report)"))
        }
        if form.corrects != nil, form[.reason].trimmingSpaces.isEmpty {
            errors.append(state.pick("更正原因：必填", "Reason: required for a correction"))
        }
        guard errors.isEmpty, let checked else {
            form.errors = errors
            state.form = form
            return
        }
        // A date in a period before the last due one is asked about once (a late return, or a
        // slip of the keyboard); Enter again saves it.
        let lastDue = state.filingDay.lastDue
        let periodStart = Day(year: lastDue.year, month: lastDue.month, day: 1) ?? lastDue
        if form.corrects == nil, checked.date < periodStart, form.warning == nil {
            form.warning = state.pick(
                "\(checked.date) 早于上一报送期（\(lastDue.year) 年 \(lastDue.month) 月）；"
                    + "补报旧期数据请再按 Enter 保存，否则请改日期",
                "\(checked.date) is before the last due period "
                    + "(\(lastDue.year)-\(String(format: "%02d", lastDue.month))); "
                    + "press Enter again to file it for that earlier period, or change the date")
            state.form = form
            return
        }
        effects.append(
            .record(
                EntryDraft(
                    itemId: checked.itemId, date: checked.date, value: checked.value, milestone: checked.milestone,
                    progress: form[.progress].trimmingSpaces, problems: form[.problems].trimmingSpaces,
                    nextSteps: form[.next].trimmingSpaces, reportingUnit: form.chosenUnit,
                    corrects: form.corrects?.id, reason: form.corrects == nil ? nil : form[.reason].trimmingSpaces)))
        state.form = nil
        state.submittedForm = form
        state.message =
            form.corrects.map {
                state.pick(
                    "已更正 #\($0.id)：\(form.itemId) \(checked.date)",
                    "Corrected #\($0.id): \(form.itemId) \(checked.date)")
            } ?? state.pick("已保存：\(form.itemId) \(checked.date)", "Saved \(form.itemId) \(checked.date)")
    }
}
