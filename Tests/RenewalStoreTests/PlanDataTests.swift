import Foundation
import RenewalModel
import Testing

@testable import RenewalStore

/// The plan in Data/plan.json against itself and against the official text.
@Suite("Plan data")
struct PlanDataTests {
    let plan: Plan
    let text = SourceText.normalized

    init() throws {
        plan = try PlanLoader.embedded()
    }

    @Test func theSourceTextIsPresent() {
        #expect(text.hasPrefix("临清市推动大规模设备更新和消费品以旧换新实施方案"))
        #expect(text.count > 6000)
    }

    @Test func theEmbeddedPlanIsTheDataFile() throws {
        let file = try String(contentsOf: SourceText.dataFile("plan.json"), encoding: .utf8)
        #expect(PlanLoader.embeddedJSON == file)
    }

    /// Issue 14: the plan compiled into Swift values at build time is the data file, field by field
    /// (titleEn and every target's wording included, which `Plan.==` compares).
    @Test func theCompiledPlanEqualsTheDecodedFile() throws {
        let file = try Data(contentsOf: SourceText.dataFile("plan.json"))
        let decoded = try PlanLoader.load(json: file)
        #expect(plan == decoded)
        #expect(plan.allTargets.map(\.descriptionEn) == decoded.allTargets.map(\.descriptionEn))
        #expect(plan.units == decoded.units)
        #expect(plan.measures.map(\.text) == decoded.measures.map(\.text))
    }

    @Test func thePlanIsConsistent() {
        #expect(plan.problems().map(\.en) == [])
    }

    @Test func titleAndWindow() {
        #expect(plan.title == "临清市推动大规模设备更新和消费品以旧换新实施方案")
        #expect(plan.startDate <= Day("2024-12-31")!)
        #expect(plan.endDate == Day("2027-12-31"))
    }

    @Test func elevenProgrammesInOrderWithTheirTitlesAsWritten() {
        #expect(plan.programmes.map(\.number) == Array(2...12))
        #expect(
            plan.programmes.map(\.key) == [
                "industry", "agriculture", "transport", "buildings", "education", "health",
                "consumer", "supply", "recycling", "standards", "safeguards",
            ])
        for programme in plan.programmes {
            let heading = "\(programme.numeral)、\(programme.title)（"
            #expect(text.contains(heading), "section heading \(heading) not in the text")
            #expect(!programme.titleEn.isEmpty)
        }
    }

    @Test func measuresOneToThirtyFourEachOnceInTheRightProgramme() {
        let expected: [Int: ClosedRange<Int>] = [
            2: 1...3, 3: 4...5, 4: 6...7, 5: 8...9, 6: 10...12, 7: 13...14,
            8: 15...16, 9: 17...19, 10: 20...24, 11: 25...27, 12: 28...34,
        ]
        for programme in plan.programmes {
            #expect(programme.measures.map(\.number) == Array(expected[programme.number] ?? 0...0))
        }
        #expect(plan.measures.map(\.number) == Array(1...34))
    }

    @Test func eachMeasuresTitleAndClauseAreInTheTextVerbatim() {
        for measure in plan.measures {
            let clause = "\(measure.label)\(measure.title)。\(measure.text)（牵头单位"
            #expect(text.contains(clause), "measure \(measure.number) differs from the text")
            #expect(!measure.titleEn.isEmpty)
        }
    }

    @Test func eachMeasuresUnitsAreExactlyThoseInItsBrackets() throws {
        for measure in plan.measures {
            let clause = "\(measure.label)\(measure.title)。\(measure.text)"
            guard let range = text.range(of: clause) else {
                Issue.record("measure \(measure.number) not found")
                continue
            }
            let rest = text[range.upperBound...]
            guard let close = rest.firstIndex(of: "）") else { continue }
            let brackets = String(rest[rest.index(after: rest.startIndex)..<close])
            let parts = brackets.split(separator: "；").map(String.init)
            #expect(parts.count == (measure.responsibleUnits.isEmpty ? 1 : 2))
            // Remove the listed names (longest first: one contains 、) and the separators;
            // nothing may remain but the two labels.
            func strip(_ part: String, label: String, names: [String]) -> String {
                var rest = part
                for prefix in [label + "：", label + ":"] where rest.hasPrefix(prefix) { rest.removeFirst(prefix.count) }
                for name in names.sorted(by: { $0.count > $1.count }) {
                    guard let r = rest.range(of: name) else {
                        Issue.record("\(name) not in measure \(measure.number)'s brackets")
                        continue
                    }
                    rest.removeSubrange(r)
                }
                return rest.filter { !"、，,".contains($0) }
            }
            #expect(
                strip(parts[0], label: "牵头单位", names: measure.leadUnits) == "", "measure \(measure.number) lead units")
            if parts.count > 1 {
                #expect(
                    strip(parts[1], label: "责任单位", names: measure.responsibleUnits) == "",
                    "measure \(measure.number) responsible units")
            }
        }
    }

    @Test func theTaskForceEntryIsOneUnit() {
        let taskForce = "临清市推动大规模设备更新和消费品以旧换新工作专班涉及部门、单位"
        #expect(plan.measure(number: 28)?.responsibleUnits == [taskForce])
        #expect(plan.measure(number: 34)?.responsibleUnits == [taskForce, "市融媒体中心"])
        #expect(plan.unit(named: taskForce) != nil)
    }

    @Test func everyUnitNamedIsListedAndEveryListedUnitIsNamed() {
        let named = Set(plan.measures.flatMap { $0.leadUnits + $0.responsibleUnits })
        let listed = Set(plan.units.map(\.name))
        #expect(named == listed)
        #expect(Set(plan.units.map(\.short)).count == plan.units.count)
        #expect(Set(plan.units.map(\.id)).count == plan.units.count)
        for unit in plan.units {
            #expect(text.contains(unit.name))
            #expect(!unit.short.isEmpty && !unit.nameEn.isEmpty)
        }
    }

    @Test func theOverallTargetsAreFiveFor2025AndEightFor2027() {
        let by2025 = plan.overallTargets.filter { $0.deadline == Day("2025-12-31") }
        let by2027 = plan.overallTargets.filter { $0.deadline == Day("2027-12-31") }
        #expect(by2025.count == 5)
        #expect(by2027.count == 8)
        #expect(plan.overallTargets.count == 13)
        let milestones = plan.overallTargets.filter { $0.kind == .milestone }.map(\.description)
        #expect(milestones.contains("国三及以下非营运柴油货车基本淘汰"))
        #expect(milestones.contains("环保绩效达到A级水平的产能比例大幅提升"))
        let relative = plan.overallTargets.filter(\.isRelative)
        #expect(relative.count == 4)
        #expect(relative.allSatisfy { $0.baselineYear == 2023 && $0.reportedUnit != nil })
    }

    @Test func idsAreUniqueAndEveryTargetHasADeadlineOrIsOngoing() {
        let ids = plan.allTargets.map(\.id)
        #expect(Set(ids).count == ids.count)
        for target in plan.allTargets {
            #expect(target.deadline != nil || target.isOngoing, "\(target.id) has no deadline and is not ongoing")
        }
    }

    @Test func everyTargetQuotesTheText() {
        for target in plan.allTargets {
            #expect(text.contains(target.source), "\(target.id): source not in the text: \(target.source)")
            if let value = target.value, target.comparator != .all {
                // The number as written appears in the quote (1万辆 is stored as 10000).
                let written = NumberText.format(value)
                let ok =
                    target.source.contains(written) || (value == 10000 && target.source.contains("1万"))
                    || (value == 100 && target.source.contains("一倍"))
                #expect(ok, "\(target.id): \(written) not in \(target.source)")
            }
            // The deadline is the last 到YYYY年 before the end of the quote in the same sentence.
            #expect(
                datedYear(of: target.source) == target.deadline?.year, "\(target.id): deadline differs from the text")
        }
    }

    /// The year of the last 到YYYY年 in the sentence that contains `quote`, up to the quote's end.
    func datedYear(of quote: String) -> Int? {
        guard let range = text.range(of: quote) else { return nil }
        let before = text[..<range.upperBound]
        let sentenceStart = before.lastIndex(of: "。").map { text.index(after: $0) } ?? text.startIndex
        let sentence = String(text[sentenceStart..<range.upperBound])
        var year: Int?
        var rest = Substring(sentence)
        while let marker = rest.range(of: "到") {
            let digits = rest[marker.upperBound...].prefix(4)
            if digits.count == 4, let y = Int(digits), rest[marker.upperBound...].dropFirst(4).hasPrefix("年") {
                year = y
            }
            rest = rest[marker.upperBound...]
        }
        return year
    }

    /// Nothing in the text that sets a number or a date may be missing: every number in the
    /// body of the plan lies inside some target's quoted source, except document references.
    @Test func everyNumberInThePlanIsCoveredByATarget() {
        guard let body = text.range(of: "一、总体要求") else {
            Issue.record("no section 一")
            return
        }
        let bodyText = String(text[body.lowerBound...])
        let notTargets = ["5G工厂", "“5567”"]
        var spans: [Range<String.Index>] = []
        for target in plan.allTargets {
            var searchStart = bodyText.startIndex
            while let range = bodyText.range(of: target.source, range: searchStart..<bodyText.endIndex) {
                spans.append(range)
                searchStart = range.upperBound
            }
        }
        for phrase in notTargets {
            if let range = bodyText.range(of: phrase) { spans.append(range) }
        }
        // A date phrase like 到2025年 covers the targets that follow it in the same sentence.
        var index = bodyText.startIndex
        var uncovered: [String] = []
        while index < bodyText.endIndex {
            guard bodyText[index].isASCII, bodyText[index].isNumber else {
                index = bodyText.index(after: index)
                continue
            }
            var end = index
            while end < bodyText.endIndex, bodyText[end].isASCII,
                bodyText[end].isNumber || bodyText[end] == "." || bodyText[end] == ":"
            {
                end = bodyText.index(after: end)
            }
            let number = String(bodyText[index..<end])
            let covered = spans.contains { $0.contains(index) }
            let isDateLead = bodyText[end...].hasPrefix("年") && bodyText[..<index].hasSuffix("到")
            if !covered && !isDateLead {
                let from: String.Index =
                    bodyText.index(index, offsetBy: -6, limitedBy: bodyText.startIndex) ?? bodyText.startIndex
                let to: String.Index =
                    bodyText.index(end, offsetBy: 6, limitedBy: bodyText.endIndex) ?? bodyText.endIndex
                let context = String(bodyText[from..<to])
                uncovered.append("\(number) in …\(context)…")
            }
            index = end
        }
        #expect(uncovered == [])
    }

    /// Every 到20XX年 in the text has at least one target with that deadline year, among the
    /// targets quoted from the same sentence.
    @Test func everyDateInThePlanIsADeadline() {
        let deadlines = Set(plan.allTargets.compactMap(\.deadline).map(\.year))
        for year in [2025, 2026, 2027] {
            #expect(text.contains("到\(year)年"))
            #expect(deadlines.contains(year))
        }
        #expect(plan.allTargets.filter { $0.deadline == Day("2026-12-31") }.map(\.id).sorted() == ["M10-1", "M10-2"])
        #expect(
            plan.allTargets.filter {
                $0.deadline == Day("2027-12-31") && $0.relatedMeasures == nil && !$0.id.hasPrefix("G")
            }.map(\.id) == ["M10-3"])
    }

    @Test func farmMachineryIsAnnualAndMechanisationIsDueIn2025() throws {
        let measure = try #require(plan.measure(number: 4))
        #expect(measure.leadUnits == ["市农业农村局"])
        #expect(measure.responsibleUnits == ["市财政局"])
        let retired = try #require(plan.target(id: "M04-1"))
        #expect(
            retired.value == 150 && retired.recurrence == .annual && retired.comparator == .atLeast
                && retired.unit == "台（套）")
        let bought = try #require(plan.target(id: "M04-2"))
        #expect(bought.value == 1000 && bought.recurrence == .annual)
        let rate = try #require(plan.target(id: "M04-3"))
        #expect(rate.value == 94 && rate.unit == "%" && rate.reading == .level && rate.deadline == Day("2025-12-31"))
    }

    @Test func comparatorsFollowTheWords() {
        for target in plan.allTargets {
            switch target.comparatorText {
            case "以上", "不低于": #expect(target.comparator == .atLeast, "\(target.id)")
            case "超过": #expect(target.comparator == .moreThan, "\(target.id)")
            case "左右", "约": #expect(target.comparator == .about, "\(target.id)")
            case "达到": #expect(target.comparator == .reach, "\(target.id)")
            case "全部": #expect(target.comparator == .all, "\(target.id)")
            case nil: #expect(target.kind == .milestone || target.comparator == .reach, "\(target.id)")
            default: Issue.record("\(target.id): unexpected comparator word \(target.comparatorText ?? "")")
            }
            if let word = target.comparatorText, word != "达到" || target.comparator == .reach {
                #expect(target.source.contains(word), "\(target.id): \(word) not in its quote")
            }
        }
    }
}
