import Foundation
import PostgresTestSupport
import RenewalApp
import RenewalModel
import RenewalStore
import Testing

/// Where a test's workspace keeps its store: a new SQLite file in a temporary folder, or a new
/// database on the test PostgreSQL server.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// A fresh, empty place for a store; `folder` is a temporary folder for files the test makes.
    struct Place {
        let source: WorkspaceSource
        let folder: String
    }

    func place() throws -> Place {
        let folder = FileManager.default.temporaryDirectory.appending(path: "renewal-app-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        switch self {
        case .sqlite:
            return Place(
                source: WorkspaceSource(
                    planPath: nil, storeText: folder + "/store.sqlite", demo: false,
                    environment: TestPostgres.environment),
                folder: folder)
        case .postgres:
            return Place(
                source: WorkspaceSource(
                    planPath: nil, storeText: try TestPostgres.freshDatabase(), demo: false,
                    environment: TestPostgres.environment),
                folder: folder)
        }
    }
}
