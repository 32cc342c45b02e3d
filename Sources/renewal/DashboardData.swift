import Foundation
import RenewalModel
import RenewalStore
import RenewalUI

/// Loads what the dashboard shows from the plan and the store.
enum DashboardData {
    /// Entries are read without their text (judging needs none of it); the measure view's
    /// history reads its items' complete entries from the store when it is shown.
    static func load(plan: Plan, store: ProgressStore, asOf: Day, isSample: Bool) throws -> AppData {
        AppData(
            plan: plan, entries: try store.entries(detail: .judging), flags: try store.flags(includeCleared: true),
            asOf: asOf,
            today: Today.day(), isSample: isSample)
    }

    /// The answer to `Effect.loadHistory`: the items' complete entries, or nil (the view then
    /// shows the figures it holds) when the store cannot be read.
    static func history(_ items: [String], store: ProgressStore) -> Message {
        .historyLoaded(items: items, entries: try? store.entries(for: Set(items)))
    }

    /// The answer to an effect that only reads (history, latest reports); nil for the others.
    static func read(_ effect: Effect, store: ProgressStore) -> Message? {
        switch effect {
        case let .loadHistory(items): return history(items, store: store)
        case let .loadLatestReports(asOf):
            return .latestReportsLoaded(asOf: asOf, reports: try? store.latestReports(asOf: asOf))
        default: return nil
        }
    }
}
