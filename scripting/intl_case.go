package scripting

import (
	"strings"

	"github.com/dop251/goja"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
)

// String#toLocaleLowerCase and toLocaleUpperCase with a locale whose case
// rules differ from the default: Turkish and Azeri dotted and dotless i,
// Lithuanian's dot above (ICU's, in both of Postman's sandboxes). goja
// ignores the locale; installed when a script names either method
// (gojaExtraWords), with goja's own for every other locale.
func (e *Engine) installLocaleCase() {
	proto, ok := e.rt.Get("String").(*goja.Object)
	if !ok {
		return
	}
	if proto, ok = proto.Get("prototype").(*goja.Object); !ok {
		return
	}
	for _, m := range []struct {
		name  string
		upper bool
	}{{"toLocaleLowerCase", false}, {"toLocaleUpperCase", true}} {
		orig, ok := goja.AssertFunction(proto.Get(m.name))
		if !ok {
			continue
		}
		m := m
		fn := e.rt.ToValue(func(c goja.FunctionCall) goja.Value {
			if goja.IsUndefined(c.This) || goja.IsNull(c.This) {
				e.throw("TypeError", "String.prototype."+m.name+" called on null or undefined")
			}
			if loc := c.Argument(0); !goja.IsUndefined(loc) {
				if tags := e.checkLocales(loc); len(tags) > 0 {
					if lang, special := caseLanguage(tags[0]); special {
						if m.upper {
							return e.rt.ToValue(cases.Upper(lang).String(c.This.String()))
						}
						return e.rt.ToValue(cases.Lower(lang).String(c.This.String()))
					}
				}
			}
			v, err := orig(c.This, c.Arguments...)
			if err != nil {
				panic(err)
			}
			return v
		}).(*goja.Object)
		_ = fn.DefineDataProperty("name", e.rt.ToValue(m.name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		_ = fn.DefineDataProperty("length", e.rt.ToValue(0), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		_ = proto.DefineDataProperty(m.name, fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
}

// caseLanguage is the language whose case rules a tag asks for, when they
// are not the default ones.
func caseLanguage(tag string) (language.Tag, bool) {
	base, _, _ := strings.Cut(strings.ToLower(tag), "-")
	switch base {
	case "tr":
		return language.Turkish, true
	case "az":
		return language.Azerbaijani, true
	case "lt":
		return language.Lithuanian, true
	}
	return language.Und, false
}
