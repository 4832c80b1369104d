import Foundation

/// Starts this very program again in place (`execve` of /proc/self/exe) with
/// its arguments and environment as the bytes they are (a path need not be
/// UTF-8), plus `variables` ("NAME=value"). Returns only when the restart
/// could not happen; the caller goes on as it is.
package enum ProcessRestart {
    package static func restart(adding variables: [String]) {
        var envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup($0) }
        var entry = environ
        while let variable = entry.pointee {
            envp.append(variable)
            entry += 1
        }
        envp.append(nil)
        execve("/proc/self/exe", CommandLine.unsafeArgv, envp)
    }
}
