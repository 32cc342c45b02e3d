import RenewalModel
import RenewalReports

/// One line of the help screen: a key or mark on the left (in `style`, e.g. a status's colour), its
/// explanation on the right.
struct HelpLine {
    var keys: String
    var text: String
    var style: Style? = nil
}

/// What the help screen says about the lights: every status with its mark, light and when it
/// applies; the markers; every bar character and colour; and the thresholds, read from
/// `StatusRules` so the screen and the engine agree.
enum StatusLegend {
    static func lines(_ state: AppState, rules: StatusRules = .standard) -> [HelpLine] {
        let theme = state.theme
        let onTrack = Int(saturating: rules.onTrackMaxLag), behind = Int(saturating: rules.behindMaxLag)
        func explain(_ status: Status) -> String {
            switch status {
            case .done: return state.pick("达到目标", "the goal is met")
            case .doneLate: return state.pick("截止日期后才达到目标", "met after the deadline")
            case .notStarted: return state.pick("方案尚未开始，或首期报表尚未到期", "before the plan's start or its first return")
            case .ongoing: return state.pick("无截止日期，上一报送期有报告", "no deadline; reported in the last due period")
            case .onTrack: return state.pick("落后序时进度不超过 \(onTrack) 个百分点", "at most \(onTrack) points behind schedule")
            case .baselineMissing:
                return state.pick("较基数年份的指标尚未录入基数", "a target relative to a base year has no baseline")
            case .noReport: return state.pick("应报未报（每年指标：本年度无数据）", "nothing reported (yearly targets: this year)")
            case .dueSoon:
                return state.pick(
                    "距截止日期 \(rules.dueSoonDays) 天以内（含当天）且未完成",
                    "\(rules.dueSoonDays) days or fewer to the deadline, not met")
            case .behind:
                return state.pick(
                    "落后序时进度 \(onTrack) 至 \(behind) 个百分点", "\(onTrack) to \(behind) points behind schedule")
            case .severelyBehind:
                return state.pick("落后序时进度超过 \(behind) 个百分点", "more than \(behind) points behind schedule")
            case .overdue: return state.pick("截止日期已过仍未完成", "the deadline passed, not met")
            }
        }
        var lines: [HelpLine] = [HelpLine(keys: "", text: ""), section(state.pick("状态（亮灯）", "Status (light)"))]
        for status in Status.worstFirst {
            let light = state.pick("\(status.light.label(.zh))灯：", "\(status.light.label(.en)): ")
            lines.append(
                HelpLine(
                    keys: theme.mark(status) + " " + status.label(state.language), text: light + explain(status),
                    style: theme.style(for: status)))
        }
        lines.append(HelpLine(keys: "", text: ""))
        lines.append(section(state.pick("标记", "Markers")))
        for marker in Marker.allCases {
            let text: String
            switch marker {
            case .awaitingFinal:
                text = state.pick(
                    "截止日已过、尚未达标，截止当期的数据还未到报送期限；到期（次月 \(rules.returnDueDay + 1) 日）仍未达标即为逾期",
                    "the deadline passed unmet and its period's return is not yet due; overdue from day "
                        + "\(rules.returnDueDay + 1) of the next month if still unmet")
            case .noCurrentReport:
                text = state.pick(
                    "上一报送期没有报送，状态依据更早的数据", "no entry for the last due period; the verdict stands on older data")
            case .stale:
                text = state.pick(
                    "最新数据已过 \(rules.stalePeriods) 个报送期以上；过 \(rules.unjudgeablePeriods) 个以上按未报送判定",
                    "the latest figure is \(rules.stalePeriods) or more periods old; "
                        + "from \(rules.unjudgeablePeriods) it counts as no report")
            case .flagged: text = state.pick("截至日期当天处于督办中", "under supervision on the date judged")
            case .followUpOverdue:
                text = state.pick("督办的反馈期限已过，此后没有报送", "the flag's reply date passed with nothing reported since")
            }
            lines.append(HelpLine(keys: "[" + marker.label(state.language) + "]", text: text))
        }
        lines += bars(state)
        lines.append(HelpLine(keys: "", text: ""))
        lines.append(section(state.pick("阈值", "Thresholds")))
        lines.append(
            HelpLine(
                keys: state.pick("报送期", "Returns"),
                text:
                    state.pick(
                        "每月一期，次月 \(rules.returnDueDay) 日前报送；序时进度按上一报送期末计算，1 月份仍按上年度判定",
                        "monthly, due by day \(rules.returnDueDay) of the next month; "
                            + "the schedule is read at the end of the last due period, "
                            + "and January still judges the year just ended"
                    )
            ))
        lines.append(
            HelpLine(
                keys: state.pick("序时进度", "Schedule"),
                text: state.pick(
                    "落后不超过 \(onTrack) 个百分点为按序时，\(onTrack) 至 \(behind) 为滞后，超过 \(behind) 为严重滞后；"
                        + "截止前 \(rules.dueSoonDays) 天内未完成为临期",
                    "up to \(onTrack) points behind is on track, \(onTrack) to \(behind) behind, "
                        + "over \(behind) severely behind; "
                        + "unmet within \(rules.dueSoonDays) days of the deadline is due soon"
                )
            ))
        lines.append(
            HelpLine(
                keys: state.pick("里程碑", "Milestones"),
                text: state.pick(
                    "累计目标不超过 \(Int(saturating: rules.smallCountMaximum)) 个的指标按里程碑判定",
                    "a cumulative goal of \(Int(saturating: rules.smallCountMaximum)) "
                        + "or fewer is judged like a milestone"
                )
            ))
        return lines
    }

    static func section(_ title: String) -> HelpLine { HelpLine(keys: title, text: "", style: Style(bold: true)) }

    /// The bars: what a stacked bar's cells are (coloured blocks, or one character per status without
    /// colour), the progress bar, the sparkline, and the lights' colours.
    static func bars(_ state: AppState) -> [HelpLine] {
        let theme = state.theme
        var lines = [HelpLine(keys: "", text: ""), section(state.pick("进度条", "Bars"))]
        let solid = theme.color && !theme.ascii
        lines.append(
            HelpLine(
                keys: state.pick("状态条", "Status bar"),
                text: solid
                    ? state.pick(
                        "每项一段，按亮灯着色，左好右差；长度与项数成比例",
                        "one stretch per status in its light's colour, best on the left, as long as its share")
                    : state.pick(
                        "每项一段，左好右差；各段字符如下", "one stretch per status, best on the left, in these characters")))
        if !solid {
            var seen: Set<Character> = []
            for status in Status.allCases {
                let fill = StatusBar.fill(for: status, unicode: !theme.ascii)
                guard seen.insert(fill).inserted else { continue }
                let statuses = Status.allCases.filter { StatusBar.fill(for: $0, unicode: !theme.ascii) == fill }
                lines.append(
                    HelpLine(
                        keys: "  " + String(repeating: fill, count: 3),
                        text: statuses.map { $0.label(state.language) }.joined(separator: state.pick("、", ", ")),
                        style: theme.style(for: status)))
            }
        }
        lines.append(
            HelpLine(
                keys: String(repeating: theme.barFull, count: 3) + String(repeating: theme.barEmpty, count: 2),
                text: state.pick(
                    "指标完成比例（实际/目标），按状态着色；无数据时全为 \(theme.barEmpty)",
                    "how far to the goal (actual / goal), in the status's colour; "
                        + "all \(theme.barEmpty) without a figure"
                )))
        let spark = String(theme.ascii ? Sparkline.ascii : Sparkline.blocks)
        lines.append(
            HelpLine(
                keys: spark,
                text: state.pick(
                    "指标详情中的逐月走势：实际与应达，由低到高", "month by month on a target's page: actual and due, low to high")))
        if theme.color {
            lines.append(HelpLine(keys: "", text: ""))
            lines.append(section(state.pick("颜色", "Colours")))
            for light in Light.allCases {
                let statuses = Status.worstFirst.filter { $0.light == light }
                guard let first = statuses.first else { continue }
                lines.append(
                    HelpLine(
                        keys: String(repeating: theme.barFull, count: 2) + " " + light.label(state.language),
                        text: statuses.map { $0.label(state.language) }.joined(separator: state.pick("、", ", ")),
                        style: theme.style(for: first)))
            }
        }
        return lines
    }
}
