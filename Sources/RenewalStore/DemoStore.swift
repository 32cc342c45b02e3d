import Foundation
import RenewalModel
import Synchronization

/// A temporary store loaded with the fictional sample data (`--demo`).
public enum DemoStore {
    /// The sample return built into the binary (Data/sample-progress.csv).
    public static var sampleCSV: String { embeddedSampleCSV }

    /// Creates a fresh store in a temporary folder and loads the sample: the returns, one
    /// correction and five supervision flags (open, open past its 反馈期限, answered late, answered
    /// and closed). The folder is removed when the process exits.
    public static func create(plan: Plan, today: Day) throws -> any ProgressStore {
        let folder = FileManager.default.temporaryDirectory
            .appending(
                path: "renewal-demo-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        DemoCleanup.register(folder.path)
        let store = try SQLiteStore(path: folder.appending(path: "demo.sqlite").path, access: .write)
        try load(into: store, plan: plan, today: today)
        return store
    }

    /// Loads the sample into a store (used by `--demo` and the tests).
    public static func load(into store: any ProgressStore, plan: Plan, today: Day) throws {
        let recordedAt = "2026-11-05T09:00:00+08:00"
        let checked = try EntriesCSV.readReturn(
            data: Data(sampleCSV.utf8), file: "sample-progress.csv", plan: plan, today: today)
        _ = try ReturnImporter.run(
            checked, file: "sample-progress.csv", store: store, by: "示例", at: recordedAt, dryRun: false)
        // One correction: the latest taxi figure was revised after excluding emergency vehicles.
        if let wrong = try store.entries(for: ["M06-2"]).last {
            try store.append(
                NewEntry(
                    itemId: "M06-2", date: wrong.date, value: 76, progress: "（示例）更正：新能源出租车占比76%",
                    reportingUnit: "市交通运输局", recordedBy: "示例", recordedAt: "2026-11-12T10:30:00+08:00",
                    corrects: wrong.id, reason: "（示例）统计口径调整，剔除应急救援车辆", origin: "record"))
        }
        try store.flag(
            itemId: "M02-2", note: "（示例）请说明智能工厂申报滞后原因，12月10日前报专班", by: "示例",
            at: "2026-11-20T15:00:00+08:00", followUp: Day("2026-12-10"))
        try store.flag(
            itemId: "G27-5", note: "（示例）关键工序数控化率严重滞后，列入月度督办", by: "示例",
            at: "2026-11-20T15:05:00+08:00", followUp: nil)
        // A flag past its 反馈期限 with no answer (超期未反馈 from 16 November) ...
        try store.flag(
            itemId: "M06-2", note: "（示例）出租车新能源占比未达标，请于11月15日前说明整改措施", by: "示例",
            at: "2026-11-05T09:00:00+08:00", followUp: Day("2026-11-15"))
        // ... and one answered and closed: its whole history is kept.
        try store.flag(
            itemId: "M13-1", note: "（示例）请说明电子病历系统应用水平评级进度", by: "示例", at: "2026-10-12T09:00:00+08:00",
            followUp: Day("2026-10-22"))
        try store.reply(
            itemId: "M13-1", note: "（示例）已完成评级申报，11月底前公布结果", unit: "市卫生健康局", by: "示例",
            at: "2026-10-20T16:00:00+08:00")
        _ = try store.unflag(itemId: "M13-1", by: "示例", at: "2026-11-10T10:00:00+08:00", note: "（示例）评级结果已公布，办结")
        // One answered after its 反馈期限 (逾期反馈): it stays on the record, open until closed.
        try store.flag(
            itemId: "G25-5", note: "（示例）二手车交易比值未达2025年目标，请于11月9日前说明原因和措施", by: "示例",
            at: "2026-11-02T09:00:00+08:00", followUp: Day("2026-11-09"))
        try store.reply(
            itemId: "G25-5", note: "（示例）已会同发改局制定二手车交易便利化措施，12月起实施", unit: "市商务和投资促进局", by: "示例",
            at: "2026-11-13T11:00:00+08:00")
    }
}

/// Removes demo folders when the process exits normally (`exit` included, which runs no
/// deinitialiser: hence `atexit`, and a list the C callback can reach).
enum DemoCleanup {
    private static let folders = Mutex<[String]>([])

    static func register(_ folder: String) {
        folders.withLock { list in
            if list.isEmpty { atexit { DemoCleanup.removeAll() } }
            list.append(folder)
        }
    }

    static func removeAll() {
        let list = folders.withLock { list in
            defer { list.removeAll() }
            return list
        }
        for folder in list { try? FileManager.default.removeItem(atPath: folder) }
    }
}
