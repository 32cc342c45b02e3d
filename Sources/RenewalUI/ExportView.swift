import RenewalModel
import RenewalReports
import RenewalText

/// `x`: the current view as a table for a file, and the name it gets by default.
enum ExportView {
    /// `renewal-<view>-<as-of>.md`, in the folder the dashboard was started from.
    static func defaultName(_ state: AppState) -> String {
        let view: String
        switch state.screen {
        case .overview: view = "overview"
        case .overall: view = "overall"
        case let .programme(number): view = "programme\(number)"
        case let .measure(number): view = "measure\(number)"
        case let .target(id): view = id
        case .overdue: view = state.overdueTab == .late ? "overdue" : "due-soon"
        case .reporting: view = "reporting"
        case .changes: view = "changes"
        case .units: view = "units"
        case .unitItems: view = "unit"
        case .search: view = "search"
        case .help: view = "help"
        case .ledger: view = "ledger"
        }
        return "renewal-\(view)-\(state.data.asOf).md"
    }

    static func table(_ state: AppState) -> ExportTable {
        var table = content(state)
        if state.data.isSample {
            table.banner = state.pick(
                "【示例数据】以下为虚构的示例数据，仅供演示，不代表实际进展。", "[SAMPLE DATA] Fictional figures for demonstration only.")
        }
        return table
    }

    static func content(_ state: AppState) -> ExportTable {
        let plan = state.data.plan
        let evaluation = state.data.evaluation
        let title =
            Renderer.crumb(state.screen, state) + state.pick("（截至 \(state.data.asOf)）", " (as of \(state.data.asOf))")
        func status(_ value: Status) -> String { "\(value.mark) \(value.label(state.language))" }
        func figure(_ value: Double?, _ target: Target) -> String { TargetText.quantity(value, target, state) }
        func unitNames(_ names: [String]) -> String {
            names.map { plan.unitName($0, state.language) }.joined(separator: "、")
        }
        switch state.screen {
        case .overview:
            func counts(_ statuses: [Status]) -> String {
                Status.worstFirst.compactMap { wanted in
                    let count = statuses.filter { $0 == wanted }.count
                    return count == 0 ? nil : "\(wanted.label(state.language)) \(count)"
                }.joined(separator: state.pick("，", ", "))
            }
            // The overall targets first, as the overview's first panel shows them.
            let overall = evaluation.overall.map(\.status)
            let late = overall.filter { [.overdue, .severelyBehind, .behind, .dueSoon].contains($0) }.count
            let rows =
                [
                    [
                        state.pick(
                            "\(plan.overallHeadingText(.zh))（总体目标 \(overall.count) 项）",
                            "\(plan.overallHeadingText(.en)) (\(overall.count) overall targets)"),
                        "\(late)", counts(overall),
                    ]
                ]
                + zip(plan.programmes, evaluation.programmes).map { programme, judged in
                    [programme.heading(state.language), "\(judged.overdueCount)"]
                        + [
                            judged.counts.nonZero.map { "\($0.status.label(state.language)) \($0.count)" }.joined(
                                separator: "，")
                        ]
                }
            return ExportTable(
                title: title,
                header: [
                    state.pick("工程", "Programme"), state.pick("逾期/滞后/临期", "Late"),
                    state.pick("措施状态", "Measures"),
                ], rows: rows)
        case .overdue where state.overdueTab == .dueSoon:
            let rows = state.data.dueSoon.compactMap { judged -> [String]? in
                guard let target = plan.target(id: judged.targetId), let deadline = judged.deadline else { return nil }
                return [
                    "\(state.data.asOf.days(to: deadline))", target.id, TargetText.description(target, state),
                    status(judged.status),
                    figure(judged.actual, target), figure(judged.goal, target), deadline.description,
                ]
            }
            return ExportTable(
                title: title,
                header: [
                    state.pick("剩余天数", "Days left"), state.pick("编号", "Id"), state.pick("指标", "Target"),
                    state.pick("状态", "Status"), state.pick("实际", "Actual"), state.pick("目标", "Goal"),
                    state.pick("截止日期", "Deadline"),
                ], rows: rows)
        case .overdue:
            let rows = state.overdueGroups.flatMap { group in
                group.items.compactMap { judged -> [String]? in
                    guard let target = plan.target(id: judged.targetId) else { return nil }
                    return [
                        group.unit.isEmpty ? state.pick("总体目标", "Overall") : plan.unitName(group.unit, state.language),
                        target.id, TargetText.description(target, state), status(judged.status),
                        figure(judged.actual, target),
                        figure(judged.due, target), judged.deadline?.description ?? "-",
                    ]
                }
            }
            return ExportTable(
                title: title,
                header: [
                    state.pick("牵头单位", "Lead unit"), state.pick("编号", "Id"), state.pick("指标", "Target"),
                    state.pick("状态", "Status"), state.pick("实际", "Actual"), state.pick("应达", "Due"),
                    state.pick("截止日期", "Deadline"),
                ], rows: rows)
        case .reporting:
            let rows =
                state.reportingStatus?.units.map { row in
                    [
                        plan.unitName(row.unit, state.language),
                        row.state.label(state.language),
                        "\(row.filed)/\(row.items)", row.lastReport ?? state.pick("从未报送", "never"),
                    ]
                } ?? []
            // The period reported and when it was due are part of what the table says.
            let period =
                state.reportingStatus.map {
                    state.pick(
                        "（报送期 \($0.periodStart) 至 \($0.periodEnd)，\($0.dueOn) 前报送）",
                        " (period \($0.periodStart) to \($0.periodEnd), due by \($0.dueOn))")
                } ?? ""
            return ExportTable(
                title: title + period,
                header: [
                    state.pick("单位", "Unit"), state.pick("本期", "Period"), state.pick("已报/应报", "Filed"),
                    state.pick("最近一次报送", "Last report"),
                ], rows: rows)
        case .changes:
            let rows =
                state.changes?.items.map { kind, item in
                    [kind.label(state.language), item.id, item.description, status(item.before), status(item.now)]
                } ?? []
            let compared =
                state.changes.map { state.pick("：与 \($0.since) 相比", ": compared with \($0.since)") } ?? ""
            return ExportTable(
                title: title + compared,
                header: [
                    state.pick("变化", "Change"), state.pick("编号", "Id"), state.pick("指标", "Target"),
                    state.pick("上期", "Before"), state.pick("本期", "Now"),
                ], rows: rows)
        case let .target(id):
            guard let target = plan.target(id: id) else { return ExportTable(title: title, header: [], rows: []) }
            let points = StatusEngine(plan: plan).trackRecord(
                of: id, entries: state.history(for: plan.seriesItems(of: id)), asOf: state.data.asOf)
            let rows = points.reversed().map { point in
                [
                    String(point.month.description.prefix(7)), status(point.judged.status),
                    figure(point.judged.actual, target),
                    figure(TargetView.due(point.judged, point.month), target),
                ]
            }
            return ExportTable(
                title: title + " " + TargetText.description(target, state),
                header: [
                    state.pick("月份", "Month"), state.pick("状态", "Status"), state.pick("实际", "Actual"),
                    state.pick("应达", "Due"),
                ], rows: rows)
        case .units:
            let rows = state.unitRows.map { row in
                [state.language == .zh ? row.unit.name : row.unit.nameEn] + UnitsView.lights.map { "\(row[$0])" }
                    + ["\(row.leads)", "\(row.shares)"]
            }
            return ExportTable(
                title: title,
                header: [state.pick("单位", "Unit")] + UnitsView.lights.map { $0.label(state.language) }
                    + [state.pick("牵头", "Leads"), state.pick("参与", "Shares")], rows: rows)
        case .ledger:
            let rows = state.ledgerLines.map { line -> [String] in
                let reply = line.latestReply.map { reply in
                    let unit = reply.unit.map { plan.unitName($0, state.language, short: true) + " " } ?? ""
                    return "\(unit)\(Day.shown(timestamp: reply.at)) \(reply.note)"
                }
                return [
                    line.state.label(state.language), line.flag.itemId, LedgerView.title(line.flag.itemId, state),
                    plan.leadUnits(forItem: line.flag.itemId).map { plan.unitName($0, state.language, short: true) }
                        .joined(separator: "、"),
                    Day.shown(timestamp: line.flag.flaggedAt), line.flag.followUp ?? "", line.flag.note, reply ?? "",
                ]
            }
            return ExportTable(
                title: title,
                header: [
                    state.pick("状态", "State"), state.pick("编号", "Id"), state.pick("事项", "Item"),
                    state.pick("牵头单位", "Lead units"), state.pick("督办日", "Flagged"), state.pick("反馈期限", "Reply by"),
                    state.pick("督办说明", "Note"), state.pick("最近反馈", "Latest reply"),
                ], rows: rows)
        case .help:
            return ExportTable(
                title: title, header: [state.pick("按键", "Keys"), state.pick("作用", "Does")],
                rows: Keymap.help(state.language).map { [$0.keys, $0.text] })
        default:
            // Lists of measures and targets: each row with its id, what it is and its status.
            let rows = state.rows(for: state.screen).map { row -> [String] in
                let (id, text) = UnitsView.describe(row, state)
                let judged: Status?
                switch row {
                case let .target(target): judged = evaluation.target(target)?.status
                case let .measure(number): judged = evaluation.measure(number)?.status
                default: judged = nil
                }
                return [id, text, judged.map(status) ?? ""]
            }
            return ExportTable(
                title: title, header: [state.pick("编号", "Id"), state.pick("名称", "Name"), state.pick("状态", "Status")],
                rows: rows)
        }
    }
}
