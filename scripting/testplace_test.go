package scripting

import (
	"context"
	"strings"
	"testing"
)

// Test results stand in the order they settle; a test recorded again
// keeps its place. Tests that settle in order keep no map (testPlace):
// this pins the places both ways, and legacy tests[] appended among them.
func TestTestResultPlaces(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, src, want string }{
		{"in order", `pm.test("a", () => {}); pm.test("b", () => {}); pm.test("c", () => {});`, "a b c"},
		{"an async test settles last", `pm.test("a", async () => { await null; await null; }); pm.test("b", () => {}); pm.test("c", () => {});`, "b c a"},
		{"two settle late", `pm.test("a", async () => { await null; await null; }); pm.test("b", async () => { await null; }); pm.test("c", () => {});`, "c b a"},
		{"legacy tests among them", `pm.test("a", () => {}); tests["t"] = true; pm.test("b", async () => { await null; });`, "a b t"},
		{"recorded again keeps its place", `pm.test("x", () => {}); pm.test("a", (done) => { done(); throw new Error("late"); }); pm.test("b", () => {});`, "x a! b"},
		{"recorded again after one out of order", `pm.test("z", async () => { await null; await null; }); pm.test("x", () => {}); pm.test("a", (done) => { done(); throw new Error("late"); }); pm.test("b", () => {});`, "x a! b z"},
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
