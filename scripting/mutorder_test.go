package scripting

import (
	"context"
	"strings"
	"testing"

	"github.com/courier-run/courier/environments"
)

// The order a script's set, unset and clear leave in the environment, the
// globals and the collection variables for the next script, as Newman's
// runtime applies the script's compacted mutations (fresh-round11p-h/-i
// record Newman 6.2.2's): a variable there before keeps its place through
// unset and set; the ones created follow, array-index names first in
// numeric order, then the others in the order first touched. The script
// itself sees its own order.
func TestScopeOrderAfterScript(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	x := testExec("test", `pm.environment.unset('e'); pm.environment.set('e', 'again');
pm.environment.unset('ghost'); pm.environment.set('new1', 1); pm.environment.set('ghost', 'g');
pm.environment.set('10', 'ten'); pm.environment.set('2', 'two'); pm.environment.set('gone', 1); pm.environment.unset('gone');
pm.globals.set('9', 'n'); pm.globals.set('w', 'w');
pm.collectionVariables.clear(); pm.collectionVariables.set('z', 1); pm.collectionVariables.set('c', 2); pm.collectionVariables.set('5', 3);
pm.variables.set('7', 'l'); pm.variables.set('loc', 'l');
pm.test(pm.environment.values.map(v => v.key).join(), () => {});`)
	r := e.Run(context.Background(), x)
	if r.Err != nil || len(r.Tests) != 1 || r.Tests[0].Name != "shadow,host,e,new1,ghost,10,2" {
		t.Fatalf("the script's own order: %+v", r)
	}
	var got []string
	for _, sc := range []*environments.Scope{x.Scopes.Environment, x.Scopes.Globals, x.Scopes.Collection, x.Scopes.Local} {
		var ks []string
		for _, v := range sc.Variables() {
			ks = append(ks, v.Key)
		}
		got = append(got, strings.Join(ks, ","))
	}
	want := []string{"e,shadow,host,2,10,ghost,new1", "g,shadow,9,w", "c,5,z", "7,loc"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("after the script:\n got %q\nwant %q", got, want)
	}
}

// An object read from a scope is the same object on every read for the
// rest of the script (get, toObject, pm.variables, the legacy data object),
// and a change to it stays in the script (fresh-round11p-h/-i).
func TestObjectsReadFromScopesKeepIdentity(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	x := testExec("test", `const o = pm.iterationData.get('row'); o.k = 1;
pm.test(String(pm.iterationData.get('row') === o) + (pm.variables.get('row') === o) + (pm.iterationData.toObject().row === o) + (data.row === o) + JSON.stringify(pm.iterationData.get('row')), () => {});
const g = pm.globals.get('obj'); g.n = 2;
pm.test(String(pm.globals.get('obj') === g) + JSON.stringify(pm.globals.toObject().obj), () => {});`)
	x.Data = environments.NewScope("data", []environments.Variable{{Key: "row", Value: `{"a":[1]}`, Type: environments.TypeObject}})
	x.Scopes.Globals.SetTyped("obj", `{"m":1}`, environments.TypeObject)
	r := e.Run(context.Background(), x)
	if r.Err != nil || len(r.Tests) != 2 || r.Tests[0].Name != `truetruetruetrue{"a":[1],"k":1}` || r.Tests[1].Name != `true{"m":1,"n":2}` {
		t.Fatalf("%+v", r)
	}
	if v, _ := x.Scopes.Globals.Lookup("obj"); v.Value != `{"m":1}` {
		t.Errorf("the change to a read object went back to the run: %q", v.Value)
	}
}
