package scripting

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

// hostileScripts are scripts that once took the whole process down (a Go
// stack overflow is fatal, not recoverable) or hung in native code. Each
// must end as that script's error, or run to the end, and leave the engine
// able to run the next script.
var hostileScripts = []struct {
	name, src string
	errName   string // the JS error name the script fails with; "" when it may end either way
}{
	{"String(Buffer.prototype)", `String(Buffer.prototype)`, "TypeError"},
	{"Buffer method on its prototype", `Buffer.prototype.toString.call(Buffer.prototype)`, "TypeError"},
	{"every Buffer method on its prototype", `for (const k of Object.getOwnPropertyNames(Buffer.prototype)) { const f = Buffer.prototype[k]; if (typeof f === 'function' && k !== 'constructor') { try { f.call(Buffer.prototype) } catch (e) { if (!(e instanceof TypeError)) throw e } } }`, ""},
	{"caught TypeError from a Buffer method", `try { String(Buffer.prototype) } catch (e) { if (e.name !== 'TypeError') throw e }`, ""},
	// The RangeError, renamed JSONError as Postman's sandbox (liquid-json)
	// renames whatever JSON.stringify throws; Newman 6.2.2 says the same.
	{"deep JSON.stringify", `let a = []; for (let i = 0; i < 200000; i++) a = [a]; JSON.stringify(a)`, "JSONError"},
	{"deep JSON.stringify through toJSON", `let a = []; for (let i = 0; i < 200000; i++) a = [a]; JSON.stringify({toJSON() { return a }})`, "JSONError"},
	{"deep JSON.stringify with a property list", `let a = {a: 1}; for (let i = 0; i < 200000; i++) a = {a}; JSON.stringify(a, ['a'])`, "JSONError"},
	// Values that change between reads: the depth is counted on what is
	// serialized, so a getter, toJSON or toISOString that hands back a deep
	// value on a later read is still caught.
	{"getter deeper on its second read", `let a = {}; for (let i = 0; i < 200000; i++) a = {a}; let n = 0; JSON.stringify({get x() { return ++n > 1 ? a : 1 }})`, ""},
	{"getter deeper on its second read, property list", `let a = {}; for (let i = 0; i < 200000; i++) a = {a}; let n = 0; JSON.stringify({get x() { return ++n > 1 ? a : 1 }}, ['x', 'a'])`, ""},
	{"inherited toJSON getter on arrays", `let a = {}; for (let i = 0; i < 200000; i++) a = {a}; let n = 0; Object.defineProperty(Array.prototype, 'toJSON', {configurable: true, get() { return ++n > 1 ? () => a : undefined }}); try { JSON.stringify([1]) } finally { delete Array.prototype.toJSON }`, ""},
	{"Date.prototype.toISOString returning a deep value", `let a = {}; for (let i = 0; i < 200000; i++) a = {a}; const o = Date.prototype.toISOString; Date.prototype.toISOString = () => a; try { JSON.stringify({d: new Date(0)}) } finally { Date.prototype.toISOString = o }`, ""},
	{"function toJSON on Function.prototype", `let a = {}; for (let i = 0; i < 200000; i++) a = {a}; Function.prototype.toJSON = () => a; try { JSON.stringify(function () {}) } finally { delete Function.prototype.toJSON }`, ""},
	{"console.log, structuredClone, deep equality, variables with a changing getter", `let a = {}; for (let i = 0; i < 200000; i++) a = {a}; let n = 0; const o = {get x() { return ++n > 2 ? a : 1 }};
for (const f of [() => console.log(o), () => structuredClone(o), () => pm.expect(o).to.eql({x: 1}), () => pm.expect(o).to.deep.include({x: 1}), () => pm.environment.set('v', o), () => pm.variables.set('v', o), () => Buffer.from(JSON.stringify(o)), () => String(o), () => pm.expect(o).to.have.property('x')]) { n = 0; try { f() } catch (e) {} }
for (const f of [() => pm.expect(a).to.be.an('object'), () => pm.expect([a]).to.be.an('array'), () => pm.expect(a).to.be.a('boolean'), () => new Intl.NumberFormat([a]), () => new Intl.DateTimeFormat([a]), () => 'x'.localeCompare('y', [a]), () => pm.expect(a).to.include({a}), () => console.log(a), () => structuredClone(a), () => pm.expect(a).to.eql(a), () => pm.expect(a).to.eql({}), () => pm.collectionVariables.set('v', a)]) { try { f() } catch (e) {} }`, ""},
	{"deep JSON.parse", `JSON.parse('['.repeat(300000) + ']'.repeat(300000))`, "RangeError"},
	{"deep JSON.parse with a reviver", `JSON.parse('['.repeat(300000) + ']'.repeat(300000), (k, v) => v)`, "RangeError"},
	{"deep object into a variable", `let a = {}; for (let i = 0; i < 200000; i++) a = {a}; pm.environment.set('deep', a)`, ""},
	{"proxy recursion", `const p = new Proxy({}, {get(t, k) { return String(p) }}); String(p)`, "RangeError"},
	{"getter calling back into a native", `const o = {toString() { return pm.environment.get(o) }}; pm.environment.get(o)`, "RangeError"},
	{"runaway recursion", `function f() { return f() } f()`, "RangeError"},
	// A try statement's body runs through a native (catchfix.go): every
	// level of such a recursion is a Go call too.
	{"recursion through try statements", `function f() { try { f() } catch (e) { throw e } } f()`, "RangeError"},
	{"recursion returning through try statements", `function f(n) { try { return f(n + 1) } catch (e) { return n } } if (!(f(0) > 0)) throw new Error('no depth')`, ""},
	{"recursion through pm.test", `function f() { pm.test('t', f) } f()`, ""},
	// WebCrypto natives run to the end once started: their sizes are bounded.
	{"huge RSA modulus", `crypto.subtle.generateKey({name: 'RSA-PSS', modulusLength: 1 << 20, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256'}, true, ['sign']).then(() => { throw new Error('generated') }, e => { if (e.name !== 'OperationError') throw e })`, ""},
	{"huge PBKDF2 iteration count", `crypto.subtle.importKey('raw', new Uint8Array(4), 'PBKDF2', false, ['deriveBits']).then(k => crypto.subtle.deriveBits({name: 'PBKDF2', salt: new Uint8Array(4), iterations: 1e12, hash: 'SHA-256'}, k, 256)).then(() => { throw new Error('derived') }, e => { if (e.name !== 'OperationError') throw e })`, ""},
	{"huge derived length", `crypto.subtle.importKey('raw', new Uint8Array(4), 'HKDF', false, ['deriveBits']).then(k => crypto.subtle.deriveBits({name: 'HKDF', salt: new Uint8Array(4), info: new Uint8Array(0), hash: 'SHA-256'}, k, 1 << 30)).then(() => { throw new Error('derived') }, e => { if (e.name !== 'OperationError') throw e })`, ""},
	{"webcrypto with hostile arguments", `const s = crypto.subtle, bad = [undefined, null, {}, 'x', new Proxy({}, {get() { throw new Error('trap') }}), {name: 'AES-GCM', iv: 5}, {name: 'RSA-OAEP', hash: {name: {}}}];
for (const op of ['encrypt', 'decrypt', 'sign', 'verify', 'digest', 'generateKey', 'deriveKey', 'deriveBits', 'importKey', 'exportKey', 'wrapKey', 'unwrapKey']) for (const a of bad) for (const b of bad) { try { const p = s[op](a, b, b, a, b, a, b); if (p && p.then) p.then(() => {}, () => {}) } catch (e) {} }`, ""},
	// Every function reachable from the sandbox's globals, called with
	// hostile receivers and arguments: a proxy that throws on every trap,
	// an object whose toString calls the function again, a deep array.
	{"every function with hostile receivers", `
const seen = new Set(), fns = [];
const skip = /^(setTimeout|setInterval|setImmediate|queueMicrotask|require|eval|Function|AsyncFunction|GeneratorFunction)$/;
(function walk(o, depth, path) {
  if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o) || depth > 3) return;
  seen.add(o);
  for (const k of Object.getOwnPropertyNames(o)) {
    if (skip.test(k) || k === 'constructor' || k === 'caller' || k === 'arguments') continue;
    let v; try { v = o[k] } catch (e) { continue }
    if (typeof v === 'function') fns.push([path + '.' + k, v, o]);
    walk(v, depth + 1, path + '.' + k);
  }
})({pm, Buffer, URL, JSON, _: typeof _ === 'undefined' ? undefined : undefined, xml2Json, atob, btoa, TextEncoder, TextDecoder, structuredClone}, 0, '');
const trap = new Proxy({}, {get() { throw new Error('trap') }, ownKeys() { throw new Error('trap') }, getPrototypeOf() { throw new Error('trap') }});
let deep = []; for (let i = 0; i < 20000; i++) deep = [deep];
let called = 0;
for (const [name, f, self] of fns) {
  const loop = {toString() { return f.call(self, loop) }, valueOf() { return f.call(self, loop) }};
  for (const recv of [undefined, Buffer.prototype, trap, loop, self]) {
    for (const args of [[], [trap], [loop], [deep]]) {
      try { const r = f.apply(recv, args); if (r && typeof r.then === 'function') r.then(() => {}, () => {}); } catch (e) {}
      called++;
    }
  }
}
if (called < 500) throw new Error('only ' + called + ' calls');
`, ""},
}

// TestHostileScripts runs the cases in a child process with a small Go stack
// and a memory cap, so that a regression fails this test (the child dies)
// instead of the whole test binary or the machine.
func TestHostileScripts(t *testing.T) {
	if os.Getenv("COURIER_HOSTILE_CHILD") == "1" {
		hostileChild(t)
		return
	}
	t.Parallel()
	// A hang guard only: the child takes about 50 s alone at load 30 and
	// over 100 s beside the package's other tests at load 22 (2 shared
	// cores), so the limit sits well beyond what load explains.
	ctx, cancel := context.WithTimeout(context.Background(), 6*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestHostileScripts$", "-test.v")
	cmd.Env = append(os.Environ(), "COURIER_HOSTILE_CHILD=1", "GOMEMLIMIT=768MiB")
	out, err := cmd.CombinedOutput()
	if err != nil {
		last := "(none)"
		if i := strings.LastIndex(string(out), "hostile case: "); i >= 0 {
			last, _, _ = strings.Cut(string(out[i+len("hostile case: "):]), "\n")
		}
		t.Fatalf("the hostile scripts took the process down: %v\nlast case started: %s\n%s", err, last, tail(string(out), 4000))
	}
	if !strings.Contains(string(out), "--- PASS: TestHostileScripts") {
		t.Fatalf("child did not pass:\n%s", tail(string(out), 4000))
	}
}

func hostileChild(t *testing.T) {
	// 64 MB of Go stack instead of 1 GB: a recursion that escapes the
	// guards overflows in a fraction of a second. The address-space cap
	// bounds whatever else goes wrong.
	debug.SetMaxStack(64 << 20)
	capAddressSpace(6 << 30)
	// The script limit is a hang guard too: the widest case (every function
	// with hostile receivers) took 15 s at load 30.
	e, _ := newTestEngine(t, Options{Timeout: 90 * time.Second})
	// A tenth of the usual JS call depth: recursion cases end sooner, and
	// Go stack use per JS frame is what is being tested, not the count.
	e.rt.SetMaxCallStackSize(maxCallStack / 10)
	for _, c := range hostileScripts {
		// Written at once (not through t.Log): a fatal error loses the
		// test's buffered output, and the parent names the last case.
		fmt.Fprintln(os.Stderr, "hostile case: "+c.name)
		r := e.Run(context.Background(), testExec("test", c.src))
		var se *ScriptError
		switch {
		case c.errName == "" && r.Err != nil && !errors.As(r.Err, &se):
			t.Errorf("%s: not a script error: %v", c.name, r.Err)
		case c.errName != "" && (!errors.As(r.Err, &se) || se.Name != c.errName):
			t.Errorf("%s: want a %s, got %v", c.name, c.errName, r.Err)
		}
		// The engine still runs scripts.
		r = e.Run(context.Background(), testExec("test", `pm.test("after", () => pm.expect(JSON.stringify({a: [1]})).to.equal('{"a":[1]}'))`))
		if r.Err != nil || len(r.Tests) != 1 || !r.Tests[0].Passed {
			t.Fatalf("%s: the next script failed: %v %+v", c.name, r.Err, r.Tests)
		}
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// TestNativePanicIsScriptError: a Go panic inside a function a script calls
// fails that script with a message, and the engine goes on.
func TestNativePanicIsScriptError(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{Console: func(l ConsoleLine) {
		if strings.Contains(l.Text, "boom") {
			panic("boom from Go")
		}
	}})
	r := e.Run(context.Background(), testExec("test", `console.log("boom")`))
	var se *ScriptError
	if !errors.As(r.Err, &se) || !strings.Contains(se.Msg, "boom from Go") {
		t.Fatalf("want the panic as a script error, got %v", r.Err)
	}
	r = e.Run(context.Background(), testExec("test", `console.log("fine"); pm.test("t", () => {})`))
	if r.Err != nil || len(r.Tests) != 1 {
		t.Fatalf("engine unusable after a panic: %v", r.Err)
	}
}

// TestJSONWrappersKeepBehaviour: the depth guards leave JSON's results
// alone, replacers, toJSON and indentation included.
func TestJSONWrappersKeepBehaviour(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	src := `
const d = new Date(0);
const cases = [
  [JSON.stringify({a: [1, {b: 2}], d}), '{"a":[1,{"b":2}],"d":"1970-01-01T00:00:00.000Z"}'],
  [JSON.stringify({a: 1, b: {a: 2, c: 3}}, ['a', 'b']), '{"a":1,"b":{"a":2}}'],
  [JSON.stringify({a: 1, b: 2}, (k, v) => k === 'b' ? undefined : v), '{"a":1}'],
  [JSON.stringify([1, [2]], null, 1), '[\n 1,\n [\n  2\n ]\n]'],
  [JSON.stringify({toJSON(k) { return {k} }}), '{"k":""}'],
  [JSON.stringify("s"), '"s"'],
  [String(JSON.stringify(undefined)), 'undefined'],
  [JSON.stringify(5, (k, v) => v + 1), '6'],
  [JSON.stringify(JSON.parse('[[[[1]]]]')), '[[[[1]]]]'],
  [JSON.stringify({b: 1, a: {b: 2, c: 3}, c: 4}, ['c', 'a', 'b', 'a', 7, {}]), '{"c":4,"a":{"c":3,"b":2},"b":1}'],
  [JSON.stringify({d: new Date(0), e: {d: 1}}, ['d', 'e']), '{"d":"1970-01-01T00:00:00.000Z","e":{"d":1}}'],
  [JSON.stringify([undefined, function () {}, , 1]), '[null,null,null,1]'],
  [JSON.stringify({a: [1, {b: undefined, c: Symbol()}]}), '{"a":[1,{}]}'],
  [JSON.stringify({b: 1, 2: 2, 1: 1}), '{"1":1,"2":2,"b":1}'],
  [JSON.stringify({b: 1, 2: 2, 1: 1}, ['b', '2', 1]), '{"b":1,"2":2,"1":1}'],
  [JSON.stringify(Object.assign(Object.create(null), {a: [true, null]})), '{"a":[true,null]}'],
  [(() => { let n = 0; const o = {get x() { return ++n }}; return JSON.stringify(o) + n })(), '{"x":1}1'],
  [(() => { const a = [1]; a.toJSON = () => 'A'; return JSON.stringify({a}) })(), '{"a":"A"}'],
  [JSON.stringify({a: new Number(3), s: new String('x')}), '{"a":3,"s":"x"}'],
];
cases.forEach(([got, want], i) => pm.test("case " + i, () => pm.expect(got).to.equal(want)));
let threw = ''; try { const c = {}; c.c = c; JSON.stringify(c) } catch (e) { threw = e.name + '|' + (e instanceof TypeError) }
// A TypeError that Postman's sandbox (liquid-json) renames JSONError.
pm.test("cycle", () => pm.expect(threw).to.equal('JSONError|true'));
`
	r := e.Run(context.Background(), testExec("test", src))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	for _, tr := range r.Tests {
		if !tr.Passed {
			t.Errorf("%s: %s", tr.Name, tr.Error)
		}
	}
	if len(r.Tests) != 20 { // 19 cases and the cycle
		t.Fatalf("ran %d tests", len(r.Tests))
	}
}
