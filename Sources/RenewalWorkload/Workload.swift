import Foundation
import RenewalModel

/// Deterministic workloads for the benchmarks and for the tests that prove a fast path judges
/// like the slow one: the city's plan with its monthly returns, and the plan replicated for every
/// county of a province.
public enum Workload {
    /// A small deterministic generator (SplitMix64), so a seed always gives the same data.
    public struct Random {
        public var state: UInt64
        public init(state: UInt64) { self.state = state }
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    }

    /// The plan for `counties` counties. One county is the city's plan as it is; more are
    /// expressed as programme sets of their own (the model holds one region): programme n of
    /// county c becomes number c×100+n, measures are renumbered (county c's measure m is
    /// (c−1)×34+m, with its targets M<number>-k), overall targets get the county as a suffix
    /// (G25-1-C002) and unit names as a prefix (C002 市工业和信息化局).
    public static func plan(_ base: Plan, counties: Int) -> Plan {
        guard counties > 1 else { return base }
        var programmes: [Programme] = []
        var units: [PlanUnit] = []
        var overall: [Target] = []
        for county in 1...counties {
            let prefix = "C" + String(format: "%03d", county)
            func unitName(_ name: String) -> String { "\(prefix) \(name)" }
            units += base.units.map {
                PlanUnit(
                    id: "\(prefix)-\($0.id)", name: unitName($0.name), short: "\(prefix)\($0.short)",
                    nameEn: "\(prefix) \($0.nameEn)")
            }
            func renumber(_ number: Int) -> Int { (county - 1) * base.measures.count + number }
            // Ids keep the plan's conventions (G… for overall targets, M<measure>-<n> for a
            // measure's), so the province plan passes the same checks as the city's.
            func target(_ t: Target, id: String) -> Target {
                var copy = t
                copy.id = id
                copy.relatedMeasures = t.relatedMeasures?.map(renumber)
                return copy
            }
            overall += base.overallTargets.map { target($0, id: "\($0.id)-\(prefix)") }
            for programme in base.programmes {
                let measures = programme.measures.map { measure in
                    let number = renumber(measure.number)
                    return Measure(
                        number: number, title: measure.title, titleEn: measure.titleEn, text: measure.text,
                        leadUnits: measure.leadUnits.map(unitName),
                        responsibleUnits: measure.responsibleUnits.map(unitName),
                        targets: measure.targets.map {
                            target($0, id: Measure.itemId(number) + $0.id.dropFirst(measure.itemId.count))
                        })
                }
                programmes.append(
                    Programme(
                        number: county * 100 + programme.number, key: "\(prefix)-\(programme.key)",
                        title: "\(prefix) \(programme.title)", titleEn: "\(prefix) \(programme.titleEn)",
                        measures: measures))
            }
        }
        return Plan(
            title: base.title + "（全省\(counties)县）", titleEn: base.titleEn + " (\(counties) counties)",
            startDate: base.startDate, endDate: base.endDate, units: units, overallTargets: overall,
            programmes: programmes)
    }

    /// How many months, from the plan's start month, have ended by `day`.
    public static func monthsEnded(from start: Day, by day: Day) -> Int {
        let months = (day.year - start.year) * 12 + day.month - start.month
        let thisMonthEnded = day == Day.endOfMonth(year: day.year, month: day.month)
        return max(1, months + (thisMonthEnded ? 1 : 0))
    }

    /// Monthly returns for every target (a figure or a milestone state) and a narrative report
    /// for every measure without targets, from the plan's start month for `months` months.
    public static func entries(_ plan: Plan, months: Int, seed: UInt64) -> [ProgressEntry] {
        var random = Random(state: seed)
        var entries: [ProgressEntry] = []
        let start = plan.startDate
        func monthEnd(_ index: Int) -> Day {
            let month0 = start.month - 1 + index
            let year = start.year + month0 / 12
            let month = month0 % 12 + 1
            return Day(year: year, month: month, day: Day.daysIn(month: month, year: year)) ?? start
        }
        var serial = 0
        func add(_ item: String, _ date: Day, value: Double?, milestone: MilestoneState?) {
            serial += 1
            entries.append(
                ProgressEntry(
                    id: "\(serial)", itemId: item, date: date, value: value, milestone: milestone,
                    progress: "（基准测试）第\(serial)条", reportingUnit: nil))
        }
        for target in plan.allTargets {
            let pace = 0.6 + 0.6 * random.unit()  // some targets lag, some run ahead
            for index in 0..<months {
                let date = monthEnd(index)
                switch target.kind {
                case .milestone:
                    add(target.id, date, value: nil, milestone: index == months - 1 && pace > 1 ? .done : .inProgress)
                case .quantitative:
                    let goal = target.value ?? 1
                    let share: Double
                    if target.reading == .yearToDate {
                        share = Double(date.month) / 12
                    } else {
                        share = Double(index + 1) / Double(months)
                    }
                    let value = (target.baselineYear != nil ? 1000 * (1 + goal / 100) : goal) * share * pace
                    add(target.id, date, value: (value * 10).rounded() / 10, milestone: nil)
                }
            }
        }
        for measure in plan.measures where measure.targets.isEmpty {
            for index in 0..<months { add(measure.itemId, monthEnd(index), value: nil, milestone: .inProgress) }
        }
        // Baselines for the relative targets.
        for target in plan.allTargets where target.baselineYear != nil {
            serial += 1
            entries.append(
                ProgressEntry(
                    id: "\(serial)", itemId: target.id, date: Day.endOfYear(target.baselineYear ?? 2023),
                    value: 1000, baselineYear: target.baselineYear))
        }
        return entries
    }
}
