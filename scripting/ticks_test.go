package scripting

import (
	"strings"
	"testing"
)

// Array.fromAsync and async generators settle tick for tick as in V8,
// interleaved with other promise jobs: fromAsync runs the proposal's
// steps as an async function (a sync iterable through an async-from-sync
// iterator, an array-like element by element), and the async generator
// driver (js/parts/rewrites.js) starts a request made while idle at once,
// the next queued one as the one before settles, hands on what yield*
// delegates without awaiting it again, and awaits nothing at a generator's
// end. The want text is what Postman CLI 1.34.0 printed (recorded three
// times, identical): each test name lists the order of one case's jobs.
func TestAsyncTickOrderAsPostman(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, src, want string }{
		{"Array.fromAsync",
			"const log = [];\nfunction tick(tag, n) { let p = Promise.resolve(); for (let i = 0; i < n; i++) { const k = i; p = p.then(() => log.push(tag + k)); } return p; }\n(async () => {\n  const a = Array.fromAsync([1, 2]).then(v => log.push('A:' + v));\n  const t = tick('t', 8);\n  await Promise.all([a, t]);\n  pm.test('1 ' + log.join(' '), () => {});\n  log.length = 0;\n  const b = Array.fromAsync([Promise.resolve(1), 2]).then(v => log.push('B:' + v));\n  await Promise.all([b, tick('t', 8)]);\n  pm.test('2 ' + log.join(' '), () => {});\n  log.length = 0;\n  async function* g() { yield 1; yield 2; }\n  const c = Array.fromAsync(g()).then(v => log.push('C:' + v));\n  await Promise.all([c, tick('t', 14)]);\n  pm.test('3 ' + log.join(' '), () => {});\n  log.length = 0;\n  const d = Array.fromAsync({length: 2, 0: 'x', 1: 'y'}).then(v => log.push('D:' + v));\n  await Promise.all([d, tick('t', 8)]);\n  pm.test('4 ' + log.join(' '), () => {});\n  log.length = 0;\n  const e = Array.fromAsync([1, 2], x => x * 2).then(v => log.push('E:' + v));\n  await Promise.all([e, tick('t', 10)]);\n  pm.test('5 ' + log.join(' '), () => {});\n  log.length = 0;\n  const f = Array.fromAsync([]).then(v => log.push('F:' + v.length));\n  await Promise.all([f, tick('t', 5)]);\n  pm.test('6 ' + log.join(' '), () => {});\n  log.length = 0;\n  const h = Array.fromAsync(5).then(v => log.push('H:' + v.length), e => log.push('H!' + e.name));\n  await Promise.all([h.catch(() => {}), tick('t', 5)]);\n  pm.test('7 ' + log.join(' '), () => {});\n  log.length = 0;\n  const i = Array.fromAsync([1], async x => x).then(v => log.push('I:' + v));\n  await Promise.all([i, tick('t', 8)]);\n  pm.test('8 ' + log.join(' '), () => {});\n  log.length = 0;\n  const j = Array.fromAsync({[Symbol.asyncIterator]() { let n = 0; return {next() { return Promise.resolve({value: n, done: n++ > 1}); }}; }}).then(v => log.push('J:' + v));\n  await Promise.all([j, tick('t', 10)]);\n  pm.test('9 ' + log.join(' '), () => {});\n})();\n",
			"1 t0 t1 t2 t3 t4 t5 A:1,2 t6 t7\n2 t0 t1 t2 t3 t4 t5 B:1,2 t6 t7\n3 t0 t1 t2 t3 t4 C:1,2 t5 t6 t7 t8 t9 t10 t11 t12 t13\n4 t0 t1 D:x,y t2 t3 t4 t5 t6 t7\n5 t0 t1 t2 t3 t4 t5 t6 t7 E:2,4 t8 t9\n6 t0 t1 F:0 t2 t3 t4\n7 H:0 t0 t1 t2 t3 t4\n8 t0 t1 t2 t3 t4 I:1 t5 t6 t7\n9 t0 t1 t2 J:0,1 t3 t4 t5 t6 t7 t8 t9"},
		{"async generators",
			"const log = [];\nfunction tick(tag, n) { let p = Promise.resolve(); for (let i = 0; i < n; i++) { const k = i; p = p.then(() => log.push(tag + k)); } return p; }\nasync function run(name, f, n) { log.length = 0; await Promise.all([f().catch(e => log.push('E' + e)), tick('t', n)]); pm.test(name + ' ' + log.join(' '), () => {}); }\n(async () => {\n  async function* g() { yield 1; yield 2; }\n  await run('forawait', async () => { for await (const x of g()) log.push('x' + x); log.push('end'); }, 12);\n  await run('promise', async () => { async function* h() { yield Promise.resolve('p'); await null; yield 'q'; } for await (const x of h()) log.push(x); }, 12);\n  await run('return', async () => { const it = g(); log.push('n' + (await it.next()).value); const r = await it.return(7); log.push('r' + r.value + r.done); }, 10);\n  await run('throw', async () => { const it = g(); await it.next(); try { await it.throw(new Error('z')); } catch (e) { log.push('c' + e.message); } }, 10);\n  await run('queued', async () => { const it = g(); const a = it.next(), b = it.next(), c = it.next(); a.then(v => log.push('a' + v.value)); b.then(v => log.push('b' + v.value)); c.then(v => log.push('c' + v.done)); await c; }, 10);\n  await run('delegate', async () => { async function* d() { yield* g(); yield 3; } for await (const x of d()) log.push('d' + x); }, 20);\n  await run('explicit', async () => { async function* e() { yield 1; return 5; } const it = e(); await it.next(); log.push('v' + (await it.next()).value); }, 8);\n  await run('break', async () => { for await (const x of g()) { log.push('b' + x); break; } log.push('after'); }, 10);\n  await run('syncsrc', async () => { for await (const x of [Promise.resolve('s1'), 's2']) log.push(x); }, 10);\n  await run('empty', async () => { async function* e() {} for await (const x of e()) log.push(x); log.push('done'); }, 6);\n})();\n",
			"forawait t0 x1 t1 t2 x2 t3 end t4 t5 t6 t7 t8 t9 t10 t11\npromise t0 p t1 t2 t3 q t4 t5 t6 t7 t8 t9 t10 t11\nreturn t0 n1 t1 t2 r7true t3 t4 t5 t6 t7 t8 t9\nthrow t0 t1 cz t2 t3 t4 t5 t6 t7 t8 t9\nqueued t0 a1 t1 b2 ctrue t2 t3 t4 t5 t6 t7 t8 t9\ndelegate t0 t1 d1 t2 t3 t4 d2 t5 t6 t7 d3 t8 t9 t10 t11 t12 t13 t14 t15 t16 t17 t18 t19\nexplicit t0 t1 t2 v5 t3 t4 t5 t6 t7\nbreak t0 b1 t1 t2 after t3 t4 t5 t6 t7 t8 t9\nsyncsrc t0 s1 t1 t2 s2 t3 t4 t5 t6 t7 t8 t9\nempty done t0 t1 t2 t3 t4 t5"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			checkTestNames(t, c.src, strings.Split(c.want, "\n"))
		})
	}
}
