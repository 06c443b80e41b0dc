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
	"inspect":        {},
	"chai-postman":   {},
	"cookie-jar":     {},
	"webcrypto":      {},
	"builtins":       {},
	"text-codec":     {},
	"rewrites":       {},
	"regexp":         {},
	"atomics":        {},
	"annexb":         {},
	"iterator":       {},
	"using":          {},
	"jsonsource":     {},
	"weak":           {},
	"sendrequest":    {},
	"scope-members":  {},
	"legacy-postman": {},
	"request-auth":   {},
	"pm-extras":      {},
	"cookie-text":    {},
	"sdk-classes":    {},
	"pm-members":     {},
	"fn-shapes":      {},
	"proto-shapes":   {},
	"response-info":  {},
	"top-this":       {},
	"url-parse":      {},
	// Eager parts: see eagerParts.
	"postman-shapes": {},
}

// eagerParts are parts that every engine runs while its bootstrap runs (the
// bootstrap calls host.eagerPart where their code used to stand). They are
// separate programs only so that their compiles and the bootstrap's run at
// the same time, on two cores: compiling the bootstrap is the largest single
// cost of a short run, and goja compiles a program on one goroutine.
var eagerParts = []string{"postman-shapes"}

// compileBootstrap compiles the bootstrap while the eager parts compile on
// other goroutines, and returns when all of them are done.
func compileBootstrap() (*goja.Program, error) {
	return compileBootstrapBeside(func(name string) { _, _ = partProgramFor(name) })
}

// compileBootstrapBeside compiles the bootstrap while compilePart runs for
// each eager part on goroutines of its own (BenchmarkBootstrapCompile
// passes a compile that is not cached).
func compileBootstrapBeside(compilePart func(name string)) (*goja.Program, error) {
	var wg sync.WaitGroup
	for _, name := range eagerParts {
		wg.Add(1)
		go func() { defer wg.Done(); compilePart(name) }()
	}
	prog, err := goja.Compile("courier-bootstrap.js", bootstrapSource, false)
	wg.Wait()
	return prog, err
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

// eagerPart evaluates an eager part (compiled beside the bootstrap) and
// returns its function. Unlike part, it is not recorded in partsLoaded:
// every engine runs it.
func (e *Engine) eagerPart(name string) goja.Value {
	prog, err := partProgramFor(name)
	if err != nil {
		panic(e.rt.NewGoError(err))
	}
	v, err := e.rt.RunProgram(prog)
	if err != nil {
		panic(err)
	}
	return v
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
	if hook := partHooks[name]; hook != nil {
		hook(e)
	}
	v, err := e.rt.RunProgram(prog)
	if err != nil {
		// An interrupt (timeout, memory) or a JS exception: goja rethrows
		// either into the script that needed the part.
		panic(err)
	}
	return v
}

// partHooks give a part the Go functions it needs, only in engines that
// load it (the bootstrap's host object is made for every engine).
var partHooks = map[string]func(*Engine){
	"rewrites": (*Engine).defineAsyncGenFromText,
	"atomics":  (*Engine).defineShareBuffer,
	"request-auth": func(e *Engine) {
		_ = e.host.Set("proxyURL", e.proxyURL)
	},
}
