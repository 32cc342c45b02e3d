import NIOCore
import PostgresNIO
import RenewalModel
import RenewalStore
import Synchronization

extension PostgresStore {
    /// Listens on `renewal_change` (every write's NOTIFY) on a connection of its own, so that a
    /// dashboard hears of a colleague's record the moment it is committed, on any machine.
    public func watchChanges() -> (any ChangeWatch)? {
        PostgresChangeWatch(configuration: directConfiguration, bridge: bridge)
    }
}

/// A listening connection that is made again whenever it is lost (the server restarted, the
/// network dropped), waiting longer between tries up to `longestWait`; the dashboard is told
/// both that it was lost and that it came back (it then reads the store again: NOTIFYs sent while
/// it was away are not replayed).
final class PostgresChangeWatch: ChangeWatch {
    private let pending = Inbox()
    private let task: Mutex<Task<Void, Never>?> = Mutex(nil)
    static let longestWait: Duration = .seconds(8)

    init(configuration: PostgresConnection.Configuration, bridge: BlockingBridge) {
        let pending = self.pending
        let started = bridge.start {
            await Self.listen(configuration: configuration, loop: bridge.executor.loop, pending: pending)
        }
        task.withLock { $0 = started }
    }

    deinit { stop() }

    func news() -> ChangeNews {
        pending.news.withLock { news in
            defer { news = ChangeNews() }
            return news
        }
    }

    func stop() {
        task.withLock { $0?.cancel() }
    }

    /// Connects, listens until the connection ends, and does it again until cancelled.
    private static func listen(
        configuration: PostgresConnection.Configuration, loop: any EventLoop, pending: Inbox
    ) async {
        var lost = false
        var wait = Duration.milliseconds(500)
        while !Task.isCancelled {
            var reason = PostgresFailure.unreachable
            do {
                let connection = try await PostgresConnection.connect(
                    on: loop, configuration: configuration, id: 1, logger: PostgresStore.quiet)
                do {
                    try await listen(on: connection, pending: pending, lost: &lost, wait: &wait)
                } catch {
                    try? await connection.close()
                    throw error
                }
                try? await connection.close()
                reason = Phrase("服务器关闭了连接", "the server closed the connection")
            } catch {
                if !(error is CancellationError) { reason = PostgresFailure.reason(error) }
            }
            if Task.isCancelled { return }
            if !lost {
                lost = true
                pending.news.withLock { $0.connection = ConnectionNews.lost(reason) }
            }
            try? await Task.sleep(for: wait)
            wait = min(wait * 2, longestWait)
        }
    }

    /// Listens on one connection until it ends.
    private static func listen(
        on connection: PostgresConnection, pending: Inbox, lost: inout Bool, wait: inout Duration
    ) async throws {
        try await connection.listen(on: PostgresStore.changeChannel) { notifications in
            // Listening now: whatever was missed while away is read again.
            if lost {
                pending.news.withLock {
                    $0.connection = ConnectionNews.restored
                    $0.changed = true
                }
                lost = false
            }
            wait = .milliseconds(500)
            for try await _ in notifications { pending.news.withLock { $0.changed = true } }
        }
    }
}

/// The news a watch has gathered, shared with its listening task.
final class Inbox: Sendable {
    let news = Mutex(ChangeNews())
}
