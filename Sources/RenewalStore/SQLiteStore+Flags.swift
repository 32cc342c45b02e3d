import Foundation
import GRDB
import RenewalModel

extension SQLiteStore {
    // MARK: - Flags

    /// Flags an item for supervision (督办). An item already flagged gets a second flag: both
    /// notes are kept.
    @discardableResult
    public func flag(itemId: String, note: String, by: String, at: String, followUp: Day?) throws -> SupervisionFlag {
        try writing { db in
            var record = FlagRecord(
                id: nil, itemId: itemId, note: note, flaggedBy: by, flaggedAt: at,
                followUp: followUp?.description, clearedBy: nil, clearedAt: nil)
            try record.insert(db)
            return record.flag
        }
    }

    /// 催办: flags each of these items that has no open flag, all in one transaction (a failure
    /// part-way leaves none of them), with one note and 反馈期限; returns the flags made.
    @discardableResult
    public func flag(
        itemIds: [String], note: String, by: String, at: String, followUp: Day?
    ) throws
        -> [SupervisionFlag]
    {
        try writing { db in
            let open = Set(try String.fetchAll(db, sql: "SELECT itemId FROM flag WHERE clearedAt IS NULL"))
            var made: [SupervisionFlag] = []
            var seen = open
            for itemId in itemIds where seen.insert(itemId).inserted {
                var record = FlagRecord(
                    id: nil, itemId: itemId, note: note, flaggedBy: by, flaggedAt: at,
                    followUp: followUp?.description, clearedBy: nil, clearedAt: nil)
                try record.insert(db)
                made.append(record.flag)
            }
            return made
        }
    }

    /// Clears (办结/销号) every open flag on an item, with the closing note if one is given;
    /// returns how many were cleared.
    public func unflag(itemId: String, by: String, at: String, note: String?) throws -> Int {
        try writing { db in
            let open = try FlagRecord.filter(Column("itemId") == itemId && Column("clearedAt") == nil).fetchAll(db)
            if let note, !note.isEmpty {
                for flag in open {
                    try db.execute(
                        sql: "INSERT INTO flagEvent (flagId, kind, note, by, at) VALUES (?, 'close', ?, ?, ?)",
                        arguments: [flag.id, note, by, at])
                }
            }
            return try FlagRecord.filter(Column("itemId") == itemId && Column("clearedAt") == nil)
                .updateAll(db, Column("clearedBy").set(to: by), Column("clearedAt").set(to: at))
        }
    }

    /// Records a unit's reply (反馈) to every open flag on an item, naming the unit that answers;
    /// returns how many flags got it.
    @discardableResult
    public func reply(itemId: String, note: String, unit: String?, by: String, at: String) throws -> Int {
        try writing { db in
            let open = try FlagRecord.filter(Column("itemId") == itemId && Column("clearedAt") == nil).fetchAll(db)
            for flag in open {
                try db.execute(
                    sql: "INSERT INTO flagEvent (flagId, kind, note, unit, by, at) VALUES (?, 'reply', ?, ?, ?, ?)",
                    arguments: [flag.id, note, unit, by, at])
            }
            return open.count
        }
    }

    /// Flags, open ones only unless `includeCleared`, oldest first.
    public func flags(includeCleared: Bool) throws -> [SupervisionFlag] {
        try reading { db in
            var request = FlagRecord.order(Column("id"))
            if !includeCleared { request = request.filter(Column("clearedAt") == nil) }
            var flags = try request.fetchAll(db).map(\.flag)
            // A store written before v3 (opened read-only, so not migrated) has no events.
            guard try db.tableExists("flagEvent") else { return flags }
            var replies: [String: [FlagNote]] = [:]
            var closing: [String: String] = [:]
            // Before v6 (a store opened read-only is not migrated) replies name no unit.
            let unit = try db.columns(in: "flagEvent").contains { $0.name == "unit" } ? "unit" : "NULL AS unit"
            let sql = "SELECT flagId, kind, note, \(unit), by, at FROM flagEvent ORDER BY id"
            for row in try Row.fetchAll(db, sql: sql) {
                let id = String(row["flagId"] as Int64? ?? 0)
                let note = FlagNote(
                    note: row["note"] ?? "", unit: row["unit"], by: row["by"] ?? "", at: row["at"] ?? "")
                if row["kind"] as String? == "close" {
                    closing[id] = note.note
                } else {
                    replies[id, default: []].append(note)
                }
            }
            for index in flags.indices {
                flags[index].replies = replies[flags[index].id]
                flags[index].closingNote = closing[flags[index].id]
            }
            return flags
        }
    }
}
