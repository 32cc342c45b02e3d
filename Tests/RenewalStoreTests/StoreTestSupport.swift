import Foundation
import RenewalModel

@testable import RenewalStore

/// A store in a fresh temporary folder, removed by `cleanup()`.
struct TemporaryStore {
    let folder: URL
    let store: SQLiteStore
    var path: String { store.path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appending(path: "renewal-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try SQLiteStore(path: folder.appending(path: "store.sqlite").path, access: .write)
    }

    func cleanup() {
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ text: String, name: String = "returns.csv") throws -> String {
        let file = folder.appending(path: name)
        try Data(text.utf8).write(to: file)
        return file.path
    }
}

extension NewEntry {
    static func sample(_ item: String = "M02-1", _ date: String = "2025-06-30", _ value: Double? = 10) -> NewEntry {
        NewEntry(
            itemId: item, date: Day(date)!, value: value, recordedBy: "test", recordedAt: "2026-11-29T10:00:00+08:00")
    }
}
