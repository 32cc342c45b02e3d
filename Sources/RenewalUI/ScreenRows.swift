import RenewalModel
import RenewalReports

/// A selectable row of a screen, and what Enter, `f` and `u` act on.
public enum RowRef: Sendable, Hashable {
    case overallPanel
    case programme(Int)
    case measure(Int)
    case target(String)
    case unit(String)
    /// A report in a target's page (by entry id): `e` corrects it.
    case entry(String)
    /// A flag in the 督办台账 (by flag id): Enter opens its item, `f` replies or closes.
    case flag(String)
}

/// One overdue or lagging item under a lead unit ("" for overall targets without one).
struct OverdueGroup: Sendable {
    var unit: String
    var items: [TargetEvaluation]
}

/// An item a unit leads or shares, with its status.
struct UnitItem: Sendable {
    var row: RowRef
    var leads: Bool
    var status: Status
}

/// A unit's line in the league table: its led items counted by light, and what it shares.
struct UnitRow: Sendable {
    var unit: PlanUnit
    var leads: Int
    var shares: Int
    var lights: [Light: Int]

    subscript(light: Light) -> Int { lights[light] ?? 0 }
}

/// The selectable rows of each screen, derived from the data (never stored).
extension AppState {
    public func rows(for screen: Screen) -> [RowRef] {
        let plan = data.plan
        switch screen {
        case .overview:
            // A plan whose targets all stand in its programmes has no overall panel.
            return (plan.overallTargets.isEmpty ? [] : [.overallPanel]) + plan.programmes.map { .programme($0.number) }
        case .overall:
            return plan.overallTargets.map { .target($0.id) }
        case let .programme(number):
            return plan.programmes.first { $0.number == number }?.measures.map { .measure($0.number) } ?? []
        case let .measure(number):
            return plan.measure(number: number)?.targets.map { .target($0.id) } ?? []
        case let .target(id):
            // The measures that deliver it, then its reports (newest first), which `e` corrects.
            return TargetView.measures(of: id, in: plan).map { .measure($0) }
                + MeasureView.shownReports(history(for: plan.seriesItems(of: id)), asOf: data.asOf).map {
                    .entry($0.id)
                }
        case .overdue:
            switch overdueTab {
            case .late: return overdueGroups.flatMap { $0.items.map { RowRef.target($0.targetId) } }
            case .dueSoon: return data.dueSoon.map { .target($0.targetId) }
            }
        case .units:
            return unitRows.map { .unit($0.unit.name) }
        case .reporting:
            return reportingStatus?.units.map { .unit($0.unit) } ?? []
        case .changes:
            // Measures are compared too (issue 21): Enter opens a measure's page for them.
            return changes?.items.map { change in
                plan.measure(itemId: change.item.id).map { .measure($0.number) } ?? .target(change.item.id)
            } ?? []
        case let .unitItems(name):
            return unitPage(name).map(\.row)
        case .search:
            return searchResults
        case .ledger:
            return ledgerLines.map { .flag($0.flag.id) }
        case .help:
            return []
        }
    }

    public var selectedRow: RowRef? {
        let rows = rows(for: screen)
        guard !rows.isEmpty else {
            if case let .measure(number) = screen { return .measure(number) }
            return nil
        }
        return rows[min(max(0, selectedIndex), rows.count - 1)]
    }

    /// The items whose complete history a screen shows (nil: it shows none).
    func historyItems(for screen: Screen) -> [String]? {
        switch screen {
        case let .measure(number):
            guard let measure = data.plan.measure(number: number) else { return nil }
            return data.plan.reportItems(ofMeasure: measure)
        case let .target(id):
            return data.plan.target(id: id) == nil ? nil : data.plan.seriesItems(of: id)
        default:
            return nil
        }
    }

    /// Complete entries on these items in recording order: the loaded history, else (while it
    /// loads, or when it could not be read) the figures held in memory.
    func history(for items: [String]) -> [ProgressEntry] {
        if case let .loaded(entries) = histories[items] { return entries }
        return data.entriesHeld(for: items)
    }

    /// Who has filed the last due return, for the date judged (nil until the shell has answered).
    var reportingStatus: ReportingStatus? {
        guard let reporting, reporting.asOf == data.asOf else { return nil }
        return reporting.status
    }

    /// The ledger's lines: the flags open on the date judged, or every one raised by then (Tab).
    var ledgerLines: [FlagLedgerLine] {
        ledgerShowsClosed ? data.ledger : data.ledger.filter { $0.state != .closed }
    }

    /// Overdue and lagging targets, worst first, under each lead unit (computed once per load).
    var overdueGroups: [OverdueGroup] { data.overdueGroups }

    /// Every unit with the items it leads and shares and how many of those lag.
    var unitRows: [UnitRow] {
        // Each order is stable on the plan's order, so ties read as the plan lists units. The keys
        // are computed once and the positions sorted: no row is copied or hashed while sorting
        // (3,264 units at province scale).
        func by(_ key: (UnitRow) -> (Int, Int, Int, Int)) -> [UnitRow] {
            let rows = data.unitRows
            let keys = rows.map(key)
            return keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] > keys[$1] : $0 < $1 }.map { rows[$0] }
        }
        if let light = unitSort.light { return by { ($0[light], 0, 0, 0) } }
        switch unitSort {
        case .leads: return by { ($0.leads, 0, 0, 0) }
        case .plan: return data.unitRows
        default: return by { ($0[.red], $0[.yellow], $0[.blue], $0[.purple]) }
        }
    }

    /// Targets (and measures without targets) a unit leads or shares, in plan order.
    func unitItems(_ name: String) -> [UnitItem] { data.itemsByUnit[name] ?? [] }

    /// A unit's page: what it leads, then what it shares, each worst first (the page a 局长 is shown).
    func unitPage(_ name: String) -> [UnitItem] {
        unitItems(name).enumerated().sorted { a, b in
            if a.element.leads != b.element.leads { return a.element.leads }
            if a.element.status != b.element.status { return a.element.status > b.element.status }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Incremental search over measure titles and clauses, target descriptions and ids, and units:
    /// measures first, then targets, then units (the order of the index).
    var searchResults: [RowRef] { searchHits }

    static func search(_ text: String, in data: AppData) -> [RowRef] {
        let needle = ByteSearch.folded(text.trimmingSpaces)
        guard !needle.isEmpty else { return [] }
        return data.searchIndex.rows.compactMap { ByteSearch.contains($0.bytes, needle) ? $0.row : nil }
    }
}

/// Substring search over UTF-8 bytes: exact for UTF-8 (no character boundary can be matched
/// falsely, since continuation bytes never start a character), and far faster than String's.
enum ByteSearch {
    /// The UTF-8 bytes of `text` with ASCII letters lowercased: the search is case-blind for
    /// English and exact for Chinese, which has no case. (String.lowercased() maps every character
    /// through Unicode's tables: a tenth of a province's first frame went to lowercasing clauses.)
    static func folded(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        for index in bytes.indices where bytes[index] &- 0x41 < 26 { bytes[index] |= 0x20 }
        return bytes
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                let first = n[0]
                let last = h.count - n.count
                var i = 0
                while i <= last {
                    if h[i] == first {
                        var j = 1
                        while j < n.count && h[i + j] == n[j] { j += 1 }
                        if j == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
