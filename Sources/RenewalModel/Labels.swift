/// How the plan's parts and states are named on every screen and in every report, in one place
/// (the dashboard and the reports used to spell these out separately and had begun to differ).

extension Programme {
    /// The heading as the plan writes it: 二、工业技改提升工程, or 2. Industrial technology upgrading.
    public func heading(_ language: Language) -> String {
        language == .zh ? "\(numeral)、\(title)" : "\(number). \(titleEn)"
    }
}

extension Measure {
    /// The heading: （二）推动产业智能化改造, or 2. Smart transformation of industry.
    public func heading(_ language: Language) -> String {
        language == .zh ? "\(label)\(title)" : "\(number). \(titleEn)"
    }
}

extension MilestoneState {
    /// 完成 / 推进中 (done / in progress).
    public func label(_ language: Language) -> String {
        switch self {
        case .done: return language.pick("完成", "done")
        case .inProgress: return language.pick("推进中", "in progress")
        }
    }
}

extension Plan {
    /// A unit as a reader of this language knows it: the full Chinese name (or its short form,
    /// for narrow columns), or the English name. A name the plan does not know is shown as given.
    public func unitName(_ name: String, _ language: Language, short: Bool = false) -> String {
        guard let unit = unit(named: name) else { return name }
        if language == .en { return unit.nameEn }
        return short ? unit.short : unit.name
    }
}

extension Target {
    /// How the target's figures are read: 累计 (cumulative), 本年累计 (year to date), 时点值 (the
    /// level on a date), and 每年 for a goal that starts again every year.
    public func readingLabel(_ language: Language) -> String {
        let reading: String
        switch self.reading {
        case .cumulative: reading = language.pick("累计", "cumulative")
        case .yearToDate: reading = language.pick("本年累计", "year to date")
        case .level: reading = language.pick("时点值", "level on the date")
        case nil: reading = language.pick("里程碑", "milestone")
        }
        return recurrence == .annual ? language.pick("每年，", "every year, ") + reading : reading
    }
}

/// The lights (亮灯) of DESIGN §4, the colours staff know a status by: 红 逾期未完成/严重滞后, 黄 进度滞后,
/// 蓝 临期未完成, 绿 on track, ongoing and done, 紫 未报送/基数缺失 (data problems), 灰 未启动.
public enum Light: String, Sendable, CaseIterable, Codable {
    case red, yellow, blue, green, purple, gray

    public func label(_ language: Language) -> String {
        switch self {
        case .red: return language.pick("红", "red")
        case .yellow: return language.pick("黄", "yellow")
        case .blue: return language.pick("蓝", "blue")
        case .green: return language.pick("绿", "green")
        case .purple: return language.pick("紫", "purple")
        case .gray: return language.pick("灰", "gray")
        }
    }
}
