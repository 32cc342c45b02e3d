import Crypto

/// The few entries of each item that decide its verdict (DESIGN §4), so that a province's store
/// need not read hundreds of thousands of monthly returns to judge today.
///
/// The engine reads from an item's reports only: the latest one (its date for the reporting
/// markers and flag replies), the latest with something under 进展情况, the latest figure and
/// milestone state, and where the final run of reports meeting a goal began (已完成 versus
/// 逾期完成, and the date shown) — overall and within each calendar year (annual and
/// year-to-date targets). A run's start is found by walking back until an entry breaks it, so
/// the entry before the start is kept too. Everything else can be left out without changing any
/// verdict on a day on or after the latest entry (`validFrom`); earlier days need every entry.
///
/// Which entries decide depends on the goals, so a digest is tied to the plan and the rules it
/// was made with (`key`). Keeping extra entries never changes a verdict; the tests prove the
/// digest judges like every entry on the province workload at the rules' boundary dates.
public enum JudgingDigest {
    /// Bump when the engine starts reading entries another way: stored digests then rebuild.
    public static let version = 2

    /// What a stored digest must have been made with to be used: this reduction, the plan (by
    /// its fingerprint) and every threshold of the rules.
    public static func key(planFingerprint: String, rules: StatusRules) -> String {
        let thresholds = [
            rules.onTrackMaxLag, rules.behindMaxLag, Double(rules.dueSoonDays), Double(rules.returnDueDay),
            rules.smallCountMaximum, Double(rules.stalePeriods), rules.aboutTolerance, Double(rules.unjudgeablePeriods),
        ].map { "\($0)" }.joined(separator: ",")
        return "digest \(version); plan \(planFingerprint); rules \(thresholds)"
    }

    /// The entries among `entries` (recording order kept) that decide every verdict on a day on
    /// or after `validFrom` of the result. Entries on items the plan does not have are all kept
    /// (reports list them); baselines are all kept (few, and read by year).
    /// - Parameter corrected: ids of entries corrected by entries not in `entries`.
    public static func decisive(
        _ entries: [ProgressEntry], corrected: Set<String> = [], engine: StatusEngine
    ) -> [ProgressEntry] {
        let plan = engine.plan
        let book = EntryBook(entries: entries, asOf: Day(ordinal: Int(Int32.max)), plan: plan, corrected: corrected)
        var kept = Set(book.unknownItemEntries.map(\.id))
        func keep(_ entry: ProgressEntry?) { if let entry { kept.insert(entry.id) } }
        let items = plan.measures.map(\.itemId) + plan.allTargets.map(\.id)
        for item in items {
            let series = book.series(item)
            book.baselines(item).forEach(keep)
            keep(series.last)
            keep(series.last(where: \.hasProgress))
            let states = series.filter { $0.milestone != nil }
            keepRun(of: states, where: { $0.milestone == .done }, into: &kept)
            guard let target = plan.target(id: item), target.kind == .quantitative else { continue }
            // Every goal a run could be measured against: the target's own figure (annual targets,
            // each year) and the absolute goal (relative targets: the baseline grown by it).
            let goals = Set(
                [target.value, engine.absoluteGoal(target, baseline: book.baseline(for: target))]
                    .compactMap { $0 })
            let valued = series.filter { $0.value != nil }
            var years: [Int: [ProgressEntry]] = [:]
            for entry in valued { years[entry.date.year, default: []].append(entry) }
            var lists: [(list: [ProgressEntry], goals: Set<Double>)] = [(valued, goals)]
            for (year, list) in years {
                // Growth on the previous year: each year has a goal of its own.
                let own =
                    target.judgedStyle == .growthOnPreviousYear
                    ? engine.previousYearGoal(target, year: year, valued: valued, book: book) : nil
                lists.append((list, goals.union([own].compactMap { $0 })))
            }
            for (list, goals) in lists {
                keep(list.last)
                for goal in goals {
                    keepRun(
                        of: list,
                        where: {
                            engine.meets(
                                $0.value ?? .nan, goal: goal, comparator: target.comparator, tolerance: target.tolerance
                            )
                        },
                        into: &kept)
                }
            }
        }
        return entries.filter { kept.contains($0.id) }
    }

    /// Keeps the last entry of `list`, and when it meets `holds`, the first of the final run that
    /// does and the entry before that run (which ends the engine's walk back).
    static func keepRun(of list: [ProgressEntry], where holds: (ProgressEntry) -> Bool, into kept: inout Set<String>) {
        guard let last = list.last else { return }
        kept.insert(last.id)
        var start = list.count - 1
        guard holds(last) else { return }
        while start > 0, holds(list[start - 1]) { start -= 1 }
        kept.insert(list[start].id)
        if start > 0 { kept.insert(list[start - 1].id) }
    }

    /// The first day on which a digest judges like every entry: the date of its latest progress
    /// entry (every item's latest is in it), or nil when it holds none (any day then).
    public static func validFrom(_ digest: [ProgressEntry]) -> Day? {
        digest.lazy.filter { !$0.isBaseline }.map(\.date).max()
    }
}

/// A stable name for a plan's bytes: a digest or a cached plan made with one plan file is never
/// used with another. SHA-256 (swift-crypto), because the name stands for "the same plan": the
/// 64-bit multiply–xor hash it replaced was invertible word by word, so two valid plans differing
/// in one goal could be given one name in a few lines (issue 20). A province's 7 MB plan hashes
/// in milliseconds. Computed at build time for the built-in plan.
public enum PlanFingerprint {
    public static func of(_ bytes: some Collection<UInt8>) -> String {
        bytes.withContiguousStorageIfAvailable { of(buffer: $0) }
            ?? Array(bytes).withUnsafeBufferPointer { of(buffer: $0) }
    }

    static func of(buffer bytes: UnsafeBufferPointer<UInt8>) -> String {
        let digest = SHA256.hash(data: UnsafeRawBufferPointer(bytes))
        let hex = digest.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }
        return "sha256-" + hex.joined()
    }
}
