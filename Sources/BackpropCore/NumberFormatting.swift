import BackpropPlatform

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
    guard let decimals = significantDecimals(value, digits: digits) else {
        return value.isFinite && value != 0 ? format6Exponent(value, digits: digits) : formatNumber(value)
    }
    return formatFixed(value, decimals: decimals)
}

/// A mean and its spread, `0.951 ± 0.029`: the mean to `digits` significant
/// digits, the spread to the same decimal place (a spread shown to more
/// places than its mean claims a precision the mean does not have). Means
/// written with an exponent share it: `(6.44 ± 0.12)e-5`.
package func formatMeanAndSpread(_ mean: Double, _ spread: Double, digits: Int = 3) -> String {
    guard mean.isFinite, spread.isFinite, mean != 0 else {
        return "\(formatSignificant(mean, digits: digits)) ± \(formatSignificant(spread, digits: 2))"
    }
    if let decimals = significantDecimals(mean, digits: digits) {
        return "\(formatFixed(mean, decimals: decimals)) ± \(formatFixed(abs(spread), decimals: decimals))"
    }
    let exponent = Int(abs(mean).log10Floor)
    let scale = power10(abs(exponent))
    let (scaledMean, scaledSpread) = exponent < 0 ? (mean * scale, spread * scale) : (mean / scale, spread / scale)
    return "(\(formatFixed(scaledMean, decimals: digits - 1)) ± \(formatFixed(abs(scaledSpread), decimals: digits - 1)))e\(exponent)"
}

/// The decimal places (negative: rounded to tens, hundreds, ...) that show
/// `value` to `digits` significant digits; nil when it is written with an
/// exponent (below 1e-4, from 1e9), not finite, or 0.
private func significantDecimals(_ value: Double, digits: Int) -> Int? {
    guard value.isFinite, value != 0 else { return nil }
    let magnitude = Int((abs(value)).log10Floor)
    if magnitude < -4 || magnitude >= 9 { return nil }
    let decimals = digits - 1 - magnitude
    // Rounding can carry into a new digit (0.09996 → 0.1000): one decimal fewer.
    let rounded = (abs(value) * power10Signed(decimals)).rounded()
    return rounded >= power10(digits) ? decimals - 1 : decimals
}

/// `value` rounded to `decimals` places (negative: to tens, hundreds, ...), no exponent.
private func formatFixed(_ value: Double, decimals: Int) -> String {
    guard decimals > 0 else {
        let scale = power10(-decimals)
        return String(Int64((value / scale).rounded()) * Int64(scale))
    }
    var text = String(Int64((abs(value) * power10(decimals)).rounded()))
    if text.count <= decimals { text = String(repeating: "0", count: decimals - text.count + 1) + text }
    text.insert(".", at: text.index(text.endIndex, offsetBy: -decimals))
    let isZero = text.allSatisfy { $0 == "0" || $0 == "." }
    return (value < 0 && !isZero ? "-" : "") + text
}

private func power10Signed(_ exponent: Int) -> Double {
    exponent >= 0 ? power10(exponent) : 1 / power10(-exponent)
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

/// A count of epochs, or a median of counts: whole numbers as they are
/// (`20`, not `20.0`), a median between two counts with its half (`20.5`).
package func formatEpochs(_ value: Double) -> String {
    guard value.isFinite, value.rounded() == value, abs(value) < 1e15 else { return formatSignificant(value, digits: 3) }
    return String(Int64(value))
}
