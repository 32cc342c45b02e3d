import Dispatch
import NIOCore
import Synchronization

/// Runs PostgresNIO's async calls for renewal's synchronous commands and dashboard.
///
/// The commands and the dashboard's loop are synchronous: a store call blocks its thread until
/// the server answers. The work itself runs on an event loop of the client's own group, never on
/// Swift's cooperative pool (`EventLoopTaskExecutor`): a caller blocked on the pool (a test, say)
/// would otherwise wait for work that needs the very threads it holds.
final class BlockingBridge: Sendable {
    let executor: EventLoopTaskExecutor

    init(loop: any EventLoop) {
        executor = EventLoopTaskExecutor(loop: loop)
    }

    /// Runs `body` to the end and returns its result, or throws `BridgeTimeout` after `timeout`
    /// (the work is then cancelled): a server that stops answering never hangs a command.
    func run<T: Sendable>(timeout: Duration, _ body: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Mutex<Result<T, any Error>?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Task(executorPreference: executor) {
            let result: Result<T, any Error>
            do {
                result = .success(try await Self.withDeadline(timeout, body))
            } catch {
                result = .failure(error)
            }
            outcome.withLock { $0 = result }
            finished.signal()
        }
        finished.wait()
        return try outcome.withLock { $0! }.get()
    }

    /// Starts `body` and returns at once; it runs until it returns or is cancelled.
    @discardableResult
    func start(_ body: @escaping @Sendable () async -> Void) -> Task<Void, Never> {
        Task(executorPreference: executor) { await body() }
    }

    private static func withDeadline<T: Sendable>(
        _ timeout: Duration, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw BridgeTimeout() }
            return value
        }
    }
}

/// The server did not answer in time.
struct BridgeTimeout: Error {}

/// A task executor that runs its jobs on one NIO event loop.
final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    // @unchecked: `EventLoop` is Sendable and this holds nothing else.
    let loop: any EventLoop

    init(loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
