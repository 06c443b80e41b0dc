package scripting

import "testing"

func TestLowerLegacyDecimals(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ src, want string }{
		{"x = 08", "x =  8"},
		{"x = 09.5", "x =  9.5"},
		{"x = 019.5", "x =  19.5"},
		{"x = 0089", "x =   89"},
		{"x = 08e1", "x =  8e1"},
		{"x = [08, 07, 09]", "x = [ 8, 07,  9]"},
		{"x = 010", ""},        // octal: goja's own
		{"x = 0x89", ""},       // hex
		{"x = 1.08", ""},       // a fraction's digits
		{"x = a08", ""},        // part of a name
		{"x = 08n", ""},        // runs into a letter
		{"x = '08' // 09", ""}, // string and comment
		{"x = `a${08}b`", "x = `a${ 8}b`"},
		{"x = `${`${09}`}${{a: 08}.a}08`", "x = `${`${ 9}`}${{a:  8}.a}08`"},
		{"x = `08${'08'}\\`08`", ""}, // template text, a string inside
		{"x = `${ {}}` + 08", "x = `${ {}}` +  8"},
		{"x = 0", ""},
		{"", ""},
	} {
		got, ok := lowerLegacyDecimals(c.src)
		want := c.want
		if want == "" {
			want = c.src
		}
		if got != want || ok != (c.want != "") {
			t.Errorf("lowerLegacyDecimals(%q) = %q, %v; want %q, %v", c.src, got, ok, want, c.want != "")
		}
	}
}
