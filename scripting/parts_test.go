package scripting

import (
	"context"
	"io/fs"
	"slices"
	"strings"
	"testing"
)

// TestPartsCompile checks that every file in js/parts is listed in parts and
// compiles, and that every listed part has its file: a part that fails to
// compile would only show when a script first needs it.
func TestPartsCompile(t *testing.T) {
	t.Parallel()
	files, err := fs.Glob(partFiles, "js/parts/*.js")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, strings.TrimSuffix(strings.TrimPrefix(f, "js/parts/"), ".js"))
	}
	for _, n := range names {
		if _, ok := parts[n]; !ok {
			t.Errorf("js/parts/%s.js is not listed in parts", n)
		}
	}
	for n := range parts {
		if !slices.Contains(names, n) {
			t.Errorf("part %q has no file js/parts/%s.js", n, n)
			continue
		}
		if _, err := partProgramFor(n); err != nil {
			t.Errorf("part %q: %v", n, err)
		}
	}
	if _, err := partProgramFor("nope"); err == nil {
		t.Error("an unknown part loaded")
	}
}

// TestPartsLoadOnFirstUse checks that a run whose scripts pass their
// assertions and print nothing evaluates no part, and that each part is
// loaded by the first script that needs it, once per engine.
func TestPartsLoadOnFirstUse(t *testing.T) {
	t.Parallel()
	e, rec := newTestEngine(t, Options{})
	ctx := context.Background()
	steps := []struct {
		src  string
		want []string
	}{
		{`pm.test("s", () => { pm.response.to.have.status(200); pm.expect(pm.response.json().id).to.be.a("string"); pm.expect(1).to.eql(1); });
		  pm.environment.set("a", "b"); pm.request.headers.add({key: "k", value: "v"}); typeof console.log; Object.keys(pm.cookies);`, nil},
		{`console.log({a: [1, "x"]}, "%s!", "y");`, []string{"inspect"}},
		{`console.info("again");`, []string{"inspect"}},
		// Common failures on primitives are worded without chai
		// (failure.go); the first that needs chai loads it.
		{`pm.test("fails", () => pm.expect("x").to.eql("y"));`, []string{"inspect"}},
		{`pm.test("fails", () => pm.response.to.have.status(201));`, []string{"inspect"}},
		{`pm.test("fails", () => pm.expect({a: 1}).to.eql({a: 2}));`, []string{"inspect", "chai-postman"}},
		{`pm.test("fails", () => pm.response.to.have.status(202));`, []string{"inspect", "chai-postman"}},
		{`pm.cookies.jar(); pm.cookies.jar();`, []string{"inspect", "chai-postman", "cookie-jar"}},
		{`typeof crypto.subtle.digest; Object.keys(crypto); crypto.randomUUID();`, []string{"inspect", "chai-postman", "cookie-jar"}},
		{`crypto.subtle.digest("SHA-256", new Uint8Array([1])).then((d) => pm.test("digest", () => pm.expect(d.byteLength).to.equal(32)));`,
			[]string{"inspect", "chai-postman", "cookie-jar", "webcrypto"}},
		// Newer built-ins are stubs of their name and length until called.
		{`if (Object.groupBy.name + Object.groupBy.length + typeof [].values().flatMap !== "groupBy2function") { throw new Error("stub shape"); }`,
			[]string{"inspect", "chai-postman", "cookie-jar", "webcrypto"}},
		{`if ([1, 2].values().map((x) => x * 2).toArray().join() !== "2,4" || RegExp.escape("a.") !== "\\x61\\.") { throw new Error("builtins"); }`,
			[]string{"inspect", "chai-postman", "cookie-jar", "webcrypto", "builtins"}},
		// TextEncoder and TextDecoder keep their shape (Node 24's lengths: 0); their code loads on first use.
		// Naming prototype could show the sandbox's sloppy functions' own members and
		// pm's objects' prototypes (fnshapes.go).
		{`if (new TextEncoder().encode("é").length !== 2 || TextDecoder.length + TextDecoder.prototype.decode.length !== 0 || new TextEncoder().encoding !== "utf-8") { throw new Error("codec stubs"); }`,
			[]string{"inspect", "chai-postman", "cookie-jar", "webcrypto", "builtins", "proto-shapes", "fn-shapes"}},
		{`if (new TextDecoder("utf-16be").decode(new Uint8Array([0, 104])) !== "h") { throw new Error("codec"); }`,
			[]string{"inspect", "chai-postman", "cookie-jar", "webcrypto", "builtins", "proto-shapes", "fn-shapes", "text-codec"}},
		// What rewritten scripts call (async generators, for await, some
		// regular expression literals) loads on first call.
		{`if (typeof __courierAsyncGen + __courierAsyncGen.length !== "function3") { throw new Error("rewrite stubs"); }`,
			[]string{"inspect", "chai-postman", "cookie-jar", "webcrypto", "builtins", "proto-shapes", "fn-shapes", "text-codec"}},
		{`(async () => { const seen = []; async function* g() { yield 1; yield* [2]; } for await (const x of g()) { seen.push(x); }
		  pm.test("for await", () => pm.expect(seen).to.eql([1, 2])); })();`,
			[]string{"inspect", "chai-postman", "cookie-jar", "webcrypto", "builtins", "proto-shapes", "fn-shapes", "text-codec", "rewrites"}},
	}
	for i, s := range steps {
		x := testExec("test", s.src)
		x.Response = &Response{Code: 200, Status: "OK", Body: []byte(`{"id":"u1"}`)}
		r := e.Run(ctx, x)
		if r.Err != nil {
			t.Fatalf("step %d: %v", i, r.Err)
		}
		if !slices.Equal(e.partsLoaded, s.want) {
			t.Fatalf("step %d: parts loaded %q, want %q", i, e.partsLoaded, s.want)
		}
	}
	var got []string
	for _, l := range rec.all() {
		got = append(got, l.Text)
	}
	if want := []string{"{ a: [ 1, 'x' ] }, '%s!', 'y'", "'again'"}; !slices.Equal(got, want) {
		t.Errorf("console output %q, want %q", got, want)
	}
}
