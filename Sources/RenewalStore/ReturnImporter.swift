import Foundation
import RenewalModel

/// Imports a checked return into the store: every row in one transaction, duplicates skipped.
public enum ReturnImporter {
    public struct Outcome: Sendable {
        /// Entries written (or, in a dry run, that would be written).
        public var added: Int
        /// Lines of rows identical to a stored entry (same item, date, value), skipped.
        public var duplicateLines: [Int]
        /// Lines of template rows left blank (no figure, no text), skipped.
        public var blankLines: [Int]
        public var encoding: TextDecoding.Encoding
        public var dryRun: Bool
    }

    /// Writes the rows of `checked` (already validated) to `store`; with `dryRun`, or no store
    /// yet, says what would be written. Linear in the rows and the stored entries.
    public static func run(
        _ checked: EntriesCSV.Return, file: String, store: (any ProgressStore)?, by: String, at: String,
        dryRun: Bool, progress: ((Int, Int) -> Void)? = nil
    ) throws -> Outcome {
        let entries = checked.rows.map { $0.newEntry(file: file, recordedBy: by, recordedAt: at) }
        let duplicates: [Int]
        let added: Int
        if !dryRun, let store {
            let result = try store.appendAll(entries, every: 1000, progress: progress)
            duplicates = result.duplicates
            added = result.added.count
        } else {
            duplicates = try store?.duplicates(among: entries) ?? NewEntry.repeats(among: entries)
            added = entries.count - duplicates.count
        }
        return Outcome(
            added: added, duplicateLines: duplicates.map { checked.rows[$0].line }, blankLines: checked.blankLines,
            encoding: checked.encoding, dryRun: dryRun)
    }
}
