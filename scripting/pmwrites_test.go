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

func TestMayWritePMMembers(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		src  string
		want bool
	}{
		{`pm.test("a", () => pm.response.to.have.status(200));`, false},
		{`pm.environment.set("id", pm.response.json().id);`, false},
		{`pm.expect(pm.response.code).to.eql(200); if (pm.environment.x == 1) {}`, false},
		{`var pmx = {}; pmx.environment.x = 1;`, false},
		{`pm.environment.x = 1`, true},
		{`pm .globals. x += 1`, true},
		{`pm.test.skip = function () {}`, true},
		{`pm.variables.n++`, true},
		{`pm.environment['x'] = 1`, true},
		{`delete pm.test.skip`, true},
		{`++pm.globals.n`, true},
		{`Object.assign(pm.globals, {a: 1})`, true},
		{`Object.defineProperty(pm.environment, 'x', {value: 1})`, true},
		{`Reflect.set(pm.visualizer, 'x', 1)`, true},
		{`eval(s)`, true},
	} {
		if got := mayWritePMMembers(c.src); got != c.want {
			t.Errorf("mayWritePMMembers(%q) = %v, want %v", c.src, got, c.want)
		}
	}
}

// TestPMMemberWritesStayInTheScript: what one script writes onto pm's
// members is its own, as in Newman 6.2.2 (checked: a later script, item or
// iteration sees none of it), while the script itself and its timers read
// it back. Before the fix every later script of the engine saw it.
func TestPMMemberWritesStayInTheScript(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	const write = `
pm.environment.leak = 1; pm.globals.leak = 1; pm.variables.leak = 1; pm.collectionVariables.leak = 1;
pm.iterationData.leak = 1; pm.visualizer.leak = 1; pm.sendRequest.leak = 1; pm.test.leak = 1;
Object.defineProperty(pm.environment, 'fixed', { value: 1, configurable: true });
var savedSkip = pm.test.skip;
delete pm.test.skip;
pm.test('the script reads its writes', function () {
    pm.expect(pm.environment.leak + pm.test.leak + pm.environment.fixed).to.eql(3);
    pm.expect(pm.test.skip).to.eql(undefined);
});
setTimeout(function () { pm.test('and so do its timers', function () { pm.expect(pm.globals.leak).to.eql(1); }); }, 0);
`
	const read = `
var seen = [];
['environment', 'globals', 'variables', 'collectionVariables', 'iterationData', 'visualizer', 'sendRequest', 'test'].forEach(function (n) {
    if (Object.prototype.hasOwnProperty.call(pm[n], 'leak')) { seen.push(n); }
});
if ('fixed' in pm.environment) { seen.push('fixed'); }
pm.test('a later script sees none of it: ' + seen.join(','), function () {
    pm.expect(seen).to.eql([]);
    pm.expect(pm.test.skip).to.be.a('function');
    pm.expect(Object.keys(pm.environment)).to.include('id');
});
`
	for _, listen := range []string{"prerequest", "test"} {
		runJS(t, e, testExec(listen, write))
		runJS(t, e, testExec("test", read))
		runJS(t, e, testExec("prerequest", read))
	}
}
