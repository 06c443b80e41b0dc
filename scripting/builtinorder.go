package scripting

import (
	"slices"
	"strings"

	"github.com/dop251/goja"
)

// The built-in namespaces and constructors list their own keys in V8's
// order in Postman (Math's functions before its constants, Reflect's
// defineProperty first, Promise's resolve before reject, Date's length
// before name...), with Sugar's statics after the natives in the order
// Sugar adds them; goja's templates keep an order of their own. A script
// sees the difference only when it lists those keys (getOwnPropertyNames,
// Reflect.ownKeys, getOwnPropertyDescriptors) or hands a namespace to
// something that prints it (chai's message over pm.expect(Math) names its
// first key), so the keys are put in Postman's order when such a script is
// first run by an Engine. The orders are Postman CLI 1.34.0's
// (fresh-round11p-g.json), which are Newman 6.2.2's (fresh-round11p-f.json)
// with the members Newman's Node lacks in their places.

// builtinOrder is one built-in's own string keys in Postman's order; keys
// it does not name keep their order after those it does.
type builtinOrder struct {
	name  string
	order string
}

var builtinOrders = []builtinOrder{
	{"Math", "abs,acos,acosh,asin,asinh,atan,atanh,atan2,ceil,cbrt,expm1,clz32,cos,cosh,exp,floor,fround,hypot,imul,log,log1p,log2,log10,max,min,pow,random,round,sign,sin,sinh,sqrt,tan,tanh,trunc,E,LN10,LN2,LOG10E,LOG2E,PI,SQRT1_2,SQRT2,f16round"},
	{"Reflect", "defineProperty,deleteProperty,apply,construct,get,getOwnPropertyDescriptor,getPrototypeOf,has,isExtensible,ownKeys,preventExtensions,set,setPrototypeOf"},
	{"Promise", "length,name,prototype,all,allSettled,any,race,resolve,reject,withResolvers,try"},
	{"Symbol", "length,name,prototype,for,keyFor,asyncIterator,hasInstance,isConcatSpreadable,iterator,match,matchAll,replace,search,species,split,toPrimitive,toStringTag,unscopables,dispose,asyncDispose"},
	{"Date", "length,name,prototype,now,parse,UTC,SugarMethods,extend,sugarRestore,sugarRevert,create,past,future,addLocale,setLocale,getLocale,addFormat,utc,RFC1123,RFC1036,ISO8601_DATE,ISO8601_DATETIME,range"},
	{"Number", "length,name,prototype,isFinite,isInteger,isNaN,isSafeInteger,parseFloat,parseInt,MAX_VALUE,MIN_VALUE,NaN,NEGATIVE_INFINITY,POSITIVE_INFINITY,MAX_SAFE_INTEGER,MIN_SAFE_INTEGER,EPSILON,SugarMethods,extend,sugarRestore,sugarRevert,random"},
	{"Array", "length,name,prototype,isArray,from,fromAsync,of,SugarMethods,extend,sugarRestore,sugarRevert,create,AlphanumericSortOrder,AlphanumericSortIgnoreCase,AlphanumericSortEquivalents"},
	{"String", "length,name,prototype,fromCharCode,fromCodePoint,raw,SugarMethods,extend,sugarRestore,sugarRevert,Inflector"},
	{"Object", "length,name,prototype,assign,getOwnPropertyDescriptor,getOwnPropertyDescriptors,getOwnPropertyNames,getOwnPropertySymbols,hasOwn,is,preventExtensions,seal,create,defineProperties,defineProperty,freeze,getPrototypeOf,setPrototypeOf,isExtensible,isFrozen,isSealed,keys,entries,fromEntries,values,groupBy,SugarMethods,extend,sugarRestore,sugarRevert,map,reduce,each,size,any,all,none,count,find,findAll,isEmpty,sum,average,min,max,least,most,watch,isObject,isNaN,equal,extended,merge,clone,fromQueryString,toQueryString,tap,has,select,reject,isArray,isBoolean,isDate,isFunction,isNumber,isString,isRegExp"},
	{"RegExp", "length,name,prototype,input,$_,lastMatch,$&,lastParen,$+,leftContext,$`,rightContext,$',$1,$2,$3,$4,$5,$6,$7,$8,$9,escape,SugarMethods,extend,sugarRestore,sugarRevert"},
	{"Error", "length,name,prototype,captureStackTrace,isError,stackTraceLimit,prepareStackTrace"},
	{"BigInt", "length,name,prototype,asUintN,asIntN"},
}

// namespaceNames are the built-in namespaces a script may hand on whole.
var namespaceNames = [...]string{"Math", "JSON", "Reflect", "Atomics", "Intl"}

// mayListBuiltinKeys reports whether a script may see the order of a
// built-in's own keys: it lists own keys, names a namespace other than to
// read one of its members, or runs code made at run time.
func mayListBuiltinKeys(src string) bool {
	if strings.Contains(src, "getOwnPropertyNames") || strings.Contains(src, "ownKeys") ||
		strings.Contains(src, "getOwnPropertyDescriptors") || namesEvalOrFunction(src) {
		return true
	}
	for _, ns := range namespaceNames {
		for i := 0; ; {
			j := strings.Index(src[i:], ns)
			if j < 0 {
				break
			}
			at, end := i+j, i+j+len(ns)
			i = end
			if at > 0 && (isIdentByte(src[at-1]) || src[at-1] == '.') || end < len(src) && isIdentByte(src[end]) {
				continue
			}
			rest := strings.TrimLeft(src[end:], " \t\r\n")
			if rest == "" || rest[0] != '.' && rest[0] != '?' && rest[0] != '[' {
				return true
			}
		}
	}
	return false
}

// orderBuiltins puts the built-ins' own keys in Postman's order. It runs
// for every script that may see them, once per Engine: keys added since
// (another script's Sugar stubs) move to their places then.
func (e *Engine) orderBuiltins() {
	g := e.rt.GlobalObject()
	for _, b := range builtinOrders {
		o, ok := g.Get(b.name).(*goja.Object)
		if !ok {
			continue
		}
		o.GetOwnPropertyNames() // goja lists a template's keys on first use
		if names := globalNames(o); names != nil {
			orderNames(*names, strings.Split(b.order, ","))
		}
	}
}

// orderNames sorts names in place: those order names first, in its order,
// then the others as they were.
func orderNames(names, order []string) {
	rank := make(map[string]int, len(order))
	for i, n := range order {
		rank[n] = i
	}
	at := func(n string) int {
		if r, ok := rank[n]; ok {
			return r
		}
		return len(order)
	}
	slices.SortStableFunc(names, func(a, b string) int { return at(a) - at(b) })
}
