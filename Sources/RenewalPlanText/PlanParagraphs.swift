/// A plan's published text made readable line by line: the paragraphs a person sees, whatever
/// the copy did to them (issue 24, reading a plan as published).
///
/// Copies come from PDFs and web pages: a sentence broken across lines with blank lines between,
/// spaces the extraction put between a word and a number ("到 2025年"), ASCII punctuation in a
/// Chinese text (",():;"). Paragraphs are joined again (a line ends one only after 。 or when the
/// next line is a heading), spaces next to Chinese text or digits are dropped, and ASCII
/// punctuation is made full-width except between digits ("0.8:1", "1,000"). Lines that start
/// with `#` are annotations of the test fixtures, never plan text, and are left out.
public enum PlanParagraphs {
    /// The paragraphs of `text`, in order, each normalised as above.
    public static func split(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current = ""
        func finish() {
            let normalised = normalise(current)
            if !normalised.isEmpty { paragraphs.append(normalised) }
            current = ""
        }
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: " \t\u{3000}")
            if line.isEmpty || line.hasPrefix("#") || isArtefact(line) { continue }
            let heading = Heading.parse(normalise(line))
            if heading != nil { finish() }
            current += line + " "
            // A paragraph ends with its sentence; a heading that is only a title ("一、总体要求",
            // no sentence after it) ends at its line.
            let titleOnly = heading != nil && !line.contains("。") && !line.contains("，") && !line.contains(",")
            if line.hasSuffix("。") || titleOnly { finish() }
        }
        finish()
        return paragraphs
    }

    /// A page number ("— 8 —", "- 8 -") or a link a PDF or web copy left between the lines.
    static func isArtefact(_ line: String) -> Bool {
        if line.hasPrefix("http://") || line.hasPrefix("https://") { return true }
        return line.allSatisfy { $0.isASCIIDigitLike || "—-–－ ".contains($0) }
            && line.contains(where: \.isASCIIDigitLike)
    }

    /// Spaces dropped beside Chinese text and digits; ASCII punctuation made full-width unless it
    /// stands between two digits.
    public static func normalise(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        for (index, character) in characters.enumerated() {
            let before = index > 0 ? characters[index - 1] : nil
            let after = index + 1 < characters.count ? characters[index + 1] : nil
            if character == " " || character == "\t" || character == "\u{3000}" {
                // Kept only between two Latin letters ("A级" has none; "LED lamps" keeps it).
                if let before, let after, before.isASCIILetter, after.isASCIILetter, out.last != " " { out.append(" ") }
                continue
            }
            let betweenDigits = (before?.isASCIIDigitLike ?? false) && (after?.isASCIIDigitLike ?? false)
            switch character {
            case "," where !betweenDigits: out.append("，")
            case ";": out.append("；")
            case ":" where !betweenDigits: out.append("：")
            case "(": out.append("（")
            case ")": out.append("）")
            default: out.append(character)
            }
        }
        return out
    }
}

extension Character {
    var isASCIILetter: Bool { isASCII && isLetter }
    var isASCIIDigitLike: Bool { isASCII && isNumber }
}

extension StringProtocol {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }

    func trimmingCharacters(in characters: String) -> String { trimmingCharacters(in: Set(characters)) }
}
