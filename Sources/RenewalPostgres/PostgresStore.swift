import Foundation
import Logging
import NIOCore
import NIOSSL
import PostgresNIO
import RenewalModel
import RenewalStore
import RenewalText
import Synchronization

/// The shared progress store: a PostgreSQL database that several machines record into and read
/// at once (a prefecture's 专班 and its counties', say).
///
/// The rules are the database's own, as in `SQLiteStore`: entries and flag events are
/// append-only (triggers refuse UPDATE, DELETE and TRUNCATE; a writer role is granted INSERT
/// and SELECT only), a flag may only be closed, once. Every write runs in one transaction that
/// first takes one advisory lock, so writers on any number of machines are serialised and of
/// two recording the same item and day exactly one stores. Each change is announced with
/// NOTIFY on `renewal_change` (`PostgresStore.changeChannel`).
///
/// Opening connects once directly, so that a wrong password, a missing database or an
/// unreachable server is reported at once and exactly; the operations then go through
/// PostgresNIO's pooled client. No call waits longer than its deadline.
public final class PostgresStore: ProgressStore {
    public let address: PostgresAddress
    public var location: String { address.shown }
    public let created: Bool
    let access: StoreAccess
    let client: PostgresClient
    let bridge: BlockingBridge
    private let running: Task<Void, Never>
    /// How to open a connection of its own (the dashboard's listener).
    let directConfiguration: PostgresConnection.Configuration
    /// The plan and rules the judging digest is kept with on every write (`keepJudgingDigest`).
    let digestKeeper = Mutex<DigestKeeper?>(nil)

    /// The channel every write notifies (LISTEN renewal_change).
    public static let changeChannel = "renewal_change"
    /// How long an ordinary read or write may take before the command gives up.
    static let operationTimeout: Duration = .seconds(60)
    /// An import's deadline: a province's returns are hundreds of thousands of rows.
    static let importTimeout: Duration = .seconds(900)
    /// The advisory lock every write transaction takes first (any constant both sides agree on).
    static let writeLock: Int64 = 0x7265_6e65_7761_6c  // "renewal"
    static let quiet = Logger(label: "renewal.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Connects to the database `address` names and checks it is renewal's (creating the tables
    /// for `.write` when the database is empty). The password comes from `PGPASSWORD` or the
    /// password file in `environment`, never from the URL.
    public init(
        address: PostgresAddress, access: StoreAccess,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        self.address = address
        self.access = access
        let password = address.password(environment: environment)
        let group = PostgresClient.defaultEventLoopGroup
        let bridge = BlockingBridge(loop: group.any())
        self.bridge = bridge
        let shown = address.shown
        let direct = try Self.connectionConfiguration(address, password: password)
        directConfiguration = direct
        let connectDeadline = Duration.seconds(address.connectTimeout + 30)
        do {
            created = try bridge.run(timeout: connectDeadline) {
                let connection = try await PostgresConnection.connect(
                    on: group.any(), configuration: direct, id: 0, logger: Self.quiet)
                do {
                    let made = try await PostgresSchema.prepare(connection, access: access, location: shown)
                    try? await connection.close()
                    return made
                } catch {
                    try? await connection.close()
                    throw error
                }
            }
        } catch {
            throw PostgresFailure.storeError(error, location: shown, connecting: true, timeout: connectDeadline)
        }
        let client = PostgresClient(
            configuration: try Self.clientConfiguration(address, password: password), eventLoopGroup: group)
        self.client = client
        running = bridge.start { await client.run() }
    }

    deinit {
        running.cancel()
    }

    // MARK: - Running queries

    /// Runs `body` on a pooled connection, with failures turned into `StoreError`s.
    func reading<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) throws -> T {
        let client = client
        return try perform(timeout: Self.operationTimeout) {
            try await client.withConnection { connection in try await body(connection) }
        }
    }

    /// Runs `body` in one transaction that holds the write lock: all of it or none.
    func writing<T: Sendable>(
        timeout: Duration = operationTimeout, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) throws -> T {
        guard access != .read else { throw StoreError.readOnly(path: location) }
        let client = client
        return try perform(timeout: timeout) {
            try await client.withConnection { connection in
                try await connection.query("BEGIN", logger: Self.quiet)
                do {
                    try await connection.query("SELECT pg_advisory_xact_lock(\(Self.writeLock))", logger: Self.quiet)
                    let value = try await body(connection)
                    try await connection.query("COMMIT", logger: Self.quiet)
                    return value
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: Self.quiet)
                    throw error
                }
            }
        }
    }

    private func perform<T: Sendable>(timeout: Duration, _ body: @escaping @Sendable () async throws -> T) throws -> T {
        do {
            return try bridge.run(timeout: timeout, body)
        } catch {
            throw PostgresFailure.storeError(error, location: location, connecting: false, timeout: timeout)
        }
    }

    // MARK: - Configuration

    static func connectionConfiguration(
        _ address: PostgresAddress, password: String?
    ) throws
        -> PostgresConnection.Configuration
    {
        var configuration: PostgresConnection.Configuration
        if address.host.hasPrefix("/") {
            configuration = .init(
                unixSocketPath: "\(address.host)/.s.PGSQL.\(address.port)", username: address.user,
                password: password, database: address.database)
        } else {
            let tls: PostgresConnection.Configuration.TLS
            switch address.sslMode {
            case .disable: tls = .disable
            case .prefer: tls = .prefer(try NIOSSLContext(configuration: tlsConfiguration(address.sslMode)))
            case .require, .verifyCA, .verifyFull:
                tls = .require(try NIOSSLContext(configuration: tlsConfiguration(address.sslMode)))
            }
            configuration = .init(
                host: address.host, port: address.port, username: address.user, password: password,
                database: address.database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(Int64(address.connectTimeout))
        return configuration
    }

    static func clientConfiguration(
        _ address: PostgresAddress, password: String?
    ) throws
        -> PostgresClient.Configuration
    {
        var configuration: PostgresClient.Configuration
        if address.host.hasPrefix("/") {
            configuration = .init(
                unixSocketPath: "\(address.host)/.s.PGSQL.\(address.port)", username: address.user,
                password: password, database: address.database)
        } else {
            let tls: PostgresClient.Configuration.TLS
            switch address.sslMode {
            case .disable: tls = .disable
            case .prefer: tls = .prefer(tlsConfiguration(address.sslMode))
            case .require, .verifyCA, .verifyFull: tls = .require(tlsConfiguration(address.sslMode))
            }
            configuration = .init(
                host: address.host, port: address.port, username: address.user, password: password,
                database: address.database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(address.connectTimeout)
        // A command needs one connection at a time; the dashboard one more to listen.
        configuration.options.maximumConnections = 4
        return configuration
    }

    /// libpq's meaning of each sslmode: `prefer` and `require` encrypt without checking the
    /// certificate, `verify-ca` checks it, `verify-full` checks it and the host name.
    static func tlsConfiguration(_ mode: PostgresAddress.SSLMode) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable, .prefer, .require: tls.certificateVerification = .none
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .verifyFull: tls.certificateVerification = .fullVerification
        }
        return tls
    }
}
