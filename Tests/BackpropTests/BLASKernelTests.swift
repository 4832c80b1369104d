import Foundation
import Testing
@testable import BackpropPlatform
@testable import BackpropStatistics
@testable import BackpropCore
@testable import BackpropComponents
@testable import BackpropTraining
@testable import BackpropExperiment
@testable import BackpropAnalysis
@testable import BackpropOutput
@testable import BackpropCommands

@Suite struct BLASKernelTests {
    static let avx512: Set<String> = ["avx", "avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512dq"]

    /// A fallback kernel on a CPU that can do better gets the kernel its flags fit; a fitting one, or one the user chose, stays.
    @Test func aFallbackKernelIsReplacedByTheOneTheFlagsFit() {
        #expect(BLASKernel.fitting(core: "Prescott", flags: Self.avx512, environment: [:]) == "SkylakeX")
        #expect(BLASKernel.fitting(core: "Prescott", flags: Self.avx512.union(["avx512_bf16"]), environment: [:]) == "Cooperlake")
        #expect(BLASKernel.fitting(core: "Haswell", flags: Self.avx512, environment: [:]) == "SkylakeX")
        #expect(BLASKernel.fitting(core: "Nehalem", flags: ["avx", "avx2", "fma"], environment: [:]) == "Haswell")
        #expect(BLASKernel.fitting(core: "Core2", flags: ["avx"], environment: [:]) == "Sandybridge")
        #expect(BLASKernel.fitting(core: "Cooperlake", flags: Self.avx512, environment: [:]) == nil)
        #expect(BLASKernel.fitting(core: "Zen", flags: ["avx", "avx2", "fma"], environment: [:]) == nil)
        #expect(BLASKernel.fitting(core: "Prescott", flags: ["sse3"], environment: [:]) == nil)
        #expect(BLASKernel.fitting(core: "Prescott", flags: Self.avx512, environment: ["OPENBLAS_CORETYPE": "Prescott"]) == nil,
                "the user's choice is kept")
        #expect(BLASKernel.fitting(core: "Prescott", flags: Self.avx512, environment: [BLASKernel.restartMarker: "Prescott"]) == nil,
                "a restarted process never restarts again")
    }

    /// The kernel is reported, and a kernel the user forces gives the same
    /// losses as the default one (float32 within its rounding; float64 closer).
    @Test func theKernelIsReportedAndEveryKernelGivesTheSameLosses() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let forced = try backprop(["--version"], in: root, environment: ["OPENBLAS_CORETYPE": "Prescott"])
        #expect(forced.status == 0 && forced.output.contains("BLAS: Prescott (CPU: ") && forced.output.contains("; set by OPENBLAS_CORETYPE"),
                "\(forced.output)")
        for dtype in ["float32", "float64"] {
            let experiment = """
                name: kernels
                dtype: \(dtype)
                seeds: [1, 2]
                dataset:
                  spiral: {samples: 300, classes: 3}
                model:
                  - dense: {units: 64}
                  - relu
                  - dense: {units: 64}
                  - relu
                  - dense: {units: 3}
                loss: softmax_cross_entropy
                train:
                  epochs: 20
                  batch: 32
                runs:
                  - {label: SGD, optimizer: {sgd: {lr: 0.05, momentum: 0.9}}}
                  - {label: Adam, optimizer: {adam: {lr: 0.003}}}
                plots: [loss]
                """
            try experiment.write(toFile: root + "/kernels.yaml", atomically: true, encoding: .utf8)
            var losses: [[Double]] = []
            for (folder, environment) in [("default", [String: String]()), ("prescott", ["OPENBLAS_CORETYPE": "Prescott"])] {
                let run = try backprop(["run", "kernels.yaml", "--plots", folder], in: root, environment: environment)
                #expect(run.status == 0, "\(run.errors)")
                let rows = try String(contentsOfFile: root + "/\(folder)/kernels/metrics.csv", encoding: .utf8).split(separator: "\n")
                losses.append(rows.filter { $0.contains(",loss,") }.compactMap { $0.split(separator: ",").last.flatMap { Double($0) } })
                let report = try String(contentsOfFile: root + "/\(folder)/kernels/report.md", encoding: .utf8)
                #expect(report.contains("(BLAS kernel " + (environment.isEmpty ? "" : "Prescott")), "the report names the kernel")
            }
            #expect(losses[0].count == 2 * 2 * 21 && losses[0].count == losses[1].count)
            let tolerance = dtype == "float32" ? 2e-4 : 1e-9
            let worst = zip(losses[0], losses[1]).map { abs($0 - $1) / max(abs($0), 1e-12) }.max() ?? .infinity
            #expect(worst <= tolerance, "\(dtype): losses differ by \(worst) relative between kernels")
        }
    }
}
