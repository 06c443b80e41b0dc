package scripting

import (
	"strings"
	"testing"
)

// TestMayTakeMethods: the look at a script's text that installs the pass
// running postman-collection's own methods for a this that is not ours
// (fnshapes.go). A method named and called in place needs nothing; one
// read as a value, or called through call/apply/bind, does.
func TestMayTakeMethods(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		src  string
		want bool
	}{
		{`pm.response.to.have.status(200); const j = pm.response.json(); pm.environment.set('a', j.id);`, false},
		{`pm.request.headers.get ('X-A'); pm.request.url.toString()`, false},
		{`pm.response.to.be.json; pm.expect(x).to.has.length(2)`, false},
		{`pm.expect(body.items.length).to.equal(2)`, false},
		{`const f = pm.request.headers.one; f('k')`, true},
		{`[1].map(pm.variables.replaceIn)`, true},
		{`pm.request.headers.count.call({members: []})`, true},
		{`var s = pm.response.text.apply(other)`, true},
		{`var g = obj.get\n.bind(obj)`, true},
		{`pm.expect(jsonData.count).to.eql(3)`, true}, // errs towards yes: a response's own count
		{`var a = x.length; var b = y.members;`, false},
		// pm.variables is a scope, not Collection#variables taken off.
		{`pm.variables.set("runName", "pop-" + pm.info.iteration); const v = pm.variables; pm.variables .get('a')`, false},
		{`const f = collection.variables`, true},
	} {
		if got := mayTakeMethods(c.src); got != c.want {
			t.Errorf("mayTakeMethods(%q) = %v, want %v", c.src, got, c.want)
		}
	}
}

// TestLibraryWords: goja's "Object has no member" thrown inside a bundled
// library is worded as V8 words it, from the library's source at the
// frame's place.
func TestLibraryWords(t *testing.T) {
	t.Parallel()
	stack := "TypeError: Object has no member 'one'\n\tat get (/node_modules/postman-collection/index.js:47:332027(12))\n\tat apply (native)\n"
	file, line, col, ok := firstFrame(stack)
	if !ok || file != "/node_modules/postman-collection/index.js" || line != 47 || col != 332027 {
		t.Fatalf("firstFrame = %q %d %d %v", file, line, col, ok)
	}
	if got, ok := libraryWords("Object has no member 'one'", file, line, col); !ok || got != "this.one is not a function" {
		t.Errorf("libraryWords = %q %v, want this.one is not a function", got, ok)
	}
	// PropertyList#remove unbound: goja refuses `e instanceof this.Type`
	// at its left operand, V8 names the instanceof.
	if got, ok := libraryWords("Value is not an object: undefined", file, 47, 330528); !ok || got != "Right-hand side of 'instanceof' is not an object" {
		t.Errorf("libraryWords at remove's instanceof = %q %v", got, ok)
	}
	for _, c := range []struct{ msg, file string }{
		{"Object has no member 'one'", "courier-script"},
		{"Object has no member 'one'", "/node_modules/no-such-module/index.js"},
		{"Cannot read property 'x' of undefined", "/node_modules/postman-collection/index.js"},
	} {
		if got, ok := libraryWords(c.msg, c.file, line, col); ok {
			t.Errorf("libraryWords(%q, %q) = %q, want no rewording", c.msg, c.file, got)
		}
	}
}

// TestMethodsOnOtherObjectsAsNewman runs the shapes' methods unbound and
// through call on other objects, as fresh-round10s-a recorded Newman 6.2.2
// answering: each is postman-collection's method then, reading what it
// finds; the legacy postman methods and pm.expect's fail in their own
// words. Methods called on their own objects still answer as before.
func TestMethodsOnOtherObjectsAsNewman(t *testing.T) {
	t.Parallel()
	src := `function p(label, f) { let v; try { v = f(); v = typeof v === 'string' ? v : v === undefined ? 'undefined' : JSON.stringify(v); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(label + ' ' + v, () => {}); }
const H = pm.request.headers, U = pm.request.url, R = pm.request, S = pm.response;
const plain = { members: [{ key: 'a', value: '1' }], reference: { a: { key: 'a', value: '1' } } };
p('count', () => H.count.call(plain));
p('get', () => H.get.call(plain, 'a'));
p('one', () => H.one.call(plain, 'a'));
p('unbound one', () => { const f = H.one; return f('k'); });
p('unbound all', () => { const f = H.all; return f(); });
p('url toString', () => U.toString.call({ protocol: 'https', host: ['a'] }));
p('url getHost', () => U.getHost.call({ host: ['a', 'b'] }));
p('unbound url toString', () => { const f = U.toString; return f(); });
p('request toJSON', () => R.toJSON.call({ a: 1, _b: 2 }));
p('response json', () => S.json.call(R));
p('response reason', () => S.reason.call({ status: 'Fine' }));
p('unbound getEnvironmentVariable', () => { const f = postman.getEnvironmentVariable; return f('k'); });
p('unbound setGlobalVariable', () => { const f = postman.setGlobalVariable; return f('k', 1); });
p('getEnvironmentVariable length', () => postman.getEnvironmentVariable.length);
p('unbound equal', () => { const f = pm.expect(1).to.equal; return f(1); });
p('bound', () => [H.count(), H.get('x-trace'), U.getHost(), S.reason(), postman.getEnvironmentVariable('e')]);
pm.expect(1).to.equal(1);`
	checkTestNames(t, src, []string{
		"count 1",
		"get E:TypeError: this.one is not a function",
		`one {"key":"a","value":"1"}`,
		"unbound one E:TypeError: Cannot read properties of undefined (reading 'k')",
		"unbound all undefined",
		"url toString E:TypeError: this.getHost is not a function",
		"url getHost a.b",
		"unbound url toString ",
		`request toJSON {"a":1,"_b":2}`,
		"response json E:TypeError: this.text is not a function",
		"response reason Fine",
		"unbound getEnvironmentVariable E:TypeError: Cannot read properties of undefined (reading '__execution')",
		"unbound setGlobalVariable E:TypeError: Cannot read properties of undefined (reading '__globals')",
		"getEnvironmentVariable length 1",
		"unbound equal E:TypeError: this.assert is not a function",
		`bound [2,"t1","api.example.com","OK","env"]`,
	})
}

// TestTakenMethodsInstallOnce: a script that takes no method leaves the
// prototypes as they are (no pass, no module), one that does installs the
// pass once per engine.
func TestTakenMethodsInstallOnce(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	runJS(t, e, testExec("test", `pm.test('x', () => pm.expect(pm.request.headers.get('X-Trace')).to.equal('t1'));`))
	if e.protoShapesInstalled || strings.Contains(strings.Join(e.partsLoaded, ","), "proto-shapes") {
		t.Fatalf("a script that takes no method installed the pass: %v", e.partsLoaded)
	}
	runJS(t, e, testExec("test", `const f = pm.request.headers.count; pm.test(String(f.call({members: [1, 2]})), () => {});`))
	if !e.protoShapesInstalled {
		t.Fatal("a script that takes a method did not install the pass")
	}
}
