import RenewalModel

/// The order in which late items are listed, by `renewal overdue`, the bulletin and the
/// dashboard's `o` alike.
public enum Ordering {
    /// Worst status first; then the larger lag, the earlier deadline, the plan order of ids.
    public static func worstFirst(_ a: TargetEvaluation, _ b: TargetEvaluation) -> Bool {
        if a.status != b.status { return a.status > b.status }
        if (a.lag ?? 0) != (b.lag ?? 0) { return (a.lag ?? 0) > (b.lag ?? 0) }
        if let da = a.deadline, let db = b.deadline, da != db { return da < db }
        return a.targetId < b.targetId
    }

    /// Overdue, lagging and due-soon targets under each lead unit ("" for an overall target
    /// without one), worst first. An item with two lead units appears under both: each
    /// department sees its whole list. Groups come in the order of their worst item.
    public static func lateByLeadUnit(
        _ evaluation: PlanEvaluation, plan: Plan
    ) -> [(unit: String, items: [TargetEvaluation])] {
        let late = evaluation.targets.filter { $0.status.isOverdueOrLagging }.sorted(by: worstFirst)
        var order: [String] = []
        var byUnit: [String: [TargetEvaluation]] = [:]
        for item in late {
            let units = plan.leadUnits(forTarget: item.targetId)
            for unit in units.isEmpty ? [""] : units {
                if byUnit[unit] == nil { order.append(unit) }
                byUnit[unit, default: []].append(item)
            }
        }
        return order.map { ($0, byUnit[$0] ?? []) }
    }
}
