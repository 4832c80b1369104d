/// The folder part of a path: "a/b/c" -> "a/b", "c" -> "", "/c" -> "/".
/// (Foundation's `deletingLastPathComponent` traps on a one-letter path
/// such as "p" or ".", which a user may well type.)
package func parentFolder(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "" }
    var parent = trimmed[..<slash]
    while parent.count > 1 && parent.hasSuffix("/") { parent = parent.dropLast() }
    return parent.isEmpty ? "/" : String(parent)
}
