import PostgresNIO
import RenewalStore

/// Which plan the store's entries belong to (`StorePlan`), as on SQLite.
extension PostgresStore {
    public func recordedPlan() throws -> StorePlan? {
        try reading { connection in
            // A database made before v3, opened to read, has no such table: no plan recorded.
            let exists = try await connection.query(
                "SELECT to_regclass('store_plan') IS NOT NULL", logger: Self.quiet
            ).collect()
            guard let row = exists.first, try row.decode(Bool.self) else { return nil }
            let rows = try await connection.query(
                """
                SELECT fingerprint, document_number, title, recorded_at FROM store_plan ORDER BY id DESC LIMIT 1
                """, logger: Self.quiet
            ).collect()
            guard let latest = rows.first else { return nil }
            let (fingerprint, number, title, at) = try latest.decode((String, String?, String, String).self)
            return StorePlan(fingerprint: fingerprint, documentNumber: number, title: title, recordedAt: at)
        }
    }

    public func recordPlan(_ plan: StorePlan, at: String) throws {
        try writing { connection in
            try await connection.query(
                """
                INSERT INTO store_plan (fingerprint, document_number, title, recorded_at)
                VALUES (\(plan.fingerprint), \(plan.documentNumber), \(plan.title), \(at))
                """, logger: Self.quiet)
        }
    }
}
