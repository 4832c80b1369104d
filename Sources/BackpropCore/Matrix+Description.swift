import BackpropPlatform

extension Matrix: CustomStringConvertible {
    public var description: String {
        let body = (0..<rows).map { row in
            "[" + self.row(row).map { "\($0)" }.joined(separator: ", ") + "]"
        }.joined(separator: ",\n ")
        return "Matrix\(shapeDescription)\n[\(body)]"
    }
}
