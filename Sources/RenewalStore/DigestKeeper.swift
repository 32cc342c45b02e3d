import RenewalModel

/// What a store keeps its judging digest with (`keepJudgingDigest`): the plan's engine, the
/// digest key, and which items a write must reduce again. Both stores keep the digest the same
/// way; only the SQL differs.
public struct DigestKeeper: Sendable {
    public let engine: StatusEngine
    public let key: String

    public init(plan: Plan, planFingerprint: String, rules: StatusRules) {
        engine = StatusEngine(plan: plan, rules: rules)
        key = JudgingDigest.key(planFingerprint: planFingerprint, rules: rules)
    }

    /// A write touching more items than this rebuilds the digest in one pass instead of
    /// reducing item by item (an import touches most of them).
    public static let partialLimit = 64

    /// The items whose digest rows a write must make again: those written and those whose
    /// entries it corrects, with every target of their series (judged on one figure); nil
    /// (everything) when the stored digest was not current before the write (another plan,
    /// rules, or a write that did not keep it) or the write touched many.
    public func itemsToReduce(digestWasCurrent: Bool, touched: Set<String>) -> Set<String>? {
        let items = touched.reduce(into: Set<String>()) { $0.formUnion(engine.plan.seriesItems(of: $1)) }
        return digestWasCurrent && items.count <= Self.partialLimit ? items : nil
    }

    /// The entries among `entries` (recording order kept) that decide every verdict.
    /// - Parameter corrected: ids of every entry corrected anywhere in the store.
    public func decisive(_ entries: [ProgressEntry], corrected: Set<String>) -> [ProgressEntry] {
        JudgingDigest.decisive(entries, corrected: corrected, engine: engine)
    }
}
