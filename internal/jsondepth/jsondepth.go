// Package jsondepth measures how deeply JSON text nests without decoding it,
// so callers can refuse or split documents before a recursive decoder (Go's
// encoding/json, goja's JSON.parse) meets them.
package jsondepth

// Exceeds reports whether JSON text s nests arrays and objects more than
// limit deep. It only counts brackets outside strings; syntax is left to
// the parser.
func Exceeds[T string | []byte](s T, limit int) bool {
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
