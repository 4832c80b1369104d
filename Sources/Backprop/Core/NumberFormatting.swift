// Numbers as reports, tables and `backprop list` show them.

/// Up to 6 significant digits, without trailing noise (`0.21`, not `0.21000000000000002`).
package func formatNumber(_ value: Double) -> String {
    if value == 0 { return "0" }
    if value.isNaN || value.isInfinite { return "\(value)" }
    let magnitude = abs(value)
    if magnitude >= 1e6 || magnitude < 1e-4 {
        return format6Exponent(value, digits: 6)
    }
    var text = String(Double((value * 1e6).rounded()) / 1e6)
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
}

/// `digits` significant digits, trailing zeros kept (they are significant):
/// 0.0213061 -> "0.02131", 0.72 -> "0.7200", 1 -> "1.000", 12345.6 -> "12350".
package func formatSignificant(_ value: Double, digits: Int = 4) -> String {
    guard value.isFinite, value != 0 else { return formatNumber(value) }
    let magnitude = Int((abs(value)).log10Floor)
    if magnitude < -4 || magnitude >= 9 { return format6Exponent(value, digits: digits) }
    var decimals = digits - 1 - magnitude
    guard decimals > 0 else {
        // Large numbers are rounded to tens, hundreds, ...: 27480 → 27500 with 3 digits.
        var scale = 1.0
        for _ in 0..<(-decimals) { scale *= 10 }
        return String(Int64((value / scale).rounded()) * Int64(scale))
    }
    var scaled = Int64((abs(value) * power10(decimals)).rounded())
    if scaled >= Int64(power10(digits)) {
        // Rounding carried into a new digit (0.09996 → 0.1000): one decimal fewer.
        decimals -= 1
        scaled = Int64((abs(value) * power10(decimals)).rounded())
    }
    var text = String(scaled)
    if decimals > 0 {
        if text.count <= decimals { text = String(repeating: "0", count: decimals - text.count + 1) + text }
        text.insert(".", at: text.index(text.endIndex, offsetBy: -decimals))
    }
    return (value < 0 ? "-" : "") + text
}

private func power10(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<exponent { result *= 10 }
    return result
}

private extension Double {
    /// ⌊log10 |x|⌋ without Foundation.
    var log10Floor: Double {
        var exponent = 0.0
        var mantissa = Swift.abs(self)
        while mantissa >= 10 { mantissa /= 10; exponent += 1 }
        while mantissa < 1 { mantissa *= 10; exponent -= 1 }
        return exponent
    }
}

/// Scientific notation with `digits` significant digits: 6.436e-5.
private func format6Exponent(_ value: Double, digits: Int) -> String {
    var exponent = 0
    var mantissa = abs(value)
    while mantissa >= 10 { mantissa /= 10; exponent += 1 }
    while mantissa < 1 { mantissa *= 10; exponent -= 1 }
    var scale = 1.0
    for _ in 1..<max(digits, 1) { scale *= 10 }
    var text = String((mantissa * scale).rounded() / scale)
    if text.hasSuffix(".0") { text.removeLast(2) }
    return "\(value < 0 ? "-" : "")\(text)e\(exponent)"
}
