package htmlreport

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/courier-run/courier/runner/report/jsonreport"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/golden/report")

// demoReport is the JSON reporter's golden report of the demo run (two
// iterations, folders, failing and skipped tests, a request error, script
// errors, a skipped request).
var demoReport = filepath.Join("..", "..", "..", "testdata", "golden", "report", "report.json")

func render(t *testing.T, src []byte, o Options) string {
	t.Helper()
	var out bytes.Buffer
	if err := Render(&out, bytes.NewReader(src), o); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return out.String()
}

var dataBlock = regexp.MustCompile(`<script type="application/json" id="(courier-[a-z]+)">(.*?)</script>`)

// pageData returns the page's two data blocks, decoded.
func pageData(t *testing.T, page string) (execs []pageExec, meta pageMeta) {
	t.Helper()
	blocks := map[string]string{}
	for _, m := range dataBlock.FindAllStringSubmatch(strings.ReplaceAll(page, "\n", " "), -1) {
		blocks[m[1]] = m[2]
	}
	if err := json.Unmarshal([]byte(blocks["courier-execs"]), &execs); err != nil {
		t.Fatalf("executions block: %v", err)
	}
	if err := json.Unmarshal([]byte(blocks["courier-meta"]), &meta); err != nil {
		t.Fatalf("meta block: %v", err)
	}
	return execs, meta
}

// TestRenderDemo pins the page data of the demo run in a golden file.
func TestRenderDemo(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(demoReport)
	if err != nil {
		t.Fatal(err)
	}
	page := render(t, src, Options{})
	execs, meta := pageData(t, page)
	got, err := json.MarshalIndent(map[string]any{"executions": execs, "meta": meta}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("..", "..", "..", "testdata", "golden", "report", "html-data.json")
	if *update {
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	} else if want, err := os.ReadFile(golden); err != nil {
		t.Fatalf("reading golden file (run with -update to create it): %v", err)
	} else if !bytes.Equal(append(got, '\n'), want) {
		t.Errorf("page data differs from %s; run go test ./runner/report/htmlreport -update and review the diff\n%s", golden, got)
	}
	// Facts the golden file must keep, checked by hand once.
	// The skipped request has no execution (as in Newman's report); its
	// script error is a failure of its own.
	if len(execs) != 6 || len(meta.Failures) != 7 || meta.Title != "Report Demo" || meta.Environment != "Demo env" {
		t.Errorf("%d executions, %d failures, title %q, environment %q", len(execs), len(meta.Failures), meta.Title, meta.Environment)
	}
	if meta.Paths["req-broken"] != "Users / Nested" || meta.Paths["req-create"] != "Users" || meta.Paths["req-root"] != "" {
		t.Errorf("folder paths = %v", meta.Paths)
	}
	for i, f := range meta.Failures {
		if f.Source == "Skipped <one>" {
			if f.Exec != -1 {
				t.Errorf("failure %d of the skipped request links to execution %d", i, f.Exec)
			}
			continue
		}
		if f.Exec < 0 || !execs[f.Exec].Failed || execs[f.Exec].Iteration != f.Iter {
			t.Errorf("failure %d (%s) links to execution %d", i, f.Message, f.Exec)
		}
	}
	if e := execs[1]; e.Request.URL != "http://127.0.0.1:18080/post" || e.Request.Body.Text != `{"name":"bob"}` || e.Response.Code != 200 || !e.Failed {
		t.Errorf("execution 1 = %+v", e)
	}
	for _, want := range []string{"<!DOCTYPE html>", "Content-Security-Policy", "script-src '" + scriptHash() + "'", `<script type="application/json" id="courier-execs">`, "</html>"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// Self-contained: nothing is loaded from anywhere.
	for _, bad := range []string{"http-equiv=\"refresh\"", "<link", " src=", "@import", "url("} {
		if strings.Contains(page, bad) {
			t.Errorf("page holds %q: it must not load anything", bad)
		}
	}
}

// TestRenderKeepsMarkupInert: a body holding markup cannot end the data
// block or add a script.
func TestRenderKeepsMarkupInert(t *testing.T) {
	t.Parallel()
	evil := `</script><script>alert(1)</script><!--`
	src := `{"run":{"executions":[{"cursor":{"iteration":0,"position":0},"item":{"id":"a","name":"` + strings.ReplaceAll(evil, `"`, `\"`) + `"},` +
		`"request":{"url":"http://127.0.0.1/x","method":"POST","body":{"mode":"raw","raw":"` + evil + `"}}}],"stats":{},"failures":[]}}`
	page := render(t, []byte(src), Options{})
	if strings.Count(page, "<script") != 3 || strings.Contains(page, "alert(1)</script>") {
		t.Errorf("markup from the report reached the page as markup:\n%s", page[strings.Index(page, "courier-execs"):][:400])
	}
	execs, _ := pageData(t, page)
	if execs[0].Name != evil || execs[0].Request.Body.Text != evil {
		t.Errorf("text changed on the way: %+v", execs[0])
	}
}

func TestTextBody(t *testing.T) {
	t.Parallel()
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	tests := []struct {
		name     string
		data     string
		size     int
		ct       string
		max      int
		wantText string
		cut, bin bool
	}{
		{name: "text", data: `{"a":1}`, ct: "application/json", max: 100, wantText: `{"a":1}`},
		{name: "cut", data: "abcdefgh", ct: "text/plain", max: 3, wantText: "abc", cut: true},
		{name: "cut on a rune boundary", data: "aé€b", max: 3, wantText: "aé", cut: true},
		{name: "no limit", data: strings.Repeat("x", 100), max: -1, wantText: strings.Repeat("x", 100)},
		{name: "binary by type", data: "GIF89a", ct: "image/gif", max: 100, bin: true},
		{name: "binary by bytes", data: string(png), ct: "", max: 100, bin: true},
		{name: "octet-stream", data: "hello", ct: "application/octet-stream", max: 100, bin: true},
		{name: "latin-1 is binary", data: "caf\xe9 au lait", ct: "text/plain", max: 100, bin: true},
		{name: "utf-8 cut in a rune by the sender", data: "ok \xe2\x82", ct: "text/plain", max: 100, wantText: "ok \xe2\x82"},
		{name: "size beyond the data", data: "abc", size: 10, max: 100, wantText: "abc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			size := tt.size
			if size == 0 {
				size = len(tt.data)
			}
			b := textBody([]byte(tt.data), size, tt.ct, tt.max)
			if b.Text != tt.wantText || b.Cut != tt.cut || b.Binary != tt.bin || b.Size != size {
				t.Errorf("textBody = %+v", b)
			}
		})
	}
}

func TestRequestBodyModes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		text       string
		form       [][2]string
	}{
		{"raw", `{"mode":"raw","raw":"a=b"}`, "a=b", nil},
		{"urlencoded", `{"mode":"urlencoded","urlencoded":[{"key":"a","value":"1"},{"key":"b","value":"2","disabled":true}]}`, "", [][2]string{{"a", "1"}}},
		{"formdata file", `{"mode":"formdata","formdata":[{"key":"f","type":"file","src":"pic.png"},{"key":"n","value":"x"}]}`, "", [][2]string{{"f", "(file pic.png)"}, {"n", "x"}}},
		{"graphql", `{"mode":"graphql","graphql":{"query":"{ me { id } }","variables":"{\"a\":1}"}}`, "{ me { id } }\n\nvariables: {\"a\":1}", nil},
		{"file", `{"mode":"file","file":{"src":"data.bin"}}`, "(file data.bin)", nil},
	}
	for _, tt := range tests {
		var in jsonreport.Body
		if err := json.Unmarshal([]byte(tt.body), &in); err != nil {
			t.Fatal(err)
		}
		b := requestBody(&in, "", 1000)
		if b == nil {
			t.Errorf("%s: no body", tt.name)
			continue
		}
		if b.Text != tt.text || len(b.Form) != len(tt.form) {
			t.Errorf("%s: got %+v", tt.name, b)
		}
		for i := range tt.form {
			if b.Form[i] != tt.form[i] {
				t.Errorf("%s: field %d = %v, want %v", tt.name, i, b.Form[i], tt.form[i])
			}
		}
	}
}

// TestRenderBadInput: a file that is not a complete JSON report gets an
// error saying what is wrong and where.
func TestRenderBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src, want string }{
		{"empty", "", "ends early"},
		{"not json", "<html>", "not valid JSON at byte 1 (in the report): invalid character '<' looking for beginning of value"},
		{"an array", "[1,2]", `the report should start with "{"`},
		{"no run", `{"collection":{"info":{"name":"x"},"item":[]}}`, `it has no "run"`},
		{"cut short", `{"run":{"executions":[{"cursor":{"iteration":0}`, "ends early (in run.executions[0]"},
		{"bad execution", `{"run":{"executions":[{"response":{"code":"x"}}]}}`, "reading run.executions[0] (near byte"},
		{"bad body bytes", `{"run":{"executions":[{"response":{"stream":{"data":[999]}}}]}}`, "out of range"},
		{"executions not an array", `{"run":{"executions":{}}}`, `run.executions should start with "["`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := Render(&bytes.Buffer{}, strings.NewReader(tt.src), Options{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

// TestFailureLinks: an item run twice in an iteration (setNextRequest)
// gets each failure on the execution that had it.
func TestFailureLinks(t *testing.T) {
	t.Parallel()
	exec := func(msg string) string {
		a := `{"assertion":"t","skipped":false}`
		if msg != "" {
			a = `{"assertion":"t","skipped":false,"error":{"name":"AssertionError","message":"` + msg + `"}}`
		}
		return `{"cursor":{"iteration":0,"position":0},"item":{"id":"loop","name":"Loop"},"assertions":[` + a + `]}`
	}
	fail := func(msg string) string {
		return `{"error":{"name":"AssertionError","message":"` + msg + `"},"source":{"id":"loop","name":"Loop"},"cursor":{"iteration":0,"position":0}}`
	}
	src := `{"run":{"executions":[` + exec("") + "," + exec("first") + "," + exec("") + "," + exec("second") + `],"failures":[` + fail("second") + "," + fail("first") + "," + fail("other") + `]}}`
	_, meta := pageData(t, render(t, []byte(src), Options{}))
	got := []int{meta.Failures[0].Exec, meta.Failures[1].Exec, meta.Failures[2].Exec}
	if got[0] != 3 || got[1] != 1 || got[2] != 1 {
		t.Errorf("failures link to executions %v, want [3 1 1]", got)
	}
}

// TestFailureLinksScriptRequest: a failed pm.sendRequest's failure names
// the script's request as its source (an id of its own, no name, as
// Newman writes it); it links to the execution at its place and shows that
// item's name.
func TestFailureLinksScriptRequest(t *testing.T) {
	t.Parallel()
	exec := func(pos int, id, name, reqErr string) string {
		return fmt.Sprintf(`{"cursor":{"iteration":0,"position":%d},"item":{"id":%q,"name":%q}%s}`, pos, id, name, reqErr)
	}
	refused := `,"requestError":{"code":"ECONNREFUSED","message":"connect ECONNREFUSED 127.0.0.1:1"}`
	fail := `{"error":{"name":"Error","message":"connect ECONNREFUSED 127.0.0.1:1"},"at":"request","source":{"id":"f5e41d41-b817-5b26-a4d9-6cfd2b94439e","request":{"url":{"protocol":"http","port":"1","host":["127","0","0","1"],"path":["x"]},"method":"GET"},"response":[],"event":[]},"cursor":{"iteration":0,"position":1}}`
	src := `{"run":{"executions":[` + exec(0, "a", "first", "") + "," + exec(1, "b", "sends", refused) + "," + exec(2, "c", "last", "") + `],"failures":[` + fail + `]}}`
	_, meta := pageData(t, render(t, []byte(src), Options{}))
	if f := meta.Failures[0]; f.Exec != 1 || f.Source != "sends" {
		t.Errorf("failure links to execution %d, source %q; want 1, %q", f.Exec, f.Source, "sends")
	}
}

// TestRenderOptions: the body limit and the title override.
func TestRenderOptions(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(demoReport)
	if err != nil {
		t.Fatal(err)
	}
	execs, meta := pageData(t, render(t, src, Options{MaxBody: 100, Title: "Nightly", Generator: "courier 1.2"}))
	if b := execs[0].Response.Body; !b.Cut || len(b.Text) != 100 || b.Size != 292 {
		t.Errorf("body = %+v", b)
	}
	if meta.Title != "Nightly" || meta.MaxBody != 100 || meta.Generator != "courier 1.2" {
		t.Errorf("meta = %+v", meta)
	}
	execs, _ = pageData(t, render(t, src, Options{MaxBody: -1}))
	if b := execs[0].Response.Body; b.Cut || len(b.Text) != 292 {
		t.Errorf("unlimited body = %+v", b)
	}
}

// TestWriteReport: a report in memory renders as the file it came from.
func TestWriteReport(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(demoReport)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := jsonreport.ReadFile(demoReport)
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := WriteReport(&got, rep, Options{}); err != nil {
		t.Fatal(err)
	}
	if want := render(t, src, Options{}); got.String() != want {
		t.Error("the page of the report in memory differs from the page of its file")
	}
}

// TestRenderNewmanReport reads a report Newman 6.2.2 wrote (newman run -r
// json, against courier serve echo): its collection comes first, headers
// carry "system", bodies are urlencoded and form-data, a query key has a
// null value.
func TestRenderNewmanReport(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "report", "newman-6.2.2.json"))
	if err != nil {
		t.Fatal(err)
	}
	execs, meta := pageData(t, render(t, src, Options{}))
	if len(execs) != 4 || len(meta.Failures) != 3 || meta.Title != "Newman shapes" || meta.Stats.Requests.Total != 4 {
		t.Fatalf("%d executions, %d failures, title %q, stats %v", len(execs), len(meta.Failures), meta.Title, meta.Stats)
	}
	if u := execs[0].Request.URL; u != "http://127.0.0.1:18431/get?a=1&flag" {
		t.Errorf("url = %q", u)
	}
	if b := execs[1].Request.Body; b == nil || len(b.Form) != 1 || b.Form[0] != [2]string{"name", "ada"} {
		t.Errorf("urlencoded body = %+v", b)
	}
	if meta.Paths[execs[1].ItemID] != "Forms" || meta.Paths[execs[0].ItemID] != "" {
		t.Errorf("paths = %v", meta.Paths)
	}
	if r := execs[0].Response; r == nil || r.Code != 200 || r.Body == nil || !strings.Contains(r.Body.Text, `"flag"`) {
		t.Errorf("response = %+v", r)
	}
	if e := execs[3].Errors; len(e) != 1 || e[0].At != "request" || !strings.Contains(e[0].Message, "ECONNREFUSED") {
		t.Errorf("refused request errors = %+v", e)
	}
	if e := execs[2].Errors; len(e) != 1 || e[0].At != "prerequest-script" || e[0].Name != "ReferenceError" {
		t.Errorf("script errors = %+v", e)
	}
	for i, f := range meta.Failures {
		if f.Exec < 0 || !execs[f.Exec].Failed {
			t.Errorf("failure %d (%s) links to %d", i, f.Message, f.Exec)
		}
	}
}

// TestBodyBudget: once the page holds BodyBudget bytes of bodies, later
// bodies keep only their first 2 KiB.
func TestBodyBudget(t *testing.T) {
	t.Parallel()
	body := strings.Repeat("b", 10_000)
	var execs []string
	for i := 0; i < 4; i++ {
		execs = append(execs, `{"cursor":{"iteration":0,"position":`+strconv.Itoa(i)+`},"item":{"id":"x","name":"x"},"request":{"url":"http://127.0.0.1/","method":"POST","body":{"mode":"raw","raw":"`+body+`"}}}`)
	}
	src := []byte(`{"run":{"executions":[` + strings.Join(execs, ",") + `]}}`)
	got, _ := pageData(t, render(t, src, Options{MaxBody: 8000, BodyBudget: 15_000}))
	want := []struct {
		n      int
		budget bool
	}{{8000, false}, {8000, false}, {2048, true}, {2048, true}}
	for i, w := range want {
		b := got[i].Request.Body
		if len(b.Text) != w.n || b.Budget != w.budget || !b.Cut || b.Limit != w.n || b.Size != 10_000 {
			t.Errorf("body %d: %d bytes, budget %v, limit %d", i, len(b.Text), b.Budget, b.Limit)
		}
	}
	got, _ = pageData(t, render(t, src, Options{MaxBody: -1, BodyBudget: 15_000}))
	for i, e := range got {
		if len(e.Request.Body.Text) != 10_000 {
			t.Errorf("with no limit body %d keeps %d bytes", i, len(e.Request.Body.Text))
		}
	}
}

// TestOmit: data left out never reaches the file.
func TestOmit(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(demoReport)
	if err != nil {
		t.Fatal(err)
	}
	page := render(t, src, Options{Omit: Omit{HeaderNames: []string{"content-TYPE"}, RequestBodiesOf: []string{"Create user"}, ResponseBodies: true, Requests: []string{"Root Get"}}})
	execs, meta := pageData(t, page)
	if len(execs) != 4 || !meta.Omitted {
		t.Fatalf("%d executions (want 4 without Root Get), omitted %v", len(execs), meta.Omitted)
	}
	for _, e := range execs {
		if e.Name == "Root Get" {
			t.Error("Root Get is in the page")
		}
		if e.Response != nil && (e.Response.Body == nil || !e.Response.Body.Omitted || e.Response.Body.Text != "") {
			t.Errorf("%s: response body %+v", e.Name, e.Response.Body)
		}
		if e.Name == "Create user" && (e.Request.Body == nil || !e.Request.Body.Omitted) {
			t.Errorf("Create user's request body: %+v", e.Request.Body)
		}
		if e.Request != nil {
			for _, h := range append(e.Request.Header, headersOf(e.Response)...) {
				if strings.EqualFold(h[0], "Content-Type") {
					t.Errorf("%s: Content-Type header kept", e.Name)
				}
			}
		}
	}
	for _, gone := range []string{`{\"name\":\"bob\"}`, `"pad"`, "application/json; charset=utf-8"} {
		if strings.Contains(page, gone) {
			t.Errorf("the page still holds %s", gone)
		}
	}
	// Failures of left-out requests stay listed, without a link.
	if len(meta.Failures) != 7 {
		t.Errorf("%d failures", len(meta.Failures))
	}
	for _, f := range meta.Failures {
		if f.Exec >= 0 && execs[f.Exec].Iteration != f.Iter {
			t.Errorf("failure %q links to %d", f.Message, f.Exec)
		}
	}

	execs, _ = pageData(t, render(t, src, Options{Omit: Omit{OnlyFailed: true, Headers: true}}))
	for _, e := range execs {
		if !e.Failed || (e.Request != nil && len(e.Request.Header) > 0) || (e.Response != nil && len(e.Response.Header) > 0) {
			t.Errorf("%s: failed %v, headers kept", e.Name, e.Failed)
		}
	}
	// Create user and Broken in both iterations; the skipped request's
	// failure has no execution.
	if len(execs) != 4 {
		t.Errorf("%d failed executions, want 4", len(execs))
	}
}

func headersOf(r *pageResp) [][2]string {
	if r == nil {
		return nil
	}
	return r.Header
}
