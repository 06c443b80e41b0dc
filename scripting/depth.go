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

var proxyType = reflect.TypeOf(goja.Proxy{})

type jsProtos struct {
	object, array, date, str, num, boolean *goja.Object
	dateToJSON                             goja.Value
	arrayValues                            goja.Value // Array.prototype[Symbol.iterator], read on first use
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

// jsonSnapshot copies plain data JSON.stringify is about to serialize into
// fresh objects and arrays that have no prototype, reading every property
// exactly once, and gives up (ok false) on anything whose serialization
// would run script code it cannot foresee: a proxy, an object with another
// prototype (class instances, dates, boxed primitives, functions), a toJSON,
// or more than limit levels (a cycle included). The native serializer then
// walks the copy, which holds only data properties and nothing to look up a
// toJSON on, so the depth measured here is the depth serialized: a getter
// that answers differently on a second read, or a toJSON added to
// Array.prototype, cannot slip a deeper value past the count.
//
// keys, when not nil, is a property list (an array replacer): objects keep
// only those keys, in that order, read as the serializer reads them.
func (e *Engine) jsonSnapshot(v goja.Value, limit int, keys []string) (goja.Value, bool) {
	if _, ok := v.(*goja.Object); !ok {
		return v, true
	}
	s := &snapshot{rt: e.rt, protos: e.protos(), limit: limit, keys: keys}
	root, ok := s.copyOf(v, 1)
	if !ok {
		return nil, false
	}
	for len(s.stack) > 0 {
		f := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		if !s.fill(f) {
			return nil, false
		}
	}
	return root, true
}

// snapshot is one jsonSnapshot: the copies made but not filled yet wait on
// stack, so a deep value costs no Go recursion.
type snapshot struct {
	rt     *goja.Runtime
	protos *jsProtos
	limit  int
	keys   []string
	stack  []snapshotFrame
}

// snapshotFrame is one object or array to copy: src's properties go to dst.
type snapshotFrame struct {
	src, dst *goja.Object
	depth    int
}

// copyOf makes the empty copy of one value read from a property (fill
// fills it later), or reports that it cannot be copied safely.
func (s *snapshot) copyOf(c goja.Value, depth int) (goja.Value, bool) {
	if c == nil {
		return goja.Undefined(), true // Get's answer for a missing property
	}
	co, isObj := c.(*goja.Object)
	if !isObj {
		return c, true
	}
	if depth > s.limit || co.ExportType() == proxyType {
		return nil, false
	}
	var dst *goja.Object
	switch p := co.Prototype(); {
	case p == s.protos.array:
		dst = s.rt.NewArray()
	case p == s.protos.object || p == nil:
		if _, isFn := goja.AssertFunction(co); isFn {
			return nil, false
		}
		dst = s.rt.CreateObject(nil)
	default:
		return nil, false
	}
	// No prototype: the serializer finds no toJSON on the copy, and
	// setting an index or key never reaches an inherited setter.
	if err := dst.SetPrototype(nil); err != nil {
		return nil, false
	}
	s.stack = append(s.stack, snapshotFrame{co, dst, depth})
	return dst, true
}

// fill copies f.src's properties into f.dst, each read once.
func (s *snapshot) fill(f snapshotFrame) bool {
	// toJSON is looked up as the serializer would (own or inherited);
	// a function there means script code decides what is serialized.
	if _, isFn := goja.AssertFunction(f.src.Get("toJSON")); isFn {
		return false
	}
	if f.src.Prototype() == s.protos.array {
		return s.fillArray(f)
	}
	names := s.keys
	if names == nil {
		names = f.src.Keys()
	}
	for _, k := range names {
		c, ok := s.copyOf(f.src.Get(k), f.depth+1)
		if !ok {
			return false
		}
		if goja.IsUndefined(c) {
			continue // the serializer leaves the key out
		}
		if err := f.dst.Set(k, c); err != nil {
			return false
		}
	}
	return true
}

// fillArray copies an array's elements, holes and undefined included (the
// serializer writes null for them).
func (s *snapshot) fillArray(f snapshotFrame) bool {
	n := f.src.Get("length").ToInteger()
	if n > maxSnapshotArray {
		return false // a huge sparse array: left to the slow path
	}
	for i := int64(0); i < n; i++ {
		c, ok := s.copyOf(f.src.Get(indexKey(i)), f.depth+1)
		if !ok {
			return false
		}
		if err := f.dst.Set(indexKey(i), c); err != nil {
			return false
		}
	}
	return true
}

// maxSnapshotArray bounds the arrays jsonSnapshot copies element by element.
const maxSnapshotArray = 1 << 24
