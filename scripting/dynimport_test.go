package scripting

import "testing"

// TestDynamicImportAsPostman: import(…) compiles (goja refused the whole
// script: "Unexpected reserved word") and rejects as Postman CLI 1.34.0's
// sandbox does, which has no module loader; the specifier is converted
// first, a method named import and the text of strings stay as written,
// and a function prints its source. Answers recorded under unshare -n
// (fresh-round12l-b too).
func TestDynamicImportAsPostman(t *testing.T) {
	t.Parallel()
	const noLoader = "E:TypeError: A dynamic import callback was not specified."
	src := `function out(v) { pm.test(String(v), () => {}); }
async function ap(label, f) { let v; try { v = JSON.stringify(await f()); } catch (e) { v = 'E:' + (e && e.name) + ': ' + (e && e.message); } out(label + ' ' + v); }
(async () => {
await ap('a', () => import('lodash'));
await ap('b', () => import ('https://example.com/x.js'));
await ap('c', () => import(Symbol('s')));
await ap('d', () => { const p = import('x'); p.catch(() => {}); return [typeof p, p instanceof Promise, Object.prototype.toString.call(p)]; });
await ap('e', async () => { const m = await import('node:fs'); return typeof m; });
out('str: import("x") ' + "import('y')" + ` + "`import(${1})`" + `);
await ap('f', () => import('x', { with: { type: 'json' } }));
await ap('g', () => { const o = { import(x) { return 'method ' + x; } }; return o.import(1); });
out(String(() => import('q')));
await ap('h', () => import({ toString() { throw new RangeError('spec'); } }));
})();`
	checkTestNames(t, src, []string{"a " + noLoader, "b " + noLoader, "c E:TypeError: Cannot convert a Symbol value to a string",
		`d ["object",true,"[object Promise]"]`, "e " + noLoader, `str: import("x") import('y')import(1)`, "f " + noLoader,
		`g "method 1"`, "() => import('q')", "h E:RangeError: spec"})
}
