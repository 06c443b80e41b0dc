package scripting

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
)

// A class field initializer that uses super runs (goja refused the whole
// script): plain, static, private, computed and quoted keys, arrows, static
// blocks, nested classes, field order, an error thrown inside, an automatic
// semicolon, parentheses, classes with no extends. Each want line is what
// Postman CLI 1.34.0 printed for the same line.
func TestSuperInFieldInitializersAsPostman(t *testing.T) {
	t.Parallel()
	src := "function p(f) { let v; try { v = f(); } catch (e) { v = 'E:' + e.name + ': ' + e.message; } pm.test(typeof v === 'string' ? v : JSON.stringify(v), () => {}); }" + "\n" + `
class Base { get r() { return 'r'; } m(x) { return 'm' + x; } static s = 'S'; static sm() { return 'sm:' + this.name; } #own = 1; get ownSeen() { return this.#own; } }
p(() => { class C extends Base { x = super.r; y = super.m(1); z = super['m'](2); } const c = new C(); return [c.x, c.y, c.z].join(); });
p(() => { class C extends Base { static x = super.s; static y = super.sm(); static z = super.sm; } return [C.x, C.y, typeof C.z].join(); });
p(() => { class C extends Base { #p = super.m('#'); static #q = super.s + '#'; get both() { return this.#p + C.#q; } } return new C().both; });
p(() => { let k = 0; class C extends Base { ['a' + (++k)] = super.r; [` + "`" + `b${++k}` + "`" + `] = super.m(k); 'quoted key' = super.r + '!'; 42 = super.r; } return JSON.stringify(new C()) + k; });
p(() => { class C extends Base { f = () => super.m('arrow'); g = function () { return typeof this; }; } const c = new C(); return c.f() + '|' + c.g(); });
p(() => { class C extends Base { static { this.blk = super.sm(); } static after = super.s + this.blk; } return C.after; });
p(() => { class C extends Base { inner = class extends Base { v = super.m('in'); }; outer = super.m('out'); } const c = new C(); return new c.inner().v + '|' + c.outer; });
p(() => { class C extends Base { a = 1; b = this.a + 1; c = super.r + this.b; d = this.c + '.'; } return JSON.stringify(new C()); });
p(() => { class C extends Base { x = super.r; } return Object.keys(new C()).join() + '|' + Object.getOwnPropertyNames(C.prototype).join() + '|' + Object.getOwnPropertySymbols(C.prototype).length + '|' + Reflect.ownKeys(new C()).length; });
p(() => { class C extends Base { x = super.missing(); } try { new C(); } catch (e) { return e.name + ': ' + e.message; } });
p(() => { class C extends Base { x = super.ownSeen; } return new C().x; });
p(() => { const o = { __proto__: { hi() { return 'proto hi'; } }, m() { class K { v = super.hi; } return new K().v; } }; return typeof o.m(); });
p(() => { class C extends Base { x = [1, 2].map(n => super.m(n)).join('+'); } return new C().x; });
p(() => { class C extends Base { x = super.r; constructor() { super(); this.y = this.x + 'y'; } } return new C().y; });
p(() => { class D extends Base { x = super.r; } class E extends D { z = super.x; w = this.x; } const e = new E(); return [e.z, e.w].join(); });
p(() => { class C extends Base { x = super.r
  y = 'asi' } return new C().y + new C().x; });
p(() => { class C extends Base { x = (super.r); y = (((super.m('p')))); } return new C().x + new C().y; });
p(() => { class C { x = super.toString === Object.prototype.toString; static y = super.constructor === Function.prototype.constructor; } return new C().x + ',' + C.y; });
p(() => { class C extends Base { x = ` + "`" + `t:${super.r}` + "`" + `; y = super.r ? 'yes' : 'no'; z = new.target; } const c = new C(); return c.x + c.y + c.z; });`
	want := []string{
		"r,m1,m2",
		"S,sm:C,function",
		"m#S#",
		"{\"42\":\"r\",\"a1\":\"r\",\"b2\":\"m2\",\"quoted key\":\"r!\"}2",
		"marrow|object",
		"Ssm:C",
		"min|mout",
		"{\"a\":1,\"b\":2,\"c\":\"r2\",\"d\":\"r2.\"}",
		"x|constructor|0|1",
		"TypeError: (intermediate value).missing is not a function",
		"1",
		"undefined",
		"m1+m2",
		"ry",
		",r",
		"asir",
		"rmp",
		"true,true",
		"t:ryesundefined",
	}
	checkTestNames(t, src, want)
}

// Only field initializers that use super are wrapped; other fields, and
// super in methods, constructors and static blocks, stay as parsed.
func TestWrapSuperFieldsTouchesOnlySuperInitializers(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		src     string
		wrapped int
	}{
		{"class A { x = 1; static y = this.x; #z = () => 2; m() { return super.m(); } }", 0},
		{"class B extends Object { constructor() { super(); } static { super.toString(); } }", 0},
		{"class C extends Object { a = 1; b = super.toString; static c = super.name; #d = [super.x]; e = 2 }", 3},
		{"class D extends Object { x = class extends Object { y = super.z; }; }", 2},
	} {
		prg, err := goja.Parse(scriptFile, tc.src)
		if err != nil {
			t.Fatal(err)
		}
		wrapSuperFields(prg)
		n := 0
		walkAST(reflect.ValueOf(prg), func(node ast.Node) {
			if f, ok := node.(*ast.FieldDefinition); ok {
				if c, ok := f.Initializer.(*ast.CallExpression); ok {
					if _, ok := c.Callee.(*ast.ArrowFunctionLiteral); ok {
						n++
					}
				}
			}
		})
		if n != tc.wrapped {
			t.Errorf("%s: %d initializers wrapped, want %d", tc.src, n, tc.wrapped)
		}
	}
}

// An error thrown inside a wrapped initializer, uncaught, names the
// script's own line and column (V8's words).
func TestSuperFieldErrorKeepsItsPosition(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", "class A {}\nclass B extends A {\n  x = 1;  y = super.nope();\n}\nnew B();"))
	if r.Err == nil {
		t.Fatal("no error")
	}
	if got := r.Err.Error(); !strings.Contains(got, "(intermediate value).nope is not a function") || !strings.Contains(got, "at 3:25:") {
		t.Errorf("error %q: want V8's words at line 3", got)
	}
}
