package jsonreport

import (
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestURLString(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{`"http://h/x?y"`, "http://h/x?y"},
		{`{"protocol":"https","host":["api","example","com"],"port":"8443","path":["v1","users"],"query":[{"key":"a","value":"1"},{"key":"flag","value":null},{"key":"off","value":"x","disabled":true}],"hash":"top"}`,
			"https://api.example.com:8443/v1/users?a=1&flag#top"},
		{`{"host":["{{baseUrl}}"],"path":["get"],"query":[]}`, "{{baseUrl}}/get"},
		// Typed values, as postman-collection may write them.
		{`{"host":["h"],"query":[{"key":"n","value":5},{"key":"b","value":true},{"key":"k"}]}`, "h?n=5&b=true&k"},
	}
	for _, tt := range tests {
		var u URL
		if err := json.Unmarshal([]byte(tt.in), &u); err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		if got := u.String(); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestBytesRead(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    string
		wantErr string
	}{
		{"[104, 105]", "hi", ""},
		{"[ 104 ,\n105 ]", "hi", ""},
		{"[]", "", ""},
		{"null", "", ""},
		{"[256]", "", "out of range"},
		{"[1,,2]", "", "invalid character"},
		{"[1 2]", "", "invalid character"},
		{`"aGk="`, "", "array of byte values"},
		{"[1.5]", "", "not a byte value"},
	}
	for _, tt := range tests {
		var b Bytes
		err := json.Unmarshal([]byte(tt.in), &b)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: error %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || string(b) != tt.want {
			t.Errorf("%s: %q, %v", tt.in, b, err)
		}
	}
	// Direct calls see what json.Unmarshal's own checks would catch first.
	for in, want := range map[string]string{"[1 2]": "without a comma", "[1,]": "empty element", "[x]": "not a byte value"} {
		var b Bytes
		if err := b.UnmarshalJSON([]byte(in)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("UnmarshalJSON(%s) = %v, want %q", in, err, want)
		}
	}
}

// TestNewmanSpellings: the forms Newman's report (postman-collection's
// toJSON) uses where courier writes another read into the same types.
func TestNewmanSpellings(t *testing.T) {
	t.Parallel()
	src := `{"collection":{"info":{"name":"c"},"item":[
	  {"name":"short","request":"http://h/x"},
	  {"name":"folder","item":[{"id":"r1","name":"r","request":{"method":"POST","url":{"host":["h"],"path":["p"]},
	   "body":{"mode":"formdata","formdata":[{"key":"f","type":"file","src":["a.png","b.png"]},{"key":"n","value":1,"disabled":true}]}},
	   "event":[{"listen":"test","script":{"exec":"line 1\nline 2"}}]}]}],
	  "variable":[{"key":"v","value":3}]},
	 "environment":{"id":"e","name":"env","values":[{"key":"k","value":false,"type":"any"}]},
	 "run":{"executions":[{"cursor":{"iteration":0,"position":0},"item":{"id":"r1","name":"r"},
	   "request":{"method":"POST","url":{"protocol":"http","host":["h"],"path":["p"],"query":[{"key":"q","value":null}]},
	     "header":[{"key":"X","value":7,"system":true}],
	     "body":{"mode":"urlencoded","urlencoded":[{"key":"a","value":"1"}]}},
	   "response":{"id":"x","status":"OK","code":200,"header":[],"stream":{"type":"Buffer","data":[111,107]},"cookie":[{"name":"c","value":"v"}],"responseTime":3,"responseSize":2},
	   "requestError":null,
	   "assertions":[{"assertion":"ok","skipped":false,"error":{"name":"AssertionError","index":0,"test":"ok","message":"no","stack":"s"}}]}],
	  "stats":{"requests":{"total":1,"pending":0,"failed":0}},
	  "failures":[{"error":{"name":"AssertionError","message":"no","test":"ok"},"at":"assertion:0 in test-script","source":{"id":"r1","name":"r"},"parent":{"id":"f","name":"folder"},"cursor":{"iteration":0,"position":0}}],
	  "error":null}}`
	rep, err := Read(strings.NewReader(src), "newman.json")
	if err != nil {
		t.Fatal(err)
	}
	c := rep.Collection
	if c.Item[0].Request == nil || c.Item[0].Request.Method != "GET" || c.Item[0].Request.URL.String() != "http://h/x" {
		t.Errorf("a request given as a string: %+v", c.Item[0].Request)
	}
	r := c.Item[1].Item[0]
	if r.Request.URL.String() != "h/p" || len(r.Event) != 1 || len(r.Event[0].Script.Exec) != 2 {
		t.Errorf("item read as %+v", r)
	}
	if f := r.Request.Body.FormData; len(f) != 2 || f[0].Type != "file" || f[0].Src != `["a.png","b.png"]` || f[1].Value != "1" || !f[1].Disabled {
		t.Errorf("form data read as %+v", f)
	}
	if c.Variable[0].Value != "3" || rep.Environment.Values[0].Value != "false" || !rep.Environment.Values[0].Enabled {
		t.Errorf("typed values read as %+v, %+v", c.Variable, rep.Environment.Values)
	}
	e := rep.Run.Executions[0]
	if e.Request.URL.String() != "http://h/p?q" || e.Request.Header[0].Value != "7" || e.Request.Body.URLEncoded[0].Value != "1" {
		t.Errorf("request read as %+v", e.Request)
	}
	if string(e.Response.Stream.Data) != "ok" || e.Assertions[0].Error.Message != "no" || rep.Run.Failures[0].Parent.Ref().Name != "folder" {
		t.Errorf("execution read as %+v", e)
	}
}

// TestScanErrors: input that is not a whole report gets an error saying
// what is wrong and where.
func TestScanErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src, want string }{
		{"empty", "", "x.json: the report ends early (in the report, byte 0)"},
		{"not json", "<html>", "x.json: not valid JSON at byte 1 (in the report)"},
		{"null", "null", "it is null"},
		{"an array", "[1,2]", `the report should start with "{", found "["`},
		{"no run", `{"collection":{"info":{"name":"x"},"item":[]}}`, `it has no "run" block`},
		{"run is null", `{"run":null}`, `it has no "run" block`},
		{"run is a number", `{"run":3}`, `run should start with "{", found 3`},
		{"cut short", `{"run":{"executions":[{"cursor":{"iteration":0}`, "ends early (in run.executions[0]"},
		{"cut after run", `{"run":{}`, "ends early (in the report"},
		{"bad execution", `{"run":{"executions":[{},{"response":{"code":"x"}}]}}`, "reading run.executions[1] (near byte"},
		{"bad body bytes", `{"run":{"executions":[{"response":{"stream":{"data":[999]}}}]}}`, "out of range"},
		{"executions not an array", `{"run":{"executions":{}}}`, `run.executions should start with "["`},
		{"executions twice", `{"run":{"executions":[],"executions":[]}}`, "run.executions appears twice"},
		{"bad stats", `{"run":{"stats":[]}}`, "reading run.stats (near byte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Read(strings.NewReader(tt.src), "x.json")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
	for _, src := range []string{"null", "[]", `{}`, `{"run":null}`} {
		if _, err := Read(strings.NewReader(src), "x.json"); !errors.Is(err, ErrNotAReport) {
			t.Errorf("%s: %v, want ErrNotAReport", src, err)
		}
	}
}

// TestScanStreams: Scan hands over every execution in order, keeps none,
// and stops at the first error the callback returns, returning it as is.
func TestScanStreams(t *testing.T) {
	t.Parallel()
	src := `{"run":{"executions":[{"item":{"name":"a"}},{"item":{"name":"b"}},{"item":{"name":"c"}}],"stats":{"items":{"total":3}}},"collection":{"info":{"name":"late"}}}`
	var names []string
	rep, err := Scan(strings.NewReader(src), "x.json", func(e *Execution) error {
		names = append(names, e.Item.Name)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(names, "") != "abc" || rep.Run.Executions != nil || rep.Run.Stats.Items.Total != 3 || rep.Collection.Info.Name != "late" {
		t.Errorf("names %v, report %+v", names, rep)
	}
	stop := errors.New("stop")
	n := 0
	_, err = Scan(strings.NewReader(src), "x.json", func(*Execution) error {
		n++
		return stop
	})
	if err != stop || n != 1 {
		t.Errorf("callback error: %v after %d executions, want it as is after 1", err, n)
	}
	// A failing reader's error is named with the source.
	_, err = Scan(io.MultiReader(strings.NewReader(`{"run":{`), failing{}), "x.json", func(*Execution) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "x.json: reading run") || !strings.Contains(err.Error(), "disk gone") {
		t.Errorf("reader error: %v", err)
	}
}

type failing struct{}

func (failing) Read([]byte) (int, error) { return 0, errors.New("disk gone") }

// TestNewmanRepeatsReadOnce: Newman writes an item's execution again for
// each further round trip (the same object: the same bytes); a reader sees
// one item run. Executions that differ, however alike, all stay.
func TestNewmanRepeatsReadOnce(t *testing.T) {
	t.Parallel()
	a := `{"cursor":{"ref":"r1","position":0},"item":{"name":"a"},"assertions":[{"assertion":"t"}]}`
	a2 := `{"cursor":{"ref":"r2","position":0},"item":{"name":"a"},"assertions":[{"assertion":"t"}]}`
	b := `{"cursor":{"ref":"r3","position":1},"item":{"name":"b"}}`
	src := `{"run":{"executions":[` + strings.Join([]string{a, a, a, b, a2, b}, ",\n  ") + `]}}`
	rep, err := Read(strings.NewReader(src), "x.json")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range rep.Run.Executions {
		got = append(got, e.Item.Name+"@"+e.Cursor.Ref)
	}
	if g := strings.Join(got, " "); g != "a@r1 b@r3 a@r2 b@r3" {
		t.Errorf("read %s, want a@r1 b@r3 a@r2 b@r3", g)
	}
}
