package runner

import "testing"

// TestNodeQuote: strings as Node 20's util.inspect writes them (the
// answers are node -e "console.log(require('util').inspect(s))").
func TestNodeQuote(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{`plain "double"`, `'plain "double"'`},
		{`a'b`, `"a'b"`},
		{`a"b'c`, "`a\"b'c`"},
		{"a\"b'c`d", `'a"b\'c` + "`" + `d'`},
		{`x${y}"'`, `'x${y}"\''`},
		{"tab\tnl\nbs\\ \x1b", `'tab\tnl\nbs\\ \x1B'`},
	} {
		if got := nodeQuote(tc.in); got != tc.want {
			t.Errorf("nodeQuote(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
