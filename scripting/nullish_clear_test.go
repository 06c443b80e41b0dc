package scripting

import (
	"context"
	"testing"

	"github.com/dop251/goja"
)

// The slots outlive a run of their script (they belong to the engine), so
// a run's end empties them: otherwise each distinct script of a run keeps
// the last object it read from (a whole parsed response body) in memory
// until the run ends.
func TestNullishSlotsLetGoAfterTheRun(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	src := `const d = pm.response.json(); const k = "user";
pm.test("name", () => pm.expect(d[k].name).to.eql("x") && ("user" in d));
d.user.name = d.user.name;`
	x := testExec("test", src)
	x.Response = &Response{Code: 200, Status: "OK", Body: []byte(`{"user":{"name":"x"}}`)}
	if r := e.Run(context.Background(), x); r.Err != nil || len(r.Tests) != 1 || !r.Tests[0].Passed {
		t.Fatalf("%+v", r)
	}
	c := compileScript(src, "test")
	if c.sites == nil {
		t.Fatal("the script has no instrumented reads: nothing to check")
	}
	v, err := e.slots[c].read(goja.Undefined())
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range v.Export().([]any) {
		if s != nil {
			t.Errorf("slot %d still holds %v after the run", i, s)
		}
	}
}
