import Foundation
import RenewalModel

/// Whole programs on the same workload files, run in turn so a noisy machine slows all of them
/// alike: `renewal overdue/summary --json`, taskwarrior's `task overdue/summary` holding the same
/// targets, and the bare `sqlite3` query for the latest entry of every item in renewal's store
/// (the floor for any answer read from that store). Ratios are taken run by run.
struct SideBySide {
    /// The query any store-backed answer has to run at least: the latest entry of every item.
    static let latestEntryQuery = """
        SELECT itemId, max(date), value, milestone FROM entry
        WHERE baselineYear IS NULL AND date <= '%@' GROUP BY itemId;
        """

    let files: WorkloadFiles
    let asOf: Day
    let repeatCount: Int
    let renewal: String
    let task: String
    let sqlite3: String
    private(set) var facts: [String] = []

    init(files: WorkloadFiles, asOf: Day, repeatCount: Int) throws {
        self.files = files
        self.asOf = asOf
        self.repeatCount = repeatCount
        // renewal is built next to renewal-bench; the others come from the system.
        let here = URL(filePath: CommandLine.arguments[0]).deletingLastPathComponent()
        guard let renewal = ChildProcess.which(here.appending(path: "renewal").path) else {
            throw BenchError("renewal is not built next to renewal-bench (swift build -c release)")
        }
        guard let task = ChildProcess.which("task") else { throw BenchError("taskwarrior is not installed (apt-get install taskwarrior)") }
        guard let sqlite3 = ChildProcess.which("sqlite3") else { throw BenchError("sqlite3 is not installed (apt-get install sqlite3)") }
        self.renewal = renewal
        self.task = task
        self.sqlite3 = sqlite3

        let imported = try run(taskCommand(["import", files.tasksPath]), label: "task import")
        facts.append("taskwarrior: \(imported.milliseconds.rounded()) ms to import the targets as tasks")
    }

    func renewalCommand(_ name: String) -> ChildProcess {
        ChildProcess(executable: renewal, arguments: [name, "--json", "--plan", files.planPath, "--db", files.storePath,
                                                      "--as-of", asOf.description])
    }

    func taskCommand(_ arguments: [String]) -> ChildProcess {
        ChildProcess(executable: task, arguments: ["rc:" + files.taskrcPath] + arguments)
    }

    var sqliteCommand: ChildProcess {
        ChildProcess(executable: sqlite3, arguments: ["-readonly", files.storePath,
                                                      String(format: Self.latestEntryQuery, asOf.description)])
    }

    func run(_ command: ChildProcess, label: String) throws -> ChildProcess.Outcome {
        let output = files.folder.appending(path: "out.txt").path
        let errors = files.folder.appending(path: "err.txt").path
        let outcome = try command.run(outputFile: output, errorFile: errors)
        guard outcome.status == 0 else {
            let message = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            throw BenchError("\(label) exited with \(outcome.status): \(message.prefix(400))")
        }
        return outcome
    }

    mutating func run() throws -> [Row] {
        let commands: [(String, ChildProcess)] = [
            ("renewal overdue --json", renewalCommand("overdue")),
            ("task overdue", taskCommand(["overdue"])),
            ("renewal summary --json", renewalCommand("summary")),
            ("task summary", taskCommand(["summary"])),
            ("sqlite3 latest entry per item", sqliteCommand),
        ]
        var times = Array(repeating: [Double](), count: commands.count)
        var memory = Array(repeating: 0.0, count: commands.count)
        var outputs = Array(repeating: "", count: commands.count)
        for _ in 0..<repeatCount {
            for (index, (label, command)) in commands.enumerated() {
                let outcome = try run(command, label: label)
                times[index].append(outcome.milliseconds)
                memory[index] = max(memory[index], outcome.peakMemoryMB)
                outputs[index] = outcome.output
            }
        }

        // What each answered, so a reader can see they did the same work.
        let overdue = (try? JSONSerialization.jsonObject(with: Data(outputs[0].utf8))) as? [String: Any]
        let overdueCounts = overdue?["counts"] as? [String: Int] ?? [:]
        let taskCount = try run(taskCommand(["+OVERDUE", "count"]), label: "task count").output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        facts.append("renewal overdue: \(overdue?["count"] as? Int ?? -1) items late, \(overdueCounts["overdue"] ?? -1) of them past "
                     + "their deadline; task overdue: \(taskCount) tasks past due (annual targets are due at the end of "
                     + "the year, so a missed past year is late only for renewal); sqlite3: \(outputs[4].split(separator: "\n").count) items")

        func ratio(_ numerator: Int, _ denominator: Int) -> [Double] {
            zip(times[numerator], times[denominator]).map { $0 / $1 }.sorted()
        }
        var rows = commands.indices.map { Row(name: "process: \(commands[$0].0)", samples: times[$0].sorted()) }
        rows += commands.indices.map { Row(name: "peak memory: \(commands[$0].0)", samples: [memory[$0]], unit: "MB") }
        rows.append(Row(name: "ratio: task overdue / renewal overdue", samples: ratio(1, 0), unit: "x"))
        rows.append(Row(name: "ratio: task summary / renewal summary", samples: ratio(3, 2), unit: "x"))
        rows.append(Row(name: "ratio: renewal overdue / sqlite3 query", samples: ratio(0, 4), unit: "x"))
        return rows
    }
}
