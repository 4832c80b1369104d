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

/// What hostile names and planted files cannot do to the output: write
/// through a symbolic link, break a gnuplot script, reach the terminal as
/// control sequences, or hang the run in gnuplot.
@Suite struct HostileOutputTests {
    @Test func atomicWritesReplaceAPlantedLinkAndNeverWriteThroughIt() throws {
        let root = try temporaryDirectory()
        try "victim".write(toFile: root + "/victim", atomically: false, encoding: .utf8)
        // A link at the target, and at the temporary names an older version used (.NAME.tmp-PID-N).
        // Planted with `try`: a link that failed to appear would leave nothing to attack.
        try FileManager.default.createSymbolicLink(atPath: root + "/report.md", withDestinationPath: root + "/victim")
        for counter in 0..<4 {
            try FileManager.default.createSymbolicLink(
                atPath: root + "/.report.md.tmp-\(ProcessInfo.processInfo.processIdentifier)-\(counter)", withDestinationPath: root + "/victim")
        }
        try AtomicFile.write("new", to: root + "/report.md")
        #expect(try String(contentsOfFile: root + "/victim", encoding: .utf8) == "victim")
        #expect(try String(contentsOfFile: root + "/report.md", encoding: .utf8) == "new")
        #expect(try FileManager.default.attributesOfItem(atPath: root + "/report.md")[.type] as? FileAttributeType == .typeRegular)
    }

    @Test func anOutputFolderThatIsALinkIsRefusedBeforeAnythingIsWritten() throws {
        let root = try temporaryDirectory()
        let elsewhere = try temporaryDirectory()
        let path = root + "/x.yaml"
        try (validExperiment + "\ncheckpoint: {every: 5}\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: root + "/plots", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/plots/check", withDestinationPath: elsewhere)
        let error = #expect(throws: OutputError.self) {
            try Commands(catalog: .builtIn).run(path: path, outputRoot: root + "/plots", progress: SilentProgress())
        }
        #expect(error?.description.contains("is a symbolic link") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
        // One level down too: the checkpoints folder.
        try FileManager.default.removeItem(atPath: root + "/plots/check")
        try FileManager.default.createDirectory(atPath: root + "/plots/check", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/plots/check/checkpoints", withDestinationPath: elsewhere)
        // Refused for the link itself, by name: any other failure (a bad file, an unwritable folder) would prove nothing.
        let nested = #expect(throws: OutputError.self) {
            try Commands(catalog: .builtIn).run(path: path, outputRoot: root + "/plots", progress: SilentProgress())
        }
        #expect(nested?.path == root + "/plots/check/checkpoints")
        #expect(nested?.message == "is a symbolic link; backprop does not write through links inside its output (remove it, or choose another --plots)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
    }

    /// A second command on the same output folder says so in one line instead
    /// of interleaving its files with the first's.
    @Test func aFolderInUseIsRefused() throws {
        let root = try temporaryDirectory()
        let path = root + "/x.yaml"
        try validExperiment.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            let held = try FolderLock(root + "/plots/check")
            let error = #expect(throws: OutputError.self) {
                try Commands(catalog: .builtIn).run(path: path, outputRoot: root + "/plots", progress: SilentProgress())
            }
            #expect(error?.description.contains("is in use by another backprop command") == true)
            withExtendedLifetime(held) {}
        }
        // Released, the folder is free again.
        _ = try Commands(catalog: .builtIn).run(path: path, outputRoot: root + "/plots", progress: SilentProgress())
    }

    @Test func gradcheckRefusesAModelTooLargeToCheckQuickly() throws {
        let root = try temporaryDirectory()
        let path = root + "/big.yaml"
        try """
            name: big
            dataset: {teacher: {samples: 4, features: 400, classes: 2}}
            model: [{dense: {units: 400}}, relu, {dense: {units: 2}}]
            loss: softmax_cross_entropy
            train: {epochs: 1, optimizer: adam}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: ExperimentError.self) { try Commands(catalog: .builtIn).gradientCheck(path: path) }
        #expect(error?.description.contains("this model has 161202 weights, at most 100000") == true, "\(String(describing: error))")
    }

    static let hostileLabels = [
        "'quoted' run", "''", "'", "it's", "a''b", "end'", "`touch INJECTED`", "@macro", "\"double\"", "back\\slash",
        "semi; system('touch X')", "x\ny", "tab\there", "日本語 ✓", "$HOME", "%s %d",
    ]

    /// Every hostile label, quoted for a script, reads back exactly (control
    /// characters as spaces) from real gnuplot, and runs nothing.
    @Test func gnuplotReadsEveryQuotedLabelBackExactly() throws {
        let gnuplot = try #require(OutputWriter.findExecutable("gnuplot"), "gnuplot is needed (make deps)")
        let folder = try temporaryDirectory()
        let script = "set print 'labels.txt'\n" + Self.hostileLabels.map { "print \(Gnuplot.quoted($0))" }.joined(separator: "\n") + "\n"
        #expect(OutputWriter.runGnuplot(gnuplot, script: script, in: folder, timeLimit: .seconds(60)) == .success)
        let printed = try String(contentsOfFile: folder + "/labels.txt", encoding: .utf8)
        let expected = Self.hostileLabels.map { $0.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ") }
        #expect(printed.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["labels.txt"], "a label ran a command")
    }

    @Test func aHungGnuplotIsStoppedAndReported() throws {
        let folder = try temporaryDirectory()
        let fake = folder + "/gnuplot"
        try "#!/bin/sh\nsleep 30\n".write(toFile: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake)
        try "set output 'loss.png'\nplot x\n".write(toFile: folder + "/loss.gp", atomically: true, encoding: .utf8)
        let clock = ContinuousClock()
        let start = clock.now
        let rendering = OutputWriter.render(scripts: ["loss.gp"], in: folder, gnuplot: fake, timeLimit: .milliseconds(300))
        #expect(clock.now - start < .seconds(10))
        #expect(rendering.images.isEmpty)
        #expect(rendering.failures.first?.contains("did not finish within") == true, "\(rendering.failures)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["gnuplot", "loss.gp"], "a temporary file was left")
    }

    /// A description with a code fence in it is escaped where the report
    /// shows it, and cannot close the block that echoes the experiment.
    @Test func aCodeFenceInTheExperimentCannotBreakTheReport() throws {
        let source = validExperiment.replacingOccurrences(of: "name: check", with: "name: check\ndescription: \"```` and <b>|\"")
        let plan = try ExperimentLoader(catalog: .builtIn).parse(source, file: "x.yaml")
        let result = try ExperimentRunner.run(plan)
        let report = Report.render(result, summary: Summary(result), charts: [])
        #expect(report.contains("\\`\\`\\`\\` and &lt;b&gt;\\|"))
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let opening = try #require(lines.firstIndex(of: "`````yaml"))
        #expect(lines[(opening + 1)...].contains("`````"))
        #expect(Report.codeBlock("a", language: "") == ["```", "a", "```"])
    }

    @Test func controlCharactersReachTheTerminalEscaped() {
        #expect(terminalSafe("a\u{1B}[2Jb\u{07}c\rd\ne\u{9B}f\u{7F}") == "a\\e[2Jb\\ac\\rd\\ne\\u{9B}f\\u{7F}")
        #expect(terminalSafe("plain, ünïcode ✓") == "plain, ünïcode ✓")
    }
}
