import RenewalModel
import RenewalStore

/// A plan and the store that follows it, opened together: what every command and the dashboard
/// work on. It decides, in one place, which backend is opened, when the judging digest is kept
/// (every write, once a workspace is opened to write) and when it is read (a judgement on one
/// day, when it is current).
public final class Workspace: Sendable {
    public let plan: Plan
    /// The fingerprint of the plan's bytes: a judging digest made for another plan is not read.
    public let planFingerprint: String
    public let rules: StatusRules
    public let store: any ProgressStore
    /// A temporary store with the fictional sample data: every output says so; nothing is kept.
    public let isDemo: Bool
    /// Said once on opening when the store's entries were recorded under another file of the same
    /// plan (a revised file): the commands print it on stderr.
    public let planNote: Phrase?

    init(
        plan: LoadedPlan, store: any ProgressStore, isDemo: Bool, access: StoreAccess, rules: StatusRules,
        adoptPlan: Bool = false
    ) throws {
        planNote = isDemo ? nil : try Self.checkPlan(plan, of: store, access: access, adopt: adoptPlan)
        self.plan = plan.plan
        self.planFingerprint = plan.fingerprint
        self.rules = rules
        self.store = store
        self.isDemo = isDemo
        // From here on every write of entries also brings the digest up to date (in the same
        // transaction), so the next report's first read is short. A demo store is thrown away.
        if access != .read, !isDemo {
            store.keepJudgingDigest(plan: plan.plan, planFingerprint: plan.fingerprint, rules: rules)
        }
    }

    /// Judges a store only against its own plan (issue 24): the plan is recorded by the first
    /// command that opens the store to write; another document is refused, saying which plan the
    /// store follows and how to go on; a revised file of the same document is used and said so
    /// (and recorded, when writing). `adopt` records the plan in use whatever was recorded
    /// (`renewal store plan --adopt`).
    static func checkPlan(
        _ plan: LoadedPlan, of store: any ProgressStore, access: StoreAccess, adopt: Bool
    ) throws -> Phrase? {
        let current = StorePlan(plan: plan.plan, fingerprint: plan.fingerprint)
        guard let recorded = try store.recordedPlan() else {
            if access == .write { try store.recordPlan(current, at: Today.timestamp()) }
            return nil
        }
        let relation = recorded.relation(to: current)
        if relation == .same { return nil }
        if adopt {
            try store.recordPlan(current, at: Today.timestamp())
            return nil
        }
        guard relation == .revised else { throw AppError.otherPlan(recorded: recorded, current: current, store: store) }
        if access == .write { try store.recordPlan(current, at: Today.timestamp()) }
        return Phrase(
            "注意：进展库的数据记录于\(recorded.shown.zh)的另一版本文件，现按当前文件判定",
            "Note: the store's entries were recorded under another file of \(recorded.shown.en); "
                + "they are judged by the file in use")
    }

    /// The key a digest for this plan and these rules carries.
    public var digestKey: String { JudgingDigest.key(planFingerprint: planFingerprint, rules: rules) }

    /// Opens the store for a plan already loaded (commands that check their input against the
    /// plan before anything is written, so a mistake never creates a store).
    public static func open(
        _ source: WorkspaceSource, plan: LoadedPlan, access: StoreAccess, today: Day,
        rules: StatusRules = .standard, adoptPlan: Bool = false
    ) throws -> Workspace {
        let store =
            source.demo
            ? try source.openDemoStore(plan: plan.plan, today: today) : try source.openNamedStore(access: access)
        return try Workspace(
            plan: plan, store: store, isDemo: source.demo, access: access, rules: rules, adoptPlan: adoptPlan)
    }

    /// Opens the plan and the store, and makes a first read of the store (`read`, given the
    /// store and the digest key) while the plan decodes: at a province's scale each takes a good
    /// part of a report's time and neither needs the other. With no store yet, or a demo (made
    /// from the plan), the plan comes first: a bad plan must not leave a new store behind.
    public static func open<FirstRead: Sendable>(
        _ source: WorkspaceSource, access: StoreAccess, today: Day, rules: StatusRules = .standard,
        reading read: (StoreReader) throws -> FirstRead
    ) throws -> (Workspace, FirstRead) {
        let planSource = try source.planSource()
        let key = JudgingDigest.key(planFingerprint: planSource.fingerprint, rules: rules)
        if source.demo || !source.storeMayExist {
            let plan = LoadedPlan(plan: try WorkspaceSource.plan(from: planSource), fingerprint: planSource.fingerprint)
            let workspace = try open(source, plan: plan, access: access, today: today, rules: rules)
            return (workspace, try read(StoreReader(store: workspace.store, digestKey: key)))
        }
        let (decoded, (store, first)) = try concurrently(
            { try WorkspaceSource.plan(from: planSource) },
            {
                let store = try source.openNamedStore(access: access)
                return (store, try read(StoreReader(store: store, digestKey: key)))
            })
        let plan = LoadedPlan(plan: decoded, fingerprint: planSource.fingerprint)
        return (try Workspace(plan: plan, store: store, isDemo: false, access: access, rules: rules), first)
    }

    /// Opens the plan and the store, reading nothing yet.
    public static func open(
        _ source: WorkspaceSource, access: StoreAccess, today: Day, rules: StatusRules = .standard
    ) throws -> Workspace {
        try open(source, access: access, today: today, rules: rules) { _ in () }.0
    }

    /// This workspace's store, read for judging.
    public var reader: StoreReader { StoreReader(store: store, digestKey: digestKey) }
}

/// A store, with the key of the digest that may be read for it: the one place that decides
/// between the digest and every entry.
public struct StoreReader: Sendable {
    public let store: any ProgressStore
    public let digestKey: String

    /// Entries to judge on `asOf`. With `digest`, the store's judging digest when it is current
    /// (the same verdicts from a fraction of the entries; `fromDigest` then says so and only
    /// the entries that decide are there); every entry as far as `detail` says otherwise.
    public func entries(
        asOf: Day, detail: EntryDetail, digest: Bool
    ) throws -> (
        entries: [ProgressEntry], fromDigest: Bool
    ) {
        guard digest, detail == .judging else { return (try store.entries(detail: detail), false) }
        return try store.judgingEntries(asOf: asOf, digestKey: digestKey)
    }
}
