import Dispatch
import Foundation
import Synchronization
import BackpropComponents

/// A request to stop training early, from Ctrl-C or SIGTERM: every run checks
/// it before each step and abandons itself at the first one after the
/// request, so finished runs can still be written as a partial set. One
/// object is shared by everything a command trains.
package final class Interruption: Sendable {
    private let received = Atomic<Int32>(0)

    package init() {}

    /// The signal that asked to stop (SIGINT, SIGTERM), or nil.
    package var signal: Int32? {
        let value = received.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    package var isRequested: Bool { received.load(ordering: .relaxed) != 0 }

    /// Asks every run to stop; the first signal is the one remembered.
    package func request(signal: Int32) {
        _ = received.compareExchange(expected: 0, desired: signal, ordering: .relaxed)
    }

    /// The shell's status for a process ended by `signal`: 130 for Ctrl-C, 143 for SIGTERM.
    package static func exitStatus(for signal: Int32) -> Int32 { 128 + signal }

    /// How the report and messages name a signal.
    package static func describe(_ signal: Int32) -> String {
        switch signal {
        case SIGINT: return "Ctrl-C (SIGINT)"
        case SIGTERM: return "SIGTERM"
        default: return "signal \(signal)"
        }
    }

    /// Sources kept alive for the life of the process.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// An interruption that SIGINT and SIGTERM request, for a command-line
    /// process: the first signal asks the runs to stop (and `notice` says so);
    /// a second one ends the process at once, with the shell's status.
    package static func onSignals(notice: @escaping @Sendable (Int32) -> Void) -> Interruption {
        let interruption = Interruption()
        // A serial queue of its own gets a thread even while training jobs hold every core
        // (the global queues would wait for a job to finish).
        let queue = DispatchQueue(label: "backprop.signals")
        for number in [SIGINT, SIGTERM] {
            Foundation.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                // Signals close together arrive as one event that counts them.
                if interruption.isRequested || source.data > 1 { exit(exitStatus(for: number)) }
                interruption.request(signal: number)
                notice(number)
            }
            source.resume()
            sources.append(source)
        }
        return interruption
    }
}
