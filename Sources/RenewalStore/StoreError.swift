import Foundation
import RenewalModel
import RenewalText

/// The store could not be used: each case says what the user can do about it.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case missing(path: String)
    case notAStore(path: String)
    case foreign(path: String)
    case newerSchema(path: String, migrations: [String])
    case damaged(path: String, reason: String)
    case readOnly(path: String)
    case readOnlyFolder(path: String)
    case cannotOpen(path: String, reason: Phrase)
    /// A FIFO, a device, a socket named as the store.
    case notAFile(path: String, what: Phrase)
    /// An empty file (or an SQLite file without tables) opened to read.
    case empty(path: String)
    /// `--db` or `RENEWAL_DB` names a server in a form renewal cannot use.
    case badLocation(location: String, reason: Phrase)
    /// A PostgreSQL database that holds other tables and none of renewal's.
    case foreignDatabase(path: String)
    /// A PostgreSQL database without renewal's tables yet, opened to read.
    case notInitialized(path: String)
    /// A PostgreSQL account that may read the store but not write it.
    case readOnlyAccount(path: String)
    /// The server stopped answering or closed the connection during an operation.
    case connectionLost(path: String, reason: Phrase)
    /// A copy's target already holds entries or flags (a copy never mixes two histories).
    case notEmpty(path: String)
    /// A row that cannot be copied to this store, and why.
    case cannotCopy(path: String, reason: Phrase)

    /// The message, complete in each language.
    public var phrase: Phrase {
        // Paths and SQLite's words are shown, never obeyed: a path can hold any byte.
        let shown = ControlCharacters.visible(path)
        switch self {
        case .missing:
            return Phrase(
                "找不到进展库 \(shown)。请检查 --db 或 RENEWAL_DB 是否写错；新建空的进展库请用 renewal init（renewal record、"
                    + "renewal import 也会自动创建），试用请加 --demo",
                "there is no store at \(shown). Check --db or RENEWAL_DB for a typing slip; "
                    + "renewal init creates an empty one (renewal record and renewal import create it too), "
                    + "--demo tries the sample data"
            )
        case .notAStore:
            return Phrase(
                "\(shown) 不是 renewal 进展库（不是 SQLite 文件），未作任何改动；请检查 --db 或 RENEWAL_DB",
                "\(shown) is not a renewal store (not an SQLite file); it was left untouched. Check --db or RENEWAL_DB")
        case .foreign:
            return Phrase(
                "\(shown) 是其他程序的 SQLite 文件，不是 renewal 进展库，未作任何改动；请检查 --db 或 RENEWAL_DB",
                "\(shown) is another application's SQLite file, not a renewal store; it was left untouched. "
                    + "Check --db or RENEWAL_DB"
            )
        case let .newerSchema(_, migrations):
            let names = ControlCharacters.visible(migrations.joined(separator: ", "))
            return Phrase(
                "\(shown) 由更新版本的 renewal 写入（数据结构 \(names)），本版本无法安全读取；请升级 renewal",
                "\(shown) was written by a newer renewal (schema \(names)) that this version cannot read safely; "
                    + "update renewal"
            )
        case let .damaged(_, reason):
            let why = ControlCharacters.visible(reason)
            return Phrase(
                "进展库 \(shown) 已损坏（\(why)），为免损失扩大，不再写入；请从备份恢复，或用 sqlite3 \(shown) \".recover\" 抢救数据",
                "the store \(shown) is damaged (\(why)); nothing more is written to it. Restore a backup, "
                    + "or rescue the data with sqlite3 \(shown) \".recover\""
            )
        case .readOnly:
            return Phrase(
                "进展库 \(shown) 只读（文件或所在文件夹没有写权限），无法写入；报表仍可查看",
                "the store \(shown) is read-only (no write permission on the file or its folder); "
                    + "reports still work, writing does not"
            )
        case .readOnlyFolder:
            return Phrase(
                "无法只读打开进展库 \(shown)：所在文件夹不可写，且旁边缺少 -wal/-shm 文件；请有写权限的人运行一次 renewal init（之后这两个文件会保留）",
                "cannot open the store \(shown) read-only: its folder is not writable and its -wal/-shm files are "
                    + "missing; ask someone who may write there to run renewal init once (the files then stay)"
            )
        case let .cannotOpen(_, reason):
            return Phrase("无法打开进展库 \(shown)：\(reason.zh)", "cannot open the store \(shown): \(reason.en)")
        case let .notAFile(_, what):
            return Phrase(
                "\(shown) 不是进展库：\(what.zh)，未作任何改动；--db 或 RENEWAL_DB 应指向一个文件",
                "\(shown) is not a store: \(what.en); it was left untouched. --db or RENEWAL_DB names a file")
        case .empty:
            return Phrase(
                "\(shown) 是空文件，还不是进展库，没有可读的数据；要在此新建进展库请用 renewal init --db \(shown)"
                    + "（renewal record、renewal import 也会自动建立），试用请加 --demo",
                "\(shown) is an empty file, not yet a store: there is nothing to read. renewal init --db \(shown) "
                    + "makes it one (renewal record and renewal import do too); --demo tries the sample data"
            )
        case let .badLocation(location, reason):
            return Phrase(
                "无法使用进展库地址 \(ControlCharacters.visible(location))：\(reason.zh)",
                "cannot use the store address \(ControlCharacters.visible(location)): \(reason.en)")
        case .foreignDatabase:
            return Phrase(
                "数据库 \(shown) 中已有其他程序的数据表，不是 renewal 进展库，未作任何改动；请为 renewal 新建一个数据库",
                "the database \(shown) holds another application's tables, not a renewal store; it was left untouched. "
                    + "Create a database of its own for renewal")
        case .notInitialized:
            return Phrase(
                "数据库 \(shown) 还没有 renewal 进展库的数据表；请由有建表权限的账号运行一次 renewal init --db \(shown)",
                "the database \(shown) has no renewal tables yet; have an account that may create tables run "
                    + "renewal init --db \(shown) once")
        case .readOnlyAccount:
            return Phrase(
                "当前账号对进展库 \(shown) 只有读取权限，无法写入；报表和看板仍可使用，写入请换用有写入权限的账号",
                "this account may only read the store \(shown), not write it; reports and the dashboard still work. "
                    + "Use an account that may write")
        case .notEmpty:
            return Phrase(
                "目标进展库 \(shown) 已有记录或督办，不能复制到其中（复制不会合并两份历史）；请换用新的空库",
                "the target store \(shown) already holds entries or flags; a copy never merges two histories: "
                    + "copy into a new, empty store")
        case let .cannotCopy(_, reason):
            return Phrase(
                "无法复制到 \(shown)：\(reason.zh)；未写入任何数据", "cannot copy into \(shown): \(reason.en); nothing was written")
        case let .connectionLost(_, reason):
            return Phrase(
                "与进展库 \(shown) 的连接中断（\(reason.zh)）；本次写入要么全部完成、要么全未写入，请稍后查看后重试（重复导入的行会被跳过）",
                "the connection to the store \(shown) was lost (\(reason.en)); a write was either done whole or not at "
                    + "all: look, then try again (rows already imported are skipped)")
        }
    }

    /// The store the error is about (a file path, or a server URL without its password).
    public var path: String {
        switch self {
        case let .missing(path), let .notAStore(path), let .foreign(path), let .readOnly(path),
            let .readOnlyFolder(path):
            return path
        case let .newerSchema(path, _), let .damaged(path, _), let .cannotOpen(path, _), let .notAFile(path, _),
            let .empty(path), let .foreignDatabase(path), let .notInitialized(path), let .connectionLost(path, _),
            let .readOnlyAccount(path), let .notEmpty(path), let .cannotCopy(path, _):
            return path
        case let .badLocation(location, _):
            return location
        }
    }

    public var description: String { phrase.zh }
}
