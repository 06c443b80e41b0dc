package scripting

// Warm compiles the sandbox's bootstrap code ahead of the first Engine, so
// a caller can overlap that work (tens of milliseconds) with its own start-up
// (loading files, opening connections). Safe to call from any goroutine,
// any number of times.
func Warm() { _, _ = bootstrapProgram() }
