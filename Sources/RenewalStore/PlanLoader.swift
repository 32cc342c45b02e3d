import Foundation
import RenewalModel

/// Loads the plan: the copy of `Data/plan.json` embedded at build time, or a file named by
/// `--plan` / `RENEWAL_PLAN` (for a task force that edits its own copy).
public enum PlanLoader {
    /// The plan built into this binary: compiled into Swift values at build time (and checked
    /// then), so nothing is decoded or checked here.
    public static func embedded() throws -> Plan { embeddedPlanValue }

    /// The raw JSON built into this binary, exactly as in `Data/plan.json`.
    public static var embeddedJSON: String { embeddedPlanJSON }

    /// Reads and checks a plan file.
    public static func load(path: String) throws -> Plan {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError.unreadable(path: path)
        }
        do {
            return try load(json: data)
        } catch let error as PlanError {
            throw LoadError.invalidPlan(path: path, error: error)
        }
    }

    /// Decodes and checks plan JSON; an inconsistent plan is an error, not a warning.
    public static func load(json data: Data) throws -> Plan {
        let plan = try Plan.decode(json: data)
        let problems = plan.problems()
        guard problems.isEmpty else { throw PlanError.inconsistent(problems) }
        return plan
    }

    /// The plan to use: the explicit path, then `RENEWAL_PLAN`, then the embedded copy.
    public static func resolve(
        path: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Plan {
        if let path = path ?? environment["RENEWAL_PLAN"], !path.isEmpty {
            return try load(path: path)
        }
        return try embedded()
    }
}

/// Reading a file went wrong; the message names the file and, when known, the line.
public enum LoadError: Error, CustomStringConvertible, Equatable {
    case unreadable(path: String)
    case invalidPlan(path: String, error: PlanError)

    public var phrase: Phrase {
        switch self {
        case let .unreadable(path):
            let exists = FileManager.default.fileExists(atPath: path)
            return exists
                ? Phrase("\(path)：无法读取该文件", "\(path): cannot read the file")
                : Phrase("\(path)：文件不存在，请检查路径", "\(path): no such file; check the path")
        case let .invalidPlan(path, error):
            return Phrase("\(path)：\(error.phrase.zh)", "\(path): \(error.phrase.en)")
        }
    }

    public var description: String { phrase.en }
}
