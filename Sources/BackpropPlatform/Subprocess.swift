import Foundation

/// Runs a program with text on its standard input, in a folder, for at most
/// a time limit: the one way backprop starts another program (gnuplot).
/// Its messages (standard error) are read on another thread, so a chatty or
/// hung program cannot block the tool, and capped; past the limit it is
/// stopped with its whole process group.
package enum Subprocess {
    package enum Status: Equatable, CustomStringConvertible {
        case exit(Int32), signal(Int32)

        package var description: String {
            switch self {
            case .exit(let code): return "exit status \(code)"
            case .signal(let number): return "killed by signal \(number)"
            }
        }
    }

    package enum Outcome: Equatable {
        case finished(Status, messages: String)
        case timedOut
        case cannotStart(String)
    }

    package static func run(_ executable: String, input: String, in directory: String, timeLimit: Duration, messageLimit: Int) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let standardInput = Pipe(), errors = Pipe()
        process.standardInput = standardInput
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let messages = Messages()
        do {
            try process.run()
        } catch {
            return .cannotStart(error.localizedDescription)
        }
        Thread { messages.read(errors.fileHandleForReading, limit: messageLimit) }.start()
        // On another thread too: a program that hangs without reading would block a long input's write.
        // It may also stop reading early (an error): its message says why, not the pipe's.
        let writer = standardInput.fileHandleForWriting
        Thread {
            try? writer.write(contentsOf: Data(input.utf8))
            try? writer.close()
        }.start()
        let clock = ContinuousClock()
        let deadline = clock.now + timeLimit
        while process.isRunning && clock.now < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning {
            // The program runs in a process group of its own: stop it and anything it started.
            let group = -process.processIdentifier
            kill(group, SIGTERM)
            Thread.sleep(forTimeInterval: 0.2)
            kill(group, SIGKILL)
            process.waitUntilExit()
            return .timedOut
        }
        process.waitUntilExit()
        let text = messages.waitForText()
        let status: Status = process.terminationReason == .exit ? .exit(process.terminationStatus) : .signal(process.terminationStatus)
        return .finished(status, messages: text)
    }

    /// The first `name` on the PATH that can be run.
    package static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Standard error, read on another thread and capped.
    private final class Messages: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var data = Data()

        func read(_ handle: FileHandle, limit: Int) {
            while let chunk = try? handle.read(upToCount: 4096), !chunk.isEmpty {
                lock.lock()
                if data.count < limit { data.append(chunk.prefix(limit - data.count)) }
                lock.unlock()
            }
            done.signal()
        }

        func waitForText() -> String {
            _ = done.wait(timeout: .now() + 2)
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: data, as: UTF8.self)
        }
    }
}
