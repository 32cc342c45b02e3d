import RenewalModel

/// A drafted target as the format writes it: the sentence's reading, with what the text cannot
/// say guessed and marked for a person to confirm (请核对).
enum DraftTargets {
    /// The family's shared indicators (PLAN-FORMAT.md "Series"), by the words that name them.
    static let families: [(words: String, id: String)] = [
        ("设备投资", "equipment-investment"), ("报废汽车", "scrapped-vehicle-recovery"),
        ("二手车交易量与新车", "used-to-new-car-ratio"), ("二手车交易", "used-car-trade"),
        ("废旧家电回收", "appliance-recovery"), ("数字化研发设计工具普及率", "digital-design-tools"),
        ("关键工序数控化率", "cnc-key-processes"), ("新能源汽车保有量", "nev-stock"),
        ("能效标杆", "energy-benchmark-capacity"),
    ]

    static let levelWords = ["保有量", "比例", "占比", "普及率", "化率", "覆盖率", "利用率", "比值", "水平"]

    static func target(_ draft: DraftTarget, id: String, among all: [DraftTarget]) -> NodeTarget {
        var check = draft.checks
        let subject = Self.subject(of: draft)
        var target = Target(
            id: id, description: draft.description, descriptionEn: draft.description, source: draft.sentence,
            kind: draft.kind, comparator: draft.comparator, comparatorText: draft.comparatorText, value: draft.value,
            unit: draft.unit, deadline: draft.year.map { Day.endOfYear($0) },
            recurrence: draft.annual ? .annual : nil, baselineYear: draft.baselineYear)
        if draft.year == nil && !draft.annual {
            check.append(Phrase("未写明年份：请填写 deadline", "no year stated: fill in the deadline"))
        }
        guard draft.kind == .quantitative else { return NodeTarget(target: target, style: draft.style, check: check) }
        if target.unit == nil, ["比例", "率", "占比"].contains(where: draft.description.contains) {
            // 产能比例高于全省平均水平: a share, in percent, though the sentence names no unit.
            target.unit = "%"
            check.append(Phrase("单位按比例推测为 %，请核对", "the unit is taken as % for a share; check it"))
        }
        target.reading = reading(draft, subject: subject)
        check.append(
            Phrase(
                "报送口径（reading：\(target.reading?.rawValue ?? "")）为推测，请核对",
                "the reading (\(target.reading?.rawValue ?? "")) is a guess; check it"))
        let isRelative =
            draft.baselineYear != nil || draft.style == .growthOnPreviousYear
            || draft.style == .averageAnnualGrowth
        if isRelative {
            // A growth is reported as the figure itself: its unit comes from a sibling stating one.
            let sibling = all.first { other in
                other.baselineYear == nil && other.unit != "%" && other.unit != nil
                    && Self.subject(of: other) == subject
            }
            target.reportedUnit = sibling?.unit
            if sibling == nil {
                check.append(
                    Phrase(
                        "增长目标：请填写报送数值的单位（reportedUnit）",
                        "a growth target: fill in the unit figures are reported in (reportedUnit)"))
            }
        }
        if draft.style == .growthOnPreviousYear { target.deadline = nil }
        target.series = families.first { subject.contains($0.words) }?.id
        if target.series == nil,
            all.filter({ $0.kind == .quantitative && Self.subject(of: $0) == subject }).count > 1
        {
            // One indicator stated twice (达到2.8万，较2023年增长20%; 5万、7万 by two years): one figure.
            target.series = "\(id.split(separator: "-").dropLast().joined(separator: "-"))-\(subject)"
        }
        if target.series != nil {
            check.append(
                Phrase("指标系列 \(target.series ?? "") 为推测，请核对", "series \(target.series ?? "") is a guess; check it"))
        }
        return NodeTarget(target: target, style: draft.style, check: check)
    }

    /// What a drafted target measures ("二手车交易量"): the words before its goal, else all of it.
    static func subject(of draft: DraftTarget) -> String {
        ClauseReading(clause: draft.description, inheritedSubject: nil).subject ?? draft.description
    }

    /// Every year's figure from 1 January for annual goals; a level for rates, shares and stocks;
    /// a running total otherwise.
    static func reading(_ draft: DraftTarget, subject: String) -> Reading {
        if draft.annual || draft.style == .growthOnPreviousYear { return .yearToDate }
        // A growth's % is of the figure reported, which the subject names; a goal in % is a rate.
        let isGrowth = draft.baselineYear != nil && draft.style != .pointRise
        if draft.style == .pointRise || draft.style == .share || draft.style == .parentAverage
            || (draft.unit == "%" && !isGrowth) || levelWords.contains(where: subject.contains)
        {
            return .level
        }
        return .cumulative
    }
}

/// The notice and title before a plan's first heading: its title (over one or two lines), 文号,
/// issuer, date and the 文号 of the plans it cites.
struct DraftFront {
    var title: String?
    var number: String?
    var issuer: String?
    var date: Day?
    var parents: [String] = []
    var check: [Phrase] = []

    static let titleEnds = ["实施方案", "工作方案", "行动方案", "若干举措", "若干措施", "工作措施", "方案", "举措"]
    static var documentNumber: Regex<AnyRegexOutput> { try! Regex(#"[\p{Han}]{1,8}〔\d{4}〕\d{1,4}号"#) }
    static var dateLine: Regex<AnyRegexOutput> { try! Regex(#"^(\d{4})年(\d{1,2})月(\d{1,2})日$"#) }

    static func read(_ text: String) -> DraftFront {
        var front = DraftFront()
        var lines: [String] = []
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = PlanParagraphs.normalise(raw.trimmingCharacters(in: " \t\u{3000}"))
            if line.isEmpty || line.hasPrefix("#") { continue }
            if Heading.parse(line) != nil { break }
            lines.append(line)
        }
        // Lines joined: a copy breaks a cited 文号 across lines (（聊 / 政发〔2024〕2号）).
        let numbers = lines.joined().matches(of: documentNumber).map { String($0.output[0].substring ?? "") }
        front.number = lines.first { line in line.wholeMatch(of: documentNumber) != nil }
        for number in numbers where number != front.number && !front.parents.contains(number) {
            front.parents.append(number)
        }
        for (index, line) in lines.enumerated() {
            if let match = line.wholeMatch(of: dateLine),
                let year = Int(String(match.output[1].substring ?? "")),
                let month = Int(String(match.output[2].substring ?? "")),
                let day = Int(String(match.output[3].substring ?? ""))
            {
                front.date = Day(year: year, month: month, day: day)
                if index > 0, ["政府", "办公室", "委员会"].contains(where: lines[index - 1].hasSuffix) {
                    front.issuer = lines[index - 1]
                }
            }
            guard titleEnds.contains(where: line.hasSuffix), !line.contains("《"), !line.contains("。"),
                !line.contains("关于印发")
            else { continue }
            let previous = index > 0 ? lines[index - 1] : ""
            let joins =
                !previous.isEmpty && previous.count < 30 && !"。，：；》）".contains(where: previous.contains)
                && !titleEnds.contains(where: previous.hasSuffix) && previous.wholeMatch(of: dateLine) == nil
                && previous.wholeMatch(of: documentNumber) == nil
            front.title = joins ? previous + line : line
        }
        if front.title == nil {
            front.check.append(Phrase("未找到方案标题：请填写 document.title", "no title found: fill in document.title"))
        }
        if front.number == nil {
            front.check.append(Phrase("未找到文号：请填写 document.number", "no document number found: fill in document.number"))
        }
        return front
    }
}
