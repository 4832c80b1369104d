import BackpropCommandLine
import ExamplePlugin

// Every backprop command, with the plugin's components beside the built-in ones.
BackpropCommand.main(plugins: [examplePlugin])
