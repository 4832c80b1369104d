import BackpropCommandLine

// The whole command tree lives in the BackpropCommandLine library, so a package
// that registers components of its own can hand over to the same commands.
BackpropCommand.main()
