package collections

import (
	"strings"
	"testing"
)

// aliases writes n aliases of *name as a flow list under an unknown key
// (Postman's parser counts them wherever they stand).
func aliases(name string, n int) string {
	return "x-list: [" + strings.TrimSuffix(strings.Repeat("*"+name+", ", n), ", ") + "]\n"
}

// merges writes n mappings that each merge *name.
func merges(name string, n int) string {
	return "x-merged:\n" + strings.Repeat("  - <<: *"+name+"\n", n)
}

// TestV3AliasCount pins Postman's YAML parser's alias bound as Postman CLI
// 1.34 applies it (fresh-round11v-yaml.json has the same cases run by the
// CLI): an anchor's uses plus one, times what its own aliases stand for,
// may not pass 100; a merge key's alias counts as an alias.
func TestV3AliasCount(t *testing.T) {
	t.Parallel()
	const a = "x-a: &a v\n"
	const b = "x-a: &a v\nx-b: &b [*a, *a]\n" // *b stands for 3 (a's uses so far)
	tests := []struct {
		name  string
		extra string
		loads bool
	}{
		{"99 aliases of a value", a + aliases("a", 99), true},
		{"100 aliases of a value", a + aliases("a", 100), false},
		{"60 aliases each of two anchors", a + "x-c: &c w\n" + aliases("a", 60) + "x-l2: [" + strings.TrimSuffix(strings.Repeat("*c, ", 60), ", ") + "]\n", true},
		{"an anchor of two aliases used 32 times", b + aliases("b", 32), true},
		{"an anchor of two aliases used 33 times", b + aliases("b", 33), false},
		{"an empty list any number of times", "x-e: &e []\n" + aliases("e", 150), true},
		{"99 merges of a mapping", "x-h: &h {X-A: a}\n" + merges("h", 99), true},
		{"100 merges of a mapping", "x-h: &h {X-A: a}\n" + merges("h", 100), false},
		{"merges of a mapping holding an alias", "x-v: &v x\nx-h: &h {a: *v}\n" + merges("h", 60), false},
		{"40 merges and 40 aliases", "x-h: &h {a: x}\n" + merges("h", 40) + aliases("h", 40), true},
		{"60 merges and 60 aliases", "x-h: &h {a: x}\n" + merges("h", 60) + aliases("h", 60), false},
		{"an alias as a key", "x-k: &k kk\nx-m:\n  *k : 0\n  other: 1\n", true},
		{"an alias key equal to a key", "x-k: &k kk\nx-m:\n  *k : 0\n  kk: 1\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := loadMap(t, map[string]string{"r.request.yaml": req("/r", tt.extra)})
			if loaded := len(c.Items) == 1; loaded != tt.loads {
				t.Fatalf("loaded %v, want %v; notices:\n%s", loaded, tt.loads, noticeText(c))
			}
			if !tt.loads && !strings.Contains(noticeText(c), "r.request.yaml:") {
				t.Fatalf("the notice does not name the file:\n%s", noticeText(c))
			}
		})
	}
}

// TestV3MergeKeys: YAML merge keys apply as Postman CLI 1.34 reads them
// (fresh-round11v-yaml.json): merged keys join where the << stands, a key
// already there or merged from an earlier source wins, a key written after
// the << replaces the merged value in place; a quoted '<<' is an ordinary
// key, a scalar merged is refused.
func TestV3MergeKeys(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		extra   string
		headers string // key=value,... ; "" when the request is skipped
		notice  string
	}{
		{"merge an alias", "x-h: &h {X-A: a}\nheaders:\n  <<: *h\n  X-B: b\n", "X-A=a,X-B=b", ""},
		{"keys before and after", "x-h: &h {X-A: a, X-B: fromh, X-C: c}\nheaders:\n  X-B: b\n  <<: *h\n  X-C: explicit\n", "X-B=b,X-A=a,X-C=explicit", ""},
		{"a list of sources, the first wins", "x-h: &h {X-A: h}\nx-g: &g {X-A: g, X-D: d}\nheaders:\n  <<: [*h, *g]\n", "X-A=h,X-D=d", ""},
		{"an inline mapping", "headers:\n  <<: {X-A: a}\n  X-B: b\n", "X-A=a,X-B=b", ""},
		{"a list row", "x-row: &row {key: X-R, value: r}\nheaders:\n  - <<: *row\n    value: r2\n", "X-R=r2", ""},
		{"a merge of text", "x-s: &s text\nheaders:\n  <<: *s\n", "", `r.request.yaml:6:7: invalid YAML: a merge key (<<) takes a mapping, an alias of one or a list of them, got the text "text"`},
		{"two merge keys", "x-h: &h {X-A: h}\nheaders:\n  <<: *h\n  <<: *h\n", "", `key "<<" written twice`},
		{"a << that is a value is text", "headers:\n  X-A: <<\n", "X-A=<<", ""},
		{"a quoted '<<' is a header", "x-h: &h {X-A: h}\nheaders:\n  '<<': *h\n", "", "headers.<<: Postman expects text here, got a mapping"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := loadMap(t, map[string]string{"r.request.yaml": req("/r", tt.extra)})
			if tt.headers == "" {
				if len(c.Items) != 0 || !strings.Contains(noticeText(c), tt.notice) {
					t.Fatalf("items %v, notices (want %q):\n%s", names(c), tt.notice, noticeText(c))
				}
				return
			}
			if len(c.Items) != 1 {
				t.Fatalf("not loaded:\n%s", noticeText(c))
			}
			var got []string
			for _, h := range c.Items[0].Request.Header {
				got = append(got, h.Key+"="+h.Value)
			}
			if strings.Join(got, ",") != tt.headers {
				t.Fatalf("headers %v, want %s", got, tt.headers)
			}
		})
	}
}

// TestPlainTag: bare scalars are typed as Postman's reader types them (the
// js-yaml default schema; each value below was run through Postman CLI
// 1.34 as a header value, fresh-round11v-scalars.json): only text runs.
func TestPlainTag(t *testing.T) {
	t.Parallel()
	for want, values := range map[string][]string{
		"!!str":       {"yes", "no", "on", "off", "y", "tRue", "0X1F", "+.5", "-.5", "1_", "1.5_", "0b2", "-.nan", "=", "1:20", "190:20:30", "1,000", "$1", "2001-1-2", "<<x"},
		"!!int":       {"0b101", "1_000", "0o17", "0x1F", "+1", "-0", "007", "1__0", "0x_1", "+0b1", "-0x1", "0"},
		"!!float":     {"1e3", ".5", "0.", "1.e+3", "12e03", ".Inf", "-.inf", "+.INF", ".NaN", ".nan", ".NAN", "._5", "1_0e3", "0_1"},
		"!!null":      {"", "~", "null", "Null", "NULL"},
		"!!bool":      {"True", "TRUE", "false", "FALSE"},
		"!!timestamp": {"2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-1-2T1:02:03Z", "2001-12-14 21:59:43.10", "2024-02-01T09:00:00Z"},
	} {
		for _, v := range values {
			if got := plainTag(v); got != want {
				t.Errorf("plainTag(%q) = %s, want %s", v, got, want)
			}
		}
	}
}
