import Crypto
import RenewalModel
import RenewalStore

/// `renewal store copy`: every entry, flag and flag event of one store into another that is
/// empty (SQLite to PostgreSQL when one machine is no longer enough, and back), with their ids
/// and timestamps; then both are read again and compared, count for count and by checksum.
public enum StoreCopy {
    public struct Outcome: Sendable {
        /// Rows copied, per table.
        public let counts: [StoredRows.Table: Int]
        /// SHA-256 of every copied cell, the same read from either store.
        public let checksum: String
        /// The target was made by this copy.
        public let createdTarget: Bool
    }

    /// Copies `from` into `to`. The source is only read; the target must hold no entry and no
    /// flag, and is written in one transaction (all rows or none).
    public static func run(from: WorkspaceSource, to: WorkspaceSource) throws -> Outcome {
        guard from.storeShown != to.storeShown else {
            throw AppError(
                "来源和目标是同一个进展库：\(to.storeShown)", "the source and the target are the same store: \(to.storeShown)")
        }
        let source = try from.openNamedStore(access: .read)
        let rows: StoredRows
        do { rows = try source.storedRows() } catch let error as StoreError { throw AppError(error.phrase) }
        let plan: StorePlan?
        do { plan = try source.recordedPlan() } catch let error as StoreError { throw AppError(error.phrase) }
        let target = try to.openNamedStore(access: .write)
        let copied: StoredRows
        do {
            try target.load(rows)
            copied = try target.storedRows()
            // The copy follows the plan its source followed (a target with another recorded
            // plan holds no entry, so the source's simply becomes the latest).
            if let plan, try target.recordedPlan()?.fingerprint != plan.fingerprint {
                try target.recordPlan(plan, at: plan.recordedAt ?? Today.timestamp())
            }
        } catch let error as StoreError {
            throw AppError(error.phrase)
        }
        let expected = checksum(rows), found = checksum(copied)
        guard rows.counts == copied.counts, expected == found else {
            throw AppError(
                "复制后核对不一致：来源 \(describe(rows.counts, .zh))，目标 \(describe(copied.counts, .zh))；"
                    + "校验和 \(expected.prefix(16)) ≠ \(found.prefix(16))。请勿使用目标库，并报告此问题",
                "the copy does not match its source: source \(describe(rows.counts, .en)), target "
                    + "\(describe(copied.counts, .en)); checksum \(expected.prefix(16)) ≠ \(found.prefix(16)). "
                    + "Do not use the target; please report this")
        }
        return Outcome(counts: rows.counts, checksum: expected, createdTarget: target.created)
    }

    /// SHA-256 of the rows' canonical bytes, in hexadecimal.
    public static func checksum(_ rows: StoredRows) -> String {
        SHA256.hash(data: rows.canonicalBytes()).map { String(format: "%02x", $0) }.joined()
    }

    /// "12 entries, 3 flags, 2 flag events" in the language asked.
    public static func describe(_ counts: [StoredRows.Table: Int], _ language: Language) -> String {
        let entries = counts[.entry] ?? 0, flags = counts[.flag] ?? 0, events = counts[.flagEvent] ?? 0
        return language.pick(
            "记录 \(entries) 条、督办 \(flags) 条、督办反馈与办结 \(events) 条",
            "\(language.count(entries, "", "entry", "entries")), \(language.count(flags, "", "flag")), "
                + "\(language.count(events, "", "flag reply or closing", "flag replies and closings"))")
    }
}
