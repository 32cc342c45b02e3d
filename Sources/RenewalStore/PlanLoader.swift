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

    /// Decodes and checks plan JSON; an inconsistent plan is an error, not a warning.
    public static func load(json data: Data) throws -> Plan {
        let plan = try PlanDocument.plan(json: data)
        let problems = plan.problems()
        guard problems.isEmpty else { throw PlanError.inconsistent(problems) }
        return plan
    }

    /// Where the plan comes from: the explicit path, then `RENEWAL_PLAN`, then the embedded copy.
    /// The file is read here and decoded by `PlanSource.plan()`.
    public static func source(
        path: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> PlanSource {
        if let path = path ?? environment["RENEWAL_PLAN"], !path.isEmpty {
            return try .file(path: path)
        }
        return .embedded
    }
}

/// A plan's bytes and their fingerprint, read before the (slower) decoding: a command can look
/// for a judging digest made with this plan while the plan decodes. Both come from the same
/// bytes, so the plan judged is the plan the digest was checked against.
public struct PlanSource: Sendable {
    /// The file named, or nil for the built-in plan.
    public let path: String?
    let bytes: Data?
    public let fingerprint: String

    /// The built-in plan.
    public static let embedded = PlanSource(path: nil, bytes: nil, fingerprint: embeddedPlanFingerprint)

    /// Reads a plan file (a missing or unreadable file is a `LoadError`).
    public static func file(path: String) throws -> PlanSource {
        guard let data = FileManager.default.contents(atPath: path) else { throw LoadError.unreadable(path: path) }
        return PlanSource(path: path, bytes: data, fingerprint: PlanFingerprint.of(data))
    }

    /// Decodes and checks the plan, or reads it from the cache of plan files already decoded
    /// (`PlanCache`), which it fills.
    public func plan(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Plan {
        guard let path, let bytes else { return embeddedPlanValue }
        if let cached = PlanCache.load(fingerprint: fingerprint, environment: environment) { return cached }
        let plan: Plan
        do {
            plan = try PlanLoader.load(json: bytes)
        } catch let error as PlanError {
            throw LoadError.invalidPlan(path: path, error: error)
        }
        PlanCache.save(plan, fingerprint: fingerprint, environment: environment)
        return plan
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
