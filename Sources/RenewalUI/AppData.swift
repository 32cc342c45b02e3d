import RenewalModel
import RenewalReports
import Synchronization

/// Everything the dashboard shows, loaded by the shell from the plan and the store. A reload
/// replaces it whole; the view state (where you are, what is selected) survives.
public struct AppData: Sendable {
    public var plan: Plan
    public var entries: [ProgressEntry]
    /// Every flag, cleared ones included (a review of a past date shows the flags open then).
    public var flags: [SupervisionFlag]
    public var asOf: Day
    /// The real date, for validating entries (no future dates).
    public var today: Day
    public var isSample: Bool
    public private(set) var evaluation: PlanEvaluation
    // Lookups by id go through the plan's own index (`Plan.target(id:)` and friends); what is
    // built here depends on the evaluation or serves only the views.
    /// Each unit's items (targets, and measures without targets), in plan order.
    let itemsByUnit: [String: [UnitItem]]
    /// Each unit's league-table row (led items by light, what it shares), in plan order: counted
    /// once per load, sorted per frame (3,264 units at province scale).
    let unitRows: [UnitRow]
    /// The most lines an overview panel lists (its targets with figures and the measures without):
    /// every panel is as tall as the fullest, and counting once per load keeps a frame cheap.
    let mostPanelLines: Int
    /// Overdue and lagging targets, worst first, under each lead unit ("" for none).
    let overdueGroups: [OverdueGroup]
    /// Targets not done whose deadline falls within the due-soon window (today included), or passed
    /// while the final return is awaited (待报终值), the nearest deadline first: the `o` view's
    /// second tab, which so counts every ⧖ of the header.
    let dueSoon: [TargetEvaluation]
    /// The 督办台账 on the date judged: every flag raised by then, closed ones included, most
    /// urgent first (`FlagLedger`).
    let ledger: [FlagLedgerLine]
    /// What search looks through (built on the first search, shared by copies).
    let searchIndex: SearchIndex

    /// - Parameter entries: every entry, in recording order; they may lack their text (the shell
    ///   reads them for judging), in which case views that show text ask for it with
    ///   `Effect.loadHistory` and keep the answer in `AppState.histories`.
    public init(plan: Plan, entries: [ProgressEntry], flags: [SupervisionFlag], asOf: Day, today: Day, isSample: Bool) {
        self.plan = plan
        self.entries = entries
        self.flags = flags
        self.asOf = asOf
        self.today = today
        self.isSample = isSample
        evaluation = StatusEngine(plan: plan).evaluate(entries: entries, flags: flags, asOf: asOf)
        let measures = plan.measures
        var items: [String: [UnitItem]] = [:]
        let judged = evaluation
        for target in plan.overallTargets {
            for unit in plan.leadUnits(forTarget: target.id) {
                items[unit, default: []].append(
                    UnitItem(
                        row: .target(target.id), leads: true, status: judged.target(target.id)?.status ?? .noReport))
            }
        }
        for measure in measures {
            let involved =
                measure.leadUnits.map { ($0, true) }
                + measure.responsibleUnits.filter { !measure.leadUnits.contains($0) }.map { ($0, false) }
            for (unit, leadsIt) in involved {
                if measure.targets.isEmpty {
                    items[unit, default: []].append(
                        UnitItem(
                            row: .measure(measure.number), leads: leadsIt,
                            status: judged.measure(measure.number)?.status ?? .noReport))
                }
                for target in measure.targets {
                    items[unit, default: []].append(
                        UnitItem(
                            row: .target(target.id), leads: leadsIt,
                            status: judged.target(target.id)?.status ?? .noReport))
                }
            }
        }
        itemsByUnit = items
        unitRows = plan.units.map { unit in
            let unitItems = items[unit.name] ?? []
            var led = 0
            var lights: [Light: Int] = [:]
            for item in unitItems where item.leads {
                led += 1
                lights[item.status.light, default: 0] += 1
            }
            return UnitRow(unit: unit, leads: led, shares: unitItems.count - led, lights: lights)
        }
        let quantitative = { (measure: Measure) in measure.targets.filter { $0.kind == .quantitative }.count }
        mostPanelLines = max(
            plan.overallTargets.count,
            plan.programmes.map { $0.measures.reduce(0) { $0 + max(1, quantitative($1)) } }.max() ?? 0)
        searchIndex = SearchIndex(plan: plan)
        let window = StatusRules.standard.dueSoonDays
        dueSoon = evaluation.targets.filter { judged in
            guard let deadline = judged.deadline, !judged.status.isFinished else { return false }
            let days = asOf.days(to: deadline)
            return (days >= 0 && days <= window) || judged.markers.contains(.awaitingFinal)
        }.sorted { ($0.deadline ?? asOf, $0.targetId) < ($1.deadline ?? asOf, $1.targetId) }
        ledger =
            flags.isEmpty ? [] : FlagLedger.lines(flags, entries: entries, plan: plan, on: asOf, includeClosed: true)
        overdueGroups = Ordering.lateByLeadUnit(evaluation, plan: plan).map {
            OverdueGroup(unit: $0.unit, items: $0.items)
        }
    }

    /// The entries held in memory on these items, in recording order (their text only when the
    /// shell loaded it): what a view shows until, or instead of, a loaded history.
    public func entriesHeld(for items: [String]) -> [ProgressEntry] {
        let wanted = Set(items)
        return entries.filter { wanted.contains($0.itemId) }
    }

    /// Lead units answering for a target.
    public func leadUnits(forTarget id: String) -> [String] { plan.leadUnits(forTarget: id) }

    /// The same data judged on another day.
    public func judged(asOf day: Day) -> AppData {
        AppData(plan: plan, entries: entries, flags: flags, asOf: day, today: today, isSample: isSample)
    }

    public func target(_ id: String) -> Target? { plan.target(id: id) }

    public func measureNumber(ofTarget id: String) -> Int? { plan.measure(containingTarget: id)?.number }

    /// Whether the item has a flag open now (what `f` toggles), whatever the date judged.
    public func isFlagged(_ itemId: String) -> Bool { flags.contains { $0.itemId == itemId && $0.isOpen } }

    /// The flags open on the date judged (DESIGN §4: 督办 as of that date).
    public var flagsOnDate: [SupervisionFlag] { flags.open(on: asOf) }
}

/// What search looks through: each measure, target and unit with its words as UTF-8 bytes, ASCII
/// letters lowercased once (`ByteSearch.folded`; a byte search is exact for UTF-8 and much faster
/// than String's). Built when first searched, not with the data: at a province's scale it cost a
/// tenth of the first frame, for a key most sessions never press.
final class SearchIndex: Sendable {
    let plan: Plan
    private let built = Mutex<[(row: RowRef, bytes: [UInt8])]?>(nil)

    init(plan: Plan) { self.plan = plan }

    /// Measures first, then targets, then units.
    var rows: [(row: RowRef, bytes: [UInt8])] {
        built.withLock { rows in
            if let rows { return rows }
            let made = Self.build(plan)
            rows = made
            return made
        }
    }

    static func build(_ plan: Plan) -> [(row: RowRef, bytes: [UInt8])] {
        var search: [(row: RowRef, text: String)] = []
        for measure in plan.measures {
            let words =
                [measure.title, measure.titleEn, measure.text, measure.itemId, measure.label] + measure.leadUnits
                + measure.responsibleUnits
            search.append((.measure(measure.number), words.joined(separator: "\n")))
        }
        for target in plan.allTargets {
            search.append(
                (
                    .target(target.id),
                    [target.id, target.description, target.descriptionEn, target.source].joined(separator: "\n")
                ))
        }
        for unit in plan.units {
            search.append(
                (.unit(unit.name), [unit.name, unit.short, unit.nameEn, unit.id].joined(separator: "\n")))
        }
        return search.map { ($0.row, ByteSearch.folded($0.text)) }
    }
}
