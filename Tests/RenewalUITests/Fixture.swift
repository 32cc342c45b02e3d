import Foundation
import RenewalModel
import RenewalStore

@testable import RenewalUI

/// The dashboard's data for tests: the real plan and the sample returns, judged on 2026-11-29.
enum Fixture {
    static let asOf = Day("2026-11-29")!

    static let data: AppData = {
        do {
            let plan = try PlanLoader.embedded()
            let sample = try EntriesCSV.readReturn(
                data: Data(DemoStore.sampleCSV.utf8), file: "sample-progress.csv", plan: plan, today: asOf)
            let entries = sample.rows.map { $0.entry(file: "sample-progress.csv") }
            let flags = [
                SupervisionFlag(
                    id: "1", itemId: "M02-2", note: "（示例）请说明智能工厂申报滞后原因", flaggedBy: "示例",
                    flaggedAt: "2026-11-20T15:00:00+08:00", followUp: "2026-12-10")
            ]
            return AppData(plan: plan, entries: entries, flags: flags, asOf: asOf, today: asOf, isSample: true)
        } catch {
            fatalError("fixture: \(error)")
        }
    }()

    static func state(
        _ language: Language = .zh, width: Int = 120, height: Int = 40, color: Bool = true, ascii: Bool = false
    ) -> AppState {
        AppState(data: data, language: language, theme: Theme(color: color, ascii: ascii), width: width, height: height)
    }

    /// Feeds keys one by one, as the dashboard's loop does; returns the final state and every
    /// effect for the store. History loads are answered here from the fixture's entries (which
    /// are complete), as the shell answers them from the store.
    static func press(_ state: AppState, _ keys: [Key]) -> (AppState, [Effect]) {
        var state = state
        var effects: [Effect] = []
        for key in keys {
            var pending: [Message] = [.key(key)]
            while !pending.isEmpty {
                let (next, more) = Reducer.update(state, pending.removeFirst())
                state = next
                for effect in more {
                    if case let .loadHistory(items) = effect {
                        pending.append(.historyLoaded(items: items, entries: state.data.entriesHeld(for: items)))
                    } else if case let .loadLatestReports(asOf) = effect {
                        pending.append(
                            .latestReportsLoaded(asOf: asOf, reports: LatestReport.from(state.data.entries, asOf: asOf))
                        )
                    } else {
                        effects.append(effect)
                    }
                }
            }
        }
        return (state, effects)
    }

    static func chars(_ text: String) -> [Key] { text.map { Key.char($0) } }

    /// The `--demo` data itself, read from a store the sample was loaded into: its five flags
    /// (open, 超期未反馈, 逾期反馈, closed) with their replies, for the 督办台账.
    static let demo: AppData = {
        do {
            let plan = data.plan
            let folder = FileManager.default.temporaryDirectory.appending(path: "renewal-ui-demo-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let store = try SQLiteStore(path: folder.appending(path: "demo.sqlite").path, access: .write)
            try DemoStore.load(into: store, plan: plan, today: asOf)
            return AppData(
                plan: plan, entries: try store.entries(), flags: try store.flags(includeCleared: true), asOf: asOf,
                today: asOf, isSample: true)
        } catch {
            fatalError("demo fixture: \(error)")
        }
    }()
}
