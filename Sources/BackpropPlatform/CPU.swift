import Foundation

/// What the processor is, as Linux's /proc/cpuinfo says: its model and the
/// instruction sets it can run (empty where the file cannot be read).
package enum CPU {
    package static var flags: Set<String> { Set(info("flags").split(separator: " ").map(String.init)) }

    package static var model: String { info("model name") }

    /// The first value of `field` in /proc/cpuinfo.
    static func info(_ field: String) -> String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "" }
        for line in text.split(separator: "\n") where line.hasPrefix(field) {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 && parts[0].trimmingCharacters(in: .whitespaces) == field {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return ""
    }
}
