import Testing

@testable import RenewalText

@Suite("Display width")
struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("abc", 3), ("中", 2), ("临清市", 6), ("Ａ", 2), ("１", 2), ("，", 2), ("。", 2), ("（", 2),
        ("가", 2), ("か", 2), ("e\u{301}", 1), ("\u{301}", 0), ("\u{200B}", 0), ("\t", 0), ("", 0),
        ("✔", 1), ("⊘", 1), ("─", 1), ("😀", 2), ("❤\u{FE0F}", 2), ("𠀀", 2), ("35%以上", 7), ("0.8:1", 5),
    ])
    func widths(_ text: String, _ expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test func everyStatusMarkIsOneColumn() {
        for mark in ["✔", "✓", "◌", "↻", "⇡", "∅", "⊘", "◔", "⚠", "✖"] {
            #expect(DisplayWidth.of(mark) == 1, "\(mark)")
        }
    }
}

@Suite("Text layout")
struct TextLayoutTests {
    @Test func truncationNeverSplitsAWideCharacter() {
        // 5 columns hold two Chinese characters and a space, never half of the third.
        #expect(TextLayout.truncate("临清市方案", to: 5) == "临清 ")
        #expect(DisplayWidth.of(TextLayout.truncate("临清市方案", to: 5)) == 5)
        #expect(TextLayout.truncate("临清市方案", to: 6) == "临清市")
        #expect(TextLayout.truncate("short", to: 10) == "short")
        #expect(TextLayout.truncate("anything", to: 0) == "")
    }

    @Test func truncationWithEllipsisFitsExactly() {
        let cut = TextLayout.truncate("工业重点领域达到能效标杆水平", to: 11, ellipsis: true)
        #expect(cut.hasSuffix(".."))
        #expect(DisplayWidth.of(cut) == 11)
    }

    @Test func paddingReachesTheExactWidth() {
        for width in 1...20 {
            #expect(DisplayWidth.of(TextLayout.padRight("二、工业技改提升工程", to: width)) == width)
            #expect(DisplayWidth.of(TextLayout.padLeft("50家", to: width)) == width)
        }
        #expect(TextLayout.padLeft("50家", to: 6) == "  50家")
    }

    @Test func wrappingRespectsWidthAndKeepsEveryCharacter() {
        let text = "扩大农机报废更新补贴实施覆盖面，力争每年淘汰老旧农业机械150台（套）以上。制定新一轮农机购置与应用补贴政策。"
        for width in [2, 3, 7, 10, 20, 33, 80] {
            let lines = TextLayout.wrap(text, width: width)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "width \(width)")
            #expect(lines.joined() == text, "width \(width) lost characters")
        }
    }

    @Test func wrappingKeepsNumbersWholeAndPunctuationOffTheLineStart() {
        let lines = TextLayout.wrap("力争每年淘汰老旧农业机械150台", width: 26)
        #expect(lines.contains { $0.contains("150") })
        let punctuated = TextLayout.wrap("一二三四五，六七", width: 10)
        #expect(punctuated.allSatisfy { !$0.hasPrefix("，") })
        #expect(punctuated.joined() == "一二三四五，六七")
    }

    @Test func wrappingPrefersSpaces() {
        let lines = TextLayout.wrap("✔已完成 ⇡按序时推进 ◔进度滞后", width: 20)
        #expect(lines == ["✔已完成 ⇡按序时推进", "◔进度滞后"])
    }

    @Test func wrappingKeepsParagraphs() {
        #expect(TextLayout.wrap("甲\n\n乙", width: 10) == ["甲", "", "乙"])
        #expect(TextLayout.wrap("", width: 10) == [""])
        #expect(TextLayout.wrap("abc", width: 0) == [])
    }
}

@Suite("Wrapping closing brackets")
struct ClosingBracketTests {
    @Test func aClosingBracketNeverStartsALine() {
        let text = "目标 每年 >=150台（套），实际 113台（套）（2026-10-31），应达 125台（套），差距 12台（套），低于序时进度 8 个百分点，截止 2026-12-31，（四）"
        for width in 20...80 {
            let lines = TextLayout.wrap(text, width: width)
            for line in lines.dropFirst() {
                #expect(!(line.first.map { "）)，。；：、".contains($0) } ?? false), "width \(width): \(lines)")
            }
            for line in lines.dropLast() {
                #expect(line.last != "（", "width \(width): \(lines)")
            }
            // Numbers stay whole, and nothing is lost.
            #expect(lines.contains { $0.contains("2026-10-31") }, "width \(width): \(lines)")
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " }, "width \(width)")
        }
    }
}

/// The scalar-by-scalar fast paths must measure and wrap exactly as cluster by cluster, on text
/// that mixes everything that forms clusters (issue 14: they made a province's text reports fast).
@Suite("Width and wrapping fast paths")
struct WidthFastPathTests {
    /// ASCII, Latin-1, CJK, kana with combining voicing marks, tone marks, Hangul jamo, combining
    /// accents, emoji with ZWJ, skin tones and the presentation selector, flags, spacing marks,
    /// controls, full-width forms.
    static let alphabet: [String] = [
        "a", "Z", "7", " ", "%", "-", ".", "é", "\u{7F}", "\u{1}", "\t", "\u{A0}", "临", "清", "（", "）", "，", "。",
        "か", "\u{3099}", "\u{302A}", "\u{1100}", "\u{1161}", "\u{11A8}", "가", "\u{0301}", "\u{200D}",
        "\u{FE0F}", "😀", "👨", "👩", "\u{1F3FB}", "🇨", "🇳", "\u{0915}", "\u{093E}", "\u{0903}", "ＡＢ", "\u{3000}",
        "\u{200B}", "€", "\u{2E80}", "〰", "・", "ｶ", "\r", "\n", "✖", "⇡", "▲", "█", "…", "\u{2716}\u{FE0F}", "\u{20E3}",
        "\u{2705}", "\u{20DD}", "\u{2060}", "\u{202E}", "\u{25FD}", "#",
    ]

    static func randomText(_ seed: inout UInt64, length: Int) -> String {
        var text = ""
        for _ in 0..<length {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text += alphabet[Int((seed >> 33) % UInt64(alphabet.count))]
        }
        return text
    }

    @Test func stringsMeasureAsTheirClusters() {
        var seed: UInt64 = 14
        for length in 0..<40 {
            for _ in 0..<60 {
                let text = Self.randomText(&seed, length: length)
                #expect(
                    DisplayWidth.of(text) == DisplayWidth.charactersWidth(text), "\(text.unicodeScalars.map(\.value))")
            }
        }
        #expect(DisplayWidth.of("临清市 2026") == 11)
        #expect(DisplayWidth.of("👨‍👩") == 2)
        #expect(DisplayWidth.of("か\u{3099}") == 2)
    }

    @Test func paragraphsThatFitWrapAsTheSlowPathWraps() {
        var seed: UInt64 = 41
        for length in 0..<30 {
            for _ in 0..<40 {
                let text = String(Self.randomText(&seed, length: length).filter { $0 != "\n" && $0 != "\r\n" })
                for width in [1, 2, 5, 12, 40] {
                    #expect(
                        TextLayout.wrap(text, width: width) == TextLayout.wrapParagraph(Array(text), width: width),
                        "\(width): \(text.unicodeScalars.map(\.value))")
                }
            }
        }
    }
}
