package scripting

import (
	"context"
	"strings"
	"testing"
	"time"
)

// Timers as both of Postman's sandboxes run them (each want line is what
// Newman 6.2.2 and Postman CLI 1.34.0 answered, three runs each): a delay
// under 1 ms is 1 ms, so setTimeout(f, 0) fires after setTimeout(g, 1) set
// before it, and immediates come first; callbacks get no arguments; a
// callback that is not a function is taken, never runs and has no id; what
// a callback throws is dropped and the script goes on, and so is an error
// thrown at the top of a script while timers are pending (with nothing
// pending it fails the script: TestEngineSemantics). On the virtual
// clock, whose waits cost nothing. The probes' 5, 10, 20, 30 and 60 ms
// became 500-6000 ms when that clock still moved with the wall clock while
// a script ran (a script stalled for 10 ms on a loaded machine put the
// 5 ms interval after the 20 ms timer); it no longer does
// (TestVirtualClockIgnoresScriptWork). Node gives the same order at this
// scale (node, 'order').
func TestTimersAsPostman(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, src, want string }{
		{"order", `const order = [];
setTimeout(() => order.push("t20"), 2000);
setTimeout(() => order.push("t1"), 1);
setTimeout(() => order.push("t0"), 0);
setImmediate(() => order.push("imm"));
Promise.resolve().then(() => order.push("micro"));
order.push("sync");
const iv = setInterval(() => { order.push("iv"); if (order.filter(x => x === "iv").length === 2) clearInterval(iv); }, 500);
setTimeout(() => pm.test(order.join(), () => {}), 6000);`, "sync,micro,imm,t1,t0,iv,iv,t20"},
		{"after an await", `await Promise.resolve();
const order = [];
setTimeout(() => order.push("t1"), 1);
setTimeout(() => order.push("t0"), 0);
setImmediate(() => order.push("imm"));
await new Promise(r => setTimeout(r, 2000));
pm.test(order.join(), () => {});`, "imm,t1,t0"},
		{"no arguments", `const got = [];
setTimeout((a, b) => got.push(String(a) + b), 1, 'x', 'y');
setImmediate(a => got.push(String(a)), 'imm-arg');
const h = setInterval(a => { clearInterval(h); got.push(String(a)); }, 1, 'iv-arg');
setTimeout(() => pm.test(got.join('|'), () => {}), 3000);`, "undefined|undefinedundefined|undefined"},
		{"not a function", `const ids = [setTimeout('1+1', 1), setTimeout(), setInterval(null, 1), setImmediate(5)];
pm.test(ids.map(x => typeof x).join(), () => {});`, "undefined,undefined,undefined,undefined"},
		{"a callback that throws", `setTimeout(() => { throw new Error('in timer'); }, 1);
setTimeout(() => { pm.test('in timer before throw', () => {}); null.x; }, 2);
function deep() { return deep(); }
setTimeout(() => deep(), 3);
setImmediate(() => { throw new TypeError('in immediate'); });
setTimeout(() => pm.test('later timer', () => {}), 2000);
pm.test('after', () => {});`, "after;in timer before throw;later timer"},
		{"a top-level throw with a timer pending", `setTimeout(() => pm.test('timer', () => {}), 5);
pm.test('before', () => {});
null.boom;`, "before;timer"},
		{"the same in a script that awaits", `setTimeout(() => pm.test('timer', () => {}), 5);
pm.test('before', () => {});
null.boom;
async function later() { await 1; }`, "before;timer"},
		// Work between setting a timer and an immediate (a busy wait of
		// 20 ms on Date, whose reads move the virtual clock) does
		// not let the timer go first; inside a timer's callback an
		// immediate runs before timers set there, after timers that were
		// already due. Newman 6.2.2 and Postman CLI 1.34.0, three runs each.
		// (Whether a timer set just after the running one is already due
		// when an immediate set in that callback comes up depends, in Node,
		// on whether the two were set in the same millisecond: not probed.)
		{"work before an immediate", `const order = [];
setTimeout(() => order.push("t1"), 1);
let s = Date.now(); while (Date.now() - s < 20) {}
setTimeout(() => order.push("t0"), 0);
setImmediate(() => order.push("imm"));
setTimeout(() => pm.test(order.join(), () => {}), 3000);`, "imm,t1,t0"},
		{"work in a timer before an immediate", `const order = [];
setTimeout(() => order.push("a5"), 5);
let s = Date.now(); while (Date.now() - s < 30) {}
setTimeout(() => order.push("b1"), 1);
setTimeout(() => { order.push("c"); setTimeout(() => order.push("d3"), 3); let s = Date.now(); while (Date.now() - s < 30) {} setTimeout(() => order.push("e1"), 1); setImmediate(() => order.push("imm2")); }, 500);
setTimeout(() => pm.test(order.join(), () => {}), 4000);`, "a5,b1,c,imm2,d3,e1"},
		{"immediates set in an immediate", `const order = [];
setTimeout(() => { order.push("C"); setImmediate(() => { order.push("imm3"); setImmediate(() => order.push("imm4")); setTimeout(() => order.push("t4"), 1); }); let s = Date.now(); while (Date.now() - s < 10) {} }, 1000);
setTimeout(() => pm.test(order.join(), () => {}), 4000);`, "C,imm3,imm4,t4"},
		{"huge and odd delays", `const order = [];
setTimeout(() => order.push('huge'), 2 ** 31);
setTimeout(() => order.push('nan'), 'soon');
setTimeout(() => order.push('neg'), -5);
setTimeout(() => pm.test(order.join(), () => {}), 1000);`, "huge,nan,neg"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			e, _ := newTestEngine(t, Options{VirtualTime: true})
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			r := e.Run(ctx, testExec("test", c.src))
			if r.Err != nil {
				t.Fatalf("script error: %v", r.Err)
			}
			var names []string
			for _, tr := range r.Tests {
				names = append(names, tr.Name)
			}
			if got := strings.Join(names, ";"); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
