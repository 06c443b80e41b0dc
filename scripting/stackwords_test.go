package scripting

import "testing"

// TestErrorStackAsPostman: err.stack as Postman's sandboxes give it: always
// "Error: <message>" (their fixed Error.prepareStackTrace reads no name),
// written when first read (a message changed before shows, one changed
// after does not), an own accessor, and "    at " frames; for constructed
// errors, caught runtime errors, errors of eval code and promise handlers.
// Each want line is what Postman CLI 1.34.0 printed for the same line
// (Newman 6.2.2 differs where its older V8 does: stack is a data property,
// and AggregateError is not defined).
func TestErrorStackAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
p(() => { try { eval('null.x'); } catch (e) { return e.stack.split('\n')[0] + ' | ' + (e.stack.split('\n')[1] || '').trim().slice(0, 8); } });
p(() => { try { null.x; } catch (e) { return e.stack.split('\n')[0] + ' | ' + (e.stack.split('\n')[1] || '').slice(0, 7); } });
p(() => { const e = new Error('m'); return e.stack.split('\n')[0] + ' | ' + JSON.stringify((e.stack.split('\n')[1] || '').slice(0, 7)); });
p(() => { const e = new TypeError('m'); return e.stack.split('\n')[0]; });
p(() => { const e = new RangeError(); return JSON.stringify(e.stack.split('\n')[0]); });
p(() => { const e = new Error('a\nb'); return JSON.stringify(e.stack.split('\n').slice(0, 2)); });
p(() => { const e = new Error('m'); e.name = 'Custom'; return e.stack.split('\n')[0]; });
p(() => { const e = {}; Error.captureStackTrace(e); return JSON.stringify(e.stack.split('\n')[0]); });
p(() => { try { JSON.parse('{'); } catch (e) { return e.stack.split('\n')[0]; } });
p(() => { try { undefinedFn(); } catch (e) { return e.stack.split('\n')[0]; } });
p(() => { try { throw new SyntaxError('s'); } catch (e) { return e.stack.split('\n')[0]; } });
p(() => typeof new Error('m').stack + ' ' + Object.getOwnPropertyNames(new Error('m')).join());
p(() => { const e = new Error('m'); return e.stack.split('\n').length > 1 ? 'frames' : 'none'; });
p(() => JSON.stringify(Object.getOwnPropertyDescriptor(new Error('x'), 'stack'), (k, v) => typeof v === 'function' ? 'fn' : v));
p(() => { const e = new Error('a'); e.message = 'b'; return e.stack.split('\n')[0]; });
p(() => { const e = new Error('a'); e.stack; e.message = 'b'; return e.stack.split('\n')[0]; });
p(() => { class E extends Error { constructor(m) { super(); this.message = m; } } return new E('late').stack.split('\n')[0]; });
p(() => { const e = new Error('a'); e.stack = 'mine'; return e.stack; });
p(() => Object.getOwnPropertyNames(new Error('x')).join());
p(() => Object.keys(new Error('x')).join());
p(() => { const e = new Error('x'); return 'stack' in e && e.hasOwnProperty('stack'); });
p(() => { try { [].reduce((a, b) => a); } catch (e) { return e.stack.split('\n').slice(0, 2).map(s => s.replace(/\(.*/, '').replace(/ at \w+\./, ' at ')).join('|'); } });
p(() => { try { JSON.parse('x'); } catch (e) { return e.stack.split('\n').slice(0, 2).map(s => s.replace(/\(.*/, '').replace(/ at \w+\./, ' at ')).join('|'); } });
p(() => { function inner() { return new Error('deep'); } function outer() { return inner(); } return outer().stack.split('\n').slice(0, 3).map(s => s.replace(/\(.*/, '').replace(/ at \w+\./, ' at ')).join('|'); });
p(() => { const e = new Error('m'); return String(e.stack.split('\n').length > 2); });
p(() => { const o = { message: 'obj' }; Error.captureStackTrace(o); return o.stack.split('\n')[0]; });
p(() => new Error('x', { cause: 5 }).stack.split('\n')[0]);
p(() => { const e = new AggregateError([1], 'agg'); return e.stack.split('\n')[0]; });
p(() => { const e = Error('nonew'); return e.stack.split('\n')[0]; });
p(() => { const e = Object.create(Error.prototype); return String(e.stack); });
p(() => { let s; Promise.reject(new TypeError('later')).catch(e => { s = e.stack; }); return typeof s; });
p(() => { try { throw new RangeError('r'); } catch (e) { e.message = 'changed'; return e.stack.split('\n')[0]; } });
p(() => { try { null.f(); } catch (e) { e.message = 'changed'; return e.stack.split('\n')[0]; } });
p(() => { try { const o = {}; o.f(); } catch (e) { const s = e.stack; e.message = 'x'; return s.split('\n')[0] + ' / ' + e.stack.split('\n')[0]; } });
p(() => { const e = new Error('m'); const lines = e.stack.split('\n'); return lines.slice(1).every(l => l.startsWith('    at ')) + ' ' + (lines.length > 1); });
p(() => { try { eval('null.x'); } catch (e) { return e.stack.split('\n')[1].trim().slice(0, 8); } });
`, []string{
		"Error: Cannot read properties of null (reading 'x') | at eval ",
		"Error: Cannot read properties of null (reading 'x') |     at ",
		"Error: m | \"    at \"",
		"Error: m",
		"\"Error: \"",
		"[\"Error: a\",\"b\"]",
		"Error: m",
		"\"Error: undefined\"",
		"Error: Unexpected end of input at 1:2",
		"Error: undefinedFn is not defined",
		"Error: s",
		"string stack,message",
		"frames",
		"{\"get\":\"fn\",\"set\":\"fn\",\"enumerable\":false,\"configurable\":true}",
		"Error: b",
		"Error: a",
		"Error: late",
		"mine",
		"stack,message",
		"",
		"true",
		"Error: Reduce of empty array with no initial value|    at reduce ",
		"Error: Unexpected token 'x' at 1:1|x",
		"Error: deep|    at inner |    at outer ",
		"true",
		"Error: obj",
		"Error: x",
		"Error: agg",
		"Error: nonew",
		"undefined",
		"undefined",
		"Error: changed",
		"Error: changed",
		"Error: o.f is not a function / Error: o.f is not a function",
		"true true",
		"at eval ",
	})
}
