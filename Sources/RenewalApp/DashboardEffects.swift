import Foundation
import RenewalModel
import RenewalReports
import RenewalStore
import RenewalUI
import RenewalWorkbook

/// What the dashboard's effects do to a workspace, each answered by messages for the reducer:
/// the dashboard's shell only draws, reads keys and passes effects here. Nothing here throws
/// or touches the terminal, so every effect is tested against a real store without one.
public struct DashboardEffects: Sendable {
    public let workspace: Workspace
    public let language: Language
    /// The folder a path typed in a prompt is relative to (where the dashboard was started).
    public let folder: String
    /// Who writes (the login name).
    public let recorder: String
    /// Today (writes are stamped with now, whatever day the screen shows) and now.
    let today: @Sendable () -> Day
    let now: @Sendable () -> String

    public init(
        workspace: Workspace, language: Language, folder: String, recorder: String,
        today: @escaping @Sendable () -> Day = Today.day, now: @escaping @Sendable () -> String = Today.timestamp
    ) {
        self.workspace = workspace
        self.language = language
        self.folder = folder
        self.recorder = recorder
        self.today = today
        self.now = now
    }

    var store: any ProgressStore { workspace.store }

    /// What the screens show on `asOf`: every entry read for judging (without their text; a
    /// measure's history reads its items' full entries when shown) and every flag.
    public func load(asOf: Day) throws -> AppData {
        AppData(
            plan: workspace.plan, entries: try store.entries(detail: .judging),
            flags: try store.flags(includeCleared: true), asOf: asOf, today: today(), isSample: workspace.isDemo)
    }

    /// The data for the first frame: the judging digest when it is current (`complete` false:
    /// every entry must then be read before the first key, as comparing dates needs them all),
    /// every entry otherwise.
    public static func firstLoad(
        _ source: WorkspaceSource, access: StoreAccess, asOf: Day, everyEntry: Bool = false
    ) throws -> (workspace: Workspace, data: AppData, complete: Bool) {
        let today = Today.day()
        let (workspace, (entries, flags)) = try Workspace.open(source, access: access, today: today) { reader in
            (
                try reader.entries(asOf: asOf, detail: .judging, digest: !everyEntry),
                try reader.store.flags(includeCleared: true)
            )
        }
        let data = AppData(
            plan: workspace.plan, entries: entries.entries, flags: flags, asOf: asOf, today: today,
            isSample: workspace.isDemo)
        return (workspace, data, !entries.fromDigest)
    }

    /// The messages `effect` answers with, the view judged on `asOf`. `.quit` is the shell's.
    public func run(_ effect: Effect, asOf: Day) -> [Message] {
        do {
            return try answer(effect, asOf: asOf)
        } catch {
            return [.failed(AppError.text(error, language))]
        }
    }

    /// The messages a reading effect (a history, the latest reports) answers with; nothing for
    /// the others (a snapshot shows one frame and writes nothing).
    public func runReading(_ effect: Effect, asOf: Day) -> [Message] {
        switch effect {
        case .loadHistory, .loadLatestReports: return run(effect, asOf: asOf)
        default: return []
        }
    }

    func answer(_ effect: Effect, asOf: Day) throws -> [Message] {
        switch effect {
        case .quit:
            return []
        case .reload:
            return [.dataLoaded(try load(asOf: asOf))]
        case let .loadHistory(items):
            return [.historyLoaded(items: items, entries: try? store.entries(for: Set(items)))]
        case let .loadLatestReports(day):
            return [.latestReportsLoaded(asOf: day, reports: try? store.latestReports(asOf: day))]
        case let .export(table, path):
            return [.notice(try export(table, to: path), isError: false)]
        case let .importFile(path):
            return try importReturn(path, asOf: asOf)
        case let .remind(itemIds, note, followUp):
            // One flag per item, each with the 反馈期限, in one transaction; an item already under
            // an open flag keeps it.
            try store.flag(itemIds: itemIds, note: note, by: recorder, at: now(), followUp: followUp)
        case let .flag(itemId, note, followUp):
            try store.flag(itemId: itemId, note: note, by: recorder, at: now(), followUp: followUp)
        case let .reply(itemId, note, unit):
            try store.reply(itemId: itemId, note: note, unit: unit, by: recorder, at: now())
        case let .unflag(itemId, note):
            _ = try store.unflag(itemId: itemId, by: recorder, at: now(), note: note)
        case let .record(draft):
            let entry = NewEntry(
                itemId: draft.itemId, date: draft.date, value: draft.value, milestone: draft.milestone,
                progress: draft.progress, problems: draft.problems, nextSteps: draft.nextSteps,
                reportingUnit: draft.reportingUnit, recordedBy: recorder, recordedAt: now(),
                corrects: draft.corrects, reason: draft.reason, origin: "dashboard")
            switch try workspace.record(entry) {
            case .stored:
                break
            case let .duplicate(existing):
                return [.notice(RecordingText.duplicate(existing).text(language), isError: false)]
            case let .conflict(existing):
                let how = Phrase("更正请在指标详情中选中该记录按 e", "to correct it, select it in the target's page and press e")
                let text = RecordingText.conflict(entry, with: existing, figure: nil, how: how)
                return [.notice(text.text(language), isError: true)]
            }
        }
        // Every write shows at once: the store read again.
        return [.dataLoaded(try load(asOf: asOf))]
    }

    /// What the message line says when the store's connection is lost or comes back.
    public func notice(_ news: ConnectionNews) -> Message {
        switch news {
        case let .lost(reason):
            return .notice(
                language.pick(
                    "与进展库的连接中断（\(reason.zh)）；正在重新连接，已填写的内容不会丢失",
                    "The connection to the store was lost (\(reason.en)); reconnecting. Nothing typed is lost"),
                isError: true)
        case .restored:
            return .notice(
                language.pick("已重新连接进展库，数据已更新", "Reconnected to the store; the data is up to date"), isError: false)
        }
    }

    /// A path typed in a prompt, relative to the dashboard's folder.
    func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: folder)).path
    }

    /// Writes the table into the file named (a workbook, CSV or Markdown by its name); says where.
    func export(_ table: ExportTable, to path: String) throws -> String {
        let file = resolved(path)
        let data: Data
        if path.lowercased().hasSuffix(".xlsx") {
            data = try XLSXFile.data(ExportWorkbook.make(table))
        } else if path.lowercased().hasSuffix(".csv") {
            data = CSVExport.encode(
                header: table.csvRows[0], rows: table.csvRows.dropFirst().map { $0.map { .text($0) } })
        } else {
            data = Data(table.markdown().utf8)
        }
        try OutputFile.write(data, to: file)
        return language.pick("已导出到 \(file)", "Exported to \(file)")
    }

    /// The same reading and checks as `renewal import`: all rows or none. Every problem goes on
    /// the one message line (the first ones show; nothing was stored).
    func importReturn(_ path: String, asOf: Day) throws -> [Message] {
        let file = resolved(path)
        let checked: EntriesCSV.Return
        do {
            checked = try ReturnReading.checked(file: file, plan: workspace.plan, today: today(), encoding: nil)
        } catch let error as AppError {
            let line = error.phrase.text(language).replacingOccurrences(of: "\n", with: language.pick("；", "; "))
            return [.notice(line, isError: true)]
        }
        let outcome = try ReturnImporter.run(checked, file: file, store: store, by: recorder, at: now(), dryRun: false)
        let said = language.pick(
            "已导入 \(outcome.added) 条，跳过重复 \(outcome.duplicateLines.count) 条、未填写 \(outcome.blankLines.count) 行",
            "Imported \(language.count(outcome.added, "", "entry", "entries")); "
                + "\(outcome.duplicateLines.count) duplicate and \(outcome.blankLines.count) blank rows skipped")
        return [.dataLoaded(try load(asOf: asOf)), .notice(said, isError: false)]
    }
}
