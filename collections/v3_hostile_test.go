package collections

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestV3HostileFiles: files made to hurt a parser (alias bombs, deep
// nesting, huge files, binary garbage, repeated keys) each give a notice
// naming the file, the line where there is one and the fix; the rest of
// the collection loads; nothing panics. Not parallel, so that the
// allocation figure is this test's alone: the whole load must stay under
// 256 MB of allocation (an alias bomb expanded would need gigabytes), and
// a load that does not end in a minute fails (a hang guard, not a speed
// test).
func TestV3HostileFiles(t *testing.T) {
	bomb := "$kind: http-request\nurl: /b\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for i := range 9 {
		name := string(rune('b' + i))
		bomb += name + ": &" + name + " [" + strings.Repeat("*"+prev+", ", 9) + "*" + prev + "]\n"
		prev = name
	}
	tests := []struct {
		name string
		file string
		text string
		want []string // substrings of the notices, in order
	}{
		{"an alias bomb", "bomb.request.yaml", bomb, []string{"bomb.request.yaml:5:", "invalid YAML: too many aliases", "skipped"}},
		{"nesting 100,000 deep", "deep.request.yaml", "$kind: http-request\nurl: /d\nx: " + strings.Repeat("[", 100000) + "\n", []string{"deep.request.yaml:3:", "invalid YAML", "exceeded max depth"}},
		{"a file over 16 MB", "big.request.yaml", "$kind: http-request\nurl: /big\ndescription: " + strings.Repeat("x", 17<<20) + "\n", []string{"big.request.yaml: file is larger than 16 MB", "skipped"}},
		{"binary garbage", "bin.request.yaml", "\x00\x01\x02\xff\xfe PK\x03\x04", []string{"bin.request.yaml:1:", "invalid YAML"}},
		{"invalid UTF-8", "utf.request.yaml", "$kind: http-request\nurl: /\xc3\x28\n", []string{"utf.request.yaml:", "invalid YAML"}},
		{"a key written twice", "twice.request.yaml", "$kind: http-request\nurl: /a\nmethod: GET\nurl: /b\n", []string{"twice.request.yaml:4:1: invalid YAML: key \"url\" written twice in one mapping (first on line 2)", "skipped"}},
		{"a header written twice", "twice2.request.yaml", "$kind: http-request\nurl: /a\nheaders:\n  X-A: '1'\n  X-A: '2'\n", []string{"twice2.request.yaml:5:3: invalid YAML: key \"X-A\" written twice"}},
		{"a few small aliases load", "small.request.yaml", "$kind: http-request\nurl: /s\norder: 1\nheaders:\n  X-A: &v '1'\n  X-B: *v\n", nil},
		{"a list instead of a mapping", "list.request.yaml", "- $kind: http-request\n- url: /l\n", []string{"list.request.yaml:1:1: expected a mapping of fields (key: value), got a list"}},
		{"an empty file", "empty.request.yaml", "", []string{"empty.request.yaml:1:1: the file is empty"}},
		{"a url that is a mapping", "url.request.yaml", "$kind: http-request\nurl:\n  raw: /u\n", []string{"url.request.yaml:3:3: url: Postman expects text here, got a mapping"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"ok.request.yaml": req("/ok", "order: -1\n"), tt.file: tt.text}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			done := make(chan *Collection, 1)
			go func() { done <- loadMap(t, files) }()
			var c *Collection
			select {
			case c = <-done:
			case <-time.After(time.Minute):
				t.Fatal("the load did not end")
			}
			runtime.ReadMemStats(&after)
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 256<<20 {
				t.Errorf("the load allocated %d MB", grew>>20)
			}
			if tt.want == nil {
				if len(c.Items) != 2 || c.Notices != nil {
					t.Fatalf("items %v, notices %s", names(c), noticeText(c))
				}
				return
			}
			if len(c.Items) != 1 || c.Items[0].Name != "ok" {
				t.Fatalf("the rest did not load: %v", names(c))
			}
			got := noticeText(c)
			rest := got
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("notices lack %q:\n%s", w, clip(got, 600))
				}
				rest = rest[i+len(w):]
			}
		})
	}
}
