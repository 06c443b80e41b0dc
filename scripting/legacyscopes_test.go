package scripting

import "testing"

func TestMayReadLegacyScopes(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		src  string
		want int
	}{
		{`pm.environment.set('a', 1)`, 0},
		{`pm.globals.get('a'); pm.environment.get('b'); pm.request.headers`, 0},
		{`pm.iterationData.get('data')`, 32}, // a word in a string: made early, harmless
		{`environment.token`, 16},
		{`x = globals['k']`, 16},
		{`pm.environment.set('a', 1); var t = environment.a;`, 16},
		{`const environments = 1; myglobals = 2; environment2 = 3; metadata = 4; requests = 5`, 0},
		{`_.keys(environment)`, 16},
		{`postman.setEnvironmentVariable('a', 1)`, 0},
		{`var x = data.id; request.headers['a']`, 96},
		{`pm.request.url; request.url; data`, 96},
		{`pm . environment`, 16}, // a space before the word reads as the word alone: made early, harmless
	} {
		if got := mayReadLegacyScopes(c.src); got != c.want {
			t.Errorf("mayReadLegacyScopes(%q) = %d, want %d", c.src, got, c.want)
		}
	}
}

// TestLegacyScopesAreSnapshots: the legacy environment and globals objects
// hold the values the scopes had when the script started, as Newman's
// (fresh-round10p-f): a change through pm.* before the first read does not
// show, one through the legacy setters does.
func TestLegacyScopesAreSnapshots(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	x := testExec("prerequest", `pm.environment.set('e1', 'v1'); pm.globals.set('g1', 'w1');
		var seen = [environment.e1, globals.g1, Object.keys(environment).length];
		postman.setEnvironmentVariable('e2', 'v2');
		seen.push(environment.e2);
		pm.test(JSON.stringify(seen), function () {});`)
	res := e.Run(t.Context(), x)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if got, want := res.Tests[0].Name, `[null,null,3,"v2"]`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
