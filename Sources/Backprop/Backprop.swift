// The umbrella: `import Backprop` gives a plugin every layer of the library,
// as swift-collections' `Collections` module does for its parts.
@_exported import BackpropCommands
