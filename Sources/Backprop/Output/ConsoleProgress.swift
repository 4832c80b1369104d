import Foundation

/// Progress on standard error: an updating status line on a terminal, one
/// line per finished run otherwise (CI logs stay readable).
public final class ConsoleProgress: RunProgress, @unchecked Sendable {
    private let isTerminal: Bool
    private let lock = NSLock()
    private var finished = 0
    private var lastDraw = ContinuousClock.now

    public init(isTerminal: Bool = isatty(STDERR_FILENO) != 0) {
        self.isTerminal = isTerminal
    }

    public func jobStarted(label: String, seed: UInt64, job: Int, of total: Int) {}

    public func epochFinished(label: String, seed: UInt64, record: EpochRecord, epochs: Int) {
        guard isTerminal else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        guard now - lastDraw > .milliseconds(100) else { return }
        lastDraw = now
        let width = 24
        let filled = epochs > 0 ? min(width, record.epoch * width / epochs) : width
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        write("\r\u{1B}[K[\(bar)] \(finished) done | \(label) seed \(seed) epoch \(record.epoch)/\(epochs) loss \(formatNumber(record.loss))")
    }

    public func jobFinished(_ result: RunResult, job: Int, of total: Int) {
        lock.lock()
        defer { lock.unlock() }
        finished += 1
        let last = result.history.last
        var line = "[\(finished)/\(total)] \(result.label) seed \(result.seed): \(last?.epoch ?? 0) epochs, loss \(formatNumber(last?.loss ?? .nan))"
        if let accuracy = last?.accuracy { line += ", accuracy \(formatNumber(accuracy))" }
        line += ", \(formatNumber(result.wallSeconds)) s (\(result.history.stopReason.rawValue)"
        if let epoch = result.history.divergedAtEpoch { line += " at epoch \(epoch)" }
        line += ")"
        write((isTerminal ? "\r\u{1B}[K" : "") + line + "\n")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
