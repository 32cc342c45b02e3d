import PostgresNIO
import RenewalModel
import RenewalStore

extension PostgresStore {
    @discardableResult
    public func flag(itemId: String, note: String, by: String, at: String, followUp: Day?) throws -> SupervisionFlag {
        try writing { connection in
            try await Self.insertFlag(itemId: itemId, note: note, by: by, at: at, followUp: followUp, connection)
        }
    }

    @discardableResult
    public func flag(
        itemIds: [String], note: String, by: String, at: String, followUp: Day?
    ) throws -> [SupervisionFlag] {
        try writing { connection in
            var seen = Set<String>()
            for try await item in try await connection.query(
                "SELECT item_id FROM flag WHERE cleared_at IS NULL", logger: Self.quiet
            ).decode(String.self) {
                seen.insert(item)
            }
            var made: [SupervisionFlag] = []
            for itemId in itemIds where seen.insert(itemId).inserted {
                made.append(
                    try await Self.insertFlag(
                        itemId: itemId, note: note, by: by, at: at, followUp: followUp, connection))
            }
            return made
        }
    }

    public func unflag(itemId: String, by: String, at: String, note: String?) throws -> Int {
        try writing { connection in
            let open = try await Self.openFlagIds(itemId, connection)
            if let note, !note.isEmpty {
                for id in open {
                    try await connection.query(
                        """
                        INSERT INTO flag_event (flag_id, kind, note, recorded_by, recorded_at)
                        VALUES (\(id), 'close', \(note), \(by), \(at))
                        """, logger: Self.quiet)
                }
            }
            let cleared = try await connection.query(
                """
                UPDATE flag SET cleared_by = \(by), cleared_at = \(at)
                WHERE item_id = \(itemId) AND cleared_at IS NULL RETURNING id
                """, logger: Self.quiet
            ).collect()
            return cleared.count
        }
    }

    @discardableResult
    public func reply(itemId: String, note: String, unit: String?, by: String, at: String) throws -> Int {
        try writing { connection in
            let open = try await Self.openFlagIds(itemId, connection)
            for id in open {
                try await connection.query(
                    """
                    INSERT INTO flag_event (flag_id, kind, note, unit, recorded_by, recorded_at)
                    VALUES (\(id), 'reply', \(note), \(unit), \(by), \(at))
                    """, logger: Self.quiet)
            }
            return open.count
        }
    }

    public func flags(includeCleared: Bool) throws -> [SupervisionFlag] {
        try reading { connection in
            var flags: [SupervisionFlag] = []
            let condition = includeCleared ? "" : "WHERE cleared_at IS NULL"
            let rows = try await connection.query(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT id, item_id, note, flagged_by, flagged_at, follow_up, cleared_by, cleared_at
                        FROM flag \(condition) ORDER BY id
                        """), logger: Self.quiet)
            for try await (id, item, note, by, at, followUp, clearedBy, clearedAt) in rows.decode(
                (Int64, String, String, String, String, String?, String?, String?).self)
            {
                flags.append(
                    SupervisionFlag(
                        id: String(id), itemId: item, note: note, flaggedBy: by, flaggedAt: at, followUp: followUp,
                        clearedBy: clearedBy, clearedAt: clearedAt))
            }
            var replies: [String: [FlagNote]] = [:]
            var closing: [String: String] = [:]
            let events = try await connection.query(
                "SELECT flag_id, kind, note, unit, recorded_by, recorded_at FROM flag_event ORDER BY id",
                logger: Self.quiet)
            for try await (flagId, kind, note, unit, by, at) in events.decode(
                (Int64, String, String, String?, String, String).self)
            {
                let id = String(flagId)
                if kind == "close" {
                    closing[id] = note
                } else {
                    replies[id, default: []].append(FlagNote(note: note, unit: unit, by: by, at: at))
                }
            }
            for index in flags.indices {
                flags[index].replies = replies[flags[index].id]
                flags[index].closingNote = closing[flags[index].id]
            }
            return flags
        }
    }

    static func insertFlag(
        itemId: String, note: String, by: String, at: String, followUp: Day?, _ connection: PostgresConnection
    ) async throws -> SupervisionFlag {
        let due = followUp?.description
        let rows = try await connection.query(
            """
            INSERT INTO flag (item_id, note, flagged_by, flagged_at, follow_up)
            VALUES (\(itemId), \(note), \(by), \(at), \(due)) RETURNING id
            """, logger: quiet
        ).collect()
        let id = try rows.first?.decode(Int64.self) ?? 0
        return SupervisionFlag(
            id: String(id), itemId: itemId, note: note, flaggedBy: by, flaggedAt: at, followUp: due)
    }

    static func openFlagIds(_ itemId: String, _ connection: PostgresConnection) async throws -> [Int64] {
        var ids: [Int64] = []
        for try await id in try await connection.query(
            "SELECT id FROM flag WHERE item_id = \(itemId) AND cleared_at IS NULL ORDER BY id", logger: quiet
        ).decode(Int64.self) {
            ids.append(id)
        }
        return ids
    }
}
