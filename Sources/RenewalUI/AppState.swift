import RenewalModel
import RenewalReports

/// Where the user is: the screens of DESIGN §5.
public enum Screen: Sendable, Hashable {
    case overview
    case overall
    case programme(Int)
    case measure(Int)
    /// One target's page (any target: overall or a measure's).
    case target(String)
    case overdue
    /// Who has filed the last due period's return (`b`).
    case reporting
    /// What changed since an earlier day (`c`).
    case changes
    case units
    case unitItems(String)
    /// The 督办台账 (`L`): every flag with its state and latest reply.
    case ledger
    case search
    case help
}

/// The tabs of the `o` view (Tab switches): everything late, or everything due within the window.
public enum OverdueTab: Sendable, CaseIterable {
    case late, dueSoon
}

/// How the units' league table is sorted (`s` cycles): worst first (red, then yellow, blue,
/// purple), by one light, by items led, or in the plan's order of units.
public enum UnitSort: Sendable, Hashable, CaseIterable {
    case worst, red, yellow, blue, green, purple, leads, plan

    public static let allCases: [UnitSort] = [.worst, .red, .yellow, .blue, .green, .purple, .leads, .plan]

    /// The light this order counts by, if it is one light's column.
    public var light: Light? {
        switch self {
        case .red: return .red
        case .yellow: return .yellow
        case .blue: return .blue
        case .green: return .green
        case .purple: return .purple
        case .worst, .leads, .plan: return nil
        }
    }
}

/// A one-line prompt at the bottom (flag note, as-of date, unflag confirmation).
public struct Prompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case flagNote(itemId: String)
        /// The 反馈期限 of a new flag, after its note (prefilled ten days on).
        case flagFollowUp(itemId: String, note: String)
        /// A flagged item: r records a reply (反馈), c closes the flag (办结/销号).
        case flagAction(itemId: String)
        /// Which of the item's units replies (←/→ choose): a reply names its unit (DESIGN §5).
        case replyUnit(itemId: String, units: [String], chosen: Int)
        case reply(itemId: String, unit: String?)
        case close(itemId: String)
        /// 催办: flag the reminder's items with one note…
        case remind(Reminder)
        /// …and one 反馈期限 (prefilled ten days from today).
        case remindFollowUp(Reminder, note: String)
        /// A write asked for while the screen shows another day: Enter returns to today and goes
        /// on with it, Esc leaves it (DESIGN §4 "Writes and the as-of date").
        case returnToToday(WriteIntent)
        /// `i`: the return to import (a CSV or an xlsx workbook).
        case importPath
        case asOf
        /// The day the change view compares with.
        case changesSince
        /// `x`: the file the current view is written to (the table is taken when `x` is pressed).
        case export(ExportTable)
    }

    public var purpose: Purpose
    /// What has been typed, with its cursor.
    public var field: TextField
    /// The text typed (setting it puts the cursor at the end).
    public var text: String {
        get { field.text }
        set { field.text = newValue }
    }
    public var error: String?
    /// A pre-filled value (a date, a file name) is replaced by the first character typed, as in a
    /// form field; any other edit keeps it.
    public var replacesOnType = false

    public init(purpose: Purpose, text: String, error: String?, replacesOnType: Bool = false) {
        self.purpose = purpose
        self.field = TextField(text)
        self.error = error
        self.replacesOnType = replacesOnType
    }
}

/// A write the user asked for, named by what it acts on (not by a row, since rows move when the
/// day judged changes).
public enum WriteIntent: Sendable, Equatable {
    case flag(itemId: String)
    case record(itemId: String)
    case correct(itemId: String, entryId: String)
    /// 催办 for one unit's row, or for every unit.
    case remind(unit: String?)
    /// A filled return into the store (`i`).
    case importFile
}

/// The whole UI as a value (the Elm architecture): the reducer takes it and an event and returns
/// the next one plus effects for the shell to run.
public struct AppState: Sendable {
    public var data: AppData {
        didSet { if !searchQuery.isEmpty { searchHits = AppState.search(searchQuery, in: data) } }
    }
    public var language: Language
    public var theme: Theme
    public var width: Int
    public var height: Int
    /// Navigation stack; the last screen is shown. Never empty.
    public var stack: [Screen] = [.overview]
    /// Selected row per screen.
    public var selection: [Screen: Int] = [:]
    /// First visible line per screen (long pages scroll).
    public var scroll: [Screen: Int] = [:]
    public var unitSort: UnitSort = .worst
    public var overdueTab: OverdueTab = .late
    /// Whether the 督办台账 lists closed flags too (Tab).
    public var ledgerShowsClosed = false
    /// A 催办 waiting for the reporting status of the day returned to (it comes from the shell).
    public var pendingWrite: WriteIntent?
    /// The search box; the hits are recomputed when it (or the data) changes, not on every frame.
    public var searchField = TextField() {
        didSet { if searchField.text != oldValue.text { searchHits = AppState.search(searchQuery, in: data) } }
    }
    /// The text of the search box.
    public var searchQuery: String {
        get { searchField.text }
        set { searchField.text = newValue }
    }
    /// Results of `searchQuery`: measures, then targets, then units.
    public private(set) var searchHits: [RowRef] = []
    /// True while typing in the search box.
    public var searchEditing = false
    public var prompt: Prompt?
    public var form: RecordForm?
    /// A form just submitted, kept until the store answers: reopened, all it holds, with the
    /// store's refusal or failure (a lost connection, another figure for the day), so nothing
    /// typed is lost.
    public var submittedForm: RecordForm?
    /// A one-line message shown in the key bar until the next key.
    public var message: String?
    public var messageIsError = false
    /// A "1" typed a moment ago: a second digit makes 10–12.
    public var pendingDigit: Int?
    /// Ticks (250 ms each, sent by the loop while no key comes) since that "1": after a second it no
    /// longer waits for a second digit.
    public var pendingDigitTicks = 0

    /// Ticks a first digit waits for a second (4 × 250 ms = one second).
    public static let digitWaitTicks = 4
    /// Complete entries (with what departments wrote) by the items they were asked for: the
    /// answers to `Effect.loadHistory`, kept until the data is reloaded.
    public var histories: [[String]: HistoryLoad] = [:]
    /// The reporting status (`b`) for a date judged, built once when the shell's answer to
    /// `Effect.loadLatestReports` arrives (nil status: still on its way).
    public var reporting: (asOf: Day, status: ReportingStatus?)?
    /// The day `c` compares with (nil: one month before the date judged).
    public var changesSince: Day?
    /// The changes `c` shows, computed once for the dates they compare.
    public var changes: StatusChanges?

    public init(data: AppData, language: Language = .zh, theme: Theme = Theme(), width: Int = 80, height: Int = 24) {
        self.data = data
        self.language = language
        self.theme = theme
        self.width = width
        self.height = height
    }

    public var screen: Screen { stack.last ?? .overview }

    public var selectedIndex: Int { selection[screen] ?? 0 }

    /// Minimum usable size (DESIGN §5).
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public var isTooSmall: Bool { width < AppState.minimumWidth || height < AppState.minimumHeight }

    func pick(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
}

/// Something asked of the shell: on its way, or what came back.
public enum Load<Value: Sendable & Equatable>: Sendable, Equatable {
    case loading
    case loaded(Value)
    /// The store could not be read; views show what is held in memory instead.
    case failed
}

/// A complete history of some items.
public typealias HistoryLoad = Load<[ProgressEntry]>

/// What reaches the reducer: a key, or the answer to an effect (bubbletea's messages).
public enum Message: Sendable {
    case key(Key)
    /// The view state was set up outside the reducer (a snapshot, the first frame): ask for
    /// whatever the current screen needs.
    case started
    /// The store was read again (`r`, a change by another process, a write).
    case dataLoaded(AppData)
    /// The answer to `Effect.loadHistory(items)`: nil when the store could not be read.
    case historyLoaded(items: [String], entries: [ProgressEntry]?)
    /// The answer to `Effect.loadLatestReports(asOf)`: nil when the store could not be read.
    case latestReportsLoaded(asOf: Day, reports: [LatestReport]?)
    /// What an effect did or why it did nothing (imported 12 entries; the same entry stands),
    /// for the message line.
    case notice(String, isError: Bool)
    /// An effect failed (the store could not be written, a file could not be read): shown as an
    /// error, and said again on leaving.
    case failed(String)
}

/// What the shell must do after a key: the reducer never touches the store or the terminal.
public enum Effect: Sendable, Equatable {
    case quit
    case reload
    /// Read every entry on these items, with its text, and answer with `.historyLoaded`.
    case loadHistory(items: [String])
    /// Read the latest report of each item by each unit up to a day; answer with `.latestReportsLoaded`.
    case loadLatestReports(asOf: Day)
    /// Write the table to this file: CSV when the name ends in .csv, Markdown otherwise.
    case export(ExportTable, path: String)
    /// 催办: flag each item with the note and 反馈期限 (items already under an open flag are left).
    case remind(itemIds: [String], note: String, followUp: Day)
    case flag(itemId: String, note: String, followUp: Day)
    /// A unit's reply (反馈) to the open flag on the item, naming the unit (nil: the item has none).
    case reply(itemId: String, note: String, unit: String?)
    /// Close (办结/销号) the open flag on the item, with why.
    case unflag(itemId: String, note: String)
    case record(EntryDraft)
    /// Check and store a filled return, all rows or none, as `renewal import` does.
    case importFile(path: String)
}

/// A checked entry from the record form, for the shell to store.
public struct EntryDraft: Sendable, Equatable {
    public var itemId: String
    public var date: Day
    public var value: Double?
    public var milestone: MilestoneState?
    public var progress: String
    public var problems: String
    public var nextSteps: String
    /// 填报单位, chosen in the form (nil: the item has no unit).
    public var reportingUnit: String?
    /// A correction: the entry it corrects, and why.
    public var corrects: String? = nil
    public var reason: String? = nil

    public init(
        itemId: String, date: Day, value: Double?, milestone: MilestoneState?, progress: String, problems: String,
        nextSteps: String, reportingUnit: String?, corrects: String? = nil, reason: String? = nil
    ) {
        self.itemId = itemId
        self.date = date
        self.value = value
        self.milestone = milestone
        self.progress = progress
        self.problems = problems
        self.nextSteps = nextSteps
        self.reportingUnit = reportingUnit
        self.corrects = corrects
        self.reason = reason
    }
}
