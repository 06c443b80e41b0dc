package scripting

import (
	"context"
	"strings"
	"testing"
)

// Test results stand in the order they settle; a test a callback reports
// again is listed again. Tests that settle in order keep no map (testPlace):
// this pins the places both ways, and legacy tests[] appended among them.
func TestTestResultPlaces(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, src, want string }{
		{"in order", `pm.test("a", () => {}); pm.test("b", () => {}); pm.test("c", () => {});`, "a b c"},
		{"an async test settles last", `pm.test("a", async () => { await null; await null; }); pm.test("b", () => {}); pm.test("c", () => {});`, "b c a"},
		{"two settle late", `pm.test("a", async () => { await null; await null; }); pm.test("b", async () => { await null; }); pm.test("c", () => {});`, "c b a"},
		{"legacy tests among them", `pm.test("a", () => {}); tests["t"] = true; pm.test("b", async () => { await null; });`, "a b t"},
		// A test whose callback reports it and then throws is reported
		// twice, as Newman 6.2.2 reports it (fresh-round12t-d.json).
		{"reported again after done", `pm.test("x", () => {}); pm.test("a", (done) => { done(); throw new Error("late"); }); pm.test("b", () => {});`, "x a a! b"},
		{"reported again after one out of order", `pm.test("z", async () => { await null; await null; }); pm.test("x", () => {}); pm.test("a", (done) => { done(); throw new Error("late"); }); pm.test("b", () => {});`, "x a a! b z"},
		{"done twice, then another settles", `pm.test("a", (done) => { done(); done(); }); pm.test("b", () => {}); pm.test("c", (done) => { setTimeout(done, 1); }); pm.test("d", () => {});`, "a a b d c"},
		{"a failure keeps its place", `pm.test("a", () => {}); pm.test("b", () => { throw new Error("x"); }); pm.test("c", () => {});`, "a b! c"},
	} {
		e, _ := newTestEngine(t, Options{})
		r := e.Run(context.Background(), testExec("test", c.src))
		if r.Err != nil {
			t.Fatalf("%s: %v", c.name, r.Err)
		}
		var got []string
		for _, tr := range r.Tests {
			n := tr.Name
			if !tr.Passed {
				n += "!"
			}
			got = append(got, n)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s: tests %q, want %q", c.name, strings.Join(got, " "), c.want)
		}
	}
}
