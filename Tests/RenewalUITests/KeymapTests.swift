import RenewalModel
import Testing

@testable import RenewalUI

/// The key table is the one source of the reducer's dispatch, the help screen and the bottom bar.
@Suite("Key table")
struct KeymapTests {
    static let screens: [Screen] = [
        .overview, .overall, .programme(2), .measure(4), .overdue, .units, .unitItems("市工业和信息化局"),
        .search, .help,
    ]

    @Test(arguments: screens)
    func noKeyMeansTwoThingsOnOneScreen(_ screen: Screen) {
        var seen: [Key: Action] = [:]
        for binding in Keymap.table where binding.worksOn(screen) {
            for (key, action) in binding.keys {
                #expect(seen[key] == nil, "\(key) is bound twice on \(screen)")
                seen[key] = action
                #expect(Keymap.action(for: key, on: screen) == action)
            }
        }
    }

    @Test(arguments: screens)
    func theBarListsOnlyKeysThatWorkThere(_ screen: Screen) {
        var state = Fixture.state()
        state.stack = [.overview, screen]
        for binding in Keymap.table where binding.bar != nil && binding.barOn(screen) {
            #expect(binding.worksOn(screen), "the bar offers \(binding.helpKeys) on \(screen), where it does nothing")
        }
        let shown = Keymap.bar(for: state).map(\.keys)
        #expect(shown.contains("?") == (screen != .help))
    }

    @Test func theHelpScreenListsEveryRowOfTheTable() {
        let (state, _) = Fixture.press(Fixture.state(width: 120, height: 60), [.char("?")])
        let text = Renderer.render(state).lines.joined(separator: "\n")
        for (keys, description) in Keymap.help(.zh) {
            #expect(text.contains(keys), "help lacks \(keys)")
            #expect(text.contains(String(description.prefix(6))), "help lacks \(description)")
        }
    }

    @Test func sortWorksOnlyInTheUnitsView() {
        #expect(Keymap.action(for: .char("s"), on: .units) == .sort)
        #expect(Keymap.action(for: .char("s"), on: .overview) == nil)
        let (units, _) = Fixture.press(Fixture.state(), [.char("d"), .char("s")])
        #expect(units.unitSort == .red)
    }
}
