import BackpropCore

/// A problem with a component's settings found while building it (say,
/// starting weights of the wrong shape for the data); the caller adds the
/// position when it knows one.
public struct ComponentError: BadInputError {
    public var description: String
    public init(_ description: String) { self.description = terminalSafe(description) }
}

/// "unknown optimizer 'adma' (did you mean 'adam'?); known: adagrad, adam, ..."
package func unknownNameMessage(_ kind: String, _ name: String, known: [String]) -> String {
    let suggestion = didYouMean(name, in: known)
    return "unknown \(kind) '\(name)'\(suggestion); known: \(known.sorted().joined(separator: ", "))"
}

/// "unknown key 'lrr' in sgd settings (did you mean 'lr'?); known: dampening, lr, ..."
package func unknownKeyMessage(_ key: String, in what: String, known: [String]) -> String {
    let suggestion = didYouMean(key, in: known)
    let list = known.isEmpty ? "it takes no settings" : "known: \(known.sorted().joined(separator: ", "))"
    return "unknown key '\(key)' in \(what)\(suggestion); \(list)"
}
