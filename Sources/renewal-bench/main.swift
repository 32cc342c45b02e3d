import Foundation
import RenewalModel
import RenewalStore
import RenewalUI

/// `renewal-bench`: measures renewal at the city's scale and at a province's (136 counties).
///
///     swift build -c release --product renewal-bench
///     .build/release/renewal-bench [--repeat N] [--counties N] [--scale city|province|both]
///
/// Prints the median and 95th percentile of each measurement, in milliseconds, and peak memory.
/// Release builds only give meaningful figures; see BENCHMARKS.md.

struct Options {
    var repeatCount = 15
    var counties = 136
    var months = 54
    var scales = ["city", "province"]
    var asOf = Day("2026-11-29") ?? Day(ordinal: 0)

    init(_ arguments: [String]) {
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? arguments[index + 1] : ""
            switch arguments[index] {
            case "--repeat": repeatCount = max(1, Int(value) ?? repeatCount); index += 1
            case "--counties": counties = max(2, Int(value) ?? counties); index += 1
            case "--months": months = max(1, Int(value) ?? months); index += 1
            case "--scale": scales = value == "both" ? ["city", "province"] : [value]; index += 1
            default:
                FileHandle.standardError.write(Data("usage: renewal-bench [--repeat N] [--counties N] [--months N] [--scale city|province|both]\n".utf8))
                exit(2)
            }
            index += 1
        }
    }
}

/// Times a closure `count` times; returns milliseconds, sorted.
func measure(_ count: Int, _ body: () throws -> Void) rethrows -> [Double] {
    var samples: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<count {
        let elapsed = try clock.measure { try body() }
        samples.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }
    return samples.sorted()
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let rank = Int((p * Double(sorted.count - 1)).rounded())
    return sorted[min(sorted.count - 1, max(0, rank))]
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024  // ru_maxrss is in KiB on Linux
}

struct Row {
    var name: String
    var samples: [Double]
}

/// Every measurement at one scale.
func run(scale: String, options: Options) throws -> (rows: [Row], facts: String) {
    let base = try PlanLoader.embedded()
    let plan = Workload.plan(base, counties: scale == "city" ? 1 : options.counties)
    let entries = Workload.entries(plan, months: scale == "city" ? 48 : options.months, seed: 2026)
    let folder = FileManager.default.temporaryDirectory.appending(path: "renewal-bench-\(scale)-\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let storePath = folder.appending(path: "store.sqlite").path

    // Write the workload to a store file, as a task force would hold it.
    let store = try ProgressStore(path: storePath)
    let writeStart = ContinuousClock.now
    _ = try store.appendAll(entries.map {
        NewEntry(itemId: $0.itemId, date: $0.date, value: $0.value, milestone: $0.milestone, progress: $0.progress,
                 recordedBy: "bench", recordedAt: "2026-11-29T00:00:00+08:00", baselineYear: $0.baselineYear)
    })
    let writeTime = ContinuousClock.now - writeStart
    let facts = "\(plan.allTargets.count) targets, \(plan.measures.count) measures, \(entries.count) entries (written in \(writeTime))"

    var rows: [Row] = []
    let n = options.repeatCount
    var loaded: [ProgressEntry] = []
    rows.append(Row(name: "load entries from the store", samples: try measure(n) { loaded = try ProgressStore(path: storePath).entries() }))
    rows.append(Row(name: "status of the whole plan", samples: measure(n) {
        _ = StatusEngine(plan: plan).evaluate(entries: loaded, asOf: options.asOf)
    }))
    rows.append(Row(name: "start to first frame (overview, 200x60)", samples: try measure(n) {
        let opened = try ProgressStore(path: storePath)
        let data = AppData(plan: plan, entries: try opened.entries(), flags: try opened.flags(), asOf: options.asOf, today: options.asOf, isSample: false)
        _ = Renderer.render(AppState(data: data, width: 200, height: 60))
    }))
    let data = AppData(plan: plan, entries: loaded, flags: [], asOf: options.asOf, today: options.asOf, isSample: false)
    let firstProgramme = plan.programmes[0].number
    let firstMeasure = plan.measures[1].number
    let views: [(String, [Screen])] = [
        ("overview", [.overview]), ("programme", [.overview, .programme(firstProgramme)]),
        ("measure", [.overview, .programme(firstProgramme), .measure(firstMeasure)]), ("overdue", [.overview, .overdue]),
        ("units", [.overview, .units]), ("help", [.overview, .help]),
    ]
    for (name, stack) in views {
        var state = AppState(data: data, width: 200, height: 60)
        state.stack = stack
        rows.append(Row(name: "render \(name) (200x60)", samples: measure(n) { _ = Renderer.render(state) }))
    }
    var search = AppState(data: data, width: 200, height: 60)
    search.stack = [.overview, .search]
    search.searchEditing = true
    search.searchQuery = "晨星"
    rows.append(Row(name: "search keystroke + frame", samples: measure(n) {
        let (next, _) = Reducer.update(search, .char("工"))
        _ = Renderer.render(next)
    }))
    var keyState = AppState(data: data, width: 200, height: 60)
    rows.append(Row(name: "navigation keystroke + frame", samples: measure(n) {
        let (next, _) = Reducer.update(keyState, .char("j"))
        keyState = next
        _ = Renderer.render(next)
    }))

    // Importing a 10,000-row return into a fresh store.
    var csv = "指标编号,日期,数值,进展情况\n"
    let quantitative = base.allTargets.filter { $0.kind == .quantitative && $0.recurrence == .annual }
    for i in 0..<10_000 {
        let target = quantitative[i % quantitative.count]
        csv += "\(target.id),2026-\(String(format: "%02d", i % 10 + 1))-15,\(i),进展\(i)\n"
    }
    var importRun = 0
    rows.append(Row(name: "import a 10,000-row return", samples: try measure(max(3, n / 3)) {
        importRun += 1
        let fresh = try ProgressStore(path: folder.appending(path: "import-\(importRun).sqlite").path)
        let checked = try EntriesCSV.readReturn(data: Data(csv.utf8), file: "bench.csv", plan: base, today: options.asOf)
        _ = try ReturnImporter.run(checked, file: "bench.csv", store: fresh, by: "bench", at: "t", dryRun: false)
    }))
    return (rows, facts)
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
print("# renewal-bench (\(options.repeatCount) runs each; milliseconds)")
for scale in options.scales {
    do {
        let (rows, facts) = try run(scale: scale, options: options)
        print("")
        print("## \(scale): \(facts)")
        print("")
        print("| measurement | median ms | p95 ms |")
        print("|---|---:|---:|")
        for row in rows {
            print("| \(row.name) | \(String(format: "%.2f", percentile(row.samples, 0.5))) | \(String(format: "%.2f", percentile(row.samples, 0.95))) |")
        }
        print("")
        print("peak resident memory so far: \(String(format: "%.0f", peakMemoryMB())) MB")
    } catch {
        FileHandle.standardError.write(Data("renewal-bench: \(scale): \(error)\n".utf8))
        exit(1)
    }
}
