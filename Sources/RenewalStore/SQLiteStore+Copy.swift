import GRDB
import RenewalModel
import RenewalText

extension SQLiteStore {
    /// Every row of the entries, flags and flag events as stored, read in one transaction.
    public func storedRows() throws -> StoredRows {
        try reading { db in
            var rows = StoredRows()
            for table in StoredRows.Table.allCases {
                // A store older than v3 (opened read-only, so not migrated) has no flag events, and
                // before v6 no replying unit: those read as none.
                guard try db.tableExists(table.rawValue) else { continue }
                let present = Set(try db.columns(in: table.rawValue).map(\.name))
                // Text is read as its bytes: read as text, SQLite's C strings would end at a NUL.
                let columns = StoredRows.columns(table).map { column in
                    guard present.contains(column.name) else { return "NULL" }
                    let name = "\"\(column.name)\""
                    return "CASE typeof(\(name)) WHEN 'text' THEN CAST(\(name) AS BLOB) ELSE \(name) END"
                }
                let sql = "SELECT \(columns.joined(separator: ", ")) FROM \(table.rawValue) ORDER BY id"
                let kinds = StoredRows.columns(table).map(\.kind)
                for row in try Row.fetchAll(db, sql: sql) {
                    rows[table].append(try kinds.indices.map { try cell(row[$0] as DatabaseValue, table, row) })
                }
            }
            return rows
        }
    }

    /// A cell as SQLite holds it; text arrives as its bytes and must be UTF-8.
    func cell(_ value: DatabaseValue, _ table: StoredRows.Table, _ row: Row) throws -> StoredRows.Cell {
        switch value.storage {
        case .null: return .null
        case let .int64(number): return .integer(number)
        case let .double(number): return .real(number)
        case let .string(text): return .text(text)
        case let .blob(bytes):
            // Text, read as bytes (above); anything not UTF-8 cannot be copied faithfully.
            if let text = String(validating: bytes, as: UTF8.self) { return .text(text) }
            let id = (row[0] as DatabaseValue).description
            throw StoreError.cannotCopy(
                path: path,
                reason: Phrase(
                    "\(table.rawValue) #\(id) 含非 UTF-8 的字节",
                    "\(table.rawValue) #\(id) holds bytes that are not UTF-8 text"))
        }
    }

    /// Writes rows read from another store into this one, which must hold no entry and no flag,
    /// in one transaction with their ids and timestamps; later writes take ids above them.
    public func load(_ rows: StoredRows) throws {
        try writing { db in
            let held =
                try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM entry) + (SELECT count(*) FROM flag)") ?? 0
            guard held == 0 else { throw StoreError.notEmpty(path: path) }
            for table in StoredRows.Table.allCases {
                let columns = StoredRows.columns(table)
                let names = columns.map { "\"\($0.name)\"" }.joined(separator: ", ")
                let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
                let statement = try db.makeStatement(sql: "INSERT INTO \(table.rawValue) (\(names)) VALUES (\(marks))")
                for row in rows[table] {
                    try statement.execute(arguments: StatementArguments(row.map(Self.databaseValue)))
                }
            }
        }
    }

    static func databaseValue(_ cell: StoredRows.Cell) -> DatabaseValue {
        switch cell {
        case .null: .null
        case let .integer(number): number.databaseValue
        case let .real(number): number.databaseValue
        case let .text(text): text.databaseValue
        }
    }
}
