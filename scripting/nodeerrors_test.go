package scripting

import "testing"

// Node's internal errors as the sandbox's JavaScript globals throw them
// (js/node-errors.js, shared by url.js, web.js and the builtins part, which
// the bootstrap and the text codecs reach it through): one case per way
// ERR_INVALID_ARG_TYPE words the value it received, and one per file that
// throws with it. The answers are Node 20.20.2's (the current sandbox's
// runtime), code and message.
var nodeErrorCases = []refCase{
	{"received null", `new URLSearchParams().forEach(null)`, `E:TypeError: The "callback" argument must be of type function. Received null`, refNode},
	{"received undefined", `new URLSearchParams().forEach(undefined)`, `E:TypeError: The "callback" argument must be of type function. Received undefined`, refNode},
	{"received a plain object", `new URLSearchParams().forEach({})`, `E:TypeError: The "callback" argument must be of type function. Received an instance of Object`, refNode},
	{"received a class instance", `new URLSearchParams().forEach(new (class Foo {})())`, `E:TypeError: The "callback" argument must be of type function. Received an instance of Foo`, refNode},
	{"received a function", `new EventTarget().dispatchEvent(function f() {})`, `E:TypeError: The "event" argument must be an instance of Event. Received function f`, refNode},
	{"received a short string", `new URLSearchParams().forEach('short')`, `E:TypeError: The "callback" argument must be of type function. Received type string ('short')`, refNode},
	{"received a string with a quote", `new URLSearchParams().forEach("it's")`, `E:TypeError: The "callback" argument must be of type function. Received type string ("it's")`, refNode},
	{"received 28 characters", `new URLSearchParams().forEach('x'.repeat(28))`, `E:TypeError: The "callback" argument must be of type function. Received type string ('xxxxxxxxxxxxxxxxxxxxxxxxxxxx')`, refNode},
	{"received 29 characters", `new URLSearchParams().forEach('x'.repeat(29))`, `E:TypeError: The "callback" argument must be of type function. Received type string ('xxxxxxxxxxxxxxxxxxxxxxxxx...')`, refNode},
	{"received a cut string with quotes", `new URLSearchParams().forEach("a'b".repeat(12))`, `E:TypeError: The "callback" argument must be of type function. Received type string ("a'ba'ba'ba'ba'ba'ba'ba'ba...")`, refNode},
	{"received -0", `new URLSearchParams().forEach(-0)`, `E:TypeError: The "callback" argument must be of type function. Received type number (-0)`, refNode},
	{"received a bigint", `new URLSearchParams().forEach(10n)`, `E:TypeError: The "callback" argument must be of type function. Received type bigint (10n)`, refNode},
	{"received a boolean", `new URLSearchParams().forEach(true)`, `E:TypeError: The "callback" argument must be of type function. Received type boolean (true)`, refNode},
	{"received a symbol", `new URLSearchParams().forEach(Symbol('s'))`, `E:TypeError: The "callback" argument must be of type function. Received type symbol (Symbol(s))`, refNode},
	{"a dotted name is a property", `new EventTarget().addEventListener('a', () => {}, {signal: 1})`, `E:TypeError: The "options.signal" property must be an instance of AbortSignal. Received type number (1)`, refNode},
	{"code beside the message (url.js)", `(() => { try { URLSearchParams.prototype.get.call({}, 'a') } catch (e) { return e.code + '|' + e.message } })()`, `S:ERR_INVALID_THIS|Value of "this" must be of type URLSearchParams`, refNode},
	{"code beside the message (web.js)", `(() => { try { new EventTarget().dispatchEvent(1) } catch (e) { return e.code + '|' + (e instanceof TypeError) } })()`, `S:ERR_INVALID_ARG_TYPE|true`, refNode},
	{"bootstrap, through the builtins part", `(() => { try { queueMicrotask(1) } catch (e) { return e.code + '|' + e.message } })()`, `S:ERR_INVALID_ARG_TYPE|The "callback" argument must be of type function. Received type number (1)`, refNode},
	{"text codec, through the builtins part", `new TextEncoder().encodeInto('a', 5)`, `E:TypeError: The "dest" argument must be an instance of Uint8Array. Received type number (5)`, refNode},
}

func TestNodeErrorWords(t *testing.T) { t.Parallel(); checkProbes(t, nodeErrorCases) }
