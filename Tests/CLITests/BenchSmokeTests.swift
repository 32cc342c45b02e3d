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
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let (outData, errData) = CLI.drain(out, err)
        let text = String(decoding: outData, as: UTF8.self)
        let errors = String(decoding: errData, as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(errors)")
        // Two counties: twice the plan's targets and measures; three months of returns each.
        #expect(text.contains("## province: 62 targets, 68 measures"), "\(text)")
        for row in [
            "load entries for judging", "status of the whole plan", "start to first frame", "render units (200x60)",
            "search keystroke + frame", "import a 10,000-row return", "dry run of a 20,000-row return, all duplicates",
            "peak resident memory",
            "process: renewal overdue --json", "process: sqlite3 latest entry per item", "process: renewal --help",
            "process: renewal first frame (snapshot overview 120x40)",
            "peak memory: renewal summary --json", "ratio: renewal overdue / sqlite3 query",
        ] {
            #expect(text.contains(row), "missing \(row)")
        }
        // taskwarrior is compared when it is installed (.ci/run installs it); on a machine without
        // it the run still passes and says plainly why that comparison is missing.
        let hasTask = ["/usr/bin/task", "/usr/local/bin/task"].contains {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        if hasTask {
            for row in [
                "process: task overdue", "ratio: task overdue / renewal overdue",
                "ratio: task summary / renewal summary",
            ] {
                #expect(text.contains(row), "missing \(row)")
            }
        } else {
            #expect(
                text.contains("taskwarrior (task) is not installed here, so the comparison with it was skipped"),
                "\(text)")
            #expect(!text.contains("process: task overdue"))
        }
        #expect(!text.contains("seconds"), "durations are rounded: \(text)")
        // The three programs answered about the same items: renewal judged them, taskwarrior
        // listed tasks, sqlite3 returned one row per item with entries (62 targets, 48 measures without targets).
        #expect(text.contains("renewal overdue: "), "\(text)")
        #expect(text.contains("sqlite3: 110 items"), "\(text)")
        // The returns stop before the as-of day, so the digest is read, and judges like every entry.
        #expect(text.contains("judging digest: ") && text.contains("identical to reading every entry"), "\(text)")
    }
}
