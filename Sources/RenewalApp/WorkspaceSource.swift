import Foundation
import RenewalModel
import RenewalPostgres
import RenewalStore
import RenewalText

/// Where a run's plan and store come from, as the user named them (`--plan`, `--db`, `--demo`,
/// `RENEWAL_PLAN`, `RENEWAL_DB`): the one place that decides which plan is read and which
/// backend holds the progress.
public struct WorkspaceSource: Sendable {
    /// The plan file, or nil for `RENEWAL_PLAN` or else the built-in plan.
    public var planPath: String?
    /// The store as named: a file path or a `postgresql://` URL (not used with `demo`).
    public var storeText: String
    /// A temporary store with the fictional sample data; nothing is kept.
    public var demo: Bool
    public var environment: [String: String]

    public init(
        planPath: String?, storeText: String?, demo: Bool,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.planPath = planPath
        self.storeText =
            storeText ?? environment["RENEWAL_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? SQLiteStore.defaultPath()
        self.demo = demo
        self.environment = environment
    }

    // MARK: The plan

    /// The plan's bytes (read, not yet decoded): the file, `RENEWAL_PLAN` or the built-in plan.
    public func planSource() throws -> PlanSource {
        do { return try PlanLoader.source(path: planPath) } catch { throw Self.planError(error) }
    }

    /// The plan, decoded, with the fingerprint of its bytes.
    public func loadPlan() throws -> LoadedPlan {
        let source = try planSource()
        return LoadedPlan(plan: try Self.plan(from: source), fingerprint: source.fingerprint)
    }

    static func plan(from source: PlanSource) throws -> Plan {
        do { return try source.plan() } catch { throw planError(error) }
    }

    static func planError(_ error: any Error) -> AppError {
        let why = (error as? LoadError)?.phrase ?? (error as? PlanError)?.phrase ?? Phrase("\(error)", "\(error)")
        return AppError(
            "无法读取方案：" + ControlCharacters.visible(why.zh), "cannot load the plan: " + ControlCharacters.visible(why.en))
    }

    // MARK: The store

    /// The store named: a file, or a PostgreSQL server.
    public func storeLocation() throws -> StoreLocation {
        do {
            return try StoreLocation.parse(storeText, environment: environment)
        } catch let error as StoreError {
            throw AppError(error.phrase)
        }
    }

    /// The store as messages name it (a URL without any password).
    public var storeShown: String {
        (try? StoreLocation.parse(storeText, environment: environment).shown) ?? ControlCharacters.visible(storeText)
    }

    /// Whether the store is a PostgreSQL server (its account, not a file's mode, decides writing).
    public var isServer: Bool {
        if case .postgres = try? storeLocation() { return true }
        return false
    }

    /// Whether there may be a store to read without making one: a file that exists, or a server
    /// (which says itself whether it holds renewal's tables).
    public var storeMayExist: Bool {
        isServer || FileManager.default.fileExists(atPath: storeText)
    }

    /// Whether the dashboard may write: a demo, a server (its account decides), a writable file.
    public var mayWrite: Bool {
        demo || isServer || FileManager.default.isWritableFile(atPath: storeText)
    }

    /// The named store (never the demo): an SQLite file or a PostgreSQL database. Reading needs
    /// an existing store; writing creates a missing one (`created` then says so).
    public func openNamedStore(access: StoreAccess) throws -> any ProgressStore {
        do { return try openBackend(access: access) } catch let error as StoreError { throw AppError(error.phrase) }
    }

    /// The named store opened to read, or nil when there is none yet (no file, or a database
    /// without renewal's tables).
    public func openExistingStore() throws -> (any ProgressStore)? {
        do {
            return try openBackend(access: .read)
        } catch StoreError.missing, StoreError.notInitialized {
            return nil
        } catch let error as StoreError {
            throw AppError(error.phrase)
        }
    }

    /// The one place a backend is chosen: a path is SQLite, a URL PostgreSQL.
    private func openBackend(access: StoreAccess) throws -> any ProgressStore {
        switch try storeLocation() {
        case let .file(path): return try SQLiteStore(path: path, access: access)
        case let .postgres(address):
            return try PostgresStore(address: address, access: access, environment: environment)
        }
    }

    /// A fresh demo store made from `plan`.
    func openDemoStore(plan: Plan, today: Day) throws -> any ProgressStore {
        do {
            return try DemoStore.create(plan: plan, today: today)
        } catch {
            let why = ControlCharacters.visible("\(error)")
            throw AppError("无法建立示例进展库：\(why)", "cannot set up the demo store: \(why)")
        }
    }
}

/// A plan decoded, with the fingerprint of the bytes it came from (what a judging digest is
/// made for).
public struct LoadedPlan: Sendable {
    public let plan: Plan
    public let fingerprint: String
}
