import Foundation
import RenewalApp
import RenewalModel
import RenewalStore
import Testing

/// One figure per indicator series (issue 24): on the day a figure stands on one target of a
/// series, another figure on a sibling target is refused as on the target itself, on both stores;
/// the same figure is not.
@Suite("Recording a series' figure")
struct SeriesRecordingTests {
    func entry(_ itemId: String, _ value: Double, on day: String = "2025-12-31") -> NewEntry {
        NewEntry(
            itemId: itemId, date: Day(day)!, value: value, progress: "", reportingUnit: nil, recordedBy: "测试",
            recordedAt: "2026-12-06T10:00:00+08:00", origin: "record")
    }

    @Test(arguments: StoreKind.allCases)
    func anotherFigureOnATargetOfTheSameSeriesIsAConflict(_ kind: StoreKind) throws {
        let place = try kind.place()
        var source = place.source
        source.planPath = StorePlanTests.zhangqiu
        let workspace = try Workspace.open(source, access: .write, today: Day("2026-01-05")!)
        #expect(workspace.plan.seriesItems(of: "ZQ-5") == ["ZQ-5", "ZQ-4"])
        guard case let .stored(first) = try workspace.record(entry("ZQ-4", 28800)) else {
            Issue.record("the first figure is stored")
            return
        }
        guard case let .conflict(existing) = try workspace.record(entry("ZQ-5", 29000)) else {
            Issue.record("another figure for the series on that day conflicts")
            return
        }
        #expect(existing.id == first.id)
        let message = RecordingText.conflict(entry("ZQ-5", 29000), with: existing, figure: nil, how: Phrase("", ""))
        #expect(message.zh.contains("与 ZQ-4 报送同一指标") && message.en.contains("same figure as ZQ-4"))
        // The same figure is no conflict; another day is another period's figure.
        if case .conflict = try workspace.record(entry("ZQ-5", 28800)) { Issue.record("the same figure conflicts") }
        if case .conflict = try workspace.record(entry("ZQ-5", 29000, on: "2025-11-30")) {
            Issue.record("another day conflicts")
        }
        // A target of no series is judged on its own item only, as before.
        #expect(workspace.plan.seriesItems(of: "P2.2.1-1") == ["P2.2.1-1"])
        #expect(try workspace.store.entryCount() == 3)
    }
}
