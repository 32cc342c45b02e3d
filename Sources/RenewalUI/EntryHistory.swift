import RenewalModel
import Synchronization

/// Complete entries (with what departments wrote) for the items a view shows.
///
/// The dashboard judges from entries read without their text (`ProgressStore.EntryDetail.judging`),
/// which is most of what a province's store holds; the measure view's history asks here for
/// its few items instead. Each answer is read once and kept until the next load.
public final class EntryHistory: Sendable {
    private let read: @Sendable ([String]) throws -> [ProgressEntry]
    private let cache = Mutex<[[String]: [ProgressEntry]]>([:])

    /// `read` returns every entry on the given items, in recording order.
    public init(read: @escaping @Sendable ([String]) throws -> [ProgressEntry]) {
        self.read = read
    }

    /// Entries on these items in recording order, or nil when they could not be read (the
    /// caller then shows what it holds).
    func entries(for items: [String]) -> [ProgressEntry]? {
        if let known = cache.withLock({ $0[items] }) { return known }
        guard let entries = try? read(items) else { return nil }
        cache.withLock { $0[items] = entries }
        return entries
    }
}
