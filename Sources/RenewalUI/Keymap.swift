/// The keys as data: the help screen and the bottom bar are generated from this table
/// (htop's FunctionBar is data too).
public struct KeyBinding: Sendable {
    public var keys: String
    public var zh: String
    public var en: String
    /// Shown in the bottom bar of these screens (nil: every screen).
    public var bar: (@Sendable (Screen) -> Bool)?

    public func label(_ state: AppState) -> String { state.language == .zh ? zh : en }
}

public enum Keymap {
    static func hasItems(_ screen: Screen) -> Bool {
        switch screen {
        case .overview, .units, .help: return false
        default: return true
        }
    }

    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: "j/k", zh: "选择", en: "move", bar: { $0 != .help }),
        KeyBinding(keys: "Enter", zh: "打开", en: "open", bar: { $0 != .help }),
        KeyBinding(keys: "Esc", zh: "返回", en: "back", bar: { $0 != .overview }),
        KeyBinding(keys: "1-9,0", zh: "跳到工程", en: "programme", bar: { $0 == .overview }),
        KeyBinding(keys: "o", zh: "逾期", en: "overdue", bar: { $0 != .overdue }),
        KeyBinding(keys: "d", zh: "单位", en: "units", bar: { $0 != .units }),
        KeyBinding(keys: "s", zh: "排序", en: "sort", bar: { $0 == .units }),
        KeyBinding(keys: "/", zh: "搜索", en: "search", bar: { _ in true }),
        KeyBinding(keys: "f", zh: "督办", en: "flag", bar: { hasItems($0) }),
        KeyBinding(keys: "u", zh: "填报", en: "record", bar: { hasItems($0) }),
        KeyBinding(keys: "t", zh: "日期", en: "date", bar: { $0 == .overview }),
        KeyBinding(keys: "r", zh: "刷新", en: "reload", bar: { $0 == .overview }),
        KeyBinding(keys: "?", zh: "帮助", en: "help", bar: { $0 != .help }),
        KeyBinding(keys: "q", zh: "退出", en: "quit", bar: { $0 == .overview }),
    ]

    /// Every key with what it does, for the help screen.
    public static let help: [(keys: String, zh: String, en: String)] = [
        ("Up Down j k", "上下移动选择", "move the selection"),
        ("Left Right h l", "总览中左右移动；其他视图中 Left h 返回、Right l 打开", "overview: move across; elsewhere Left h back, Right l open"),
        ("Enter", "打开选中的工程、措施、单位或指标", "open the selected programme, measure, unit or target"),
        ("Esc Backspace", "返回上一级", "go back"),
        ("q", "返回；在总览中退出", "go back; quit from the overview"),
        ("1-9 0", "跳到工程：1 总体目标，2-9 第二至九，0 第十，1 1 第十一，1 2 第十二", "jump: 1 overall, 2-9 sections 2-9, 0 section 10, 1 1 section 11, 1 2 section 12"),
        ("PgUp PgDn", "翻页", "page up / down"),
        ("Home g / End G", "第一项 / 最后一项", "first / last"),
        ("o", "全部逾期、滞后和临期事项（按牵头单位）", "everything overdue, lagging or due soon, by lead unit"),
        ("d", "单位一览（s 切换排序）", "units (s changes the order)"),
        ("/", "搜索标题、条文和单位", "search titles, clauses and units"),
        ("f", "督办或解除督办选中事项", "flag or unflag the selected item"),
        ("u", "填报选中指标的进展", "record progress on the selected target"),
        ("t", "更改截至日期", "change the as-of date"),
        ("r", "重新读取数据", "reload"),
        ("?", "本帮助", "this help"),
        ("Ctrl-C", "立即退出", "quit at once"),
    ]

    /// The bottom bar for a screen: "Enter 打开  Esc 返回  o 逾期 …".
    public static func bar(for state: AppState) -> [(keys: String, label: String)] {
        bindings.filter { $0.bar?(state.screen) ?? true }.map { ($0.keys, $0.label(state)) }
    }
}
