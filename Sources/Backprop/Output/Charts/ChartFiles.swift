/// One drawn chart: the data file(s) and the gnuplot script that draws `name.png`.
public struct ChartFiles: Sendable {
    public var name: String
    /// File name -> contents of the data the script reads.
    public var dataFiles: [(name: String, contents: String)]
    public var script: String

    public var scriptFile: String { "\(name).gp" }
    public var imageFile: String { "\(name).png" }
}
