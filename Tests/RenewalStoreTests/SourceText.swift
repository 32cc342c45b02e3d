import Foundation

/// The plan's official text (Data/source/linqing-plan.txt) in the form the data quotes it.
///
/// The copy came from a PDF: lines are broken mid-sentence, page numbers ("— 8 —") and link
/// lines are artefacts, and stray spaces sit around numbers ("到 2025年"). Normalising joins the
/// lines and drops those spaces, keeping only a space between two ASCII letters or digits.
enum SourceText {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func dataFile(_ name: String) -> URL {
        repositoryRoot.appending(path: "Data").appending(path: name)
    }

    static let raw: String = (try? String(contentsOf: dataFile("source/linqing-plan.txt"), encoding: .utf8)) ?? ""

    static let normalized: String = normalize(raw)

    static func normalize(_ raw: String) -> String {
        var joined = ""
        for line in raw.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("http") { continue }
            if trimmed.hasPrefix("—") && trimmed.hasSuffix("—") { continue }
            joined += trimmed
        }
        let characters = Array(joined)
        var result = ""
        for (index, character) in characters.enumerated() {
            if character == " " {
                let before = index > 0 ? characters[index - 1] : " "
                let after = index + 1 < characters.count ? characters[index + 1] : " "
                let keep =
                    before.isASCII && (before.isLetter || before.isNumber) && after.isASCII
                    && (after.isLetter || after.isNumber)
                if !keep { continue }
            }
            result.append(character)
        }
        return result
    }
}
