package scripting

import (
	"context"
	"encoding/json"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/internal/testenv"
)

const corpusDir = "../../shared/corpus"

// sandboxMiss matches errors about the sandbox's own surface: a pm/postman
// member, a legacy global or a library that Postman provides and courier
// would lack. Errors about the scripts' own data are not ours.
var sandboxMiss = regexp.MustCompile(`(?:\bpm\.|\bpostman\.|\b(?:pm|postman|responseBody|responseCode|responseHeaders|responseCookies|responseTime|request|environment|globals|data|iteration|tests|xml2Json|tv4|CryptoJS|cheerio|_|atob|btoa|require|Buffer|moment|crypto)\b.*(?:not defined|not a function|has no member)|Cannot find module)`)

// TestCorpusScriptsUseOnlyKnownSandbox runs every script of every corpus
// collection in an Engine, each test script against a saved example
// response when the item has one, and reports errors that point at the
// sandbox rather than at the script's data. Scripts that fail on their own
// assumptions (a missing JSON field) are expected and ignored.
// corpusScriptHangGuard stops a corpus script that never ends (none does
// today); it is no budget: under load a script that loads a library takes
// seconds.
const corpusScriptHangGuard = time.Minute

func TestCorpusScriptsUseOnlyKnownSandbox(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping every corpus script (about 30 s)")
	}
	t.Parallel()
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*", "*.json"))
	if len(files) == 0 {
		testenv.Skip(t, "../shared/corpus is absent (it sits beside the clone in CI)")
	}
	var misses []string
	scripts := 0
	for _, f := range files {
		c, err := collections.LoadFile(f)
		if err != nil || (len(c.Items) == 0 && len(c.Events) == 0) {
			continue
		}
		// Scripts that wait on purpose (setTimeout(..., 10000)) go on at
		// once on the engine's own clock; the timeout is a hang guard. It
		// was 300 ms, which cut scripts that load a bundled library
		// (Sugar, moment) on a loaded machine: a library cut halfway reads
		// as a sandbox miss in the scripts after it.
		e, err := NewEngine(Options{Timeout: corpusScriptHangGuard, VirtualTime: true})
		if err != nil {
			t.Fatal(err)
		}
		jar, _ := cookiejar.New(nil)
		scopes := &environments.Scopes{
			Globals: environments.NewScope("globals", nil), Collection: environments.NewScope("collection", nil),
			Environment: environments.NewScope("env", nil), Local: environments.NewScope("local", nil),
		}
		run := func(owner string, item *collections.Item, ev collections.Event) {
			if ev.Disabled || strings.TrimSpace(ev.Script.Exec) == "" {
				return
			}
			scripts++
			req := &collections.Request{Method: "GET", URL: collections.URL{Raw: "https://example.com/x", Protocol: "https", Host: []string{"example", "com"}, Path: []string{"x"}}}
			name := owner
			if item != nil && item.Request != nil {
				req = item.Request
				name = item.Name
			}
			x := &Exec{Listen: ev.Listen, Source: ev.Script.Exec, Name: name, Request: req, Scopes: scopes, Cookies: jar,
				Info: Info{EventName: ev.Listen, IterationCount: 1, RequestName: name}}
			if ev.Listen == "test" {
				x.Response = exampleResponse(item)
			}
			t0 := time.Now()
			r := e.Run(context.Background(), x)
			if d := time.Since(t0); d > 250*time.Millisecond && os.Getenv("CORPUS_VERBOSE") != "" {
				t.Logf("slow %v: %s [%s] %v", d, filepath.Base(f), name, r.Err)
			}
			check := func(kind, msg string) {
				if os.Getenv("CORPUS_VERBOSE") != "" && (strings.Contains(msg, "TypeError") || strings.Contains(msg, "ReferenceError")) {
					t.Logf("ALL %s %s", filepath.Base(f), msg)
				}
				if sandboxMiss.MatchString(msg) {
					misses = append(misses, filepath.Base(filepath.Dir(f))+"/"+filepath.Base(f)+" ["+name+"] "+kind+": "+msg)
				}
			}
			if r.Err != nil {
				check("error", r.Err.Error())
			}
			for _, tr := range r.Tests {
				if !tr.Passed && !tr.Skipped && os.Getenv("CORPUS_VERBOSE") == "2" {
					t.Logf("FAILED %s: %s", tr.ErrorName, tr.Error)
				}
				if !tr.Passed && (tr.ErrorName == "TypeError" || tr.ErrorName == "ReferenceError") {
					check("test "+tr.Name, tr.ErrorName+": "+tr.Error)
				}
			}
		}
		var walk func(items []*collections.Item)
		walk = func(items []*collections.Item) {
			for _, it := range items {
				for _, ev := range it.Events {
					run("folder", it, ev)
				}
				walk(it.Items)
			}
		}
		for _, ev := range c.Events {
			run("collection", nil, ev)
		}
		walk(c.Items)
		e.Close()
	}
	sort.Strings(misses)
	t.Logf("%d scripts run", scripts)
	for _, m := range misses {
		if strings.Contains(m, "pm.require is not a function") {
			// pm.require needs Postman's cloud package library; Newman
			// and Postman CLI offline lack it too.
			t.Log(m)
			continue
		}
		t.Error(m)
	}
}

// exampleResponse is the item's first saved example, or a small JSON body.
func exampleResponse(it *collections.Item) *Response {
	r := &Response{Code: 200, Status: "OK", Proto: "HTTP/1.1", Body: []byte(`{}`), URL: "https://example.com/x",
		Header: []collections.Header{{Key: "Content-Type", Value: "application/json"}}, ResponseTime: 10 * time.Millisecond}
	if it == nil || len(it.Responses) == 0 {
		return r
	}
	var ex []struct {
		Code   int    `json:"code"`
		Status string `json:"status"`
		Body   string `json:"body"`
		Header []struct {
			Key   string `json:"key"`
			Value string `json:"value"`
		} `json:"header"`
	}
	if json.Unmarshal(it.Responses, &ex) != nil || len(ex) == 0 {
		return r
	}
	if ex[0].Code != 0 {
		r.Code, r.Status = ex[0].Code, ex[0].Status
	}
	if ex[0].Body != "" {
		r.Body = []byte(ex[0].Body)
	}
	if len(ex[0].Header) > 0 {
		r.Header = nil
		for _, h := range ex[0].Header {
			r.Header = append(r.Header, collections.Header{Key: h.Key, Value: h.Value})
		}
	}
	r.Size = len(r.Body)
	return r
}
