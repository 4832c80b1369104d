import BackpropAnalysis

/// One drawn chart: the data file(s) and the gnuplot script that draws `name.png`.
public struct ChartFiles: Sendable {
    public var name: String
    /// File name -> contents of the data the script reads.
    public var dataFiles: [(name: String, contents: String)]
    public var script: String
    /// The same chart for report.html to draw in the browser, when it is a
    /// line chart the page can redraw; otherwise the page shows the PNG.
    package var page: PageChart?

    /// `script` writes `name.png` and reads the data files by their names (in the experiment's folder).
    public init(name: String, dataFiles: [(name: String, contents: String)], script: String) {
        self.name = name
        self.dataFiles = dataFiles
        self.script = script
    }

    public var scriptFile: String { "\(name).gp" }
    public var imageFile: String { "\(name).png" }
}

extension ChartFiles {
    /// Why these files cannot be written beside an experiment's other
    /// outputs, or nil: a chart (a plugin's too) names its script and image
    /// `NAME.gp`/`NAME.png` with a lowercase name, and its data files plainly
    /// with `.dat`, none taken by another chart, so it cannot overwrite
    /// results.json, report.md or another chart, nor write outside the folder.
    func problem(takenNames: Set<String>) -> String? {
        guard isLowercaseName(name) else {
            return "its name '\(name)' is not lowercase letters, digits and '_'"
        }
        if takenNames.contains(scriptFile) { return "another chart already wrote \(scriptFile)" }
        var seen: Set<String> = []
        for file in dataFiles.map(\.name) {
            let stem = file.hasSuffix(".dat") ? String(file.dropLast(4)) : ""
            guard isLowercaseName(stem) else {
                return "its data file '\(file)' is not a lowercase name ending in .dat"
            }
            guard !takenNames.contains(file), seen.insert(file).inserted else { return "its data file \(file) is written twice" }
        }
        return nil
    }

    /// The files it puts in the experiment's folder.
    var fileNames: [String] { dataFiles.map(\.name) + [scriptFile, imageFile] }
}

