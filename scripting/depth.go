package scripting

import (
	"strconv"

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
