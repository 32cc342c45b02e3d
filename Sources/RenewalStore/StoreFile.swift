import Foundation
import GRDB
import RenewalModel

#if canImport(Glibc)
    import Glibc
#endif

/// What a file named as the store is, found without changing a byte of it.
///
/// Opening a `DatabasePool` switches a file to WAL mode and migrations add tables, so a store
/// path that names another application's database (a typing slip in `--db`) would be altered
/// before anything could object. The file's header and tables are read first, read-only.
enum StoreFile {
    /// renewal's SQLite `application_id` ("RNWL"), set by the v2 migration.
    static let applicationId: Int32 = 0x524E_574C

    /// Tables a store before the application id (v1) holds; anything else means a foreign file.
    static let ownTables: Set<String> = [
        "entry", "flag", "flagEvent", "grdb_migrations", "sqlite_sequence", "judgingEntry", "judgingDigest",
        "storeChange",
    ]

    enum Kind: Equatable {
        case missing
        /// Zero bytes, or an SQLite file with no tables: SQLite treats it as a new database.
        /// Writing makes it a store; reading has nothing to read.
        case empty
        case renewal
        case notSQLite
        case foreign
        case newer(migrations: [String])
        case damaged(String)
        case unreadable(Phrase)
        /// A FIFO, a device, a socket: never opened as a database.
        case notAFile(Phrase)
    }

    /// How to open `path` read-only without writing beside it. A WAL store copied without its
    /// -wal and -shm files (nobody has it open: a writer keeps them) is opened `immutable`, so
    /// SQLite neither creates them (the check wrote two files beside a store it only looked at)
    /// nor fails in a folder the reader may not write (issue 20; issue 21, item 19).
    static func readOnlyPath(_ path: String) -> String {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: path + "-wal"), !manager.fileExists(atPath: path + "-shm") else {
            return path
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var escaped = ""
        for scalar in absolute.unicodeScalars {
            switch scalar {
            case "%", "?", "#": escaped += String(format: "%%%02X", scalar.value)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        // An absolute path starts with one "/"; "file:" + it is a local file URI, no authority.
        return "file:" + escaped + "?mode=ro&immutable=1"
    }

    /// What the file at `path` is. With `checkIntegrity` (before a write: a write to a damaged
    /// file makes it worse), a renewal store is also run through `PRAGMA quick_check`, which is
    /// linear in the file; writes are rare next to reads.
    static func inspect(path: String, checkIntegrity: Bool) -> Kind {
        // The type first, without opening: opening a FIFO waits for a writer (every command hung),
        // and SQLite would leave a -journal beside a device (issue 20).
        var info = stat()
        guard stat(path, &info) == 0 else {
            return errno == ENOENT ? .missing : .unreadable(Phrase("无法访问该路径", "the path cannot be reached"))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR:
            return .unreadable(
                Phrase(
                    "这是一个文件夹；--db 应指向文件，例如 \(path)/renewal.sqlite",
                    "this is a folder; --db names a file, e.g. \(path)/renewal.sqlite"))
        case S_IFIFO:
            return .notAFile(Phrase("这是一个命名管道（FIFO）", "it is a named pipe (FIFO)"))
        case S_IFCHR, S_IFBLK:
            return .notAFile(Phrase("这是一个设备文件", "it is a device"))
        case S_IFSOCK:
            return .notAFile(Phrase("这是一个套接字", "it is a socket"))
        default:
            return .notAFile(Phrase("这不是普通文件", "it is not a regular file"))
        }
        if info.st_size == 0 { return .empty }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .unreadable(Phrase("没有读取权限", "no permission to read it"))
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if header.isEmpty { return .empty }
        guard header.count >= 100, header.starts(with: Array("SQLite format 3\u{0}".utf8)) else { return .notSQLite }
        var configuration = Configuration()
        configuration.readonly = true
        // Another process may be writing or checkpointing: wait for it, as the store itself does.
        configuration.busyMode = .timeout(30)
        do {
            let queue = try DatabaseQueue(path: readOnlyPath(path), configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                let applicationId = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
                if tables.isEmpty && applicationId == 0 { return .empty }
                guard
                    applicationId == Self.applicationId
                        || (applicationId == 0 && tables.isSubset(of: ownTables) && tables.contains("entry"))
                else { return .foreign }
                let known = Set(SQLiteStore.migrator.migrations)
                let applied =
                    tables.contains("grdb_migrations")
                    ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
                let unknown = applied.filter { !known.contains($0) }
                guard unknown.isEmpty else { return .newer(migrations: unknown) }
                if checkIntegrity {
                    let result = try String.fetchAll(db, sql: "PRAGMA quick_check")
                    guard result == ["ok"] else { return .damaged(result.prefix(3).joined(separator: "; ")) }
                }
                return .renewal
            }
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .damaged(error.message ?? "\(error.resultCode)")
            default:
                return .unreadable(Phrase("数据库错误（\(error.message ?? "")）", "database error (\(error.message ?? ""))"))
            }
        } catch {
            return .unreadable(Phrase("无法读取（\(error)）", "cannot read it (\(error))"))
        }
    }
}
