import Foundation
import BackpropAnalysis

/// Progress on standard error: an updating status line on a terminal, one
/// line per finished job otherwise (CI logs stay readable). Each says how many
/// trials are done of how many, and, from the pace so far, the time left.
package final class ConsoleProgress: RunProgress, @unchecked Sendable {
    private let isTerminal: Bool
    private let lock = NSLock()
    private var finished = 0
    private var toTrain = 0
    private var reused = 0
    private var started = ContinuousClock.now
    private var lastDraw = ContinuousClock.now

    package init(isTerminal: Bool = isatty(STDERR_FILENO) != 0) {
        self.isTerminal = isTerminal
    }

    package func jobsPlanned(total: Int, reused: Int) {
        lock.lock()
        defer { lock.unlock() }
        // A suite plans one batch of jobs per problem and phase: each counts from zero.
        (toTrain, self.reused, finished, started) = (total - reused, reused, 0, ContinuousClock.now)
        if reused > 0 { write("\(total) trial(s): \(reused) finished earlier and reused, \(total - reused) to train\n") }
    }

    package func jobStarted(label: String, seed: UInt64, job: Int, of total: Int) {}

    package func phaseStarted(_ title: String) {
        lock.lock()
        defer { lock.unlock() }
        write((isTerminal ? "\r\u{1B}[K" : "") + "== \(title)\n")
    }

    package func epochFinished(label: String, seed: UInt64, record: EpochRecord, epochs: Int) {
        guard isTerminal else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        guard now - lastDraw > .milliseconds(100) else { return }
        lastDraw = now
        let width = 24
        let filled = epochs > 0 ? min(width, record.epoch * width / epochs) : width
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        write("\r\u{1B}[K[\(bar)] \(done)\(timeLeft) | \(terminalSafe(label)) seed \(seed) epoch \(record.epoch)/\(epochs) loss \(formatNumber(record.loss))")
    }

    package func jobFinished(_ result: RunResult, job: Int, of total: Int) {
        lock.lock()
        defer { lock.unlock() }
        finished += 1
        let last = result.history.last
        var line = "[\(done)\(timeLeft)] \(terminalSafe(result.label)) seed \(result.seed): \(last?.epoch ?? 0) epochs, loss \(formatNumber(last?.loss ?? .nan))"
        if let accuracy = last?.accuracy { line += ", accuracy \(formatNumber(accuracy))" }
        line += ", \(formatNumber(result.wallSeconds)) s (\(result.history.stopReason.rawValue)"
        if let epoch = result.history.divergedAtEpoch { line += " at epoch \(epoch)" }
        line += ")"
        write((isTerminal ? "\r\u{1B}[K" : "") + line + "\n")
    }

    /// "12/48 done" (reused trials count as done).
    private var done: String { "\(reused + finished)/\(reused + toTrain) done" }

    /// ", ~1m 20s left" from the pace of the jobs trained so far (the jobs
    /// running side by side are in that pace); nothing before the first.
    private var timeLeft: String {
        guard finished > 0, finished < toTrain else { return "" }
        let elapsed = (ContinuousClock.now - started).inSeconds
        return ", ~\(Self.duration(elapsed / Double(finished) * Double(toTrain - finished))) left"
    }

    /// "45s", "3m 05s", "2h 10m".
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m \(String(format: "%02d", whole % 60))s" }
        return "\(whole / 3600)h \(String(format: "%02d", whole / 60 % 60))m"
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
