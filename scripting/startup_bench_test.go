package scripting

import (
	"context"
	"strconv"
	"testing"

	"github.com/courier-run/courier/scripting/jslib"
	"github.com/dop251/goja"
)

// The start-up of a run, piece by piece: what a one-request run pays once.
// A run compiles the bootstrap and its eager parts once per process
// (BenchmarkBootstrapCompile), creates one Engine (BenchmarkNewEngine) and
// compiles each script the first time it runs (BenchmarkFirstScript). Parts are compiled only when a script
// needs them (BenchmarkPartCompile).

// BenchmarkBootstrapCompile is what a run waits for before its first Engine:
// the bootstrap and its eager parts, compiled at the same time (ns/op is the
// wall time; the CPU clock adds up both cores).
func BenchmarkBootstrapCompile(b *testing.B) {
	srcs := map[string]string{}
	for _, name := range eagerParts {
		src, err := partFiles.ReadFile("js/parts/" + name + ".js")
		if err != nil {
			b.Fatal(err)
		}
		srcs[name] = string(src)
	}
	cpu := startCPUClock()
	for range b.N {
		_, err := compileBootstrapBeside(func(name string) {
			if _, err := goja.Compile(name, srcs[name], false); err != nil {
				panic(err)
			}
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	cpu.report(b)
}

func BenchmarkPartCompile(b *testing.B) {
	for name := range parts {
		src, err := partFiles.ReadFile("js/parts/" + name + ".js")
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			cpu := startCPUClock()
			for range b.N {
				if _, err := goja.Compile(name, string(src), false); err != nil {
					b.Fatal(err)
				}
			}
			cpu.report(b)
		})
	}
}

// BenchmarkFirstScript is a fresh Engine running a typical test script it
// has not seen before (the bootstrap is already compiled, as it is after
// the first Engine of a process).
func BenchmarkFirstScript(b *testing.B) {
	if _, err := bootstrapProgram(); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	src := `const j = pm.response.json(); pm.test("status", () => pm.response.to.have.status(200)); pm.test("id", () => pm.expect(j.id).to.be.a("string")); pm.environment.set("id", j.id);`
	cpu := startCPUClock()
	for i := range b.N {
		e, err := NewEngine(Options{})
		if err != nil {
			b.Fatal(err)
		}
		// A new source each time, so the script is compiled each time.
		x := testExec("test", src+"//"+strconv.Itoa(i))
		x.Response = &Response{Code: 200, Status: "OK", Body: []byte(`{"id":"u1"}`)}
		if r := e.Run(ctx, x); r.Err != nil || len(r.Tests) != 2 || !r.Tests[0].Passed || !r.Tests[1].Passed {
			b.Fatalf("%+v", r)
		}
		e.Close()
	}
	cpu.report(b)
}

// BenchmarkFirstFailure is a fresh Engine whose first script fails one
// assertion: worded in Go (failure.go) for a primitive, or by chai for an
// object, which loads chai into the engine (its compile, once per process,
// is BenchmarkChaiCompile).
func BenchmarkFirstFailure(b *testing.B) {
	if _, err := bootstrapProgram(); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for _, c := range []struct{ name, src string }{
		{"native", `pm.test("t", () => pm.expect(pm.response.json().id).to.eql("u2"));`},
		{"chai", `pm.test("t", () => pm.expect(pm.response.json()).to.eql({id: "u2"}));`},
	} {
		b.Run(c.name, func(b *testing.B) {
			cpu := startCPUClock()
			for range b.N {
				e, err := NewEngine(Options{})
				if err != nil {
					b.Fatal(err)
				}
				x := testExec("test", c.src)
				x.Response = &Response{Code: 200, Status: "OK", Body: []byte(`{"id":"u1"}`)}
				if r := e.Run(ctx, x); r.Err != nil || len(r.Tests) != 1 || r.Tests[0].Passed {
					b.Fatalf("%+v", r)
				}
				e.Close()
			}
			cpu.report(b)
		})
	}
}

// BenchmarkChaiCompile is what the first chai-worded failure of a process
// pays before chai can run.
func BenchmarkChaiCompile(b *testing.B) {
	src, ok := jslib.Source("chai")
	if !ok {
		b.Fatal("no chai")
	}
	wrapped := "(function(exports, require, module, __filename, __dirname){" + src + "\n})"
	cpu := startCPUClock()
	for range b.N {
		if _, err := goja.Compile("chai", wrapped, false); err != nil {
			b.Fatal(err)
		}
	}
	cpu.report(b)
}
