import RenewalText
import Testing

@Suite("Control characters")
struct ControlCharactersTests {
    @Test(arguments: [
        ("plain 中文", "plain 中文"),
        ("\u{1B}]0;title\u{07}", "^[]0;title^G"),
        ("\u{1B}[2J", "^[[2J"),
        ("a\u{08}b", "a^Hb"),
        ("a\rb", "a^Mb"),
        ("\u{0}", "^@"),
        ("\u{7F}", "^?"),
        ("\u{9B}31m", "<U+009B>31m"),
        ("\u{202E}txt", "<U+202E>txt"),
        ("a\nb\tc", "a^Jb^Ic"),
    ])
    func everyControlIsShownAsInertText(_ text: String, _ shown: String) {
        #expect(ControlCharacters.visible(text) == shown)
    }

    @Test func lineBreaksAndTabsPassWhereTheFormatAllowsThem() {
        #expect(ControlCharacters.visible("a\nb\tc", allowing: [.newline, .tab]) == "a\nb\tc")
        // CR LF is one line break; a lone CR (which would overwrite the line) is not.
        #expect(ControlCharacters.visible("a\r\nb\rc", allowing: [.newline]) == "a\nb^Mc")
        #expect(ControlCharacters.isClean("进展\n", allowing: [.newline]))
        #expect(!ControlCharacters.isClean("进展\u{1B}"))
    }
}
