import BackpropPlatform

/// Stops on a shape mismatch inside the library: a programming error, since
/// shapes that come from a user are validated before they reach a matrix.
/// Unlike `precondition`, whose message optimized builds drop, this prints
/// the message in every build, so the cause of the stop is never lost.
@inline(__always)
package func requireShape(_ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) {
    if !condition { fatalError(message(), file: file, line: line) }
}
