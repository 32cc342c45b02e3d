import NIOCore
import PostgresNIO
import RenewalModel
import RenewalStore

extension PostgresStore {
    /// Every row of the entries, flags and flag events as stored, read in one snapshot.
    public func storedRows() throws -> StoredRows {
        try reading { connection in
            try await Self.inSnapshot(connection) {
                var rows = StoredRows()
                for table in StoredRows.Table.allCases {
                    let columns = StoredRows.columns(table)
                    // Integers of any width are read as bigint (baseline_year is an integer).
                    let list = columns.map { $0.kind == .integer ? "\($0.serverName)::bigint" : $0.serverName }
                    let sql = "SELECT \(list.joined(separator: ", ")) FROM \(StoredRows.serverName(table)) ORDER BY id"
                    for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Self.quiet) {
                        let cells = row.makeRandomAccess()
                        rows[table].append(try columns.indices.map { try Self.cell(cells[$0], columns[$0].kind) })
                    }
                }
                return rows
            }
        }
    }

    static func cell(_ cell: PostgresCell, _ kind: StoredRows.Column.Kind) throws -> StoredRows.Cell {
        switch kind {
        case .integer: return try cell.decode(Int64?.self).map { .integer($0) } ?? .null
        case .real: return try cell.decode(Double?.self).map { .real($0) } ?? .null
        case .text: return try cell.decode(String?.self).map { .text($0) } ?? .null
        }
    }

    /// Writes rows read from another store into this one, which must hold no entry and no flag:
    /// one transaction under the write lock, each table by COPY with its ids; the id sequences
    /// then continue above the highest copied.
    public func load(_ rows: StoredRows) throws {
        try Self.checkServerCanHold(rows, location: location)
        try writing(timeout: Self.importTimeout) { connection in
            let held =
                try await connection.query(
                    "SELECT (SELECT count(*) FROM entry) + (SELECT count(*) FROM flag)", logger: Self.quiet
                ).collect().first?.decode(Int64.self) ?? 0
            guard held == 0 else { throw StoreError.notEmpty(path: self.location) }
            for table in StoredRows.Table.allCases where !rows[table].isEmpty {
                let name = StoredRows.serverName(table)
                let columns = StoredRows.columns(table).map(\.serverName)
                try await connection.copyFrom(table: name, columns: columns, logger: Self.quiet) { writer in
                    var buffer = ByteBuffer()
                    for (index, row) in rows[table].enumerated() {
                        buffer.writeString(Self.copyLine(row))
                        if buffer.readableBytes > 1 << 20 || index == rows[table].count - 1 {
                            try await writer.write(buffer)
                            buffer.clear()
                        }
                    }
                }
                try await connection.query(
                    PostgresQuery(
                        unsafeSQL: """
                            SELECT setval(pg_get_serial_sequence('\(name)', 'id'), max(id)) FROM \(name)
                            """), logger: Self.quiet)
                try await Self.analyzeAfterBulkWrite(name, connection)
            }
        }
    }

    /// PostgreSQL's text cannot hold a NUL character (SQLite's can): such a row is named before
    /// anything is written.
    static func checkServerCanHold(_ rows: StoredRows, location: String) throws {
        for table in StoredRows.Table.allCases {
            let columns = StoredRows.columns(table)
            for row in rows[table] {
                for (index, cell) in row.enumerated() {
                    guard case let .text(text) = cell, text.unicodeScalars.contains("\u{0}") else { continue }
                    let id = row.first.map { if case let .integer(id) = $0 { "\(id)" } else { "?" } } ?? "?"
                    throw StoreError.cannotCopy(
                        path: location,
                        reason: Phrase(
                            "\(table.rawValue) #\(id) 的 \(columns[index].name) 含 NUL 字符，PostgreSQL 无法保存",
                            "\(table.rawValue) #\(id) has a NUL character in \(columns[index].name), "
                                + "which PostgreSQL cannot hold"))
                }
            }
        }
    }

    /// One row in COPY's text format.
    static func copyLine(_ row: [StoredRows.Cell]) -> String {
        row.map { cell in
            switch cell {
            case .null: "\\N"
            case let .integer(number): String(number)
            case let .real(number): "\(number)"
            case let .text(text): copyEscaped(text)
            }
        }.joined(separator: "\t") + "\n"
    }
}
