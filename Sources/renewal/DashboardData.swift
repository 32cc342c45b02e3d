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

    /// For the first frame: the store's judging digest when it is current (`JudgingDigest`:
    /// the same verdicts from a fraction of the entries), else every entry. `complete` is false
    /// for the digest: the shell then reads every entry once the frame is up, before a key is
    /// handled (comparing dates, `c` and `d`, needs them all).
    static func loadFirst(
        plan: Plan, store: ProgressStore, asOf: Day, isSample: Bool, planFingerprint: String
    ) throws -> (data: AppData, complete: Bool) {
        let key = JudgingDigest.key(planFingerprint: planFingerprint, rules: .standard)
        let read = try store.judgingEntries(asOf: asOf, digestKey: key)
        let data = AppData(
            plan: plan, entries: read.entries, flags: try store.flags(includeCleared: true), asOf: asOf,
            today: Today.day(), isSample: isSample)
        return (data, !read.fromDigest)
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
