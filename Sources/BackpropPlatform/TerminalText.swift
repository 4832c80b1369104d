/// Text from files (labels, CSV headers, paths) made safe to print: control
/// characters are shown as escapes (`\e`, `\a`, `\r`, `\n`, `\t`, `\u{9B}`)
/// instead of reaching the terminal, where ESC sequences could move the
/// cursor, retitle the window or hide the rest of the line, and a newline
/// would split a one-line error.
package func terminalSafe(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x1B: result += "\\e"
        case 0x07: result += "\\a"
        case 0x0D: result += "\\r"
        case 0x0A: result += "\\n"
        case 0x09: result += "\\t"
        case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029:
            result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default:
            result.unicodeScalars.append(scalar)
        }
    }
    return result
}
