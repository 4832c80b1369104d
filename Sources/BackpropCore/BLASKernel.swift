import CBLAS
import Foundation
import BackpropPlatform

/// Which OpenBLAS kernel does the products, and whether it fits the CPU.
///
/// Debian's OpenBLAS (0.3.21, DYNAMIC_ARCH) picks its kernel from the CPU's
/// model when it loads; on a processor it does not know (a recent or a
/// virtualised one, "Intel(R) Xeon(R) Processor") it falls back to its SSE3
/// "Prescott" kernels, three times slower than the AVX-512 ones, and says
/// nothing. The CPU's feature flags tell what it can run: when the loaded
/// kernel falls short of them, the command line starts itself again, once,
/// with `OPENBLAS_CORETYPE` naming the kernel that fits (the only moment it
/// can: OpenBLAS reads the variable when it loads). A kernel the user chose
/// with `OPENBLAS_CORETYPE` is kept.
package enum BLASKernel {
    /// Set in the restarted process, so it never restarts again.
    static let restartMarker = "BACKPROP_BLAS_RESTARTED"

    /// The instruction sets OpenBLAS's x86-64 kernels are written for, in order.
    enum Level: Int, Comparable {
        case sse, avx, avx2, avx512
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    /// The kernel in use, as OpenBLAS names it ("Cooperlake", "Haswell", "Prescott").
    package static var coreName: String { String(cString: openblas_get_corename()) }

    /// The CPU's feature flags and model (`CPU`), where OpenBLAS's kernel choice is checked.
    package static var cpuFlags: Set<String> { CPU.flags }
    package static var cpuModel: String { CPU.model }

    static func level(ofCore name: String) -> Level {
        switch name.lowercased() {
        case "skylakex", "cooperlake", "sapphirerapids": return .avx512
        case "haswell", "zen": return .avx2
        case "sandybridge", "bulldozer", "piledriver", "steamroller", "excavator": return .avx
        default: return .sse
        }
    }

    static func level(ofCPU flags: Set<String>) -> Level {
        if flags.isSuperset(of: ["avx512f", "avx512bw", "avx512vl", "avx512dq"]) { return .avx512 }
        if flags.isSuperset(of: ["avx2", "fma"]) { return .avx2 }
        if flags.contains("avx") { return .avx }
        return .sse
    }

    /// The `OPENBLAS_CORETYPE` that fits a CPU with `flags` when the loaded
    /// kernel `core` falls short of it; nil when it fits, when the user set
    /// the variable, or when this process is the restarted one.
    package static func fitting(core: String, flags: Set<String>, environment: [String: String]) -> String? {
        guard environment["OPENBLAS_CORETYPE"] == nil, environment[restartMarker] == nil else { return nil }
        let cpu = level(ofCPU: flags)
        guard level(ofCore: core) < cpu else { return nil }
        switch cpu {
        case .avx512: return flags.contains("avx512_bf16") ? "Cooperlake" : "SkylakeX"
        case .avx2: return "Haswell"
        case .avx: return "Sandybridge"
        case .sse: return nil
        }
    }

    /// Starts this program again with the kernel that fits, when the loaded
    /// one falls short of the CPU; returns (doing nothing) otherwise, or when
    /// the restart cannot happen. Call it first, before any product.
    package static func restartWithFittingKernel() {
        // The best kernel already: nothing to read, every start.
        guard level(ofCore: coreName) < .avx512 else { return }
        let environment = ProcessInfo.processInfo.environment
        guard let kernel = fitting(core: coreName, flags: cpuFlags, environment: environment) else { return }
        ProcessRestart.restart(adding: ["OPENBLAS_CORETYPE=\(kernel)", "\(restartMarker)=\(coreName)"])
        // Only reached when the restart failed: train with the kernel there is.
    }

    /// "Cooperlake (CPU: AMD EPYC; avx512f avx512bw avx512vl avx512_bf16 avx2 fma)", with how
    /// the kernel was chosen when it was not OpenBLAS's own pick.
    package static var description: String {
        let environment = ProcessInfo.processInfo.environment
        let flags = cpuFlags
        let shown = ["avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512_bf16", "avx512_fp16", "amx_tile", "avx2", "fma", "avx"].filter(flags.contains)
        var text = "\(coreName) (CPU: \(cpuModel.isEmpty ? "unknown" : cpuModel); \(shown.isEmpty ? "no AVX" : shown.joined(separator: " ")))"
        if let replaced = environment[restartMarker] {
            text += "; chosen by backprop for the CPU's flags: OpenBLAS picked \(replaced)"
        } else if environment["OPENBLAS_CORETYPE"] != nil {
            text += "; set by OPENBLAS_CORETYPE"
        } else if level(ofCore: coreName) < level(ofCPU: flags) {
            text += "; below what the CPU can run"
        }
        return text
    }
}
