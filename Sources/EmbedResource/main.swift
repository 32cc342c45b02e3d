import Foundation

/// Build-time tool: writes a Swift file that defines one string constant holding a file's text.
///
/// Usage: EmbedResource INPUT OUTPUT NAME
/// The text is emitted as a raw string literal whose `#` delimiter is longer than any run of
/// `#` in the input, so no escaping is ever needed.
let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: EmbedResource INPUT OUTPUT NAME\n".utf8))
    exit(2)
}
let (inputPath, outputPath, name) = (arguments[1], arguments[2], arguments[3])
guard let data = FileManager.default.contents(atPath: inputPath),
    let text = String(data: data, encoding: .utf8)
else {
    FileHandle.standardError.write(Data("EmbedResource: cannot read \(inputPath) as UTF-8\n".utf8))
    exit(1)
}
var longestRun = 0
var run = 0
for character in text {
    run = character == "#" ? run + 1 : 0
    longestRun = max(longestRun, run)
}
let hashes = String(repeating: "#", count: longestRun + 1)
let source = """
    // Generated from \(URL(fileURLWithPath: inputPath).lastPathComponent) at build time. Do not edit.
    let \(name): String = \(hashes)\"\"\"
    \(text)
    \"\"\"\(hashes)

    """
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: outputPath), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("EmbedResource: cannot write \(outputPath): \(error)\n".utf8))
    exit(1)
}
