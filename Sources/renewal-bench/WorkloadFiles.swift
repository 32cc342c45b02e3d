import Foundation
import RenewalModel
import RenewalStore

/// A workload written out as a task force would hold it: the plan file, renewal's store, and
/// the same targets as taskwarrior tasks, so whole programs can be timed side by side.
struct WorkloadFiles {
    let folder: URL
    var planPath: String { folder.appending(path: "plan.json").path }
    var storePath: String { folder.appending(path: "store.sqlite").path }
    var tasksPath: String { folder.appending(path: "tasks.json").path }
    var taskrcPath: String { folder.appending(path: "taskrc").path }
    var taskDataPath: String { folder.appending(path: "task").path }

    /// Writes the plan and the store; returns how long storing the entries (and the judging
    /// digest made from them) took.
    /// - Parameter builtInPlan: the commands measured will use the plan built into renewal (the
    ///   city), so the digest is keyed on it rather than on the file written here.
    func writePlanAndStore(plan: Plan, entries: [ProgressEntry], builtInPlan: Bool) throws -> Duration {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let planJSON = try encoder.encode(plan)
        try planJSON.write(to: URL(filePath: planPath))
        let store = try SQLiteStore(path: storePath, access: .write)
        // As `renewal import` would: the judging digest is kept for the plan the commands will use.
        let fingerprint = builtInPlan ? PlanSource.embedded.fingerprint : PlanFingerprint.of(planJSON)
        store.keepJudgingDigest(plan: plan, planFingerprint: fingerprint)
        let start = ContinuousClock.now
        _ = try store.appendAll(
            entries.map {
                NewEntry(
                    itemId: $0.itemId, date: $0.date, value: $0.value, milestone: $0.milestone, progress: $0.progress,
                    recordedBy: "bench", recordedAt: "2026-11-29T00:00:00+08:00", baselineYear: $0.baselineYear)
            })
        return ContinuousClock.now - start
    }

    /// Every target as a taskwarrior task: its programme as the project, its deadline as the due
    /// date (annual targets: the end of the as-of year), completed when renewal judges it done.
    /// The file is what `task import` reads.
    func writeTasks(plan: Plan, evaluation: PlanEvaluation) throws {
        var tasks: [[String: String]] = []
        func add(_ target: Target, project: String) {
            var task = [
                "description": "\(target.id) \(target.description)", "project": project,
                "entry": "20240408T000000Z", "status": "pending",
            ]
            let evaluated = evaluation.target(target.id)
            let due = target.recurrence == .annual ? Day.endOfYear(evaluation.asOf.year) : target.deadline
            if let due { task["due"] = Self.taskDate(due) }
            if let evaluated, evaluated.status.isFinished {
                task["status"] = "completed"
                task["end"] = Self.taskDate(evaluated.actualDate ?? evaluation.asOf)
            }
            tasks.append(task)
        }
        let overallProject = "overall"
        for target in plan.overallTargets { add(target, project: overallProject) }
        for programme in plan.programmes {
            for measure in programme.measures {
                for target in measure.targets { add(target, project: programme.key) }
            }
        }
        let data = try JSONSerialization.data(withJSONObject: tasks, options: [.sortedKeys])
        try data.write(to: URL(filePath: tasksPath))
        // Quiet, uncoloured, no confirmations: the figures are for the work, not the terminal.
        let rc = """
            data.location=\(taskDataPath)
            confirmation=off
            verbose=nothing
            color=off
            hooks=off
            news.version=2.6.0

            """
        try rc.write(toFile: taskrcPath, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: taskDataPath, withIntermediateDirectories: true)
    }

    static func taskDate(_ day: Day) -> String {
        day.description.replacingOccurrences(of: "-", with: "") + "T000000Z"
    }
}
