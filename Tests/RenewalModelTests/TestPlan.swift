import RenewalModel

/// Small plans built in code, so each rule can be tested on exactly the target it concerns.
enum TestPlan {
    static func day(_ text: String) -> Day {
        guard let day = Day(text) else { fatalError("bad test date \(text)") }
        return day
    }

    /// A plan with one programme and one measure (number 1) holding `targets`.
    static func with(
        _ targets: [Target], overall: [Target] = [], start: String = "2024-01-01",
        end: String = "2027-12-31", extraMeasures: [Measure] = []
    ) -> Plan {
        let measure = Measure(
            number: 1, title: "测试措施", titleEn: "Test measure", text: "条文。",
            leadUnits: ["市工业和信息化局"], responsibleUnits: [], targets: targets)
        let programme = Programme(
            number: 2, key: "test", title: "测试工程", titleEn: "Test programme",
            measures: [measure] + extraMeasures)
        return Plan(
            title: "测试方案", titleEn: "Test plan", startDate: day(start), endDate: day(end),
            units: [PlanUnit(id: "gxj", name: "市工业和信息化局", short: "工信局", nameEn: "MIIT")],
            overallTargets: overall, programmes: [programme])
    }

    static func quantitative(
        _ id: String = "M01-1", _ comparator: GoalComparator = .atLeast, _ value: Double = 100,
        reading: Reading = .cumulative, deadline: String? = "2025-12-31",
        recurrence: Recurrence? = nil, baselineYear: Int? = nil
    ) -> Target {
        Target(
            id: id, description: "指标 \(id)", descriptionEn: "Target \(id)", source: "", kind: .quantitative,
            comparator: comparator, value: value, unit: "家", reading: reading,
            deadline: deadline.map(day), recurrence: recurrence, baselineYear: baselineYear,
            reportedUnit: baselineYear == nil ? nil : "辆")
    }

    static func milestone(_ id: String = "M01-1", deadline: String? = "2025-12-31") -> Target {
        Target(
            id: id, description: "里程碑 \(id)", descriptionEn: "Milestone \(id)", source: "", kind: .milestone,
            deadline: deadline.map(day))
    }

    /// An entry; its 进展情况 says something unless `progress` is given blank.
    static func entry(
        _ item: String = "M01-1", _ date: String, _ value: Double? = nil,
        milestone: MilestoneState? = nil, id: String? = nil, corrects: String? = nil,
        baselineYear: Int? = nil, progress: String = "进展"
    ) -> ProgressEntry {
        ProgressEntry(
            id: id ?? "e\(UInt64.random(in: 0...UInt64.max))", itemId: item, date: day(date), value: value,
            milestone: milestone,
            progress: progress, corrects: corrects, baselineYear: baselineYear)
    }

    static func evaluate(
        _ plan: Plan, _ entries: [ProgressEntry], asOf: String, flagged: Set<String> = []
    ) -> PlanEvaluation {
        StatusEngine(plan: plan).evaluate(entries: entries, flagged: flagged, asOf: day(asOf))
    }

    /// The evaluation of the single target of a one-target plan.
    static func judge(
        _ target: Target, _ entries: [ProgressEntry], asOf: String, start: String = "2024-01-01",
        flagged: Set<String> = []
    ) -> TargetEvaluation {
        let plan = with([target], start: start)
        guard let result = evaluate(plan, entries, asOf: asOf, flagged: flagged).target(target.id) else {
            fatalError("target missing from evaluation")
        }
        return result
    }
}
