import Dispatch
import Foundation
import Synchronization

/// Runs `background` on another thread while `foreground` runs on this one, and returns both
/// results once both are done. The background error wins when both fail (it is the earlier
/// step: the plan, before the store).
///
/// Reports read the plan file and the store's entries this way: at a province's scale each
/// takes a good part of the command's time and neither needs the other.
public func concurrently<Background: Sendable, Foreground>(
    _ background: @escaping @Sendable () throws -> Background, _ foreground: () throws -> Foreground
) throws -> (Background, Foreground) {
    let outcome = Mutex<Result<Background, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
        let result = Result { try background() }
        outcome.withLock { $0 = result }
        done.signal()
    }
    let foregroundResult = Result { try foreground() }
    done.wait()
    let backgroundResult =
        outcome.withLock { $0 } ?? .failure(AppError("内部错误：后台读取未完成", "internal error: background work did not finish"))
    return (try backgroundResult.get(), try foregroundResult.get())
}
