package scripting

import "testing"

// A rejection handler (.catch(h), .then(f, h)) is wrapped when the script
// is compiled (catchfix.go); the wrapper used to call h from Go, which made
// goja drain every queued promise job when h returned, so the jobs of the
// same turn behind it ran after chains two turns deep. The answers are
// Node 20's and Postman CLI 1.34.0's (fresh-round10l-c.json "promise jobs
// around rejection handlers"); A-F failed before the fix.
func TestRejectionHandlersKeepJobOrderAsPostman(t *testing.T) {
	t.Parallel()
	src := `const go = (k, f) => { const L = []; f(L); return new Promise(r => setTimeout(r, 2)).then(() => pm.test(k + ': ' + L.join(' '), () => {})); };
(async () => {
await go('A', L => { Promise.resolve().then(() => L.push('p1')).then(() => L.push('p2')).then(() => L.push('p3')); Promise.reject(1).catch(() => L.push('c1')).finally(() => L.push('f1')); });
await go('B', L => { Promise.resolve().then(() => L.push('p1')).then(() => L.push('p2')).then(() => L.push('p3')); Promise.reject(1).catch(() => L.push('c1')).then(() => L.push('f1')); });
await go('C', L => { Promise.resolve().then(() => L.push('p1')).then(() => L.push('p2')).then(() => L.push('p3')); Promise.reject(1).then(null, () => L.push('c1')).then(() => L.push('f1')); });
await go('E', L => { const b = Promise.reject(1); b.catch(() => L.push('c1')).then(() => L.push('f1')); Promise.resolve().then(() => L.push('p1')).then(() => L.push('p2')).then(() => L.push('p3')); });
await go('F', L => { Promise.resolve().then(() => L.push('p1')).then(() => L.push('p2')).then(() => L.push('p3')); const b = Promise.reject(1); b.catch(() => L.push('c1')); b.catch(() => L.push('c2')).then(() => L.push('f1')); });
await go('G', L => { Promise.resolve().then(() => L.push('p1')).then(() => L.push('p2')); Promise.reject(new TypeError('t')).catch(function (e) { 'use strict'; L.push(typeof this + e.name); throw e; }).catch(e => L.push('again ' + e.message)); });
await go('H', L => { Promise.resolve().then(() => L.push('p1')).then(() => L.push('p2')); Promise.reject(null).then(v => L.push('no'), e => L.push('h' + e)).then(v => L.push('v' + v)); });
await go('I', L => { Promise.resolve().then(() => L.push('p1')).then(() => L.push('p2')); try { null.x; } catch (e) { Promise.reject(e).catch(e => L.push(e.message)); } });
})();`
	checkTestNames(t, src, []string{
		"A: p1 c1 p2 f1 p3",
		"B: p1 c1 p2 f1 p3",
		"C: p1 c1 p2 f1 p3",
		"E: c1 p1 f1 p2 p3",
		"F: p1 c1 c2 p2 f1 p3",
		"G: p1 undefinedTypeError p2 again t",
		"H: p1 hnull p2 v2",
		"I: p1 Cannot read properties of null (reading 'x') p2",
	})
}
