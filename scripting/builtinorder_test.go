package scripting

import "testing"

// Scripts that may see a built-in's own key order, and scripts that only
// call its members (which pay nothing).
func TestMayListBuiltinKeys(t *testing.T) {
	t.Parallel()
	for src, want := range map[string]bool{
		"Object.getOwnPropertyNames(Date)":    true,
		"Reflect.ownKeys(Math)":               true,
		"pm.expect(Math).to.be.an('object')":  true,
		"const m = Math;":                     true,
		"f(JSON, 1)":                          true,
		"x = [Reflect]":                       true,
		"eval(code)":                          true,
		"Math.max(1, 2); JSON.parse('{}')":    false,
		"Math?.max(1); Math['min'](2)":        false,
		"const MathUtil = 1; myJSON(); xMath": false,
		"pm.test('x', () => {});":             false,
	} {
		if got := mayListBuiltinKeys(src); got != want {
			t.Errorf("mayListBuiltinKeys(%q) = %v, want %v", src, got, want)
		}
	}
}

// Math, Reflect, Promise and Date list their keys in V8's order, Sugar's
// statics in Sugar's, once a script could see them (fresh-round11p-f/-g
// hold Newman's and Postman CLI's lists); chai names Math's first key.
func TestBuiltinsListKeysInV8Order(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+"p(() => Object.getOwnPropertyNames(Math).slice(0, 3).join() + '|' + Object.getOwnPropertyNames(Math).slice(-9).join());\n"+
		"p(() => Reflect.ownKeys(Reflect).slice(0, 3).map(String).join());\n"+
		"p(() => Object.getOwnPropertyNames(Promise).join());\n"+
		"p(() => Object.getOwnPropertyNames(Date).slice(0, 11).join());\n"+
		"p(() => pm.expect(Math).to.be.a('string'));\n"+
		"p(() => Reflect.ownKeys(Map.prototype).slice(-2).map(String).join() + '|' + Object.getOwnPropertyNames(Error.prototype).join());\n", []string{
		"abs,acos,acosh|E,LN10,LN2,LOG10E,LOG2E,PI,SQRT1_2,SQRT2,f16round",
		"defineProperty,deleteProperty,apply",
		"length,name,prototype,all,allSettled,any,race,resolve,reject,withResolvers,try",
		"length,name,prototype,now,parse,UTC,SugarMethods,extend,sugarRestore,sugarRevert,create",
		"E:AssertionError: expected { abs: [Function abs], …(43), …(1) } to be a string",
		"Symbol(Symbol.toStringTag),Symbol(Symbol.iterator)|constructor,name,message,toString,toJSON",
	})
}
