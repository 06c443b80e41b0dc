package scripting

import (
	"reflect"
	"strconv"
	"sync"

	"github.com/dop251/goja"
)

// Limits on nesting that goja would otherwise follow by Go recursion. A Go
// stack overflow is a fatal error that no recover() catches, so scripts must
// be stopped before one can happen; V8 stops them too, with a RangeError.
const (
	// maxParseDepth bounds JSON.parse's native (recursive) parser. V8's
	// parser is iterative, so this is set far above any real document.
	maxParseDepth = 100_000
	// maxStringifyDepth bounds JSON.stringify, whose native serializer
	// also checks every level for cycles against the whole path (quadratic
	// in depth). V8 gives up with a RangeError at a few thousand levels.
	maxStringifyDepth = 10_000
)

// jsonNesting reports whether JSON text s nests arrays and objects more
// than limit deep. It only counts brackets outside strings; syntax is left
// to the parser.
func jsonNesting(s string, limit int) bool {
	depth, inStr := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if inStr {
			switch c {
			case '\\':
				i++
			case '"':
				inStr = false
			}
			continue
		}
		switch c {
		case '"':
			inStr = true
		case '[', '{':
			if depth++; depth > limit {
				return true
			}
		case ']', '}':
			depth--
		}
	}
	return false
}

// valueDeeper reports whether v nests objects more than limit deep,
// following own enumerable properties without recursion. It is used only
// for JSON.stringify with a property list, which names the keys to follow.
func valueDeeper(rt *goja.Runtime, v goja.Value, keys []string, limit int) bool {
	type frame struct {
		o     *goja.Object
		depth int
	}
	o, ok := v.(*goja.Object)
	if !ok {
		return false
	}
	seen := map[*goja.Object]bool{}
	stack := []frame{{o, 1}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if f.depth > limit {
			return true
		}
		if seen[f.o] {
			continue // a cycle: the serializer reports it
		}
		seen[f.o] = true
		if f.o.ClassName() == "Array" {
			n := int(f.o.Get("length").ToInteger())
			for i := 0; i < n; i++ {
				if c, ok := f.o.Get(strconv.Itoa(i)).(*goja.Object); ok {
					stack = append(stack, frame{c, f.depth + 1})
				}
			}
			continue
		}
		names := keys
		if names == nil {
			names = f.o.Keys()
		}
		for _, k := range names {
			if c, ok := f.o.Get(k).(*goja.Object); ok {
				stack = append(stack, frame{c, f.depth + 1})
			}
		}
	}
	return false
}

// Outcomes of jsonProbe.
const (
	probePlain  = 0 // plain data within the depth limit: the native serializer is safe
	probeExotic = 2 // proxies, class instances, toJSON methods: follow the serializer instead
)

// jsonProbe measures a value JSON.stringify is about to serialize, without
// recursion: plain objects and arrays (and dates and boxed primitives, which
// serialize as leaves). It gives up (probeExotic) on anything whose
// serialization it cannot foresee without running script code: a proxy, an
// object with another prototype, a toJSON of its own. Getters on plain
// objects are read, as the serializer reads them.
func (e *Engine) jsonProbe(v goja.Value, limit int) int {
	o, ok := v.(*goja.Object)
	if !ok {
		return probePlain
	}
	protos := e.protos()
	type frame = probeFrame
	stack := e.probeStack[:0]
	defer func() { e.probeStack = stack[:0] }()
	stack = append(stack, frame{o, 1})
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if f.depth > limit {
			// Too deep, or a cycle: the slow path tells them apart
			// (RangeError, or the serializer's TypeError).
			return probeExotic
		}
		if f.o.ExportType() == proxyType {
			return probeExotic
		}
		switch p := f.o.Prototype(); {
		case p == protos.array:
			n := f.o.Get("length").ToInteger()
			for i := int64(0); i < n; i++ {
				if c, ok := f.o.Get(indexKey(i)).(*goja.Object); ok {
					stack = append(stack, frame{c, f.depth + 1})
				}
			}
		case p == protos.object || p == nil:
			if _, isFn := goja.AssertFunction(f.o); isFn {
				continue // functions serialize as nothing
			}
			if _, isFn := goja.AssertFunction(f.o.Get("toJSON")); isFn {
				return probeExotic
			}
			for _, k := range f.o.Keys() {
				if c, ok := f.o.Get(k).(*goja.Object); ok {
					stack = append(stack, frame{c, f.depth + 1})
				}
			}
		case p == protos.date:
			if f.o.Get("toJSON") != protos.dateToJSON {
				return probeExotic
			}
		case p == protos.str || p == protos.num || p == protos.boolean:
			// Boxed primitives serialize as their value.
		default:
			return probeExotic
		}
	}
	return probePlain
}

// indexKeys are array indexes as property names, made on first use (not
// at start-up: most runs never stringify an array).
var indexKeys = sync.OnceValue(func() []string {
	k := make([]string, 4096)
	for i := range k {
		k[i] = strconv.Itoa(i)
	}
	return k
})

func indexKey(i int64) string {
	if keys := indexKeys(); i < int64(len(keys)) {
		return keys[i]
	}
	return strconv.FormatInt(i, 10)
}

// probeFrame is one object on jsonProbe's stack.
type probeFrame struct {
	o     *goja.Object
	depth int
}

var proxyType = reflect.TypeOf(goja.Proxy{})

type jsProtos struct {
	object, array, date, str, num, boolean *goja.Object
	dateToJSON                             goja.Value
}

// protos returns the built-in prototypes, read once.
func (e *Engine) protos() *jsProtos {
	if e.jsonProtos == nil {
		rt := e.rt
		proto := func(name string) *goja.Object {
			return rt.Get(name).ToObject(rt).Get("prototype").ToObject(rt)
		}
		p := &jsProtos{object: proto("Object"), array: proto("Array"), date: proto("Date"),
			str: proto("String"), num: proto("Number"), boolean: proto("Boolean")}
		p.dateToJSON = p.date.Get("toJSON")
		e.jsonProtos = p
	}
	return e.jsonProtos
}
