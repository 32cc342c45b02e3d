import RenewalModel

/// What a key does outside text entry. The reducer acts on these, never on raw keys, so the
/// table below is the only place a key gets its meaning.
public enum Action: Sendable, Equatable {
    case up, down, left, right, open, back, quit
    case digit(Int)
    case pageUp, pageDown, first, last
    case overdue, reporting, remind, remindAll, ledger, showClosed, changes, changesSince, export, units, sort, nextTab,
        search, help, flag, record,
        correct, asOf, reload, importFile
    case quitNow
}

/// One row of the key table: the keys, what they do, and how the help screen and the bottom
/// bar name them (htop's FunctionBar is data too).
public struct KeyBinding: Sendable {
    /// Each key with its action (j and Down both move down).
    public var keys: [(key: Key, action: Action)]
    /// The keys as the help screen writes them ("Up Down j k").
    public var helpKeys: String
    /// What the help screen says they do.
    public var help: (zh: String, en: String)
    /// The keys and the word the bottom bar shows ("j/k", 选择), if it shows them.
    public var bar: (keys: String, zh: String, en: String)?
    /// The screens whose bottom bar lists this row.
    public var barOn: @Sendable (Screen) -> Bool = { _ in true }
    /// The screens where the keys work (everywhere, unless said).
    public var worksOn: @Sendable (Screen) -> Bool = { _ in true }
}

public enum Keymap {
    static func hasItems(_ screen: Screen) -> Bool {
        switch screen {
        case .overview, .units, .reporting, .help, .ledger: return false
        default: return true
        }
    }

    static func chars(_ characters: String, _ action: Action) -> [(key: Key, action: Action)] {
        characters.map { (Key.char($0), action) }
    }

    /// Every key of the dashboard, in the order the help screen and the bottom bar list them.
    public static let table: [KeyBinding] = [
        KeyBinding(
            keys: [(.up, .up), (.char("k"), .up), (.down, .down), (.char("j"), .down)],
            helpKeys: "Up Down j k", help: ("上下移动选择", "move the selection"),
            bar: ("j/k", "选择", "move"), barOn: { $0 != .help }),
        KeyBinding(
            keys: [(.left, .left), (.char("h"), .left), (.right, .right), (.char("l"), .right)],
            helpKeys: "Left Right h l",
            help: ("总览中左右移动；其他视图中 Left h 返回、Right l 打开", "overview: move across; elsewhere Left h back, Right l open")),
        KeyBinding(
            keys: [(.enter, .open)], helpKeys: "Enter",
            help: ("打开选中的工程、措施、单位或指标", "open the selected programme, measure, unit or target"),
            bar: ("Enter", "打开", "open"), barOn: { $0 != .help }),
        KeyBinding(
            keys: [(.escape, .back), (.backspace, .back)], helpKeys: "Esc Backspace", help: ("返回上一级", "go back"),
            bar: ("Esc", "返回", "back"), barOn: { $0 != .overview }),
        KeyBinding(
            keys: (0...9).map { (Key.char(Character("\($0)")), Action.digit($0)) }, helpKeys: "1-9 0",
            help: (
                "按总览的面板顺序跳转：1-9 第一至九个，0 第十个，1 1 第十一个，1 2 第十二个",
                "jump to the overview's panels in order: 1-9 the first to ninth, 0 the tenth, 1 1 the eleventh, "
                    + "1 2 the twelfth"
            ),
            bar: ("1-9,0", "跳到工程", "programme"), barOn: { $0 == .overview }),
        KeyBinding(
            keys: [(.pageUp, .pageUp), (.pageDown, .pageDown)], helpKeys: "PgUp PgDn", help: ("翻页", "page up / down")),
        KeyBinding(
            keys: [(.home, .first), (.char("g"), .first), (.end, .last), (.char("G"), .last)],
            helpKeys: "Home g / End G", help: ("第一项 / 最后一项", "first / last")),
        KeyBinding(
            keys: chars("o", .overdue), helpKeys: "o",
            help: ("全部逾期、滞后和临期事项（按牵头单位）", "everything overdue, lagging or due soon, by lead unit"),
            bar: ("o", "逾期", "overdue"), barOn: { $0 != .overdue }),
        KeyBinding(
            keys: chars("b", .reporting), helpKeys: "b",
            help: (
                "报送情况：上一期报表各单位已报齐、未报齐、未报送（f / F 催办）",
                "reporting: which units filed all, part or none of the last due return (f / F remind)"
            ),
            bar: ("b", "报送", "reporting"), barOn: { $0 == .overview }),
        KeyBinding(
            keys: chars("f", .remind), helpKeys: "f",
            help: (
                "报送情况中：催办本行单位缺报的事项（每项一条督办，可改说明和反馈期限）",
                "in reporting: remind the selected unit (one flag per missing item; note and reply date editable)"
            ),
            bar: ("f", "催办本单位", "remind unit"), barOn: { $0 == .reporting }, worksOn: { $0 == .reporting }),
        KeyBinding(
            keys: chars("F", .remindAll), helpKeys: "F",
            help: (
                "报送情况中：催办全部缺报的事项（已完成的不催办，已督办的不重复）",
                "in reporting: remind every unit of every missing item (finished or flagged items are left)"
            ),
            bar: ("F", "全部催办", "remind all"), barOn: { $0 == .reporting }, worksOn: { $0 == .reporting }),
        KeyBinding(
            keys: chars("c", .changes), helpKeys: "c",
            help: (
                "与上期相比：新增逾期、本期销号、新完成、变差、变好，逐项列出（p 改比较日期）",
                "changes since a month earlier: newly overdue, cleared, newly done, worse, better (p sets the date)"
            ),
            bar: ("c", "变化", "changes"), barOn: { $0 == .overview }),
        KeyBinding(
            keys: chars("p", .changesSince), helpKeys: "p",
            help: ("变化视图中：更改比较日期", "in the changes view: the date compared with"),
            bar: ("p", "比较日期", "compare"), barOn: { $0 == .changes }, worksOn: { $0 == .changes }),
        KeyBinding(
            keys: chars("L", .ledger), helpKeys: "L",
            help: (
                "督办台账：全部督办事项及其反馈状态（Tab 显示已办结的）",
                "the supervision ledger: every flag with its reply state (Tab shows closed ones)"
            ),
            bar: ("L", "台账", "ledger"), barOn: { $0 == .overview }),
        KeyBinding(
            keys: chars("d", .units), helpKeys: "d", help: ("单位一览", "units"),
            bar: ("d", "单位", "units"), barOn: { $0 != .units }),
        KeyBinding(
            keys: [(.tab, .nextTab)], helpKeys: "Tab",
            help: ("逾期视图中切换：逾期滞后 / 临期（30 天内到期、未完成）", "in the overdue view: late / due within 30 days"),
            bar: ("Tab", "临期", "due soon"), barOn: { $0 == .overdue }, worksOn: { $0 == .overdue }),
        KeyBinding(
            keys: [(.tab, .showClosed)], helpKeys: "Tab",
            help: ("督办台账中：显示 / 隐藏已办结的督办", "in the ledger: show or hide closed flags"),
            bar: ("Tab", "已办结", "closed"), barOn: { $0 == .ledger }, worksOn: { $0 == .ledger }),
        KeyBinding(
            keys: chars("s", .sort), helpKeys: "s", help: ("单位一览中切换排序", "in the units view: change the order"),
            bar: ("s", "排序", "sort"), barOn: { $0 == .units }, worksOn: { $0 == .units }),
        KeyBinding(
            keys: chars("/", .search), helpKeys: "/", help: ("搜索标题、条文和单位", "search titles, clauses and units"),
            bar: ("/", "搜索", "search")),
        KeyBinding(
            keys: chars("f", .flag), helpKeys: "f",
            help: (
                "督办选中事项（说明、反馈期限）；已督办的：r 记录反馈，c 办结销号",
                "flag the selected item (note, reply due date); if flagged: r records a reply, c closes it"
            ),
            bar: ("f", "督办", "flag"), barOn: hasItems, worksOn: { $0 != .reporting }),
        KeyBinding(
            keys: chars("u", .record), helpKeys: "u", help: ("填报选中指标的进展", "record progress on the selected target"),
            bar: ("u", "填报", "record"), barOn: hasItems),
        KeyBinding(
            keys: chars("e", .correct), helpKeys: "e",
            help: (
                "指标详情中：更正选中的报送记录（j/k 选中，须填更正原因；原记录保留）",
                "in a target's page: correct the selected report "
                    + "(j/k selects; a reason is required; the original stays)"
            ),
            bar: ("e", "更正", "correct"), barOn: { if case .target = $0 { return true } else { return false } },
            worksOn: { if case .target = $0 { return true } else { return false } }),
        KeyBinding(
            keys: chars("x", .export), helpKeys: "x",
            help: (
                "把当前视图导出为文件（.md、.csv 或 .xlsx，默认 renewal-视图-日期.md，在当前文件夹）",
                "export the current view to a file (.md, .csv or .xlsx; default renewal-VIEW-DATE.md here)"
            ),
            bar: ("x", "导出", "export"), barOn: { $0 != .help && $0 != .overview }),
        KeyBinding(
            keys: chars("t", .asOf), helpKeys: "t", help: ("更改截至日期", "change the as-of date"),
            bar: ("t", "日期", "date"), barOn: { $0 == .overview }),
        KeyBinding(
            keys: chars("i", .importFile), helpKeys: "i",
            help: (
                "导入填好的报表（CSV 或 xlsx 工作簿；先逐行检查，有错则不写入）",
                "import a filled return (CSV or an xlsx workbook; checked first, nothing written if any row is bad)"
            )),
        KeyBinding(
            keys: chars("r", .reload), helpKeys: "r", help: ("重新读取数据", "reload"),
            bar: ("r", "刷新", "reload"), barOn: { $0 == .overview }),
        KeyBinding(
            keys: chars("?", .help), helpKeys: "?", help: ("本帮助", "this help"),
            bar: ("?", "帮助", "help"), barOn: { $0 != .help }),
        KeyBinding(
            keys: chars("q", .quit), helpKeys: "q", help: ("返回；在总览中退出", "go back; quit from the overview"),
            bar: ("q", "退出", "quit"), barOn: { $0 == .overview }),
        KeyBinding(keys: [(.ctrl("c"), .quitNow)], helpKeys: "Ctrl-C", help: ("立即退出", "quit at once")),
    ]

    /// The action of a key on a screen (keys from a Chinese input method already made ASCII).
    public static func action(for key: Key, on screen: Screen) -> Action? {
        for binding in table where binding.worksOn(screen) {
            if let match = binding.keys.first(where: { $0.key == key }) { return match.action }
        }
        return nil
    }

    /// Every key with what it does, for the help screen.
    public static func help(_ language: Language) -> [(keys: String, text: String)] {
        table.map { ($0.helpKeys, language.pick($0.help.zh, $0.help.en)) }
    }

    /// The bottom bar for a screen: "Enter 打开  Esc 返回  o 逾期 …".
    public static func bar(for state: AppState) -> [(keys: String, label: String)] {
        table.compactMap { binding in
            guard let bar = binding.bar, binding.barOn(state.screen) else { return nil }
            return (bar.keys, state.pick(bar.zh, bar.en))
        }
    }
}
