import Foundation
import RenewalModel
import RenewalWorkload
import Testing

@testable import RenewalStore

/// The judging digest (issue 14, part 2): the few entries per item that decide its verdict must
/// judge exactly like every entry, on the province workload, at the DESIGN §4 boundary dates.
@Suite("Judging digest")
struct JudgingDigestTests {
    /// The province: the city's plan for each of Shandong's 136 counties.
    static let province = Workload.plan(try! PlanLoader.embedded(), counties: 136)

    /// The province's monthly returns, made as messy as real ones: corrections (one of them
    /// corrected again, one of a baseline), a figure that drops back on the last day, late
    /// returns recorded out of order, milestones done then reopened, blank narrative reports,
    /// and entries on an id the plan does not have.
    static func returns(_ plan: Plan, months: Int) -> [ProgressEntry] {
        var entries = Workload.entries(plan, months: months, seed: 14)
        var random = Workload.Random(state: 2)
        var serial = 0
        func add(_ entry: ProgressEntry) -> ProgressEntry {
            serial += 1
            var copy = entry
            copy.id = "x\(serial)"
            entries.append(copy)
            return copy
        }
        let month0 = plan.startDate.month - 1 + months - 1
        let last = Day.endOfMonth(year: plan.startDate.year + month0 / 12, month: month0 % 12 + 1)
        let byItem = Dictionary(grouping: entries.filter { !$0.isBaseline }, by: \.itemId)
        for target in plan.allTargets {
            guard let series = byItem[target.id], let latest = series.last else { continue }
            let roll = random.unit()
            let goal = target.value ?? 1
            switch (target.kind, roll) {
            case (.quantitative, ..<0.12):
                // Drops back on the last day, recorded after the figure that met the goal.
                var dip = latest
                dip.value = target.comparator == .atMost ? goal * 10 : 0
                _ = add(dip)
            case (.quantitative, ..<0.24):
                var correction = series[series.count / 2]
                correction.corrects = correction.id
                correction.value = (correction.value ?? 0) * 2
                let first = add(correction)
                if roll < 0.14 {
                    var again = first
                    again.corrects = first.id
                    again.value = goal * 3
                    _ = add(again)
                }
            case (.quantitative, ..<0.40):
                // A late return, recorded last, dated three months back, meeting the goal.
                var late = latest
                late.date = series[max(0, series.count - 4)].date
                late.value = target.isRelative ? 1000 * (1 + goal / 100) * 1.1 : goal * 1.1
                _ = add(late)
            case (.quantitative, ..<0.50):
                // Met well before now and every month since (逾期完成 or 已完成 by its start).
                for entry in series.suffix(series.count / 2) {
                    var met = entry
                    met.value = target.isRelative ? 1000 * (1 + goal / 100) * 1.2 : goal * 1.2
                    _ = add(met)
                }
            case (.milestone, ..<0.30):
                var done = latest
                done.milestone = .done
                done.date = series[max(0, series.count - 3)].date
                _ = add(done)
                var reopened = latest
                reopened.milestone = roll < 0.15 ? .inProgress : .done
                _ = add(reopened)
            default: break
            }
        }
        for target in plan.allTargets where target.baselineYear != nil && random.unit() < 0.2 {
            guard let baseline = entries.first(where: { $0.itemId == target.id && $0.isBaseline }) else { continue }
            var correction = baseline
            correction.corrects = baseline.id
            correction.value = 1300
            _ = add(correction)
        }
        for measure in plan.measures where measure.targets.isEmpty && random.unit() < 0.3 {
            _ = add(
                ProgressEntry(id: "", itemId: measure.itemId, date: last, milestone: .inProgress, progress: " \u{3000}")
            )
        }
        for month in 1...3 {
            _ = add(ProgressEntry(id: "", itemId: "M9999-1", date: last.adding(days: -31 * month), value: 5))
        }
        return entries
    }

    /// Each scenario: returns through a month, then every boundary date DESIGN §4 draws after it.
    struct Scenario: Sendable, CustomTestStringConvertible {
        let months: Int
        let dates: [String]
        var testDescription: String { "\(months) months of returns" }
    }

    static let scenarios = [
        // The first return (April 2024) falls due on 10 May; a month later it is stale.
        Scenario(months: 1, dates: ["2024-05-09", "2024-05-10", "2024-05-11", "2024-06-10", "2024-06-11"]),
        // Through October 2025: returns due on the 10th; 2025 deadlines (30 days: due soon from
        // 1 December, overdue from 1 January); January judges the past year until the 10th.
        Scenario(
            months: 19,
            dates: [
                "2025-10-31", "2025-11-09", "2025-11-10", "2025-11-11", "2025-11-30", "2025-12-01", "2025-12-02",
                "2025-12-30", "2025-12-31", "2026-01-01", "2026-01-10", "2026-01-11", "2026-03-10", "2026-03-11",
            ]),
        // Through October 2026 (what a store holds today): the 2027 deadlines and the plan's end.
        Scenario(
            months: 31,
            dates: [
                "2026-11-09", "2026-11-10", "2026-11-11", "2027-11-30", "2027-12-01", "2027-12-02", "2027-12-31",
                "2028-01-01", "2028-01-10", "2028-01-11",
            ]),
    ]

    @Test(arguments: scenarios)
    func theDigestJudgesLikeEveryEntry(_ scenario: Scenario) throws {
        let plan = Self.province
        let engine = StatusEngine(plan: plan)
        let entries = Self.returns(plan, months: scenario.months)
        let digest = JudgingDigest.decisive(entries, engine: engine)
        // Past the first months it must leave most entries out, or it is no faster than reading them all.
        if scenario.months > 6 { #expect(digest.count * 3 < entries.count, "\(digest.count) of \(entries.count)") }
        let validFrom = try #require(JudgingDigest.validFrom(digest))
        for text in scenario.dates {
            let day = try #require(Day(text))
            #expect(validFrom <= day, "\(text)")
            let full = engine.evaluate(entries: entries, asOf: day)
            let fast = engine.evaluate(entries: digest, asOf: day)
            #expect(fast == full, "as of \(text)")
            // Not vacuous: the verdicts at this date are varied.
            let statuses = full.overall.map(\.status) + full.programmes.flatMap(\.measures).map(\.status)
            #expect(Set(statuses).count >= 3, "as of \(text)")
        }
    }

    @Test func aDigestIsValidFromItsLatestEntryOnly() throws {
        let plan = Self.province
        let engine = StatusEngine(plan: plan)
        let entries = Self.returns(plan, months: 19)
        let digest = JudgingDigest.decisive(entries, engine: engine)
        #expect(JudgingDigest.validFrom(digest) == Day("2025-10-31"))
        // The day before, the month's returns are not yet in: the digest would judge otherwise.
        let before = try #require(Day("2025-10-30"))
        #expect(engine.evaluate(entries: digest, asOf: before) != engine.evaluate(entries: entries, asOf: before))
    }

    @Test func aDigestDependsOnThePlanAndTheRules() {
        let standard = JudgingDigest.key(planFingerprint: "a", rules: .standard)
        #expect(standard == JudgingDigest.key(planFingerprint: "a", rules: StatusRules()))
        #expect(standard != JudgingDigest.key(planFingerprint: "b", rules: .standard))
        #expect(standard != JudgingDigest.key(planFingerprint: "a", rules: StatusRules(dueSoonDays: 15)))
        #expect(standard != JudgingDigest.key(planFingerprint: "a", rules: StatusRules(aboutTolerance: 0.1)))
        #expect(PlanFingerprint.of(Data("{}".utf8)) != PlanFingerprint.of(Data("{ }".utf8)))
        #expect(PlanFingerprint.of(Data("{}".utf8)) == PlanFingerprint.of(Array("{}".utf8)))
    }

    /// Issue 20, defect 3: a fingerprint stands for "the same plan", so it is SHA-256 (FIPS
    /// 180-2's test vector), and two plans differing in one goal are told apart.
    @Test func aFingerprintIsTheSHA256OfThePlansBytes() throws {
        #expect(
            PlanFingerprint.of(Array("abc".utf8))
                == "sha256-ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let file = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../../Data/plan.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "\"value\": 50,", with: "\"value\": 49,")
        #expect(edited != text, "the plan names a goal of 50")
        #expect(PlanFingerprint.of(Array(text.utf8)) != PlanFingerprint.of(Array(edited.utf8)))
    }

    @Test func theBuiltInPlanHasTheFingerprintOfItsFile() throws {
        let file = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../../Data/plan.json")
        #expect(PlanSource.embedded.fingerprint == PlanFingerprint.of(try Data(contentsOf: file)))
        #expect(try PlanSource.file(path: file.path).fingerprint == PlanSource.embedded.fingerprint)
    }
}

/// The digest kept in the store on every write, and read only when it is current: the same
/// rules on both stores (issue 23 gave PostgreSQL the digest SQLite had).
@Suite("Judging digest in the store", .serialized)
struct StoredJudgingDigestTests {
    let plan = Workload.plan(try! PlanLoader.embedded(), counties: 3)
    let fingerprint = "test-plan"
    var key: String { JudgingDigest.key(planFingerprint: fingerprint, rules: .standard) }

    func newEntry(_ entry: ProgressEntry) -> NewEntry {
        NewEntry(
            itemId: entry.itemId, date: entry.date, value: entry.value, milestone: entry.milestone,
            progress: entry.progress, recordedBy: "test", recordedAt: "2026-11-30T10:00:00+08:00",
            corrects: entry.corrects, baselineYear: entry.baselineYear)
    }

    /// Judges on `day` from the store's digest and from every entry; both must agree.
    func expectSameVerdicts(
        _ store: any ProgressStore, on day: Day, fromDigest: Bool, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let read = try store.judgingEntries(asOf: day, digestKey: key)
        #expect(read.fromDigest == fromDigest, sourceLocation: sourceLocation)
        let engine = StatusEngine(plan: plan)
        let all = try store.entries(detail: .judging)
        #expect(
            engine.evaluate(entries: read.entries, asOf: day) == engine.evaluate(entries: all, asOf: day),
            sourceLocation: sourceLocation)
        if fromDigest { #expect(read.entries.count * 2 < all.count, sourceLocation: sourceLocation) }
    }

    @Test(arguments: Backend.allCases)
    func everyWriteKeepsTheDigestAndAWriteWithoutAPlanStopsItsUse(_ backend: Backend) throws {
        let made = try backend.make()
        let store = made.store
        let day = try #require(Day("2026-11-11"))
        // Written without a plan: no digest; every entry is read.
        let returns = JudgingDigestTests.returns(plan, months: 31)
        let half = returns.count / 2
        _ = try store.appendAll(returns.prefix(half).map(newEntry))
        try expectSameVerdicts(store, on: day, fromDigest: false)

        // The next write that keeps it builds it whole (an import: one pass).
        store.keepJudgingDigest(plan: plan, planFingerprint: fingerprint)
        _ = try store.appendAll(returns.dropFirst(half).map(newEntry))
        try expectSameVerdicts(store, on: day, fromDigest: true)

        // One entry at a time: only its item is reduced again. A figure that meets the goal,
        // then a correction of it that does not, then a narrative report on a measure.
        let target = try #require(plan.allTargets.first { $0.kind == .quantitative && $0.value != nil })
        let met = try store.append(
            NewEntry(
                itemId: target.id, date: try #require(Day("2026-10-31")), value: (target.value ?? 0) * 5,
                recordedBy: "test", recordedAt: "2026-11-30T10:00:00+08:00"))
        try expectSameVerdicts(store, on: day, fromDigest: true)
        _ = try store.append(
            NewEntry(
                itemId: target.id, date: met.date, value: 0, recordedBy: "test",
                recordedAt: "2026-11-30T10:01:00+08:00", corrects: met.id, reason: "typo"))
        try expectSameVerdicts(store, on: day, fromDigest: true)
        let measure = try #require(plan.measures.first { $0.targets.isEmpty })
        _ = try store.append(
            NewEntry(
                itemId: measure.itemId, date: met.date, progress: "推进中", recordedBy: "test",
                recordedAt: "2026-11-30T10:02:00+08:00"))
        try expectSameVerdicts(store, on: day, fromDigest: true)

        // Earlier than its latest entry the digest cannot judge: every entry is read.
        try expectSameVerdicts(store, on: try #require(Day("2026-10-30")), fromDigest: false)
        // Another plan file or other rules: not used.
        #expect(try store.judgingEntries(asOf: day, digestKey: "another").fromDigest == false)

        // A write by a process that does not keep it (another tool, an older renewal): not used
        // until the next write that keeps it.
        let other = try made.reopen(.write)
        _ = try other.append(newEntry(ProgressEntry(id: "", itemId: target.id, date: met.date, value: 1)))
        try expectSameVerdicts(store, on: day, fromDigest: false)
        _ = try store.append(newEntry(ProgressEntry(id: "", itemId: target.id, date: met.date, value: 2)))
        try expectSameVerdicts(store, on: day, fromDigest: true)
        // Another process opened only to read sees the same digest.
        try expectSameVerdicts(try made.reopen(.read), on: day, fromDigest: true)
    }

    /// Issue 20, defect 2: rows a database shell inserts with ids of its choosing (0, −5, a gap
    /// below the highest) left max(id) as it was, so the digest stayed "current" and overdue
    /// disagreed with show from then on. The change counter moves on any insert; a dropped or
    /// disabled counting trigger makes the counter untrusted. Either way reads take every entry,
    /// and the next write that keeps the digest rebuilds it.
    @Test(arguments: Backend.allCases)
    func rowsInsertedWithSQLBehindTheDigestStopItsUseUntilTheNextWrite(_ backend: Backend) throws {
        let made = try backend.make()
        let store = made.store
        let day = try #require(Day("2026-11-11"))
        store.keepJudgingDigest(plan: plan, planFingerprint: fingerprint)
        _ = try store.appendAll(JudgingDigestTests.returns(plan, months: 31).map(newEntry))
        try expectSameVerdicts(store, on: day, fromDigest: true)
        let target = try #require(plan.allTargets.first { $0.kind == .quantitative && ($0.value ?? 0) > 0 })
        let highest = try store.entryCount()
        let insert =
            backend == .sqlite
            ? "INSERT INTO entry (id, itemId, date, value, recordedBy, recordedAt)"
            : "INSERT INTO entry (id, item_id, date, value, recorded_by, recorded_at)"
        // 0, negative ids, one far above the highest (leaving a gap), then one inside that gap.
        for (round, id) in [0, -5, highest + 1_000, highest + 10].enumerated() {
            try made.rawSQL(
                """
                \(insert) VALUES (\(id), '\(target.id)', '2026-10-31', \((target.value ?? 1) * 3), 'shell',
                    '2026-11-30T10:00:00+08:00')
                """)
            try expectSameVerdicts(store, on: day, fromDigest: false)
            // The next write that keeps the digest rebuilds it; it answers as every entry again.
            let later = try #require(Day("2026-11-\(String(format: "%02d", round + 1))"))
            _ = try store.append(newEntry(ProgressEntry(id: "", itemId: target.id, date: later, value: 1)))
            try expectSameVerdicts(store, on: day, fromDigest: true)
        }
        // A counting trigger dropped (or disabled): the counter no longer vouches for anything.
        try made.rawSQL(
            backend == .sqlite
                ? "DROP TRIGGER entry_insert_counted" : "ALTER TABLE entry DISABLE TRIGGER entry_counted")
        #expect(try store.judgingEntries(asOf: day, digestKey: key).fromDigest == false)
        // The digest's own rows edited by hand move the counter too.
        let fresh = try backend.make()
        fresh.store.keepJudgingDigest(plan: plan, planFingerprint: fingerprint)
        _ = try fresh.store.appendAll(JudgingDigestTests.returns(plan, months: 31).map(newEntry))
        try expectSameVerdicts(fresh.store, on: day, fromDigest: true)
        try fresh.rawSQL(
            backend == .sqlite
                ? "UPDATE judgingEntry SET value = 0"
                : "DELETE FROM judging_entry WHERE entry_id = (SELECT max(entry_id) FROM judging_entry)")
        try expectSameVerdicts(fresh.store, on: day, fromDigest: false)
    }

    @Test func aStoreOpenedReadOnlyBeforeTheDigestExistedIsReadWhole() throws {
        let temporary = try TemporaryStore()
        defer { temporary.cleanup() }
        _ = try temporary.store.append(.sample())
        // As a store written by renewal before schema v4 and never migrated.
        try temporary.store.pool.write { db in
            try db.execute(sql: "DROP TABLE judgingDigest")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v4%'")
        }
        let reader = try SQLiteStore(path: temporary.path, access: .read)
        let read = try reader.judgingEntries(asOf: try #require(Day("2026-11-30")), digestKey: key)
        #expect(read.fromDigest == false)
        #expect(read.entries.map(\.itemId) == ["M02-1"])
    }
}
