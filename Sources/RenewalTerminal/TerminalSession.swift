import CNcursesw
import Foundation
import RenewalModel
import RenewalText
import RenewalUI
import Synchronization

/// The ncurses session: set up and restore the terminal, read keys, draw grids.
///
/// Thin on purpose (htop's CRT.c): the UI never sees ncurses. The terminal is restored on a
/// normal stop, on SIGINT/SIGTERM (a flag the loop acts on) and on a crash (restore, then
/// re-raise the signal with its default action).
public final class TerminalSession {
    public private(set) var width: Int = 0
    public private(set) var height: Int = 0
    /// True when the terminal has colours and NO_COLOR is not set.
    public let color: Bool
    private var previous: Grid?
    private var stopped = false

    /// Why the dashboard cannot start.
    public enum StartError: Error, CustomStringConvertible {
        case notUTF8(codeset: String)
        case noTerminal
        case cannotAddressCursor(term: String)

        /// The reason, complete in each language.
        public var phrase: Phrase {
            switch self {
            case let .notUTF8(codeset):
                return Phrase(
                    "终端的区域设置是 \(codeset)，不是 UTF-8，无法显示中文；请用 LANG=C.UTF-8（或 zh_CN.UTF-8）运行",
                    "the terminal's locale is \(codeset), not UTF-8, so Chinese text cannot be shown; "
                        + "run with LANG=C.UTF-8 (or zh_CN.UTF-8)"
                )
            case .noTerminal:
                return Phrase(
                    "仪表盘需要在终端中运行（标准输入和输出须为终端）；脚本中请用 renewal snapshot 或各报表命令",
                    "the dashboard needs a terminal (stdin and stdout must be a tty); "
                        + "use renewal snapshot or the report commands in scripts"
                )
            case let .cannotAddressCursor(term):
                let shown = ControlCharacters.visible(term.isEmpty ? "(未设置)" : term)
                let shownEn = ControlCharacters.visible(term.isEmpty ? "(unset)" : term)
                return Phrase(
                    "终端类型 TERM=\(shown) 不能移动光标，无法显示仪表盘；请设置 TERM=xterm-256color（tmux 中为 tmux-256color），"
                        + "或改用 renewal summary 等报表命令",
                    "the terminal type TERM=\(shownEn) cannot move the cursor, so the dashboard cannot be drawn; "
                        + "set TERM=xterm-256color (tmux-256color inside tmux), "
                        + "or use the report commands such as renewal summary"
                )
            }
        }

        public var description: String { phrase.zh }
    }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw StartError.noTerminal }
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        guard codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8" else {
            throw StartError.notUTF8(codeset: codeset)
        }
        guard renewal_terminal_can_address_cursor() == 1 else {
            throw StartError.cannotAddressCursor(term: environment["TERM"] ?? "")
        }
        // Esc must respond at once: there are no Alt bindings to wait for.
        setenv("ESCDELAY", "25", 0)
        initscr()
        SignalGuard.install()
        cbreak()
        noecho()
        nonl()
        keypad(renewal_stdscr(), true)
        curs_set(0)
        let wantsColor = environment["NO_COLOR"].map { $0.isEmpty } ?? true
        if wantsColor && has_colors() {
            start_color()
            use_default_colors()
            // Pair n draws Color(rawValue: n) on the terminal's own background.
            let foregrounds: [Int16] = [
                -1, Int16(COLOR_RED), Int16(COLOR_GREEN), Int16(COLOR_YELLOW), Int16(COLOR_BLUE),
                Int16(COLOR_MAGENTA), Int16(COLOR_CYAN), renewal_colors() > 8 ? 8 : Int16(COLOR_WHITE),
            ]
            for (index, foreground) in foregrounds.enumerated() where index > 0 {
                init_pair(Int16(index), foreground, -1)
            }
            color = true
        } else {
            color = false
        }
        width = Int(renewal_cols())
        height = Int(renewal_lines())
    }

    deinit { stop() }

    /// Restores the terminal (idempotent).
    public func stop() {
        guard !stopped else { return }
        stopped = true
        curs_set(1)
        endwin()
    }

    /// True once a quit signal (`SignalGuard.quitSignals`) arrived: the loop should end and restore
    /// the terminal.
    public var quitRequested: Bool { SignalGuard.quitRequested }

    /// Waits up to `milliseconds` for a key; nil on timeout.
    public func readKey(timeout milliseconds: Int32) -> Key? {
        wtimeout(renewal_stdscr(), milliseconds)
        var character: wint_t = 0
        let result = renewal_get_wch(&character)
        if result == renewal_err() { return nil }
        if result == KEY_CODE_YES {
            return keyCode(Int32(character))
        }
        return translate(UInt32(character))
    }

    func keyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_DC: return .backspace
        case renewal_key_resize():
            width = Int(renewal_cols())
            height = Int(renewal_lines())
            previous = nil
            return .resize(width: width, height: height)
        default: return nil
        }
    }

    func translate(_ value: UInt32) -> Key? {
        switch value {
        case 10, 13: return .enter
        case 27: return .escape
        case 127, 8: return .backspace
        case 9: return .tab
        case 1...26: return .ctrl(Character(Unicode.Scalar(value + 96) ?? "a"))
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// Draws a frame, writing only the cells that changed since the last one.
    public func draw(_ grid: Grid) {
        let full = previous == nil || previous?.width != grid.width || previous?.height != grid.height
        if full { erase() }
        for y in 0..<grid.height {
            var x = 0
            while x < grid.width {
                let cell = grid[x, y]
                defer { x += 1 }
                if cell.text.isEmpty { continue }  // right half of a wide character
                if !full, let previous, previous[x, y] == cell,
                    x + 1 >= grid.width || previous[x + 1, y] == grid[x + 1, y]
                {
                    continue
                }
                put(cell, x: x, y: y)
            }
        }
        refresh()
        previous = grid
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        var attributes = renewal_a_normal()
        if cell.style.bold { attributes |= renewal_a_bold() }
        if cell.style.reverse { attributes |= renewal_a_reverse() }
        if cell.style.underline { attributes |= renewal_a_underline() }
        if cell.style.dim { attributes |= renewal_a_dim() }
        let pair: Int16 = color ? Int16(cell.style.color.rawValue) : 0
        var text = cell.text.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
        text.append(0)
        _ = renewal_put_cell(Int32(y), Int32(x), text, attributes, pair)
    }
}

/// Signal handling: SIGINT/SIGTERM/SIGHUP/SIGQUIT/SIGUSR1/SIGUSR2/SIGALRM set a flag the loop
/// acts on; crash signals put the
/// terminal back and hand the signal on to whatever handled it before (htop's CRT_handleSIGSEGV):
/// Swift's backtracer still prints its report, and a core is still dumped.
enum SignalGuard {
    /// Set from a signal handler: a lock-free atomic store is async-signal-safe.
    static let interrupted = Atomic<Bool>(false)

    static var quitRequested: Bool { interrupted.load(ordering: .relaxed) }

    static let crashSignals = [SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP]

    /// Signals that end the dashboard cleanly (restore, exit). SIGQUIT (Ctrl-\) among them: left
    /// to Swift's runtime it drew a crash report over the screen and the dashboard ran on garbled;
    /// SIGUSR1, SIGUSR2 and SIGALRM would otherwise kill it with the terminal left raw (issue 20).
    static let quitSignals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM]

    /// The actions installed before ours, by signal number; allocated once, before any handler
    /// can run, and only read inside one (no allocation, no locks there).
    nonisolated(unsafe) static let previous: UnsafeMutablePointer<sigaction> = {
        let table = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        table.initialize(repeating: sigaction(), count: 65)
        return table
    }()

    static func install() {
        // A launcher may have blocked signals (some do for their own threads); the dashboard
        // needs these to arrive: resize, quit and terminate.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for signal in [SIGWINCH] + quitSignals { sigaddset(&wanted, signal) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        var quit = sigaction()
        quit.__sigaction_handler.sa_handler = { _ in SignalGuard.interrupted.store(true, ordering: .relaxed) }
        sigemptyset(&quit.sa_mask)
        quit.sa_flags = 0
        for signal in quitSignals { sigaction(signal, &quit, nil) }

        // On a crash: put the terminal back, restore the handler that was there before ours and
        // raise the signal again; it arrives there as soon as this handler returns.
        var crash = sigaction()
        crash.__sigaction_handler.sa_handler = { signal in
            endwin()
            sigaction(signal, SignalGuard.previous.advanced(by: Int(signal)), nil)
            raise(signal)
        }
        sigemptyset(&crash.sa_mask)
        crash.sa_flags = 0
        for signal in crashSignals {
            sigaction(signal, &crash, previous.advanced(by: Int(signal)))
        }
    }
}
