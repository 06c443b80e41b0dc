package scripting

import "testing"

func TestMayChangePM(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		src  string
		want bool
	}{
		{`pm.test("a", () => pm.response.to.have.status(200));`, false},
		{`const j = pm.response.json(); pm.environment.set("id", j.id);`, false},
		{`if (pm.info.eventName == 'test') {}`, false},
		{`var npm = 1, pmx = 2, $pm = 3;`, false},
		{`pm .request .url`, false},
		{`pm.x === 1`, false},
		{`pm.f => 1`, false},
		{`pm.x >= 1 && pm.y <= 2 && pm.z != 3`, false},
		{`pm.mine = 1;`, true},
		{`pm.mine += 1;`, true},
		{`pm.mine ??= 1;`, true},
		{`pm.mine >>>= 1;`, true},
		{`pm.n++`, true},
		{`++pm.n`, true},
		{`delete pm.test`, true},
		{`var p = pm; p.x = 1;`, true},
		{`Object.assign(pm, {x: 1})`, true},
		{`Object.freeze(pm)`, true},
		{`pm['x'] = 1`, true},
		{`const { test } = pm;`, true},
		{`console.log('pm done')`, true},
		{`eval(s)`, true},
		{`new Function('return 1')`, true},
		{`pm.`, true},
		{`pm`, true},
	} {
		if got := mayChangePM(c.src); got != c.want {
			t.Errorf("mayChangePM(%q) = %v, want %v", c.src, got, c.want)
		}
	}
}
