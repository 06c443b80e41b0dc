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
	// The prototypes (fresh-round11p-m.json, Newman; fresh-round11p-n.json,
	// Postman CLI); @@name is the well-known symbol Symbol.name.
	{"Array.prototype", "length,constructor,at,concat,copyWithin,fill,find,findIndex,findLast,findLastIndex,lastIndexOf,pop,push,reverse,shift,unshift,slice,sort,splice,includes,indexOf,join,keys,entries,values,forEach,filter,flat,flatMap,map,every,some,reduce,reduceRight,toReversed,toSorted,toSpliced,with,toLocaleString,toString,findAll,count,removeAt,include,exclude,clone,unique,flatten,union,intersect,subtract,first,last,from,to,min,max,least,most,sum,average,inGroups,inGroupsOf,isEmpty,sortBy,randomize,zip,sample,each,add,remove,compact,groupBy,none,all,any,insert,@@iterator,@@unscopables"},
	{"String.prototype", "length,constructor,anchor,at,big,blink,bold,charAt,charCodeAt,codePointAt,concat,endsWith,fontcolor,fontsize,fixed,includes,indexOf,isWellFormed,italics,lastIndexOf,link,localeCompare,match,matchAll,normalize,padEnd,padStart,repeat,replace,replaceAll,search,slice,small,split,strike,sub,substr,substring,sup,startsWith,toString,toWellFormed,trim,trimStart,trimLeft,trimEnd,trimRight,toLocaleLowerCase,toLocaleUpperCase,toLowerCase,toUpperCase,valueOf,escapeRegExp,escapeURL,unescapeURL,escapeHTML,unescapeHTML,encodeBase64,decodeBase64,each,shift,codes,chars,words,lines,paragraphs,isBlank,has,add,remove,reverse,compact,from,to,dasherize,underscore,camelize,spacify,stripTags,removeTags,truncate,pad,padLeft,padRight,first,last,toNumber,capitalize,assign,insert,pluralize,singularize,humanize,titleize,parameterize,hankaku,zenkaku,hiragana,katakana,isArabic,hasArabic,isCyrillic,hasCyrillic,isDevanagari,hasDevanagari,isGreek,hasGreek,isHangul,hasHangul,isHan,hasHan,isKanji,hasKanji,isHebrew,hasHebrew,isHiragana,hasHiragana,isKana,hasKana,isKatakana,hasKatakana,isLatin,hasLatin,isThai,hasThai,@@iterator"},
	{"Number.prototype", "constructor,toExponential,toFixed,toPrecision,toString,valueOf,toLocaleString,duration,year,years,yearBefore,yearsBefore,yearAgo,yearsAgo,yearAfter,yearsAfter,yearFromNow,yearsFromNow,month,months,monthBefore,monthsBefore,monthAgo,monthsAgo,monthAfter,monthsAfter,monthFromNow,monthsFromNow,week,weeks,weekBefore,weeksBefore,weekAgo,weeksAgo,weekAfter,weeksAfter,weekFromNow,weeksFromNow,day,days,dayBefore,daysBefore,dayAgo,daysAgo,dayAfter,daysAfter,dayFromNow,daysFromNow,hour,hours,hourBefore,hoursBefore,hourAgo,hoursAgo,hourAfter,hoursAfter,hourFromNow,hoursFromNow,minute,minutes,minuteBefore,minutesBefore,minuteAgo,minutesAgo,minuteAfter,minutesAfter,minuteFromNow,minutesFromNow,second,seconds,secondBefore,secondsBefore,secondAgo,secondsAgo,secondAfter,secondsAfter,secondFromNow,secondsFromNow,millisecond,milliseconds,millisecondBefore,millisecondsBefore,millisecondAgo,millisecondsAgo,millisecondAfter,millisecondsAfter,millisecondFromNow,millisecondsFromNow,log,abbr,metric,bytes,isInteger,isOdd,isEven,isMultipleOf,format,hex,upto,downto,times,chr,pad,ordinalize,toNumber,round,floor,ceil,abs,pow,sin,asin,cos,acos,tan,atan,exp,sqrt"},
	{"Object.prototype", "constructor,__defineGetter__,__defineSetter__,hasOwnProperty,__lookupGetter__,__lookupSetter__,isPrototypeOf,propertyIsEnumerable,toString,valueOf,__proto__,toLocaleString"},
	{"Function.prototype", "length,name,arguments,caller,constructor,apply,bind,call,toString,lazy,delay,throttle,debounce,cancel,after,once,fill,@@hasInstance"},
	{"Date.prototype", "constructor,toString,toDateString,toTimeString,toISOString,toUTCString,toGMTString,getDate,setDate,getDay,getFullYear,setFullYear,getHours,setHours,getMilliseconds,setMilliseconds,getMinutes,setMinutes,getMonth,setMonth,getSeconds,setSeconds,getTime,setTime,getTimezoneOffset,getUTCDate,setUTCDate,getUTCDay,getUTCFullYear,setUTCFullYear,getUTCHours,setUTCHours,getUTCMilliseconds,setUTCMilliseconds,getUTCMinutes,setUTCMinutes,getUTCMonth,setUTCMonth,getUTCSeconds,setUTCSeconds,valueOf,getYear,setYear,toJSON,toLocaleString,toLocaleDateString,toLocaleTimeString,set,setWeekday,setISOWeek,getISOWeek,getUTCOffset,utc,isUTC,advance,rewind,isValid,isAfter,isBefore,isBetween,isLeapYear,daysInMonth,format,relative,is,reset,clone,iso,getWeekday,getUTCWeekday,yearsAgo,yearsUntil,yearsSince,yearsFromNow,addYears,isLastYear,isThisYear,isNextYear,beginningOfYear,endOfYear,monthsAgo,monthsUntil,monthsSince,monthsFromNow,addMonths,isLastMonth,isThisMonth,isNextMonth,beginningOfMonth,endOfMonth,weeksAgo,weeksUntil,weeksSince,weeksFromNow,addWeeks,isLastWeek,isThisWeek,isNextWeek,beginningOfWeek,endOfWeek,daysAgo,daysUntil,daysSince,daysFromNow,addDays,beginningOfDay,endOfDay,hoursAgo,hoursUntil,hoursSince,hoursFromNow,addHours,minutesAgo,minutesUntil,minutesSince,minutesFromNow,addMinutes,secondsAgo,secondsUntil,secondsSince,secondsFromNow,addSeconds,millisecondsAgo,millisecondsUntil,millisecondsSince,millisecondsFromNow,addMilliseconds,short,long,full,isToday,isYesterday,isTomorrow,isWeekday,isWeekend,isFuture,isPast,isSunday,isMonday,isTuesday,isWednesday,isThursday,isFriday,isSaturday,isJanuary,isFebruary,isMarch,isApril,isMay,isJune,isJuly,isAugust,isSeptember,isOctober,isNovember,isDecember,@@toPrimitive"},
	{"RegExp.prototype", "constructor,exec,dotAll,flags,global,hasIndices,ignoreCase,multiline,source,sticky,unicode,unicodeSets,compile,toString,test,getFlags,setFlags,addFlag,removeFlag,@@match,@@matchAll,@@replace,@@search,@@split"},
	{"Promise.prototype", "constructor,then,catch,finally,@@toStringTag"},
	{"Map.prototype", "constructor,get,set,has,delete,clear,entries,forEach,keys,size,values,@@toStringTag,@@iterator"},
	{"Set.prototype", "constructor,has,add,delete,difference,clear,entries,forEach,intersection,isSubsetOf,isSupersetOf,isDisjointFrom,size,symmetricDifference,union,values,keys,@@toStringTag,@@iterator"},
	{"Error.prototype", "constructor,name,message,toString,toJSON"},
	{"Symbol.prototype", "constructor,toString,valueOf,description,@@toStringTag,@@toPrimitive"},
	{"Boolean.prototype", "constructor,toString,valueOf"},
	{"BigInt.prototype", "constructor,toLocaleString,toString,valueOf,@@toStringTag"},
	{"ArrayBuffer.prototype", "constructor,byteLength,slice,maxByteLength,resizable,resize,transfer,transferToFixedLength,detached,@@toStringTag"},
	{"Uint8Array.prototype", "constructor,BYTES_PER_ELEMENT"},
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
		name, proto := strings.CutSuffix(b.name, ".prototype")
		o, ok := g.Get(name).(*goja.Object)
		if ok && proto {
			o, ok = o.Get("prototype").(*goja.Object)
		}
		if !ok {
			continue
		}
		o.GetOwnPropertyNames() // goja lists a template's keys on first use
		order := strings.Split(b.order, ",")
		var syms []string
		for i, k := range order {
			if strings.HasPrefix(k, "@@") {
				order, syms = order[:i], strings.Split(strings.ReplaceAll(strings.Join(order[i:], ","), "@@", ""), ",")
				break
			}
		}
		if names := globalNames(o); names != nil {
			orderNames(*names, order)
		}
		if syms != nil {
			e.orderSymbols(o, syms)
		}
	}
}

// orderSymbols moves o's well-known symbol keys named in syms, in that
// order, after its others (goja keeps symbol keys apart, in an order of
// its own): each configurable one is defined again.
func (e *Engine) orderSymbols(o *goja.Object, syms []string) {
	if e.symbolMover == nil {
		v, err := e.rt.RunString(symbolMoverSrc)
		if err != nil {
			return
		}
		e.symbolMover, _ = goja.AssertFunction(v)
	}
	if e.symbolMover != nil {
		_, _ = e.symbolMover(goja.Undefined(), o, e.rt.ToValue(syms))
	}
}

const symbolMoverSrc = `(function (o, names) {
  var gd = Object.getOwnPropertyDescriptor, dp = Object.defineProperty;
  names.forEach(function (n) {
    var s = Symbol[n], d = gd(o, s);
    if (d && d.configurable) { delete o[s]; dp(o, s, d); }
  });
})`

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
