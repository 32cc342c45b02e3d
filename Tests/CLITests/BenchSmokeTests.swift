import Foundation
import Testing

/// The benchmark program at a tiny scale, so the generator and the measurements do not rot.
/// (Figures come from release builds; see BENCHMARKS.md. Nothing here is timed.)
@Suite("Benchmark smoke run")
struct BenchSmokeTests {
    @Test func aTinyProvinceRunPrintsEveryMeasurement() throws {
        let binary = CLI.binary.deletingLastPathComponent().appending(path: "renewal-bench")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--scale", "province", "--counties", "2", "--months", "3", "--repeat", "1"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        // Two counties: twice the plan's targets and measures; three months of returns each.
        #expect(text.contains("## province: 62 targets, 68 measures"), "\(text)")
        for row in ["load entries for judging", "status of the whole plan", "start to first frame", "render units (200x60)",
                    "search keystroke + frame", "import a 10,000-row return", "peak resident memory",
                    "process: renewal overdue --json", "process: task overdue", "process: sqlite3 latest entry per item",
                    "peak memory: renewal summary --json", "ratio: task overdue / renewal overdue",
                    "ratio: renewal overdue / sqlite3 query"] {
            #expect(text.contains(row), "missing \(row)")
        }
        // The three programs answered about the same items: renewal judged them, taskwarrior
        // listed tasks, sqlite3 returned one row per item with entries (62 targets, 48 measures without targets).
        #expect(text.contains("renewal overdue: "), "\(text)")
        #expect(text.contains("sqlite3: 110 items"), "\(text)")
    }
}
