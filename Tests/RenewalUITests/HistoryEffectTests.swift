import RenewalModel
import Testing

@testable import RenewalUI

/// The measure view's history is read by the shell, never while drawing: opening the view asks
/// for it once (`Effect.loadHistory`), the answer arrives as a message, a reload forgets it.
@Suite("History as an effect")
struct HistoryEffectTests {
    /// Measure 4's items: the measure itself, then its targets.
    static let items = ["M04", "M04-1", "M04-2", "M04-3"]

    /// The keys that open measure 4 from the overview, one by one through the bare reducer.
    static func openMeasure4() -> (AppState, [Effect]) {
        var state = Fixture.state()
        var effects: [Effect] = []
        for key in [Key.char("3"), .enter] {
            let (next, more) = Reducer.update(state, key)
            state = next
            effects += more
        }
        return (state, effects)
    }

    @Test func openingAMeasureAsksForItsHistoryOnce() {
        let (state, effects) = Self.openMeasure4()
        #expect(state.screen == .measure(4))
        #expect(effects == [.loadHistory(items: Self.items)])
        #expect(state.histories[Self.items] == .loading)
        // Moving within the view, or leaving and coming back, asks nothing more.
        let (again, more) = Reducer.update(
            Reducer.update(Reducer.update(state, .key(.char("j"))).0, .key(.escape)).0, .key(.enter))
        #expect(again.screen == .measure(4))
        #expect(more.isEmpty)
    }

    @Test func theAnswerIsWhatTheViewShows() {
        let (state, _) = Self.openMeasure4()
        let written = ProgressEntry(
            id: "999", itemId: "M04-1", date: Day("2026-10-31")!, value: 7,
            progress: "仅在加载的历史中出现的进展说明")
        let (loaded, effects) = Reducer.update(state, .historyLoaded(items: Self.items, entries: [written]))
        #expect(effects.isEmpty)
        #expect(loaded.histories[Self.items] == .loaded([written]))
        #expect(Renderer.render(loaded).lines.joined().contains("仅在加载的历史中出现的进展说明"))
        #expect(!Renderer.render(state).lines.joined().contains("仅在加载的历史中出现的进展说明"))
    }

    @Test func aFailedLoadShowsTheFiguresHeld() {
        let (state, _) = Self.openMeasure4()
        let (failed, _) = Reducer.update(state, .historyLoaded(items: Self.items, entries: nil))
        #expect(failed.histories[Self.items] == .failed)
        let held = failed.data.entriesHeld(for: Self.items).filter { !$0.isBaseline && $0.date <= failed.data.asOf }
        #expect(!held.isEmpty)
        #expect(Renderer.render(failed).lines.joined().contains("（\(held.count) 条，最新在前）"))
    }

    @Test func aReloadForgetsHistoriesAndAsksAgainForTheScreenShown() {
        let (state, _) = Self.openMeasure4()
        let (loaded, _) = Reducer.update(state, .historyLoaded(items: Self.items, entries: []))
        let (reloaded, effects) = Reducer.update(loaded, .dataLoaded(loaded.data))
        #expect(effects == [.loadHistory(items: Self.items)])
        #expect(reloaded.histories == [Self.items: .loading])
        // Elsewhere, a reload asks for nothing.
        let (_, none) = Reducer.update(Fixture.state(), .dataLoaded(Fixture.data))
        #expect(none.isEmpty)
    }
}
