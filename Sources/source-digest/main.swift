import Foundation

// source-digest OUTPUT ROOT FILE...: writes OUTPUT, a Swift file declaring
// `sourceDigest`, the FNV-1a 64 digest of each FILE's path relative to ROOT
// and its bytes, in path order: the same sources give the same digest on
// every machine, whatever folder they are checked out in.
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2, let output = arguments.first, let root = arguments.dropFirst().first else {
    FileHandle.standardError.write(Data("usage: source-digest OUTPUT ROOT FILE...\n".utf8))
    exit(2)
}
var state: UInt64 = 0xcbf2_9ce4_8422_2325
func add(_ bytes: some Sequence<UInt8>, to state: inout UInt64) {
    for byte in bytes { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 }
}
let files = arguments.dropFirst(2).map { path in (relative: path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path, path: path) }
for file in files.sorted(by: { $0.relative < $1.relative }) {
    guard let contents = FileManager.default.contents(atPath: file.path) else {
        FileHandle.standardError.write(Data("source-digest: cannot read \(file.path)\n".utf8))
        exit(1)
    }
    add(Array(file.relative.utf8) + [0], to: &state)
    add(contents, to: &state)
    add([0], to: &state)
}
let hex = String(state, radix: 16)
let text = """
    // Generated at build time by the SourceDigest plugin; do not edit.
    let sourceDigest = "\(String(repeating: "0", count: 16 - hex.count) + hex)"

    """
// Rewritten only when it changes, so an unchanged digest does not rebuild the library.
if FileManager.default.contents(atPath: output) != Data(text.utf8) {
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
    } catch {
        FileHandle.standardError.write(Data("source-digest: cannot write \(output): \(error)\n".utf8))
        exit(1)
    }
}
