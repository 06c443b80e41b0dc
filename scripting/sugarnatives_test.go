package scripting

import (
	"strings"
	"testing"
)

// String.prototype.startsWith and endsWith in Sugar's form (a regular
// expression, a third, case argument) answer as Sugar's versions, which
// Postman's sandbox has loaded (sugarnatives.go): the natives refused a
// regular expression. The want lines are what Postman CLI 1.34.0 printed
// (recorded three times, identical); Newman 6.2.2 printed the same.
func TestSugarStartsWithAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+"p(() => 'abc'.startsWith(/b/));\np(() => 'abc'.startsWith(/a/, 1));\np(() => 'abc'.endsWith(/c/));\np(() => 'abc'.includes(/b/));\np(() => 'abc'.startsWith('b', 1) + ',' + 'abc'.startsWith());\np(() => 'undefined'.startsWith());\np(() => 'ABC'.startsWith('a', 0, false) + ',' + 'ABC'.startsWith('a', 0, true) + ',' + 'ABC'.endsWith('bc', undefined, false));\np(() => 'a^b'.startsWith(/^a/) + ',' + 'x$'.endsWith(/x$/) + ',' + 'abc'.endsWith(/B/i));\np(() => 'abc'.startsWith(new RegExp('ab')) + ',' + 'abc'.endsWith('b', 2, true));\n", strings.Split("false\nfalse\ntrue\nE:TypeError: First argument to String.prototype.includes must not be a regular expression\ntrue,false\ntrue\ntrue,false,true\ntrue,false,false\ntrue,true", "\n"))
}
