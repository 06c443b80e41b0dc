package scripting

import (
	"strings"

	"github.com/dop251/goja"
)

// The sandbox bundle's functions that are not strict (pm.test, pm.expect,
// pm.sendRequest, the timers...) have own arguments, caller and prototype
// members in Postman; making them costs every engine about 450 allocations,
// so they are made when a script could first see them: it names them, lists
// or inspects own members, or builds code at run time (js/parts/fn-shapes.js).
var functionShapeWords = []string{"arguments", "caller", "prototype", "getOwnProperty", "ownKeys", "hasOwn",
	"propertyIsEnumerable", "definePropert", "etter__", "isFrozen", "isSealed", "showHidden", "eval", "Function"}

func mayMeetFunctionShapes(src string) bool {
	for _, w := range functionShapeWords {
		if strings.Contains(src, w) {
			return true
		}
	}
	return false
}

func (e *Engine) installFunctionShapes() {
	e.fnShapesInstalled = true
	_, _ = e.api.shapeFunctions(nil)
}

// The prototypes of pm's objects (postman-collection's shapes) get
// Newman's members, order and method shapes when a script could first see
// them: for-in or the in operator, lodash's helpers that walk inherited
// keys, a prototype read, or a member only that pass adds
// (js/parts/proto-shapes.js). Scripts that look at functions' own members
// get them too (mayMeetFunctionShapes).
var prototypeWords = []string{" in ", "keysIn", "forIn", "assignIn", "extend", "defaults", "merge", "omit", "toPlainObject",
	"__proto__", "getPrototypeOf", "isPrototypeOf", "describe", "Resolved", "Substitutions", "Parent", "meta", "Tracking",
	"applyMutation", "addLayer", "substitute", "syncFromObject", "syncToObject", "oneNormalizedVariable", "cast",
	"valueType", "contentSize", "RequiresId"}

func mayMeetPrototypes(src string) bool {
	for _, w := range prototypeWords {
		if strings.Contains(src, w) {
			return true
		}
	}
	return false
}

func (e *Engine) installPrototypeShapes() {
	e.protoShapesInstalled = true
	if f, ok := goja.AssertFunction(e.api.obj.Get("shapePrototypes")); ok {
		_, _ = f(nil)
	}
	if e.fnShapesInstalled {
		// The functions the pass listed get their members now.
		_, _ = e.api.shapeFunctions(nil)
	}
}
