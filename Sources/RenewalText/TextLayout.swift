/// Fitting text into columns by display width: pad, truncate and wrap without ever
/// splitting a wide character.
public enum TextLayout {
    /// Marker appended when text is cut short. ASCII on purpose: "…" is East-Asian-ambiguous
    /// and takes two columns in some CJK terminals, which would break alignment.
    public static let ellipsis = ".."

    /// Cuts `text` to at most `width` columns. When a wide character would straddle the
    /// edge it is dropped and the row is padded with a space instead.
    /// With `ellipsis`, a cut string ends in ".." (when there is room for it).
    public static func truncate(_ text: String, to width: Int, ellipsis: Bool = false) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let marker = ellipsis && width > Self.ellipsis.count ? Self.ellipsis : ""
        let room = width - marker.count
        var result = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > room { break }
            result.append(character)
            used += w
        }
        if used < room { result += String(repeating: " ", count: room - used) }
        return result + marker
    }

    /// Pads `text` with spaces on the right to exactly `width` columns (truncating if longer).
    public static func padRight(_ text: String, to width: Int) -> String {
        let fitted = truncate(text, to: width, ellipsis: true)
        let w = DisplayWidth.of(fitted)
        return w < width ? fitted + String(repeating: " ", count: width - w) : fitted
    }

    /// Pads `text` with spaces on the left to exactly `width` columns (truncating if longer).
    public static func padLeft(_ text: String, to width: Int) -> String {
        let fitted = truncate(text, to: width, ellipsis: true)
        let w = DisplayWidth.of(fitted)
        return w < width ? String(repeating: " ", count: width - w) + fitted : fitted
    }

    /// Wraps text into lines of at most `width` columns. Chinese text breaks between any two
    /// characters; runs of Latin letters and digits are kept whole when they fit on a line.
    /// Closing punctuation (，。；：、）」 and the like) never starts a line when it can be
    /// kept at the end of the previous one (a light form of the Chinese 避头 rule).
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // A paragraph that fits is one line, as `wrapParagraph` would make it (one trailing
            // space dropped), without splitting it into characters and tokens.
            if DisplayWidth.of(paragraph) <= width {
                lines.append(paragraph.hasSuffix(" ") ? String(paragraph.dropLast()) : String(paragraph))
            } else {
                lines.append(contentsOf: wrapParagraph(Array(paragraph), width: width))
            }
        }
        return lines
    }

    private static let noLineStart: Set<Character> = [
        "，", "。", "；", "：", "、", "）", "」", "』", "》", "？", "！", "”", "’", ",", ".", ";", ":", ")", "%", "％",
    ]

    private static let noLineEnd: Set<Character> = ["（", "「", "『", "《", "“", "‘", "(", "["]

    private static func isWordCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "%" || c == "-" || c == "_")
    }

    static func wrapParagraph(_ characters: [Character], width: Int) -> [String] {
        if characters.isEmpty { return [""] }
        // Split into unbreakable tokens: ASCII words, single other characters, spaces.
        var tokens: [String] = []
        var word = ""
        for c in characters {
            if isWordCharacter(c) {
                word.append(c)
            } else {
                if !word.isEmpty {
                    tokens.append(word)
                    word = ""
                }
                tokens.append(String(c))
            }
        }
        if !word.isEmpty { tokens.append(word) }

        var lines: [String] = []
        var line = ""
        var used = 0
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            let w = DisplayWidth.of(token)
            if used + w <= width {
                line += token
                used += w
                index += 1
                continue
            }
            if token == " " {
                // A space at a break is dropped.
                lines.append(line)
                line = ""
                used = 0
                index += 1
                continue
            }
            if let first = token.first, noLineStart.contains(first), w <= 2, !line.isEmpty {
                // Carry the previous character over with the mark, and with it any closing marks
                // it ends with ("（套）" then "，"), so that none of them starts the next line.
                var kept = line
                var carried = ""
                while let last = kept.last, noLineStart.contains(last), kept.count > 1 {
                    carried = String(last) + carried
                    kept.removeLast()
                }
                if let last = kept.last, kept.count > 1 {
                    carried = String(last) + carried
                    kept.removeLast()
                    // A number or a word goes down whole ("2026-10-31）", not "2026-10-3" / "1）").
                    if isWordCharacter(last) {
                        while let previous = kept.last, isWordCharacter(previous), kept.count > 1 {
                            carried = String(previous) + carried
                            kept.removeLast()
                        }
                    }
                }
                // …and an opening bracket goes down with what it opens (避尾: "（" never ends a line).
                while let last = kept.last, noLineEnd.contains(last), kept.count > 1 {
                    carried = String(last) + carried
                    kept.removeLast()
                }
                let carriedWidth = DisplayWidth.of(carried)
                if !carried.isEmpty, carriedWidth + w <= width, kept.contains(where: { $0 != " " }) {
                    lines.append(kept)
                    line = carried
                    used = carriedWidth
                    continue
                }
            }
            if line.isEmpty {
                // A token wider than the line: break it by characters.
                var piece = ""
                var pieceWidth = 0
                for c in token {
                    let cw = DisplayWidth.of(c)
                    if pieceWidth + cw > width {
                        if piece.isEmpty { break }
                        lines.append(piece)
                        piece = ""
                        pieceWidth = 0
                    }
                    piece.append(c)
                    pieceWidth += cw
                }
                line = piece
                used = pieceWidth
                index += 1
                continue
            }
            // Prefer breaking at the last space when it is in the second half of the line, so
            // space-separated phrases ("✔已完成 ⇡按序时推进") stay whole.
            if let space = line.lastIndex(of: " "), DisplayWidth.of(line[..<space]) > width / 2 {
                let carried = String(line[line.index(after: space)...])
                lines.append(String(line[..<space]))
                line = carried
                used = DisplayWidth.of(carried)
                continue
            }
            // 避尾: an opening bracket goes down with what it opens.
            var opening = ""
            while let last = line.last, noLineEnd.contains(last), line.count > 1 {
                opening = String(last) + opening
                line.removeLast()
            }
            lines.append(line)
            line = opening
            used = DisplayWidth.of(opening)
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines.map { $0.hasSuffix(" ") ? String($0.dropLast()) : $0 }
    }
}
