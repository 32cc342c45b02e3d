import Foundation
import RenewalModel

/// Whole programs on the same workload files, run in turn so a noisy machine slows all of them
/// alike: `renewal overdue/summary --json`, taskwarrior's `task overdue/summary` holding the same
/// targets, the bare `sqlite3` query for the latest entry of every item in renewal's store (the
/// floor for any answer read from that store), `renewal --help` (start-up alone) and the
/// dashboard's first frame (`renewal snapshot`). Ratios are taken run by run.
struct SideBySide {
    /// The query any store-backed answer has to run at least: the latest entry of every item.
    static let latestEntryQuery = """
        SELECT itemId, max(date), value, milestone FROM entry
        WHERE baselineYear IS NULL AND date <= '%@' GROUP BY itemId;
        """

    let files: WorkloadFiles
    /// The city runs on the plan built into renewal (as a task force does); the province names its
    /// plan file with `--plan`.
    let builtInPlan: Bool
    let asOf: Day
    let repeatCount: Int
    let renewal: String
    /// taskwarrior, when installed: the comparison with it runs only then, and says so otherwise.
    let task: String?
    let sqlite3: String
    private(set) var facts: [String] = []

    init(files: WorkloadFiles, builtInPlan: Bool, asOf: Day, repeatCount: Int) throws {
        self.files = files
        self.builtInPlan = builtInPlan
        self.asOf = asOf
        self.repeatCount = repeatCount
        // renewal is built next to renewal-bench; the others come from the system.
        let here = URL(filePath: CommandLine.arguments[0]).deletingLastPathComponent()
        guard let renewal = ChildProcess.which(here.appending(path: "renewal").path) else {
            throw BenchError("renewal is not built next to renewal-bench (swift build -c release)")
        }
        let task = ChildProcess.which("task")
        guard let sqlite3 = ChildProcess.which("sqlite3") else {
            throw BenchError("sqlite3 is not installed (apt-get install sqlite3)")
        }
        self.renewal = renewal
        self.task = task
        self.sqlite3 = sqlite3

        if !builtInPlan {
            // The first run with a plan file decodes it and keeps it in the plan cache; the runs
            // measured below read it from there, as every run after a task force's first does.
            let first = try run(renewalCommand(["summary", "--json"]), label: "renewal summary (first run)")
            facts.append(
                "first run with the plan file (JSON decoded, then cached): \(first.milliseconds.rounded()) ms")
        }
        if task != nil {
            let imported = try run(taskCommand(["import", files.tasksPath]), label: "task import")
            facts.append("taskwarrior: \(imported.milliseconds.rounded()) ms to import the targets as tasks")
        } else {
            facts.append(Self.taskMissing)
        }
    }

    func renewalCommand(_ arguments: [String]) -> ChildProcess {
        ChildProcess(
            executable: renewal,
            arguments: arguments + (builtInPlan ? [] : ["--plan", files.planPath]) + [
                "--db", files.storePath, "--as-of", asOf.description,
            ])
    }

    /// `renewal --help`: start-up and the parser alone, nothing read.
    var helpCommand: ChildProcess { ChildProcess(executable: renewal, arguments: ["--help"]) }

    /// What the output says when taskwarrior is absent (a fresh machine without it).
    static let taskMissing =
        "taskwarrior (task) is not installed here, so the comparison with it was skipped "
        + "(apt-get install taskwarrior; .ci/run installs it)"

    func taskCommand(_ arguments: [String]) -> ChildProcess {
        ChildProcess(executable: task ?? "task", arguments: ["rc:" + files.taskrcPath] + arguments)
    }

    var sqliteCommand: ChildProcess {
        ChildProcess(
            executable: sqlite3,
            arguments: [
                "-readonly", files.storePath,
                String(format: Self.latestEntryQuery, asOf.description),
            ])
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
        var commands: [(String, ChildProcess)] = [("renewal overdue --json", renewalCommand(["overdue", "--json"]))]
        if task != nil { commands.append(("task overdue", taskCommand(["overdue"]))) }
        commands.append(("renewal summary --json", renewalCommand(["summary", "--json"])))
        if task != nil { commands.append(("task summary", taskCommand(["summary"]))) }
        commands.append(("sqlite3 latest entry per item", sqliteCommand))
        commands.append(("renewal --help", helpCommand))
        // The dashboard's first frame as a whole process: what `renewal` does before the terminal
        // shows the overview (the same widgets, printed instead of drawn).
        commands.append(
            (
                "renewal first frame (snapshot overview 120x40)",
                renewalCommand(["snapshot", "--view", "overview", "--size", "120x40"])
            ))
        func index(_ label: String) -> Int? { commands.firstIndex { $0.0 == label } }

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
        let sqliteItems = index("sqlite3 latest entry per item").map { outputs[$0].split(separator: "\n").count } ?? 0
        var fact =
            "renewal overdue: \(overdue?["count"] as? Int ?? -1) items late, \(overdueCounts["overdue"] ?? -1) "
            + "of them past their deadline; "
        if task != nil {
            let taskCount = try run(taskCommand(["+OVERDUE", "count"]), label: "task count").output
                .trimmingCharacters(in: .whitespacesAndNewlines)
            fact +=
                "task overdue: \(taskCount) tasks past due (annual targets are due at the end of the year, so a missed "
                + "past year is late only for renewal); "
        }
        facts.append(fact + "sqlite3: \(sqliteItems) items")

        func ratio(_ numerator: String, _ denominator: String) -> [Double]? {
            guard let top = index(numerator), let bottom = index(denominator) else { return nil }
            return zip(times[top], times[bottom]).map { $0 / $1 }.sorted()
        }
        var rows = commands.indices.map { Row(name: "process: \(commands[$0].0)", samples: times[$0].sorted()) }
        rows += commands.indices.map { Row(name: "peak memory: \(commands[$0].0)", samples: [memory[$0]], unit: "MB") }
        for (name, top, bottom) in [
            ("ratio: task overdue / renewal overdue", "task overdue", "renewal overdue --json"),
            (
                "ratio: renewal first frame / task overdue", "renewal first frame (snapshot overview 120x40)",
                "task overdue"
            ),
            ("ratio: task summary / renewal summary", "task summary", "renewal summary --json"),
            ("ratio: renewal overdue / sqlite3 query", "renewal overdue --json", "sqlite3 latest entry per item"),
        ] {
            if let samples = ratio(top, bottom) { rows.append(Row(name: name, samples: samples, unit: "x")) }
        }
        return rows
    }
}
