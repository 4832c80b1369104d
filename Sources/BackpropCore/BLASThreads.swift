import CBLAS
import Foundation
import BackpropPlatform

/// How many threads OpenBLAS may use. Runs that train side by side each hold
/// BLAS to one thread so they do not fight over the cores; a single run uses all.
package enum BLASThreads {
    private static let lock = NSLock()

    /// Sets the thread count; a no-op when it is already `count`, so runs that
    /// agree never touch OpenBLAS's pool while another thread is inside it.
    package static func set(_ count: Int) {
        lock.lock()
        defer { lock.unlock() }
        let wanted = Int32(max(1, count))
        if openblas_get_num_threads() != wanted {
            openblas_set_num_threads(wanted)
        }
    }

    package static var current: Int { Int(openblas_get_num_threads()) }
}
