import RenewalModel

/// What the help screen says about the lights: every status with its mark and when it applies,
/// the markers, and the thresholds, read from `StatusRules` so the screen and the engine agree.
enum StatusLegend {
    /// Lines of (mark and label, explanation) in the help screen's two columns.
    static func lines(_ state: AppState, rules: StatusRules = .standard) -> [(keys: String, text: String)] {
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
        var lines: [(String, String)] = [("", ""), (state.pick("状态", "Status"), "")]
        for status in Status.worstFirst {
            lines.append((theme.mark(status) + " " + status.label(state.language), explain(status)))
        }
        lines.append(("", ""))
        lines.append((state.pick("标记", "Markers"), ""))
        for marker in Marker.allCases {
            let text: String
            switch marker {
            case .noCurrentReport:
                text = state.pick(
                    "上一报送期没有报送，状态依据更早的数据", "no entry for the last due period; the verdict stands on older data")
            case .stale:
                text = state.pick(
                    "最新数据已过 \(rules.stalePeriods) 个报送期以上",
                    "the latest figure is \(rules.stalePeriods) or more periods old")
            case .flagged: text = state.pick("截至日期当天处于督办中", "under supervision on the date judged")
            case .followUpOverdue:
                text = state.pick("督办的反馈期限已过，此后没有报送", "the flag's reply date passed with nothing reported since")
            }
            lines.append(("[" + marker.label(state.language) + "]", text))
        }
        lines.append(("", ""))
        lines.append(
            (
                state.pick("报送期", "Returns"),
                state.pick(
                    "每月一期，次月 \(rules.returnDueDay) 日前报送；序时进度按上一报送期末计算，1 月份仍按上年度判定",
                    "monthly, due by day \(rules.returnDueDay) of the next month; "
                        + "the schedule is read at the end of the last due period, "
                        + "and January still judges the year just ended"
                )
            ))
        lines.append(
            (
                "",
                state.pick(
                    "累计目标不超过 \(Int(saturating: rules.smallCountMaximum)) 个的指标按里程碑判定",
                    "a cumulative goal of \(Int(saturating: rules.smallCountMaximum)) "
                        + "or fewer is judged like a milestone"
                )
            ))
        return lines
    }
}
