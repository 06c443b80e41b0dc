package scripting

import (
	"embed"
	"fmt"
	"sync"

	"github.com/dop251/goja"
)

// The bootstrap's parts: code the sandbox compiles only when a script first
// reaches it (see "parts" in js/bootstrap.js). Compiling the bootstrap is
// most of a short run's start-up, and most runs never print to the console,
// fail an assertion into chai, open the cookie jar or use crypto.subtle.
//
//go:embed js/parts/*.js
var partFiles embed.FS

type partProgram struct {
	once sync.Once
	prog *goja.Program
	err  error
}

// parts lists every part; a name not listed here cannot be loaded.
var parts = map[string]*partProgram{
	"inspect":      {},
	"chai-postman": {},
	"cookie-jar":   {},
	"webcrypto":    {},
}

// partProgramFor compiles the named part once per process: goja Programs
// are immutable and run in any number of runtimes.
func partProgramFor(name string) (*goja.Program, error) {
	p, ok := parts[name]
	if !ok {
		return nil, fmt.Errorf("sandbox bootstrap: unknown part %q", name)
	}
	p.once.Do(func() {
		file := "courier-bootstrap/" + name + ".js"
		src, err := partFiles.ReadFile("js/parts/" + name + ".js")
		if err != nil {
			p.err = fmt.Errorf("sandbox bootstrap: %w", err)
			return
		}
		p.prog, p.err = goja.Compile(file, string(src), false)
	})
	return p.prog, p.err
}

// part evaluates the named part in the engine's runtime and returns its
// function (the bootstrap calls it with the values the part needs and
// caches what it returns).
func (e *Engine) part(name string) goja.Value {
	// A part belongs to the sandbox's set-up, which Postman does before any
	// script starts: compiling it does not count against the script's
	// timeout (as with Sugar).
	e.watch.pause()
	prog, err := partProgramFor(name)
	e.watch.resume()
	if err != nil {
		panic(e.rt.NewGoError(err))
	}
	e.partsLoaded = append(e.partsLoaded, name)
	v, err := e.rt.RunProgram(prog)
	if err != nil {
		// An interrupt (timeout, memory) or a JS exception: goja rethrows
		// either into the script that needed the part.
		panic(err)
	}
	return v
}
