import GRDB
import GRDBSQLite
import RenewalModel

// MARK: - Records

/// The current row of a stepped SQLite statement, read column by column (NULL is nil).
struct RawRow {
    let handle: OpaquePointer

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func int(_ column: Int32) -> Int64? { isNull(column) ? nil : sqlite3_column_int64(handle, column) }

    func double(_ column: Int32) -> Double? { isNull(column) ? nil : sqlite3_column_double(handle, column) }

    func text(_ column: Int32) -> String? {
        isNull(column) ? nil : withBytes(column) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether the column's text says anything, exactly as `String.trimmingSpaces` judges it for a
    /// full read: text is blank when every character is whitespace, and a character is whitespace
    /// when its first scalar is. So the first scalar decides unless it is whitespace; only then
    /// (rare) is the whole text made a String. (A `trim()` in SQL cost a third of reading a
    /// province's 404,464 entries, and knew fewer whitespace characters than Swift.)
    func hasProgress(_ column: Int32) -> Bool {
        withBytes(column) { bytes in
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            if case let .scalarValue(scalar) = decoder.decode(&iterator), !scalar.properties.isWhitespace {
                return true
            }
            return !String(decoding: bytes, as: UTF8.self).trimmingSpaces.isEmpty
        }
    }

    /// The column's text as bytes, valid only inside `body` (SQLite owns the buffer).
    func withBytes<Result>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let pointer = sqlite3_column_text(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        return body(UnsafeBufferPointer(start: pointer, count: pointer == nil ? 0 : count))
    }
}

struct EntryRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "entry"
    var id: Int64?
    var itemId: String
    var date: String
    var value: Double?
    var milestone: String?
    var progress: String
    var problems: String
    var nextSteps: String
    var reportingUnit: String?
    var recordedBy: String
    var recordedAt: String
    var corrects: Int64?
    var reason: String?
    var baselineYear: Int?
    var origin: String?

    init(_ entry: NewEntry) {
        itemId = entry.itemId
        date = entry.date.description
        value = entry.value
        milestone = entry.milestone?.rawValue
        progress = entry.progress
        problems = entry.problems
        nextSteps = entry.nextSteps
        reportingUnit = entry.reportingUnit
        recordedBy = entry.recordedBy
        recordedAt = entry.recordedAt
        corrects = entry.corrects.flatMap { Int64($0) }
        reason = entry.reason
        baselineYear = entry.baselineYear
        origin = entry.origin
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The model's entry (a date that no longer parses reads as `SQLiteStore.unreadableDate`).
    var entry: ProgressEntry {
        ProgressEntry(
            id: id.map { String($0) } ?? "", itemId: itemId, date: Day(date) ?? SQLiteStore.unreadableDate,
            value: value, milestone: milestone.flatMap(MilestoneState.init(rawValue:)),
            progress: progress, problems: problems, nextSteps: nextSteps, reportingUnit: reportingUnit,
            recordedBy: recordedBy, recordedAt: recordedAt, corrects: corrects.map { String($0) },
            reason: reason, baselineYear: baselineYear)
    }
}

struct FlagRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "flag"
    var id: Int64?
    var itemId: String
    var note: String
    var flaggedBy: String
    var flaggedAt: String
    var followUp: String?
    var clearedBy: String?
    var clearedAt: String?

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var flag: SupervisionFlag {
        SupervisionFlag(
            id: id.map { String($0) } ?? "", itemId: itemId, note: note, flaggedBy: flaggedBy, flaggedAt: flaggedAt,
            followUp: followUp, clearedBy: clearedBy, clearedAt: clearedAt)
    }
}
