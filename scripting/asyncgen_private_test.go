package scripting

import "testing"

// Private async generator methods (async *#p(), static too) run as in
// Postman's V8: the rewrite's method pattern did not take a private name,
// and goja refused the whole script ("Async generators are not supported
// yet"). Each want line is what Postman CLI 1.34.0 printed for the same
// line (recorded three times, identical). Left: such a method's own
// Object.prototype.toString tag reads [object Function] (V8:
// [object AsyncGeneratorFunction]): the marker cannot reach private names.
func TestPrivateAsyncGeneratorMethodsAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
class C { async *#p(x) { yield x; yield x + 1; } get p() { return this.#p; } async run() { const out = []; for await (const v of this.#p(1)) out.push(v); return out.join(); } static async *#s() { yield 's'; } static async sr() { const out = []; for await (const v of C.#s()) out.push(v); return out.join(); } }
p(() => typeof new C().p);
p(() => Object.prototype.toString.call(new C().p(1)));
(async () => {
  pm.test('run:' + await new C().run(), () => {});
  pm.test('sr:' + await C.sr(), () => {});
  const g = new C().p(5); pm.test('next:' + JSON.stringify(await g.next()), () => {});
})();`, []string{
		"function",
		"[object AsyncGenerator]",
		"run:1,2",
		"sr:s",
		"next:{\"value\":5,\"done\":false}",
	})
}
