/// How the plan's parts and states are named on every screen and in every report, in one place
/// (the dashboard and the reports used to spell these out separately and had begun to differ).

extension Programme {
    /// The heading as the plan writes it: 二、工业技改提升工程, or 2. Industrial technology upgrading.
    public func heading(_ language: Language) -> String {
        language == .zh
            ? label + title : englishLabel(writtenLabel, number: number) + titleEn
    }
}

extension Measure {
    /// The heading: （二）推动产业智能化改造, or 2. Smart transformation of industry.
    public func heading(_ language: Language) -> String {
        language == .zh
            ? label + title : englishLabel(writtenLabel, number: number) + titleEn
    }

    /// Its label after the labels of the headings above it (（一）1.), so that a list of a
    /// programme's measures tells apart two 1. under two headings; its own label alone when none.
    public func pathLabel(_ language: Language) -> String {
        let own =
            language == .zh ? label : englishLabel(writtenLabel, number: number).trimmingCharacters(in: .whitespaces)
        let above = (path ?? []).map { PlanDocument.splitHeading($0).label }
        let labels = language == .zh ? above : above.compactMap { LabelNumber.of($0).map { "\($0)." } }
        return labels.joined() + own
    }

    /// The headings above it inside its programme, then its own: where it sits in a plan of
    /// three or four levels (（一）实施设备更新行动 › 1.推进工业设备更新).
    public func fullHeading(_ language: Language) -> String {
        guard let path, !path.isEmpty, language == .zh else { return heading(language) }
        return (path + [heading(language)]).joined(separator: " › ")
    }
}

/// "3. " for a heading in English: the number its written label says (else its own number); nothing
/// for an item the plan labels not at all (a section's own targets).
func englishLabel(_ written: String?, number: Int) -> String {
    guard let written else { return "\(number). " }
    return LabelNumber.of(written).map { "\($0). " } ?? ""
}

/// The number a written label says (（三） → 3, 2. → 2, (1) → 1), for English headings.
public enum LabelNumber {
    public static func of(_ label: String) -> Int? {
        let digits = label.filter(\.isASCII).filter(\.isNumber)
        if !digits.isEmpty { return Int(digits) }
        return ChineseNumeral.value(String(label.filter(ChineseNumeral.isNumeral)))
    }
}

extension Plan {
    /// The heading the overall targets stand under: the plan's (一、总体要求), else Linqing's, as
    /// every format 1 plan is of its shape.
    public func overallHeadingText(_ language: Language) -> String {
        language == .zh ? overallHeading ?? "一、总体要求" : overallHeadingEn ?? overallHeading ?? "1. General requirements"
    }

    /// The overview panel's title for the overall targets.
    public func overallPanelTitle(_ language: Language) -> String {
        if overallHeading == nil { return language.pick("一、总体目标", "1. Overall targets") }
        return overallHeadingText(language)
    }

    /// The overall targets' list header with the years they fall due, from the targets themselves:
    /// 一、总体要求：到2025年、到2027年的总体目标.
    public func overallTargetsHeader(_ language: Language) -> String {
        let years = Set(overallTargets.compactMap(\.deadline?.year)).sorted()
        let annual = overallTargets.contains { $0.recurrence == .annual }
        let zhWhen = years.map { "到\($0)年" } + (annual ? ["每年"] : [])
        let enWhen = years.map(String.init) + (annual ? ["every year"] : [])
        if language == .zh { return overallHeadingText(.zh) + "：" + zhWhen.joined(separator: "、") + "的总体目标" }
        guard let last = enWhen.last else { return overallHeadingText(.en) + ": overall targets" }
        let when = enWhen.count > 1 ? enWhen.dropLast().joined(separator: ", ") + " and " + last : last
        return overallHeadingText(.en) + ": overall targets for " + when
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
