package scripting

import "strings"

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
