import RenewalModel

/// Every row of a store's three tables (entries, flags, flag events) exactly as stored, ids and
/// timestamps included, in id order: what `renewal store copy` moves from one store to another
/// and compares afterwards. Cells keep the type the database holds them in, so a copy compares
/// value for value, not through the model (which reads an unreadable date as 0001-01-01).
public struct StoredRows: Sendable, Equatable {
    public enum Cell: Sendable, Equatable {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
    }

    /// The tables copied, parents first (a flag event names its flag; a correction an earlier entry).
    public enum Table: String, CaseIterable, Sendable {
        case entry, flag, flagEvent
    }

    /// A column: its name in SQLite (the model's), its name in PostgreSQL, the type of its cells.
    public struct Column: Sendable {
        public let name: String
        public let serverName: String
        public let kind: Kind

        public enum Kind: Sendable { case integer, real, text }

        init(_ name: String, _ serverName: String? = nil, _ kind: Kind = .text) {
            self.name = name
            self.serverName = serverName ?? name
            self.kind = kind
        }
    }

    public var entry: [[Cell]] = []
    public var flag: [[Cell]] = []
    public var flagEvent: [[Cell]] = []

    public init() {}

    public subscript(table: Table) -> [[Cell]] {
        get {
            switch table {
            case .entry: entry
            case .flag: flag
            case .flagEvent: flagEvent
            }
        }
        set {
            switch table {
            case .entry: entry = newValue
            case .flag: flag = newValue
            case .flagEvent: flagEvent = newValue
            }
        }
    }

    /// Each table's columns, the id first, in the order cells are kept.
    public static func columns(_ table: Table) -> [Column] {
        switch table {
        case .entry:
            [
                Column("id", nil, .integer), Column("itemId", "item_id"), Column("date"),
                Column("value", nil, .real), Column("milestone"), Column("progress"), Column("problems"),
                Column("nextSteps", "next_steps"), Column("reportingUnit", "reporting_unit"),
                Column("recordedBy", "recorded_by"), Column("recordedAt", "recorded_at"),
                Column("corrects", nil, .integer), Column("reason"), Column("baselineYear", "baseline_year", .integer),
                Column("origin"),
            ]
        case .flag:
            [
                Column("id", nil, .integer), Column("itemId", "item_id"), Column("note"),
                Column("flaggedBy", "flagged_by"), Column("flaggedAt", "flagged_at"), Column("followUp", "follow_up"),
                Column("clearedBy", "cleared_by"), Column("clearedAt", "cleared_at"),
            ]
        case .flagEvent:
            [
                Column("id", nil, .integer), Column("flagId", "flag_id", .integer), Column("kind"), Column("note"),
                Column("unit"), Column("by", "recorded_by"), Column("at", "recorded_at"),
            ]
        }
    }

    /// The table's name in PostgreSQL.
    public static func serverName(_ table: Table) -> String {
        table == .flagEvent ? "flag_event" : table.rawValue
    }

    /// How many rows each table holds.
    public var counts: [Table: Int] {
        Dictionary(uniqueKeysWithValues: Table.allCases.map { ($0, self[$0].count) })
    }

    public var isEmpty: Bool { Table.allCases.allSatisfy { self[$0].isEmpty } }

    /// The rows as one text that changes with any cell (its type, its value, its bytes): what a
    /// checksum is taken of. A real is written by its bits, so no rounding can hide a change.
    public func canonicalBytes() -> [UInt8] {
        var out: [UInt8] = []
        for table in Table.allCases {
            out += Array("\(table.rawValue)\n".utf8)
            for row in self[table] {
                for cell in row {
                    switch cell {
                    case .null: out += Array("N;".utf8)
                    case let .integer(value): out += Array("I\(value);".utf8)
                    case let .real(value): out += Array("R\(String(value.bitPattern, radix: 16));".utf8)
                    case let .text(text):
                        let bytes = Array(text.utf8)
                        out += Array("T\(bytes.count):".utf8) + bytes + [UInt8(ascii: ";")]
                    }
                }
                out.append(UInt8(ascii: "\n"))
            }
        }
        return out
    }
}
