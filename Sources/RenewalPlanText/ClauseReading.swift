import RenewalModel

/// When a sentence's goals are due: 到2025年, 到2026年底, 到2025年、2027年 (each value of a 分别 list
/// then has its own year), or 每年.
enum SentenceDates {
    static var deadline: Regex<AnyRegexOutput> { try! Regex(#"到(\d{4})年底?((?:、\d{4}年底?)*)"#) }
    static var year: Regex<AnyRegexOutput> { try! Regex(#"(\d{4})年"#) }

    static func read(_ sentence: String) -> (years: [Int], annual: Bool) {
        let years = sentence.firstMatch(of: deadline).map { yearsNamed(in: String($0.output[0].substring ?? "")) } ?? []
        return (years, sentence.contains("每年"))
    }

    /// The deadline years a clause names, and the clause without them.
    static func strip(_ clause: String) -> (years: [Int], rest: String) {
        guard let match = clause.firstMatch(of: deadline) else { return ([], clause) }
        let rest = String(clause[..<match.range.lowerBound]) + String(clause[match.range.upperBound...])
        return (yearsNamed(in: String(clause[match.range])), rest)
    }

    static func yearsNamed(in text: String) -> [Int] {
        text.matches(of: year).compactMap { Int(String($0.output[1].substring ?? "")) }
    }
}

/// One figure of a clause: its value and unit as the plan means them, and where it stands.
struct Figure {
    var value: Double
    var unit: String?
    /// Characters of the clause: where the number starts, and where its unit and any 以上/左右 end.
    var start: Int
    var end: Int
    var suffix: String?
    var checks: [Phrase] = []
}

/// What one clause of a dated sentence says.
struct ClauseReading {
    let clause: String
    let inheritedSubject: String?

    static let units = [
        "台（套）", "个百分点", "亿元", "万元", "万吨", "万千瓦", "万平方米", "平方米", "千瓦", "公里", "%", "辆", "家", "个", "处",
        "台", "套", "吨", "人", "户", "座", "条", "所", "项", "次", "张",
    ]
    static let outcomeWords = [
        "基本淘汰", "全面更新", "全部淘汰", "大幅提升", "大幅提高", "显著提升", "明显提升", "持续提升", "全覆盖", "建成", "完成", "达到相应",
        "基本达到", "实现",
    ]
    static let subjectEnds = [
        "分别", "达到", "超过", "不低于", "不少于", "高于", "较", "提高", "增长", "增加", "占比", "实现", "完成", "建成", "培育",
        "基本", "大幅", "全部", "力争",
    ]
    static var parentAverage: Regex<AnyRegexOutput> { try! Regex(#"(高于|不低于|达到|超过|优于)(全省|全市|全国|省|市)平均水平"#) }
    static var baseYear: Regex<AnyRegexOutput> { try! Regex(#"较(\d{4})年"#) }

    /// The text before the first word that starts a goal: what is measured.
    var subject: String? {
        let characters = Array(clause)
        var end = characters.count
        for word in Self.subjectEnds {
            if let range = clause.range(of: word) {
                end = min(end, clause.distance(from: clause.startIndex, to: range.lowerBound))
            }
        }
        if let digit = characters.firstIndex(where: \.isASCIIDigitLike) { end = min(end, digit) }
        let text = String(characters[..<end]).trimmingCharacters(in: "、：")
        return text.isEmpty ? nil : text
    }

    /// Words that open a clause continuing the previous one's indicator ("达到2.8万，较2023年增长20%").
    static let continuations = ["较", "比上年", "同比", "年均", "分别", "增长", "提高", "增加"]

    /// The previous clause's subject, when this clause continues its indicator.
    var carriedSubject: String {
        guard Self.continuations.contains(where: { clause.hasPrefix($0) }) else { return "" }
        return inheritedSubject ?? ""
    }

    func targets(years: [Int], annual: Bool) -> [DraftTarget] {
        let deadlines: [Int?] = years.isEmpty ? [nil] : years
        let described = carriedSubject + clause
        if let match = clause.firstMatch(of: Self.parentAverage) {
            let verb = String(match.output[1].substring ?? "")
            return deadlines.map { year in
                draft(
                    described, kind: .quantitative, style: .parentAverage, value: nil, unit: nil,
                    comparator: verb == "高于" || verb == "超过" || verb == "优于"
                        ? .moreThan
                        : verb == "不低于" ? .atLeast : .reach,
                    comparatorText: verb, year: year, annual: annual,
                    checks: [
                        Phrase(
                            "对照上级平均水平判定：每个报送期须录入\(match.output[2].substring ?? "")平均水平作为参照值",
                            "judged against the parent region's average: its figure must be entered for each period")
                    ])
            }
        }
        let figures = self.figures()
        if figures.isEmpty {
            if clause.contains("全部") {
                return deadlines.map { year in
                    draft(
                        described, kind: .quantitative, style: .absolute, value: 100, unit: "%", comparator: .all,
                        comparatorText: "全部", year: year, annual: annual, checks: [])
                }
            }
            guard Self.outcomeWords.contains(where: { clause.contains($0) }) else { return [] }
            return deadlines.map { year in
                draft(
                    described, kind: .milestone, style: .qualitative, value: nil, unit: nil, comparator: nil,
                    comparatorText: nil, year: year, annual: annual,
                    checks: [
                        Phrase(
                            "定性目标：按里程碑（完成 / 推进中）判定，请核对",
                            "a qualitative goal, judged as a milestone (done / in progress): check it")
                    ])
            }
        }
        if clause.contains("分别") { return respectively(figures, deadlines: deadlines, annual: annual) }
        var made: [DraftTarget] = []
        var from = 0
        let characters = Array(clause)
        for (position, figure) in figures.enumerated() {
            // The last figure's description runs to the clause's end ("建成1处智能化室外健身路径").
            let end = position == figures.count - 1 ? characters.count : figure.end
            let text = String(characters[from..<end]).trimmingCharacters(in: "、")
            let description = from == 0 ? carriedSubject + text : text
            for year in deadlines.suffix(1) {
                made.append(target(for: figure, description: description, year: year, annual: annual))
            }
            from = figure.end
        }
        return made
    }

    /// 甲、乙分别超过95%、77%; 到2025年、2027年分别达到5万辆、7万辆.
    func respectively(_ figures: [Figure], deadlines: [Int?], annual: Bool) -> [DraftTarget] {
        let head = clause.components(separatedBy: "分别").first ?? ""
        let named = head.isEmpty ? (inheritedSubject ?? "") : head
        let subjects = named.split(separator: "、").map(String.init)
        let tail = clause.components(separatedBy: "分别").dropFirst().joined(separator: "分别")
        let verb = String(tail.prefix { !$0.isASCIIDigitLike && $0 != "约" })
        // 以上 written once after the last value is read as applying to each.
        let lastSuffix = figures.last?.suffix
        return figures.enumerated().map { index, figure in
            var figure = figure
            if figure.suffix == nil, let lastSuffix {
                figure.suffix = lastSuffix
                figure.checks.append(
                    Phrase(
                        "“\(lastSuffix)”写在最后一个数值后，已按对每个数值适用处理，请核对",
                        "“\(lastSuffix)” follows the last value only and was applied to each: check it"))
            }
            let year: Int?
            let subject: String
            if deadlines.count == figures.count {
                year = deadlines[index]
                subject = subjects.count == 1 ? subjects[0] : named
            } else {
                year = deadlines.last ?? nil
                if subjects.count == figures.count {
                    subject = subjects[index]
                } else {
                    subject = named
                    figure.checks.append(
                        Phrase(
                            "“分别”前后的项数与数值个数不一致，请核对",
                            "the items before “分别” do not match the values after it: check them"))
                }
            }
            let shown = String(Array(clause)[figure.start..<figure.end])
            return target(for: figure, description: subject + verb + shown, year: year, annual: annual)
        }
    }

    func target(for figure: Figure, description: String, year: Int?, annual: Bool) -> DraftTarget {
        let characters = Array(clause)
        let before = String(characters[..<figure.start])
        let near = String(before.suffix(6))
        var comparator = GoalComparator.reach
        var comparatorText: String?
        for (words, meaning) in [
            (["不低于", "不少于"], GoalComparator.atLeast), (["不超过", "不高于", "低于"], .atMost),
            (["超过", "高于", "多于"], .moreThan), (["约"], .about),
        ] {
            if let word = words.first(where: { near.contains($0) }) {
                comparator = meaning
                comparatorText = word
                break
            }
        }
        switch figure.suffix {
        case "以上", "及以上": (comparator, comparatorText) = (.atLeast, figure.suffix)
        case "以下": (comparator, comparatorText) = (.atMost, figure.suffix)
        case "左右": (comparator, comparatorText) = (.about, figure.suffix)
        default: break
        }
        var style = TargetStyle.absolute
        var baselineYear: Int?
        if let match = before.firstMatch(of: Self.baseYear) {
            baselineYear = Int(String(match.output[1].substring ?? ""))
            style = figure.unit == "个百分点" ? .pointRise : .growthOnBase
        } else if before.contains("年均") {
            style = .averageAnnualGrowth
        } else if before.contains("比上年") || before.contains("较上年") || before.contains("同比") {
            style = .growthOnPreviousYear
        } else if figure.unit == "个百分点" {
            style = .pointRise
        } else if figure.unit == "%", ["占比", "比重", "比例"].contains(where: { before.contains($0) }) {
            style = .share
        }
        var checks = figure.checks
        if comparator == .about {
            checks.append(Phrase("“约/左右”：按容差判定，请核对容差", "“about”: judged within a tolerance; check it"))
        }
        if style == .pointRise, baselineYear == nil {
            checks.append(Phrase("提高的百分点未写明基数年份，请核对", "a rise in points with no base year: check it"))
        }
        return draft(
            description, kind: .quantitative, style: style, value: figure.value, unit: figure.unit,
            comparator: comparator, comparatorText: comparatorText, year: year, annual: annual,
            baselineYear: baselineYear, checks: checks)
    }

    func draft(
        _ description: String, kind: TargetKind, style: TargetStyle, value: Double?, unit: String?,
        comparator: GoalComparator?, comparatorText: String?, year: Int?, annual: Bool, baselineYear: Int? = nil,
        checks: [Phrase]
    ) -> DraftTarget {
        DraftTarget(
            sentence: "", clause: clause, description: description, kind: kind, style: style, value: value, unit: unit,
            comparator: comparator, comparatorText: comparatorText, year: year, annual: annual,
            baselineYear: baselineYear, checks: checks)
    }

    /// Every figure in the clause that is not a year (较2023年) nor part of a name (5G).
    func figures() -> [Figure] {
        let characters = Array(clause)
        var figures: [Figure] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let multiple: Double? = character == "一" ? 1 : character == "两" || character == "二" ? 2 : nil
            if let multiple, index + 1 < characters.count, characters[index + 1] == "倍",
                index == 0 || !["第", "十"].contains(characters[index - 1])
            {
                figures.append(
                    Figure(
                        value: multiple * 100, unit: "%", start: index, end: index + 2, suffix: nil,
                        checks: [
                            Phrase(
                                "“\(character)倍”按增长\(Int(multiple * 100))%处理",
                                "“\(character)倍” read as \(Int(multiple * 100))% growth")
                        ]))
                index += 2
                continue
            }
            guard character.isASCIIDigitLike else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, characters[end].isASCIIDigitLike || characters[end] == "." { end += 1 }
            let number = String(characters[index..<end])
            let rest = String(characters[end...])
            if rest.hasPrefix("年") || rest.first?.isASCIILetter == true || Double(number) == nil {
                index = end
                continue
            }
            var figure = Figure(value: Double(number) ?? 0, unit: nil, start: index, end: end, suffix: nil)
            var after = Substring(rest)
            if after.hasPrefix(":1") || after.hasPrefix("：1") {
                figure.unit = ":1"
                after = after.dropFirst(2)
            } else if after.hasPrefix("倍") {
                figure.value *= 100
                figure.unit = "%"
                after = after.dropFirst()
            } else if let unit = Self.units.first(where: { after.hasPrefix($0) }) {
                figure.unit = unit
                after = after.dropFirst(unit.count)
            } else if after.hasPrefix("万") || after.hasPrefix("亿") {
                figure.value *= after.hasPrefix("万") ? 10_000 : 100_000_000
                after = after.dropFirst()
                if let unit = Self.units.first(where: { after.hasPrefix($0) }) {
                    figure.unit = unit
                    after = after.dropFirst(unit.count)
                } else {
                    figure.checks.append(Phrase("数值未写单位，请核对", "the figure has no unit: check it"))
                }
            }
            for suffix in ["及以上", "以上", "以下", "左右"] where after.hasPrefix(suffix) {
                figure.suffix = suffix
                after = after.dropFirst(suffix.count)
                break
            }
            figure.end = characters.count - after.count
            figures.append(figure)
            index = figure.end
        }
        return figures
    }
}
