import Foundation
import RenewalModel
import RenewalStore
import RenewalUI

/// Loads what the dashboard shows from the plan and the store.
enum DashboardData {
    /// Entries are read without their text (judging needs none of it); the measure view's
    /// history reads its items' complete entries from the store when it is shown.
    static func load(plan: Plan, store: any ProgressStore, asOf: Day, isSample: Bool) throws -> AppData {
        AppData(
            plan: plan, entries: try store.entries(detail: .judging), flags: try store.flags(includeCleared: true),
            asOf: asOf,
            today: Today.day(), isSample: isSample)
    }

    /// What the first frame needs: the plan, the store and the data.
    struct FirstLoad {
        let plan: Plan
        let opened: OpenedStore
        let data: AppData
        /// False when `data` was judged from the digest: the shell then reads every entry once
        /// the frame is up, before a key is handled (comparing dates, `c` and `d`, needs them all).
        let complete: Bool
    }

    /// For the first frame: the store's judging digest when it is current (`JudgingDigest`: the
    /// same verdicts from a fraction of the entries), else every entry (`everyEntry` asks for
    /// that). An existing store is read while the plan decodes; a demo store is made from the
    /// plan, so that comes first (and a bad plan must not leave a new store behind).
    static func loadFirst(
        _ source: StoreOptions, access: StoreAccess, asOf: Day, everyEntry: Bool = false
    ) throws -> FirstLoad {
        let planSource = try source.planSource()
        let key = JudgingDigest.key(planFingerprint: planSource.fingerprint, rules: .standard)
        func read(_ store: any ProgressStore) throws -> (entries: [ProgressEntry], fromDigest: Bool) {
            everyEntry
                ? (try store.entries(detail: .judging), false) : try store.judgingEntries(asOf: asOf, digestKey: key)
        }
        let plan: Plan, opened: OpenedStore, entries: (entries: [ProgressEntry], fromDigest: Bool)
        let flags: [SupervisionFlag]
        if source.demo || !source.storeMayExist {
            plan = try StoreOptions.plan(from: planSource)
            opened = try source.openStore(plan: plan, access: access)
            (entries, flags) = (try read(opened.store), try opened.store.flags(includeCleared: true))
        } else {
            (plan, (opened, entries, flags)) = try concurrently(
                { try StoreOptions.plan(from: planSource) },
                {
                    let opened = try source.openFile(access: access)
                    return (opened, try read(opened.store), try opened.store.flags(includeCleared: true))
                })
        }
        if access != .read, !opened.isDemo {
            opened.store.keepJudgingDigest(plan: plan, planFingerprint: planSource.fingerprint)
        }
        let data = AppData(
            plan: plan, entries: entries.entries, flags: flags, asOf: asOf, today: Today.day(), isSample: opened.isDemo)
        return FirstLoad(plan: plan, opened: opened, data: data, complete: !entries.fromDigest)
    }

    /// The answer to `Effect.loadHistory`: the items' complete entries, or nil (the view then
    /// shows the figures it holds) when the store cannot be read.
    static func history(_ items: [String], store: any ProgressStore) -> Message {
        .historyLoaded(items: items, entries: try? store.entries(for: Set(items)))
    }

    /// The answer to an effect that only reads (history, latest reports); nil for the others.
    static func read(_ effect: Effect, store: any ProgressStore) -> Message? {
        switch effect {
        case let .loadHistory(items): return history(items, store: store)
        case let .loadLatestReports(asOf):
            return .latestReportsLoaded(asOf: asOf, reports: try? store.latestReports(asOf: asOf))
        default: return nil
        }
    }
}
