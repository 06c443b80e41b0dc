package scripting

import (
	"testing"

	"github.com/courier-run/courier/environments"
)

// Variables keep environments' typing across scripts, runs and files.
func TestVariableTyping(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	x := testExec("test", `
pm.test("JSON text in an 'any' variable stays a string", () => {
  pm.expect(pm.environment.get("jsonText")).to.be.a("string");
  pm.expect(JSON.parse(pm.environment.get("jsonText")).id).to.equal(7);
});
pm.test("objects come back as objects", () => {
  pm.environment.set("obj", {id: 7, tags: ["a"]});
  pm.expect(pm.environment.get("obj")).to.eql({id: 7, tags: ["a"]});
});
pm.test("numbers print like JavaScript", () => {
  pm.environment.set("tiny", 1e-7);
  pm.environment.set("negzero", -0);
  pm.expect(pm.environment.get("tiny")).to.equal(1e-7);
});
pm.environment.set("token", "ROTATED-SECRET-99");
`)
	x.Scopes.Environment = environments.NewScope("env", []environments.Variable{
		{Key: "jsonText", Value: `{"id":7}`, Type: "any"},
		{Key: "token", Value: "old", Type: "secret"},
	})
	runJS(t, e, x)
	env := x.Scopes.Environment
	if v, _ := env.Lookup("token"); v.Type != "secret" || v.Value != "ROTATED-SECRET-99" {
		t.Errorf("a string set over a secret keeps type secret: got %+v", v)
	}
	if v, _ := env.Lookup("obj"); v.Type != environments.TypeObject {
		t.Errorf("an object is stored typed object: got %+v", v)
	}
	if got := x.Scopes.Replace("{{tiny}} {{negzero}}"); got != "1e-7 0" {
		t.Errorf("numbers substitute as JavaScript prints them: got %q", got)
	}
}
