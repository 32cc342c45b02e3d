import Foundation
import GRDB
import GRDBSQLite
import RenewalModel
import RenewalText
import Synchronization

/// The embedded progress store: one SQLite file holding every progress entry and supervision flag.
///
/// Entries are append-only, enforced by triggers in the database itself: a correction is a new
/// entry naming the one it corrects (DESIGN §3, 一事一记、全程留痕). The file is opened as a
/// `DatabasePool` in WAL mode, so a dashboard can read while another process writes; writers
/// wait (busy timeout) rather than fail with "database is locked".
public final class SQLiteStore: ProgressStore {
    public let path: String
    public var location: String { path }
    /// A `DatabasePool` (WAL: readers beside a writer); a `DatabaseQueue` for a store read from a
    /// copy without its -wal and -shm files (`StoreFile.readOnlyPath`).
    let pool: any DatabaseWriter

    let access: StoreAccess
    /// Whether `PRAGMA quick_check` has passed in this process (always true for `.write`, which
    /// checks before it opens).
    private let checkedSound: Mutex<Bool>
    /// The plan and rules the judging digest is kept with on every write (`keepJudgingDigest`).
    let digestKeeper = Mutex<DigestKeeper?>(nil)

    /// True when this open made a new, empty store.
    public let created: Bool

    /// Opens the store at `path` for `access`, bringing its schema up to date when writing.
    ///
    /// Nothing is written to a file that is not a renewal store: the file is inspected first
    /// (`StoreFile`), and another application's SQLite file, a store from a newer renewal, a
    /// damaged store or a missing one (for reading) is refused with `StoreError`.
    public init(path: String, access: StoreAccess) throws {
        self.path = path
        self.access = access
        checkedSound = Mutex(access == .write)
        // Damage is looked for before the pool opens: opening one for writing already writes
        // (GRDB creates and drops a table so that the -wal and -shm files exist).
        let kind = StoreFile.inspect(path: path, checkIntegrity: access == .write)
        switch kind {
        case .missing where access != .write: throw StoreError.missing(path: path)
        case .notSQLite: throw StoreError.notAStore(path: path)
        case .foreign: throw StoreError.foreign(path: path)
        case let .newer(migrations): throw StoreError.newerSchema(path: path, migrations: migrations)
        case let .damaged(reason): throw StoreError.damaged(path: path, reason: reason)
        case let .unreadable(reason): throw StoreError.cannotOpen(path: path, reason: reason)
        case let .notAFile(what): throw StoreError.notAFile(path: path, what: what)
        case .empty where access != .write: throw StoreError.empty(path: path)
        case .missing, .empty, .renewal: break
        }
        created = kind == .missing || kind == .empty
        if access == .write, kind == .missing {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                do {
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                } catch {
                    throw StoreError.cannotOpen(
                        path: path, reason: Phrase("无法创建文件夹 \(directory)", "cannot create the folder \(directory)"))
                }
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        configuration.readonly = access == .read
        if access != .read {
            // Keep the -wal and -shm files when the last connection closes: a reader who may not
            // write the folder can open a WAL database read-only only while they exist.
            configuration.prepareDatabase { db in
                var persist: Int32 = 1
                _ = sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
            }
        }
        do {
            let readOnlyPath = access == .read ? StoreFile.readOnlyPath(path) : path
            if readOnlyPath != path {
                pool = try DatabaseQueue(path: readOnlyPath, configuration: configuration)
            } else {
                pool = try DatabasePool(path: path, configuration: configuration)
            }
            if access == .write { try Self.migrator.migrate(pool) }
            if access == .browse, try !pool.read({ try Self.migrator.hasCompletedMigrations($0) }) {
                try ensureSoundBeforeWriting()
                try Self.migrator.migrate(pool)
            }
        } catch let error as DatabaseError {
            if access == .read, error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN {
                // WAL needs its -shm file; a reader who may not write the folder cannot create it.
                throw StoreError.readOnlyFolder(path: path)
            }
            throw StoreError.from(error, path: path)
        }
    }

    /// Reads, with SQLite's failures turned into `StoreError`s a user can act on.
    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch let error as DatabaseError { throw StoreError.from(error, path: path) }
    }

    /// Writes in one transaction, with SQLite's failures turned into `StoreError`s; never to a
    /// store found damaged, nor to one opened read-only.
    func writing<T>(_ body: (Database) throws -> T) throws -> T {
        if access == .read { throw StoreError.readOnly(path: path) }
        try ensureSoundBeforeWriting()
        do { return try pool.write(body) } catch let error as DatabaseError { throw StoreError.from(error, path: path) }
    }

    /// `PRAGMA quick_check`, once per process, before the first write of a store opened to browse.
    func ensureSoundBeforeWriting() throws {
        try checkedSound.withLock { checked in
            guard !checked else { return }
            let result = try reading { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            guard result == ["ok"] else {
                throw StoreError.damaged(path: path, reason: result.prefix(3).joined(separator: "; "))
            }
            checked = true
        }
    }

    /// Where the store lives unless told otherwise: `$XDG_DATA_HOME/renewal/renewal.sqlite`,
    /// or `~/.local/share/renewal/renewal.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            dataHome = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            dataHome = (home as NSString).appendingPathComponent(".local/share")
        }
        return ((dataHome as NSString).appendingPathComponent("renewal") as NSString).appendingPathComponent(
            "renewal.sqlite")
    }

    /// Migrations applied to this file, oldest first.
    public func appliedMigrations() throws -> [String] {
        try reading { try Self.migrator.appliedMigrations($0) }
    }

    public func recordedPlan() throws -> StorePlan? {
        try reading { db in
            // A store made before v8, opened to read, has no such table: no plan recorded.
            guard try db.tableExists("storePlan") else { return nil }
            let row = try Row.fetchOne(
                db, sql: "SELECT fingerprint, documentNumber, title, recordedAt FROM storePlan ORDER BY id DESC LIMIT 1"
            )
            return row.map {
                StorePlan(
                    fingerprint: $0["fingerprint"], documentNumber: $0["documentNumber"], title: $0["title"],
                    recordedAt: $0["recordedAt"])
            }
        }
    }

    public func recordPlan(_ plan: StorePlan, at: String) throws {
        try writing { db in
            try db.execute(
                sql: "INSERT INTO storePlan (fingerprint, documentNumber, title, recordedAt) VALUES (?, ?, ?, ?)",
                arguments: [plan.fingerprint, plan.documentNumber, plan.title, at])
        }
    }

    /// Changes whenever an entry or flag is written, by this process or another: the dashboard
    /// polls it to pick up other people's work without a key press.
    public func changeToken() throws -> String {
        try reading { db in
            // A reply changes no flag row: the events count too (when the store has them, v3 on).
            let events = try db.tableExists("flagEvent") ? "(SELECT ifnull(max(id), 0) FROM flagEvent)" : "0"
            return try String.fetchOne(
                db,
                sql: """
                    SELECT (SELECT ifnull(max(id), 0) FROM entry) || ':' || (SELECT ifnull(max(id), 0) FROM flag)
                        || ':' || (SELECT count(clearedAt) FROM flag) || ':' || \(events)
                    """) ?? ""
        }
    }
}

extension StoreError {
    /// A database error as the user can act on it; the SQL and SQLite's own words stay out of
    /// the sentence except as the reason.
    public static func from(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_READONLY, .SQLITE_PERM: return .readOnly(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .damaged(path: path, reason: error.message ?? "\(error.resultCode)")
        case .SQLITE_CANTOPEN:
            return .cannotOpen(path: path, reason: Phrase("文件或其所在文件夹无法访问", "the file or its folder cannot be reached"))
        case .SQLITE_FULL:
            return .cannotOpen(path: path, reason: Phrase("磁盘已满", "the disk is full"))
        default:
            let why = error.message ?? "\(error.resultCode)"
            return .cannotOpen(path: path, reason: Phrase("数据库错误（\(why)）", "database error (\(why))"))
        }
    }
}
