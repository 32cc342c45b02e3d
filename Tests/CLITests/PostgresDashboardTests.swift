import Foundation
import PostgresTestSupport
import Testing

/// Dashboards on one PostgreSQL store, in real terminals (tmux): each hears of the other's
/// records the moment they are committed (LISTEN/NOTIFY), and a connection the server drops
/// is said, made again, and loses nothing typed (issue 23).
@Suite("Dashboards sharing a PostgreSQL store (tmux)", .serialized)
struct PostgresDashboardTests {
    static func environment(_ url: String) -> [String: String] {
        ["RENEWAL_DB": url, "PGPASSWORD": TestPostgres.password]
    }

    /// Opens M02 (智能工厂)'s page, its first target M02-1 selected.
    func openMeasure(_ pane: TmuxPane) throws {
        pane.wait(for: "十二、保障措施")
        try pane.keys("2")
        pane.wait(for: "总览 › 工业技改提升工程")
        try pane.keys("j")
        pane.wait(for: "由智改数转网联")
        try pane.keys("Enter")
        pane.wait(for: "指标（j/k 选择，u 填报，f 督办）")
    }

    @Test func aRecordInOneDashboardAppearsInTheOther() throws {
        let url = try TestPostgres.freshDatabase()
        let first = try TmuxPane([], environment: Self.environment(url))
        let second = try TmuxPane([], environment: Self.environment(url))
        try openMeasure(first)
        try openMeasure(second)
        try first.keys("u")
        first.wait(for: "填报进展：M02-1")
        try first.type("48")
        try first.keys("Enter", "Enter")
        try first.type("新培育晨星工厂3家")
        try first.keys("Enter", "Enter", "Enter")
        first.wait(for: "已保存：M02-1")
        first.wait(for: "实际 48家")
        // No key pressed in the second: the NOTIFY of the first's write brings it .
        second.wait(timeout: 15, "the other dashboard to show the figure") { $0.contains("实际 48家") }
        try first.keys("C-c")
        try second.keys("C-c")
        first.wait(for: "EXIT:0")
        second.wait(for: "EXIT:0")
    }

    @Test func aDroppedConnectionIsSaidMadeAgainAndLosesNothingTyped() throws {
        let url = try TestPostgres.freshDatabase()
        let database = String(url.split(separator: "/").last!.split(separator: "?").first!)
        let pane = try TmuxPane([], environment: Self.environment(url))
        try openMeasure(pane)
        try pane.keys("u")
        pane.wait(for: "填报进展：M02-1")
        try pane.type("47")
        // The server ends every connection to the database (as a restart or a network cut would).
        try TestPostgres.sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(database)' "
                + "AND pid <> pg_backend_pid()", database: url)
        pane.wait(timeout: 20, "the lost connection to be said") { $0.contains("与进展库的连接中断") }
        pane.wait(timeout: 30, "the connection to come back") { $0.contains("已重新连接进展库") }
        // The form is still open with what was typed; finishing it stores it.
        #expect(pane.screen().contains("填报进展：M02-1"))
        #expect(pane.screen().contains("47"))
        try pane.keys("Enter", "Enter")
        try pane.type("新培育晨星工厂2家")
        try pane.keys("Enter", "Enter", "Enter")
        // Saved, or refused by the pool's first use of a dropped connection: the form comes back
        // with the store's error, which names the store (its URL). Not the reconnection notice still
        // on the key bar before the keys are handled: waiting on "连接" pressed Enter a fourth
        // time after a save that then succeeded, opening the target's page instead.
        let after = pane.wait(timeout: 20, "the save or its refusal") {
            $0.contains("实际 47家") || $0.contains("填报进展：M02-1") && $0.contains("postgresql://")
        }
        if !after.contains("实际 47家") {
            // The pool's first use of a dropped connection failed: the form came back whole, its
            // cursor on the last field, where Enter saves.
            try pane.keys("Enter")
            pane.wait(for: "实际 47家")
        }
        #expect(try TestPostgres.sql("SELECT value || '|' || progress FROM entry", database: url) == "47|新培育晨星工厂2家")
        try pane.keys("C-c")
        pane.wait(for: "EXIT:0")
    }
}
