package scripting

import (
	"context"
	"errors"
	"testing"
	"time"
)

// Atomics as Postman CLI 1.34.0's V8 has it (goja has none): the object and
// its functions' names and lengths, every operation on every integer type
// (wrapping, BigInt, conversions), the argument checks in V8's order and
// words, wait/waitAsync/notify on one thread (a wait that times out really
// waits), pause. Each want line is what Postman CLI printed for the same
// line (two lines left out: globalThis, which Postman CLI lacks, and
// SharedArrayBuffer's own surface, see docs/sandbox.md).
func TestAtomicsAsPostman(t *testing.T) {
	t.Parallel()
	src := "function p(f) { let v; try { v = f(); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(typeof v === 'string' ? v : JSON.stringify(v, (k, x) => typeof x === 'bigint' ? x + 'n' : x), () => {}); }" + "\n" + `
p(() => typeof Atomics + '|' + Object.prototype.toString.call(Atomics) + '|' + Object.getOwnPropertyNames(Atomics).sort().join());
p(() => Object.getOwnPropertyNames(Atomics).sort().map(k => k + ':' + (typeof Atomics[k] === 'function' ? Atomics[k].length : typeof Atomics[k])).join());
p(() => { const d = Object.getOwnPropertyDescriptor(Atomics, 'add'); return [d.writable, d.enumerable, d.configurable, Atomics.add.name].join(); });
p(() => { const sab = new SharedArrayBuffer(16); const ia = new Int32Array(sab); return [Atomics.store(ia, 0, 5), Atomics.add(ia, 0, 2), Atomics.load(ia, 0), Atomics.sub(ia, 0, 1), Atomics.and(ia, 0, 3), Atomics.or(ia, 0, 8), Atomics.xor(ia, 0, 1), Atomics.exchange(ia, 0, 42), Atomics.compareExchange(ia, 0, 42, 7), Atomics.compareExchange(ia, 0, 1, 9), Atomics.load(ia, 0)]; });
p(() => { const ia = new Int8Array(4); return [Atomics.store(ia, 0, 300), ia[0], Atomics.add(ia, 0, 100), ia[0], Atomics.compareExchange(ia, 0, -112 + 256, 1), ia[0], Atomics.store(ia, 1, 3.7), Atomics.store(ia, 1, -0), Object.is(Atomics.store(ia, 1, -0), -0), Atomics.store(ia, 2, '12'), Atomics.store(ia, 3, NaN)]; });
p(() => { const u = new Uint8Array(2); return [Atomics.sub(u, 0, 1), u[0], Atomics.exchange(u, 1, 256), u[1], Atomics.store(u, 0, Infinity), u[0]]; });
p(() => { const u = new Uint16Array(2), i = new Int16Array(2), u32 = new Uint32Array(1); return [Atomics.add(u, 0, 70000), u[0], Atomics.sub(i, 0, 40000), i[0], Atomics.sub(u32, 0, 1), u32[0]]; });
p(() => { const b = new BigInt64Array(new SharedArrayBuffer(16)); return [Atomics.store(b, 0, 5n), Atomics.add(b, 0, 2n), Atomics.load(b, 0), Atomics.exchange(b, 1, -1n), Atomics.compareExchange(b, 1, -1n, 3n), Atomics.load(b, 1), typeof Atomics.load(b, 1)]; });
p(() => { const b = new BigUint64Array(1); return [Atomics.sub(b, 0, 1n), Atomics.load(b, 0)]; });
p(() => Atomics.add(new BigInt64Array(1), 0, 1));
p(() => Atomics.add(new Int32Array(1), 0, 1n));
p(() => Atomics.add(new Float64Array(1), 0, 1));
p(() => Atomics.load(new Uint8ClampedArray(1), 0));
p(() => Atomics.load([1], 0));
p(() => Atomics.load({}, 0));
p(() => Atomics.load(1, 0));
p(() => Atomics.load(new Int32Array(2), 2));
p(() => Atomics.load(new Int32Array(2), -1));
p(() => Atomics.load(new Int32Array(2), '1'));
p(() => Atomics.load(new Int32Array(2), 1.5));
p(() => Atomics.load(new Int32Array(2), Infinity));
p(() => Atomics.load(new Int32Array(2)));
p(() => [Atomics.isLockFree(1), Atomics.isLockFree(2), Atomics.isLockFree(3), Atomics.isLockFree(4), Atomics.isLockFree(8), Atomics.isLockFree(16)]);
p(() => { const ia = new Int32Array(new SharedArrayBuffer(8)); return [Atomics.notify(ia, 0), Atomics.notify(ia, 0, 1), Atomics.notify(new Int32Array(2), 1)]; });
p(() => Atomics.notify(new Int16Array(new SharedArrayBuffer(8)), 0));
p(() => Atomics.notify(new Int32Array(2), 5));
p(() => { const ia = new Int32Array(new SharedArrayBuffer(8)); return [Atomics.wait(ia, 0, 1), Atomics.wait(ia, 0, 0, 0), Atomics.wait(ia, 0, 0, 5), Atomics.wait(ia, 1, 0, -1)]; });
p(() => Atomics.wait(new Int32Array(4), 0, 0, 0));
p(() => Atomics.wait(new Int16Array(new SharedArrayBuffer(8)), 0, 0, 0));
p(() => { const b = new BigInt64Array(new SharedArrayBuffer(8)); return [Atomics.wait(b, 0, 1n), Atomics.wait(b, 0, 0n, 0)]; });
p(() => { const ia = new Int32Array(new SharedArrayBuffer(8)); const r = Atomics.waitAsync(ia, 0, 1); const r2 = Atomics.waitAsync(ia, 0, 0, 0); const r3 = Atomics.waitAsync(ia, 0, 0, 10); return [r.async, r.value, r2.async, r2.value, r3.async, typeof r3.value, r3.value instanceof Promise]; });
const ia = new Int32Array(new SharedArrayBuffer(8));
Atomics.waitAsync(ia, 0, 0, 5).value.then(v => p(() => 'waitAsync later: ' + v));
p(() => { const t = Date.now(); Atomics.wait(ia, 0, 0, 30); return Date.now() - t >= 25; });
p(() => Atomics.pause ? typeof Atomics.pause() : 'no pause');
p(() => Atomics.store(new Int32Array(1), 0));
p(() => Atomics.store(new Int32Array(1), 0, {valueOf() { return 9; }}));`
	want := []string{
		"object|[object Atomics]|add,and,compareExchange,exchange,isLockFree,load,notify,or,pause,store,sub,wait,waitAsync,xor",
		"add:3,and:3,compareExchange:4,exchange:3,isLockFree:1,load:2,notify:3,or:3,pause:0,store:3,sub:3,wait:4,waitAsync:4,xor:3",
		"true,false,true,add",
		"[5,5,7,7,6,2,10,11,42,7,7]",
		"[300,44,44,-112,-112,1,3,0,false,12,0]",
		"[0,255,0,0,null,0]",
		"[0,4464,0,25536,0,4294967295]",
		"[\"5n\",\"5n\",\"7n\",\"0n\",\"-1n\",\"3n\",\"bigint\"]",
		"[\"0n\",\"18446744073709551615n\"]",
		"E:TypeError: Cannot convert 1 to a BigInt",
		"E:TypeError: Cannot convert a BigInt value to a number",
		"E:TypeError: [object Float64Array] is not an integer typed array.",
		"E:TypeError: [object Uint8ClampedArray] is not an integer typed array.",
		"E:TypeError: [object Array] is not an integer typed array.",
		"E:TypeError: #<Object> is not an integer typed array.",
		"E:TypeError: 1 is not an integer typed array.",
		"E:RangeError: Invalid atomic access index",
		"E:RangeError: Invalid atomic access index",
		"0",
		"0",
		"E:RangeError: Invalid atomic access index",
		"0",
		"[true,true,false,true,true,false]",
		"[0,0,0]",
		"E:TypeError: [object Int16Array] is not an int32 or BigInt64 typed array.",
		"E:RangeError: Invalid atomic access index",
		"[\"not-equal\",\"timed-out\",\"timed-out\",\"timed-out\"]",
		"E:TypeError: [object Int32Array] is not a shared typed array.",
		"E:TypeError: [object Int16Array] is not an int32 or BigInt64 typed array.",
		"[\"not-equal\",\"timed-out\"]",
		"[false,\"not-equal\",false,\"timed-out\",true,\"object\",true]",
		"true",
		"undefined",
		"0",
		"9",
		"waitAsync later: timed-out",
	}
	checkTestNames(t, src, want)
}

// Atomics' error words, conversions and the wake-up of a waitAsync by
// notify, as Postman CLI 1.34.0 printed them line by line.
func TestAtomicsEdgesAsPostman(t *testing.T) {
	t.Parallel()
	src := "function p(f) { let v; try { v = f(); } catch (e) { v = \"E:\" + e.name + \": \" + e.message; } pm.test(typeof v === \"string\" ? v : typeof v === \"bigint\" ? v + \"n\" : JSON.stringify(v), () => {}); }" + "\n" + `
p(() => Object.getOwnPropertyNames(Atomics).join() + '|' + Object.getOwnPropertySymbols(Atomics).map(String).join() + '|' + Object.keys(Atomics).length);
p(() => { const d = Object.getOwnPropertyDescriptor(Atomics, Symbol.toStringTag); return [d.value, d.writable, d.enumerable, d.configurable].join(); });
p(() => Atomics.pause(1.5));
p(() => Atomics.pause('x'));
p(() => Atomics.pause(-1));
p(() => Atomics.load('abc', 0));
p(() => Atomics.load(null, 0));
p(() => Atomics.load(function f() {}, 0));
p(() => Atomics.load(new (class Foo {})(), 0));
p(() => Atomics.load(new Int32Array(2), -0.5));
p(() => Atomics.load(new Int32Array(2), 'x'));
p(() => Atomics.load(new Int32Array(2), 2 ** 53));
p(() => Atomics.store(new BigInt64Array(1), 0, 'x'));
p(() => Atomics.store(new BigInt64Array(1), 0, '12'));
p(() => Atomics.store(new BigInt64Array(1), 0, true));
p(() => Atomics.store(new BigInt64Array(1), 0, undefined));
p(() => Atomics.store(new BigInt64Array(1), 0, 2n ** 64n + 5n));
p(() => { const b = new BigInt64Array(1); Atomics.store(b, 0, 2n ** 64n + 5n); return String(b[0]); });
p(() => { const ia = new Int32Array(new SharedArrayBuffer(8)); const w = Atomics.waitAsync(ia, 0, 0); const n = Atomics.notify(ia, 0); return [w.async, n].join(); });
p(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(8)), 0, 0, NaN === 1 ? 0 : 0));
p(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(8)), 0, 'x', 0));
p(() => Atomics.waitAsync(new Int32Array(4), 0, 0, 0));
p(() => Atomics.notify(new Int32Array(new SharedArrayBuffer(8)), 0, -5));
p(() => Atomics.add(new Uint32Array(1), 0, -1) + '|' + Atomics.load(new Uint32Array([7]), 0));
p(() => Atomics.and(new Int32Array([-1]), 0, Infinity) + '|' + Atomics.add(new Int8Array([5]), 0, Infinity));
p(() => { const a = new Int8Array([5]); Atomics.add(a, 0, Infinity); return a[0]; });
const ia = new Int32Array(new SharedArrayBuffer(8));
const w = Atomics.waitAsync(ia, 1, 0);
w.value.then(v => p(() => 'woken: ' + v));
p(() => 'notified ' + Atomics.notify(ia, 1, 1));`
	want := []string{
		"load,store,add,sub,and,or,xor,exchange,compareExchange,isLockFree,wait,waitAsync,notify,pause|Symbol(Symbol.toStringTag)|0",
		"Atomics,false,false,true",
		"E:TypeError: Atomics.pause argument must be undefined or an integer",
		"E:TypeError: Atomics.pause argument must be undefined or an integer",
		"undefined",
		"E:TypeError: abc is not an integer typed array.",
		"E:TypeError: null is not an integer typed array.",
		"E:TypeError: function f() {} is not an integer typed array.",
		"E:TypeError: #<Foo> is not an integer typed array.",
		"0",
		"0",
		"E:RangeError: Invalid atomic access index",
		"E:SyntaxError: Cannot convert x to a BigInt",
		"12n",
		"1n",
		"E:TypeError: Cannot convert undefined to a BigInt",
		"18446744073709551621n",
		"5",
		"true,1",
		"timed-out",
		"timed-out",
		"E:TypeError: [object Int32Array] is not a shared typed array.",
		"0",
		"0|7",
		"-1|5",
		"5",
		"notified 1",
		"woken: ok",
	}
	checkTestNames(t, src, want)
}

// On a virtual clock Atomics.wait moves the clock instead of sleeping: a
// two-hour wait returns at once and Date and the timers see the time pass.
func TestAtomicsWaitOnVirtualClock(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{VirtualTime: true, Timeout: 20 * time.Second})
	src := `const ia = new Int32Array(new SharedArrayBuffer(4)), start = Date.now(), seen = [];
setTimeout(() => seen.push('timer'), 3600e3);
const r = Atomics.wait(ia, 0, 0, 2 * 3600e3);
seen.push('woke');
pm.test(r + ' ' + (Date.now() - start >= 2 * 3600e3), () => {});
setTimeout(() => pm.test(seen.join(), () => {}), 0);`
	r := e.Run(context.Background(), testExec("test", src))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	var got []string
	for _, tr := range r.Tests {
		got = append(got, tr.Name)
	}
	// The timer due during the wait fires after it, as on Node's blocked
	// main thread.
	if len(got) != 2 || got[0] != "timed-out true" || got[1] != "woke,timer" {
		t.Fatalf("tests %q", got)
	}
}

// A wait for ever (the value never changes, nothing can notify) lasts until
// the script's timeout stops it, which names the timeout; the engine runs
// the next script.
func TestAtomicsWaitForeverEndsAtTimeout(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	r, _ := runPastFirstStatement(t, e, `pm.test('before', () => {}); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); pm.test('after', () => {});`)
	if !errors.Is(r.Err, ErrScriptTimeout) {
		t.Fatalf("err = %v, want ErrScriptTimeout", r.Err)
	}
	if len(r.Tests) != 1 || r.Tests[0].Name != "before" {
		t.Fatalf("tests %+v", r.Tests)
	}
	liftTimeout(e)
	r = e.Run(context.Background(), testExec("test", `pm.test(Atomics.load(new Int8Array([7]), 0) + '', () => {});`))
	if r.Err != nil || len(r.Tests) != 1 || r.Tests[0].Name != "7" {
		t.Fatalf("next script: %+v", r)
	}
}

// SharedArrayBuffer's own surface as V8 has it: members and their order,
// the constructor's length, name and prototype, new required, V8's length
// error, grow on a buffer that cannot grow, views over it, structuredClone.
// Each want line is what Postman CLI 1.34.0 printed. Not matched (docs):
// instanceof ArrayBuffer (true in courier, so that what takes buffers takes
// it), and growable buffers (maxByteLength).
func TestSharedArrayBufferAsPostman(t *testing.T) {
	t.Parallel()
	src := "function p(f) { let v; try { v = f(); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(typeof v === 'string' ? v : JSON.stringify(v), () => {}); }" + "\n" + `
p(() => Object.getOwnPropertyNames(SharedArrayBuffer.prototype).join() + '|' + Object.getOwnPropertyNames(SharedArrayBuffer).join() + '|' + SharedArrayBuffer.length + '|' + SharedArrayBuffer.name);
p(() => Object.getPrototypeOf(SharedArrayBuffer) === Function.prototype);
p(() => new SharedArrayBuffer(4).grow(8));
p(() => SharedArrayBuffer(4));
p(() => new SharedArrayBuffer(-1));
p(() => ArrayBuffer.isView(new Int8Array(new SharedArrayBuffer(2))));
p(() => { const s = new SharedArrayBuffer(4); new Uint8Array(s)[1] = 7; return Array.from(new Uint8Array(s)).join() + '|' + new Int16Array(s, 2).length; });
p(() => structuredClone(new SharedArrayBuffer(2)) instanceof SharedArrayBuffer);
p(() => typeof SharedArrayBuffer.isView);`
	want := []string{
		"constructor,byteLength,slice,maxByteLength,growable,grow|length,name,prototype|1|SharedArrayBuffer",
		"true",
		"E:TypeError: Method SharedArrayBuffer.prototype.grow called on incompatible receiver #<SharedArrayBuffer>",
		"E:TypeError: Constructor SharedArrayBuffer requires 'new'",
		"E:RangeError: Invalid array buffer length",
		"true",
		"0,7,0,0|1",
		"true",
		"undefined",
	}
	checkTestNames(t, src, want)
}
