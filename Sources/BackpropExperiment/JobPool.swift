import Dispatch
import Foundation
import BackpropTraining

/// Runs independent jobs side by side, one per core, and collects their
/// results in job order. With one job or one core they run in turn and BLAS
/// gets every core; otherwise BLAS is held to one thread per job.
struct JobPool {
    var cores: Int

    func run<Result: Sendable>(_ count: Int, _ job: @escaping @Sendable (Int) throws -> Result) throws -> [Result] {
        let parallel = count > 1 && cores > 1
        BLASThreads.set(parallel ? 1 : cores)
        let slots = Slots<Result>(count: count)
        guard parallel else {
            for index in 0..<count { slots.set(index, Swift.Result { try job(index) }) }
            return try slots.values()
        }
        let queue = DispatchQueue(label: "backprop.jobs", attributes: .concurrent)
        let group = DispatchGroup()
        let free = DispatchSemaphore(value: cores)
        for index in 0..<count {
            free.wait()
            queue.async(group: group) {
                slots.set(index, Swift.Result { try job(index) })
                free.signal()
            }
        }
        group.wait()
        return try slots.values()
    }

    /// Results written by parallel jobs, each into its own slot.
    private final class Slots<Value>: @unchecked Sendable {
        private var slots: [Swift.Result<Value, Error>?]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ result: Swift.Result<Value, Error>) {
            lock.lock()
            slots[index] = result
            lock.unlock()
        }

        /// Every result in order, or the first job's error.
        func values() throws -> [Value] {
            lock.lock()
            defer { lock.unlock() }
            return try slots.map { slot in
                guard let slot else { throw ComponentError("a training job did not finish") }
                return try slot.get()
            }
        }
    }
}
