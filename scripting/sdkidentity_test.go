package scripting

import "testing"

// TestRequestDataAndModuleClassesAsNewman: the request's url and body are
// plain data (a string a script assigns stays a string), Request's
// prototype has no body or to of its own, and once the module is required
// pm's objects name its classes as their constructors, as
// fresh-round10s-b recorded Newman 6.2.2 answering.
func TestRequestDataAndModuleClassesAsNewman(t *testing.T) {
	t.Parallel()
	src := `function p(label, f) { let v; try { v = f(); v = typeof v === 'string' ? v : JSON.stringify(v); } catch (e) { v = 'E:' + e.message; } pm.test(label + ' ' + v, () => {}); }
function d(o, k) { const x = Object.getOwnPropertyDescriptor(o, k); return x ? Object.keys(x).join('/') : 'none'; }
p('url', () => d(pm.request, 'url'));
p('body', () => d(pm.request, 'body'));
p('prototype', () => [d(Object.getPrototypeOf(pm.request), 'body'), d(Object.getPrototypeOf(pm.request), 'to'), typeof pm.request.to]);
pm.request.body = 'abc';
p('string body', () => [typeof pm.request.body, pm.request.body]);
delete pm.request.body;
p('deleted body', () => Object.keys(pm.request).join());
const before = pm.request.constructor;
const sdk = require('postman-collection');
p('constructors', () => [before === sdk.Request, pm.request.constructor === sdk.Request, pm.request.url.constructor === sdk.Url, pm.response.constructor === sdk.Response, pm.request.headers.constructor === sdk.HeaderList]);
p('instanceof', () => [pm.request instanceof sdk.Request, new sdk.Url('http://x.test') instanceof pm.request.url.constructor]);
p('still ours', () => [pm.request.url.getHost(), pm.request.headers.get('X-Trace')]);`
	checkTestNames(t, src, []string{
		"url value/writable/enumerable/configurable",
		"body value/writable/enumerable/configurable",
		`prototype ["none","none","object"]`,
		`string body ["string","abc"]`,
		"deleted body url,headers,method",
		"constructors [false,true,true,true,true]",
		"instanceof [true,true]",
		`still ours ["api.example.com","t1"]`,
	})
}

// TestConstructorsAsTheModules: once a script could see prototypes, the
// constructors pm's objects name are shaped as postman-collection's sloppy
// ones (own arguments and caller before prototype, then the statics), and
// instanceof and new still work through them (fresh-round8s-a).
func TestConstructorsAsTheModules(t *testing.T) {
	t.Parallel()
	src := `const R = Object.getPrototypeOf(pm.request).constructor;
pm.test(Object.getOwnPropertyNames(R).slice(0, 6).join() + ' ' + R.name + ' ' + R.length + ' ' + (pm.request instanceof R) + ' ' + new R('http://x.test/p').url.getHost() + ' ' + (R.super_ === Object.getPrototypeOf(Object.getPrototypeOf(pm.request)).constructor) + ' ' + String(R.arguments), () => {});
pm.test(Object.getOwnPropertyNames(pm.request.headers.Type).slice(0, 4).join(), () => {});`
	checkTestNames(t, src, []string{
		"length,name,arguments,caller,prototype,super_ PostmanRequest 1 true x.test true null",
		"length,name,prototype,super_",
	})
}
