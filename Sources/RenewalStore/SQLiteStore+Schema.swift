import GRDB

extension SQLiteStore {
    // MARK: - Schema

    /// Versioned schema. Never edit a registered migration: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: entries and flags") { db in
            try db.create(table: "entry") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("itemId", .text).notNull().indexed()
                t.column("date", .text).notNull()
                t.column("value", .double)
                t.column("milestone", .text)
                t.column("progress", .text).notNull().defaults(to: "")
                t.column("problems", .text).notNull().defaults(to: "")
                t.column("nextSteps", .text).notNull().defaults(to: "")
                t.column("reportingUnit", .text)
                t.column("recordedBy", .text).notNull()
                t.column("recordedAt", .text).notNull()
                t.column("corrects", .integer).references("entry")
                t.column("reason", .text)
                t.column("baselineYear", .integer)
                t.column("origin", .text)
            }
            // Append-only: the history is the audit trail.
            try db.execute(
                sql: """
                    CREATE TRIGGER entry_no_update BEFORE UPDATE ON entry
                    BEGIN SELECT RAISE(ABORT, 'entries are append-only: record a correction instead'); END;
                    CREATE TRIGGER entry_no_delete BEFORE DELETE ON entry
                    BEGIN SELECT RAISE(ABORT, 'entries are append-only: record a correction instead'); END;
                    """)
            try db.create(table: "flag") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("itemId", .text).notNull().indexed()
                t.column("note", .text).notNull()
                t.column("flaggedBy", .text).notNull()
                t.column("flaggedAt", .text).notNull()
                t.column("followUp", .text)
                t.column("clearedBy", .text)
                t.column("clearedAt", .text)
            }
        }
        migrator.registerMigration("v2: application id") { db in
            // Marks the file as renewal's, so that it is told apart from any other SQLite file.
            try db.execute(sql: "PRAGMA application_id = \(StoreFile.applicationId)")
        }
        migrator.registerMigration("v3: flag events") { db in
            // What happens to a flag after it is raised: a unit's reply (反馈), the closing note
            // (办结/销号). Append-only, like entries: the supervision history is kept whole.
            try db.create(table: "flagEvent") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("flagId", .integer).notNull().indexed().references("flag")
                t.column("kind", .text).notNull()
                t.column("note", .text).notNull()
                t.column("by", .text).notNull()
                t.column("at", .text).notNull()
            }
            try db.execute(
                sql: """
                    CREATE TRIGGER flag_event_no_update BEFORE UPDATE ON flagEvent
                    BEGIN SELECT RAISE(ABORT, 'flag events are append-only'); END;
                    CREATE TRIGGER flag_event_no_delete BEFORE DELETE ON flagEvent
                    BEGIN SELECT RAISE(ABORT, 'flag events are append-only'); END;
                    """)
        }
        migrator.registerMigration("v4: judging digest") { db in
            // A cache, not a record: the entries that decide each item's verdict (`JudgingDigest`),
            // copied without their text, and what they were chosen with. Rebuilt whenever it does
            // not match; the entry table stays the audit trail.
            try db.execute(
                sql: """
                    CREATE TABLE judgingEntry (
                        id INTEGER PRIMARY KEY, itemId TEXT NOT NULL, date TEXT NOT NULL, value DOUBLE,
                        milestone TEXT, corrects INTEGER, baselineYear INTEGER, hasProgress INTEGER NOT NULL);
                    CREATE INDEX judgingEntry_itemId ON judgingEntry(itemId);
                    CREATE TABLE judgingDigest (key TEXT NOT NULL, throughEntry INTEGER NOT NULL);
                    CREATE INDEX entry_corrects ON entry(corrects) WHERE corrects IS NOT NULL;
                    """)
        }
        migrator.registerMigration("v5: change counter") { db in
            // Any change to the entries or to the digest's copy of them, by renewal or by a sqlite3
            // session with ids of its choosing, moves this counter; the digest is used only when
            // it was made at the counter's current value (`JudgingDigestStore`). max(id) alone was
            // fooled by a row inserted with an id at or below the highest.
            try db.execute(sql: "CREATE TABLE storeChange (counter INTEGER NOT NULL)")
            try db.execute(sql: "INSERT INTO storeChange (counter) VALUES (0)")
            for (table, event) in Self.countedChanges {
                try db.execute(
                    sql: """
                        CREATE TRIGGER \(table)_\(event.lowercased())_counted AFTER \(event) ON \(table)
                        BEGIN UPDATE storeChange SET counter = counter + 1; END
                        """)
            }
            try db.execute(sql: "ALTER TABLE judgingDigest ADD COLUMN throughChange INTEGER")
            try db.execute(sql: "DELETE FROM judgingDigest")
        }
        migrator.registerMigration("v6: replying unit") { db in
            // A reply names the unit that answers (DESIGN §5 督办台账), not only the operator's
            // login; replies recorded before have none.
            try db.execute(sql: "ALTER TABLE flagEvent ADD COLUMN unit TEXT")
        }
        migrator.registerMigration("v7: flags close once") { db in
            // A flag is only ever closed, once: nothing else about it changes and nothing is
            // deleted, as on PostgreSQL (issue 23 found a sqlite3 session could delete one).
            try db.execute(
                sql: """
                    CREATE TRIGGER flag_no_delete BEFORE DELETE ON flag
                    BEGIN SELECT RAISE(ABORT, 'flags are only ever closed, once'); END;
                    CREATE TRIGGER flag_closes_once BEFORE UPDATE ON flag
                    WHEN OLD.clearedAt IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.itemId IS NOT OLD.itemId
                        OR NEW.note IS NOT OLD.note OR NEW.flaggedBy IS NOT OLD.flaggedBy
                        OR NEW.flaggedAt IS NOT OLD.flaggedAt OR NEW.followUp IS NOT OLD.followUp
                    BEGIN SELECT RAISE(ABORT, 'flags are only ever closed, once'); END;
                    """)
        }
        migrator.registerMigration("v8: plan of the store") { db in
            // Which plan the entries belong to (issue 24): one row per plan followed, the
            // latest current; append-only, so the store says which plan it followed when.
            try db.execute(
                sql: """
                    CREATE TABLE storePlan (
                        id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL, documentNumber TEXT,
                        title TEXT NOT NULL, recordedAt TEXT NOT NULL);
                    CREATE TRIGGER store_plan_no_update BEFORE UPDATE ON storePlan
                    BEGIN SELECT RAISE(ABORT, 'plans recorded are kept as recorded'); END;
                    CREATE TRIGGER store_plan_no_delete BEFORE DELETE ON storePlan
                    BEGIN SELECT RAISE(ABORT, 'plans recorded are kept as recorded'); END;
                    """)
        }
        return migrator
    }

    /// The table and event of each trigger that moves the change counter (schema v5).
    static let countedChanges = ["entry", "judgingEntry"].flatMap { table in
        ["INSERT", "UPDATE", "DELETE"].map { (table, $0) }
    }
}
