import BackpropAnalysis

/// splits.csv: `row,split`, one line per row of the dataset (row 0 is the
/// first data row of a CSV file, after its header; rows the loader dropped
/// for missing values are absent), split being `train`, `validation` or
/// `test`; so pandas' `df.iloc[rows]` or any other tool can cut the same parts.
package enum SplitsCSV {
    package static let header = "row,split"
    package static let name = "splits.csv"

    package static func render(_ rows: SplitRows) -> String {
        let parts = [("train", rows.train), ("validation", rows.validation), ("test", rows.test)]
            .flatMap { name, indices in indices.map { ($0, name) } }
            .sorted { $0.0 < $1.0 }
        return ([header] + parts.map { "\($0.0),\($0.1)" }).joined(separator: "\n") + "\n"
    }

    /// Reads a file written by `render` back; nil when it is not one.
    package static func parse(_ text: String) -> SplitRows? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard lines.first == Substring(header) else { return nil }
        lines.removeFirst()
        var rows = SplitRows(train: [], validation: [], test: [])
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 2, let index = Int(fields[0]) else { return nil }
            switch fields[1] {
            case "train": rows.train.append(index)
            case "validation": rows.validation.append(index)
            case "test": rows.test.append(index)
            default: return nil
            }
        }
        return rows
    }
}
