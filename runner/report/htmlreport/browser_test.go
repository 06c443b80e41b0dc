package htmlreport_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/internal/testenv"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/runner/report"
	"github.com/courier-run/courier/runner/report/htmlreport"
	"github.com/courier-run/courier/runner/report/jsonreport"
	"github.com/courier-run/courier/simulators/echo/echotest"
	"github.com/courier-run/courier/vault"
)

// canary is a secret the run sends in a header, a body, a URL and a
// console line, and that the echo server sends back: it must reach neither
// the page's file nor its DOM.
const canary = "cAnArY-5ecret-9f31"

// findBrowser returns a Chromium binary, or skips (fails under CI, where
// COURIER_REQUIRE_BROWSER is set and .ci/run installs Debian's chromium).
func findBrowser(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("COURIER_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("COURIER_REQUIRE_BROWSER") != "" {
		t.Fatal("no Chromium found (install Debian's chromium, or set COURIER_CHROMIUM)")
	}
	testenv.Skip(t, "no Chromium: install it (apt-get install chromium) to run the HTML report's browser test")
	return ""
}

// startBrowser starts one headless Chromium for the whole test.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	// Not t.TempDir: Chromium's helpers can still write to the profile for
	// a moment after the browser stops, and TempDir fails the test when
	// it cannot remove the directory.
	profile, err := os.MkdirTemp("", "courier-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for range 50 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(findBrowser(t)),
		chromedp.DisableGPU,
		chromedp.WindowSize(1280, 900),
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-dev-shm-usage", true),
	)
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // Chromium refuses to run as root with its sandbox
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// The first action starts the browser, which lives as long as ctx: no
	// timeout here.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", findBrowser(t), err)
	}
	return ctx
}

// page is one tab with a report loaded; it records what the page printed
// to its console.
type page struct {
	t       *testing.T
	ctx     context.Context
	console chan string
	// sentinels receives the marks problems logs: the console keeps its
	// order, so every message before a mark has arrived with it.
	sentinels chan string
	marks     int
	// ready is how long the page took, from navigation start, to draw its
	// summary and first rows and take input (performance.now() then).
	ready float64
}

func openPage(t *testing.T, browser context.Context, file string, colorScheme string) *page {
	t.Helper()
	tab, cancelTab := chromedp.NewContext(browser)
	ctx, cancel := context.WithTimeout(tab, 90*time.Second)
	t.Cleanup(func() { cancel(); cancelTab() })
	p := &page{t: t, ctx: ctx, console: make(chan string, 100), sentinels: make(chan string, 10)}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleLog && strings.HasPrefix(m.Text, sentinel) {
				p.sentinels <- m.Text
				continue
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleWarning || m.IsException() {
				select {
				case p.console <- string(m.Type) + ": " + m.String():
				default:
				}
			}
		}
	}()
	// The page must load nothing: any request but the file itself is a
	// problem (the page is meant to open offline).
	requests := chromedp.Events(ctx, network.RequestWillBeSent)
	go func() {
		for ev, err := range requests {
			if err != nil {
				return
			}
			if u := ev.Request.URL; u != "file://"+file && !strings.HasPrefix(u, "file://"+file+"#") {
				select {
				case p.console <- "request: " + u:
				default:
				}
			}
		}
	}()
	if colorScheme != "" {
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: colorScheme}}}); err != nil {
			t.Fatalf("emulating %s mode: %v", colorScheme, err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+file), chromedp.WaitVisible(chromedp.CSS(`body[data-ready="1"]`))); err != nil {
		t.Fatalf("loading %s: %v", file, err)
	}
	p.ready = eval[float64](p, `window.courierReady`)
	return p
}

func eval[T any](p *page, js string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		p.t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// sentinel starts the marks problems logs to the page's console.
const sentinel = "courier-test-mark "

// problems returns what the page printed as warnings, errors and uncaught
// exceptions so far, and any request it made.
func (p *page) problems() []string {
	// Log a mark and wait for it: the console messages logged before it
	// have then arrived (the console keeps their order).
	p.marks++
	mark := fmt.Sprintf("%s%d", sentinel, p.marks)
	_ = eval[bool](p, fmt.Sprintf(`console.log(%q), true`, mark))
	for got := ""; got != mark; {
		select {
		case got = <-p.sentinels:
		case <-p.ctx.Done():
			p.t.Fatalf("waiting for the page's console: %v", p.ctx.Err())
		}
	}
	var out []string
	for {
		select {
		case m := <-p.console:
			out = append(out, m)
		default:
			return out
		}
	}
}

// numericSecretRun runs one request for 2048 bytes with secrets "2048",
// "200", "true" and "function" (a word of the page's script), through the
// reporters and the JSON-aware redaction courier run uses.
func numericSecretRun(t *testing.T, dir string) (jsonPath, htmlPath string) {
	t.Helper()
	base := echotest.Start(t)
	item := &collections.Item{ID: "bytes", Name: "Bytes", Request: &collections.Request{
		Method: "GET", URL: collections.URL{Raw: base + "/bytes/2048"},
		Header: []collections.Header{{Key: "X-Pin", Value: "{{pin}}"}}},
		Events: []collections.Event{{Listen: "test", Script: collections.Script{Exec: `pm.environment.set('n', Number(pm.environment.get('pin')));
pm.test('pin masked', () => pm.expect(pm.response.responseSize).to.equal(2048));`}}}}
	coll := &collections.Collection{Info: collections.Info{ID: "num", Name: "Numbers"}, Items: []*collections.Item{item}}
	env := environments.NewScope("Numbers env", []environments.Variable{{Key: "pin", Value: "2048", Type: "secret"}})
	red := vault.NewRedactor()
	red.Add("2048", "200", "true", "function")
	jsonPath, htmlPath = filepath.Join(dir, "num.json"), filepath.Join(dir, "num.html")
	m, err := report.New([]string{"json", "html"}, report.Options{
		Exports: map[string]string{report.NameJSON: jsonPath, report.NameHTML: htmlPath},
		Wrap:    func(w io.Writer) io.Writer { return red.Writer(w) },
		WrapDoc: func(w io.Writer, d report.Doc) io.Writer {
			return red.JSONWriter(w, vault.JSONScalars{Keep: d.Keep, Data: d.Data})
		},
		JSON: report.JSONOptions{Redact: red.Redact, PerRoundTrip: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	r := &runner.Runner{Collection: coll, Environment: env, Options: runner.Options{Masker: red}, Sink: m}
	if _, err := r.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	return jsonPath, htmlPath
}

// newmanReport is the part of the JSON report the checks compare with.
type newmanReport struct {
	Run struct {
		Stats      map[string]struct{ Total, Failed int }
		Executions []json.RawMessage
		Failures   []struct {
			Error struct{ Test, Message string }
		}
	}
}

// realRun runs a collection against the echo server with a secret in the
// environment, writing the JSON and HTML reports through the reporters and
// the redaction courier run uses. It returns both paths.
func realRun(t *testing.T, dir string) (jsonPath, htmlPath string) {
	t.Helper()
	base := echotest.Start(t)
	test := func(src string) []collections.Event {
		return []collections.Event{{Listen: "test", Script: collections.Script{Exec: src}}}
	}
	big := strings.Repeat("0123456789abcdef", 6<<10) // 96 KiB: the echoed body is cut
	signIn := &collections.Item{ID: "sign-in", Name: "Sign in", Request: &collections.Request{
		Method: "POST", URL: collections.URL{Raw: base + "/post"},
		Header: []collections.Header{{Key: "Authorization", Value: "Bearer {{token}}"}, {Key: "Content-Type", Value: "application/json"}},
		Body:   &collections.Body{Mode: collections.BodyRaw, Raw: `{"user":"ada","password":"{{token}}"}`}},
		Events: test(`pm.test('status is 200', () => pm.response.to.have.status(200));
pm.test('password echoed', () => pm.expect(pm.response.json().json.password).to.equal(pm.environment.get('token')));
console.log('signed in with', pm.environment.get('token'));`)}
	checks := &collections.Item{ID: "checks", Name: "Checks", Folder: true}
	deep := &collections.Item{ID: "deep", Name: "Deep", Folder: true, Parent: checks}
	wrong := &collections.Item{ID: "wrong", Name: "Wrong status", Parent: checks, Request: &collections.Request{
		Method: "GET", URL: collections.URL{Raw: base + "/status/404?key={{token}}"}},
		Events: test(`console.warn('expecting trouble');
pm.test('status is 200', () => pm.response.to.have.status(200));
pm.test('token is short', () => pm.expect(pm.environment.get('token')).to.have.lengthOf(3));`)}
	picture := &collections.Item{ID: "picture", Name: "Picture", Parent: deep, Request: &collections.Request{
		Method: "GET", URL: collections.URL{Raw: base + "/bytes/2048"}},
		Events: test(`pm.test('binary arrives', () => pm.expect(pm.response.responseSize).to.equal(2048));`)}
	large := &collections.Item{ID: "large", Name: "Large echo", Parent: deep, Request: &collections.Request{
		Method: "POST", URL: collections.URL{Raw: base + "/post"},
		Header: []collections.Header{{Key: "Content-Type", Value: "text/plain"}},
		Body:   &collections.Body{Mode: collections.BodyRaw, Raw: big}},
		Events: []collections.Event{{Listen: "prerequest", Script: collections.Script{Exec: `if (pm.info.iteration === 1) { notDefinedAnywhere(); }`}}}}
	deep.Items = []*collections.Item{picture, large}
	checks.Items = []*collections.Item{wrong, deep}
	coll := &collections.Collection{Info: collections.Info{ID: "browser-c", Name: "Browser <check> & co"}, Items: []*collections.Item{signIn, checks}}

	env := environments.NewScope("Browser env", []environments.Variable{{Key: "token", Value: canary, Type: "secret"}})
	red := vault.NewRedactor()
	red.Add(canary) // as courier run registers type: secret values
	jsonPath, htmlPath = filepath.Join(dir, "run.json"), filepath.Join(dir, "run.html")
	m, err := report.New([]string{"json", "htmlextra"}, report.Options{
		Exports: map[string]string{report.NameJSON: jsonPath, report.NameHTML: htmlPath},
		Wrap:    func(w io.Writer) io.Writer { return red.Writer(w) },
		JSON:    report.JSONOptions{Redact: red.Redact},
	})
	if err != nil {
		t.Fatal(err)
	}
	r := &runner.Runner{Collection: coll, Environment: env, Options: runner.Options{Iterations: 2, Masker: red}, Sink: m}
	if _, err := r.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	return jsonPath, htmlPath
}

// TestBrowser opens reports in headless Chromium: one browser for all
// subtests.
func TestBrowser(t *testing.T) {
	browser := startBrowser(t)
	dir := t.TempDir()
	jsonPath, htmlPath := realRun(t, dir)

	var rep newmanReport
	raw, err := os.ReadFile(jsonPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &rep); err != nil {
		t.Fatal(err)
	}

	t.Run("same numbers as the JSON report", func(t *testing.T) {
		p := openPage(t, browser, htmlPath, "")
		shown := eval[map[string]string](p, `Object.fromEntries([...document.querySelectorAll('[data-stat]')].map(e => [e.dataset.stat, e.textContent]))`)
		for _, k := range []string{"iterations", "requests", "testScripts", "prerequestScripts", "assertions"} {
			s := rep.Run.Stats[k]
			if shown[k+".total"] != fmt.Sprint(s.Total) || shown[k+".failed"] != fmt.Sprint(s.Failed) {
				t.Errorf("%s: page shows %s executed, %s failed; the JSON report says %d, %d", k, shown[k+".total"], shown[k+".failed"], s.Total, s.Failed)
			}
		}
		if shown["failures"] != fmt.Sprint(len(rep.Run.Failures)) || len(rep.Run.Failures) == 0 {
			t.Errorf("page shows %s failures, the JSON report has %d", shown["failures"], len(rep.Run.Failures))
		}
		if n := eval[int](p, `document.querySelectorAll('#list .row').length`); n != len(rep.Run.Executions) {
			t.Errorf("the list has %d rows, the report %d executions", n, len(rep.Run.Executions))
		}
		if got := eval[string](p, `document.title`); got != "Browser <check> & co · run report" {
			t.Errorf("title = %q", got)
		}
		if probs := p.problems(); len(probs) > 0 {
			t.Errorf("the page logged problems:\n%s", strings.Join(probs, "\n"))
		}
	})

	t.Run("a failing test is visible and expandable", func(t *testing.T) {
		p := openPage(t, browser, htmlPath, "")
		// The first failure in the summary links to its request.
		first := eval[string](p, `document.querySelector('#failures ol.fails li').textContent`)
		if !strings.Contains(first, "status is 200") || !strings.Contains(first, "expected response to have status code 200 but got 404") {
			t.Errorf("first failure reads %q", first)
		}
		if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(`#failures button.lnk`)),
			chromedp.WaitVisible(chromedp.CSS(`#list .row.fail .detail:not([hidden])`))); err != nil {
			t.Fatalf("opening the failure: %v", err)
		}
		detail := eval[string](p, `document.querySelector('#list .row.fail .detail:not([hidden])').innerText`)
		for _, want := range []string{"status is 200", "AssertionError: expected response to have status code 200 but got 404", "expecting trouble", "404 Not Found", "GET "} {
			if !strings.Contains(detail, want) {
				t.Errorf("opened failure lacks %q:\n%s", want, detail)
			}
		}
		// The Failed filter keeps failed rows only; a click opens one.
		if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(`.seg button[data-show="failed"]`))); err != nil {
			t.Fatal(err)
		}
		rows := eval[[]string](p, `[...document.querySelectorAll('#list .row')].map(r => r.className + ' ' + r.querySelector('.nm').textContent)`)
		if len(rows) != 3 { // Wrong status twice, Large echo in the second iteration
			t.Errorf("failed rows = %q", rows)
		}
		for _, r := range rows {
			if !strings.Contains(r, "fail") {
				t.Errorf("the Failed filter shows %q", r)
			}
		}
		if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(`#list .row.fail:last-child .rhead`)),
			chromedp.WaitVisible(chromedp.CSS(`#list .row.fail:last-child .detail:not([hidden])`))); err != nil {
			t.Fatal(err)
		}
		last := eval[string](p, `document.querySelector('#list .row.fail:last-child .detail').innerText`)
		if !strings.Contains(last, "ReferenceError in the pre-request script: notDefinedAnywhere is not defined") {
			t.Errorf("script error row reads:\n%s", last)
		}
		// Search narrows the list.
		if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(`.seg button[data-show="all"]`)), chromedp.SendKeys(chromedp.CSS(`#q`), "picture")); err != nil {
			t.Fatal(err)
		}
		// The page filters 120 ms after the last key (a timer): wait for
		// the list to narrow with no time limit of the poll's own (the
		// page's 90 s context is the hang guard); 5 s was a speed bound on
		// a browser sharing a loaded machine.
		if _, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`document.querySelectorAll('#list .row').length === 2`, chromedp.WithPollingTimeout(0))); err != nil {
			t.Errorf("searching for 'picture': %d rows", eval[int](p, `document.querySelectorAll('#list .row').length`))
		}
		if probs := p.problems(); len(probs) > 0 {
			t.Errorf("the page logged problems:\n%s", strings.Join(probs, "\n"))
		}
	})

	t.Run("bodies, console and the canary", func(t *testing.T) {
		page, err := os.ReadFile(htmlPath)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(page, []byte(canary)) || bytes.Contains(raw, []byte(canary)) {
			t.Fatal("the secret is in the report file")
		}
		p := openPage(t, browser, htmlPath, "")
		// Open every row, and every header table.
		eval[bool](p, `document.querySelectorAll('#list .row .rhead').forEach(b => b.click()); document.querySelectorAll('details').forEach(d => d.open = true); true`)
		text := eval[string](p, `document.body.innerText`)
		html := eval[string](p, `document.documentElement.outerHTML`)
		if strings.Contains(text, canary) || strings.Contains(html, canary) {
			t.Fatal("the secret is in the page's DOM")
		}
		for _, want := range []string{"Bearer ***", `"password": "***"`, "signed in with ***", "expected '***' to have a length of 3",
			"Binary body, 2 KB, not shown.", "Cut short: showing the first 64 KB of 96.", "Deep"} {
			if !strings.Contains(text, want) {
				t.Errorf("the opened page lacks %q", want)
			}
		}
		if probs := p.problems(); len(probs) > 0 {
			t.Errorf("the page logged problems:\n%s", strings.Join(probs, "\n"))
		}
	})

	t.Run("themes", func(t *testing.T) {
		for _, scheme := range []string{"light", "dark"} {
			p := openPage(t, browser, htmlPath, scheme)
			bg := eval[string](p, `getComputedStyle(document.documentElement).backgroundColor`)
			if want := map[string]string{"light": "rgb(255, 255, 255)", "dark": "rgb(13, 17, 23)"}[scheme]; bg != want {
				t.Errorf("%s mode background = %s, want %s", scheme, bg, want)
			}
			// The toggle overrides the system: auto → light → dark.
			eval[bool](p, `document.getElementById('theme').click(); document.getElementById('theme').click(); true`)
			if bg := eval[string](p, `getComputedStyle(document.documentElement).backgroundColor`); bg != "rgb(13, 17, 23)" {
				t.Errorf("after choosing dark the background is %s", bg)
			}
			eval[bool](p, `document.getElementById('theme').click(); true`) // back to auto for the next page
			screenshot(t, p, "report-"+scheme+".png")
			if os.Getenv("COURIER_SCREENSHOTS") != "" {
				eval[bool](p, `document.querySelector('#failures button.lnk').click(); document.querySelector('#list .row .rhead').click(); document.querySelectorAll('details').forEach(d => d.open = true); window.scrollTo(0, 0); true`)
				screenshot(t, p, "report-"+scheme+"-open.png")
				eval[bool](p, `document.querySelectorAll('#list .row .rhead').forEach((b, i) => { if (i === 2 || i === 3) b.click(); }); true`)
				screenshot(t, p, "report-"+scheme+"-bodies.png")
			}
		}
		if os.Getenv("COURIER_SCREENSHOTS") != "" {
			p := openPage(t, browser, htmlPath, "dark")
			if _, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print",
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}}); err != nil {
				t.Fatal(err)
			}
			eval[bool](p, `window.dispatchEvent(new Event('beforeprint')); true`)
			screenshot(t, p, "report-print.png")
		}
	})

	t.Run("a report Newman wrote", func(t *testing.T) {
		src, err := os.Open(filepath.Join("..", "..", "..", "testdata", "report", "newman-6.2.2.json"))
		if err != nil {
			t.Fatal(err)
		}
		defer src.Close()
		page := filepath.Join(dir, "newman.html")
		f, err := os.Create(page)
		if err != nil {
			t.Fatal(err)
		}
		if err := htmlreport.Render(f, src, htmlreport.Options{}); err != nil {
			t.Fatal(err)
		}
		f.Close()
		p := openPage(t, browser, page, "")
		eval[bool](p, `document.querySelectorAll('#list .row .rhead').forEach(b => b.click()); true`)
		text := eval[string](p, `document.getElementById('list').innerText`)
		for _, want := range []string{"Forms", "name\tada", "connect ECONNREFUSED 127.0.0.1:1", "ReferenceError in the pre-request script", "wrong on purpose"} { // no console: Newman's JSON report drops it
			if !strings.Contains(text, want) {
				t.Errorf("the page lacks %q", want)
			}
		}
		if probs := p.problems(); len(probs) > 0 {
			t.Errorf("the page logged problems:\n%s", strings.Join(probs, "\n"))
		}
	})

	t.Run("merged shards", func(t *testing.T) {
		// Two shards' reports (here the same run twice, as report merge
		// takes reports that do not record a shard), merged as courier
		// report merge merges them, rendered from memory.
		var reps []*jsonreport.Report
		for range 2 {
			r, err := jsonreport.ReadFile(jsonPath)
			if err != nil {
				t.Fatal(err)
			}
			reps = append(reps, r)
		}
		merged, err := jsonreport.Merge(reps, []string{"a.json", "b.json"})
		if err != nil {
			t.Fatal(err)
		}
		page := filepath.Join(dir, "merged.html")
		f, err := os.Create(page)
		if err != nil {
			t.Fatal(err)
		}
		if err := htmlreport.WriteReport(f, merged, htmlreport.Options{}); err != nil {
			t.Fatal(err)
		}
		f.Close()
		p := openPage(t, browser, page, "")
		shown := eval[map[string]string](p, `Object.fromEntries([...document.querySelectorAll('[data-stat]')].map(e => [e.dataset.stat, e.textContent]))`)
		st := merged.Run.Stats
		for k, s := range map[string]jsonreport.Stat{"iterations": st.Iterations, "requests": st.Requests, "assertions": st.Assertions, "testScripts": st.TestScripts} {
			if shown[k+".total"] != fmt.Sprint(s.Total) || shown[k+".failed"] != fmt.Sprint(s.Failed) {
				t.Errorf("%s: page shows %s/%s, the merged report %d/%d", k, shown[k+".total"], shown[k+".failed"], s.Total, s.Failed)
			}
		}
		if shown["failures"] != fmt.Sprint(len(merged.Run.Failures)) || len(merged.Run.Failures) != 2*len(rep.Run.Failures) {
			t.Errorf("page shows %s failures; merged %d, one shard %d", shown["failures"], len(merged.Run.Failures), len(rep.Run.Failures))
		}
		// Every failure links to a failed request.
		bad := eval[int](p, `[...document.querySelectorAll('#failures [data-open]')].filter(b => { b.click(); return !document.querySelector('#r-' + b.dataset.open + '.fail .detail:not([hidden])'); }).length`)
		if bad != 0 {
			t.Errorf("%d failures do not open a failed request", bad)
		}
		eval[bool](p, `document.querySelector('.seg button[data-show="all"]').click(); document.querySelectorAll('#list .row .rhead').forEach(b => b.click()); true`)
		text := eval[string](p, `document.body.innerText`)
		if strings.Count(text, "signed in with ***") != 4 || strings.Contains(text, canary) {
			t.Errorf("console lines: %d, canary present: %v", strings.Count(text, "signed in with ***"), strings.Contains(text, canary))
		}
		if probs := p.problems(); len(probs) > 0 {
			t.Errorf("the page logged problems:\n%s", strings.Join(probs, "\n"))
		}
	})

	t.Run("data left out", func(t *testing.T) {
		src, err := os.Open(jsonPath)
		if err != nil {
			t.Fatal(err)
		}
		defer src.Close()
		page := filepath.Join(dir, "omit.html")
		f, err := os.Create(page)
		if err != nil {
			t.Fatal(err)
		}
		if err := htmlreport.Render(f, src, htmlreport.Options{Omit: htmlreport.Omit{ResponseBodies: true, HeaderNames: []string{"authorization"}, OnlyFailed: true}}); err != nil {
			t.Fatal(err)
		}
		f.Close()
		p := openPage(t, browser, page, "")
		eval[bool](p, `document.querySelectorAll('#list .row .rhead').forEach(b => b.click()); document.querySelectorAll('details').forEach(d => d.open = true); true`)
		text := eval[string](p, `document.body.innerText`)
		if n := eval[int](p, `document.querySelectorAll('#list .row').length`); n != 3 {
			t.Errorf("%d rows, want the 3 failed ones", n)
		}
		if !strings.Contains(text, "Left out of this report") || strings.Contains(text, "Authorization") || !strings.Contains(text, "left out on purpose") {
			t.Error("the page does not say what was left out, or kept the Authorization header")
		}
		if probs := p.problems(); len(probs) > 0 {
			t.Errorf("the page logged problems:\n%s", strings.Join(probs, "\n"))
		}
	})

	t.Run("a run that stopped before any request", func(t *testing.T) {
		page := filepath.Join(dir, "empty.html")
		f, err := os.Create(page)
		if err != nil {
			t.Fatal(err)
		}
		src := `{"run":{"executions":[],"stats":{"iterations":{"total":0}},"timings":{},"failures":[],"error":{"name":"Error","message":"--timeout of 5ms reached"}}}`
		if err := htmlreport.Render(f, strings.NewReader(src), htmlreport.Options{}); err != nil {
			t.Fatal(err)
		}
		f.Close()
		p := openPage(t, browser, page, "")
		text := eval[string](p, `document.body.innerText`)
		for _, want := range []string{"Failed", "The run stopped: Error: --timeout of 5ms reached", "No responses.", "No request matches."} {
			if !strings.Contains(text, want) {
				t.Errorf("the page lacks %q", want)
			}
		}
		if probs := p.problems(); len(probs) > 0 {
			t.Errorf("the page logged problems:\n%s", strings.Join(probs, "\n"))
		}
	})

	// A secret that is a number (a PIN) or a word of the page's own script
	// equals numbers the report measures (a size, a status code) and text
	// the page runs: the page masks the data blocks as JSON, keeping its
	// own numbers, and leaves its script alone (a masked script no longer
	// matches its Content-Security-Policy hash and never runs).
	t.Run("secrets that equal the report's numbers and the page's script", func(t *testing.T) {
		jsonPath, htmlPath := numericSecretRun(t, dir)
		raw, err := os.ReadFile(jsonPath)
		if err != nil {
			t.Fatal(err)
		}
		var rep struct {
			Run struct {
				Executions []struct {
					Response struct{ Code, ResponseSize int }
				}
			}
			Environment struct {
				Values []struct {
					Key   string
					Value any
				}
			}
		}
		if err := json.Unmarshal(raw, &rep); err != nil {
			t.Fatalf("the JSON report is not JSON: %v", err)
		}
		if len(rep.Run.Executions) != 1 || rep.Run.Executions[0].Response.ResponseSize != 2048 || rep.Run.Executions[0].Response.Code != 200 {
			t.Errorf("executions = %+v, want one with code 200 and responseSize 2048", rep.Run.Executions)
		}
		for _, v := range rep.Environment.Values {
			if v.Key == "n" && v.Value != "***" {
				t.Errorf("a number a script made from the secret reads %v in the report, want \"***\"", v.Value)
			}
		}
		page, err := os.ReadFile(htmlPath)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(page, []byte("X-Pin\",\"2048")) || !bytes.Contains(page, []byte(`"z":2048`)) {
			t.Error("the page shows the secret header, or lost the response size")
		}
		p := openPage(t, browser, htmlPath, "")
		eval[bool](p, `document.querySelectorAll('#list .row .rhead').forEach(b => b.click()); document.querySelectorAll('details').forEach(d => d.open = true); true`)
		text := eval[string](p, `document.body.innerText`)
		for _, want := range []string{"Binary body, 2 KB, not shown.", "200", "pin masked"} {
			if !strings.Contains(text, want) {
				t.Errorf("the page lacks %q:\n%s", want, text)
			}
		}
		if probs := p.problems(); len(probs) > 0 {
			t.Errorf("the page logged problems:\n%s", strings.Join(probs, "\n"))
		}
	})

	t.Run("10,000 requests", func(t *testing.T) {
		big := filepath.Join(dir, "big.html")
		f, err := os.Create(big)
		if err != nil {
			t.Fatal(err)
		}
		src := htmlreport.SynthReport(10_000)
		if err := htmlreport.Render(f, bytes.NewReader(src), htmlreport.Options{}); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		st, _ := os.Stat(big)
		start := time.Now()
		p := openPage(t, browser, big, "")
		wall := time.Since(start)
		// Only the first rows are in the DOM.
		rows := eval[int](p, `document.querySelectorAll('#list .row').length`)
		if rows == 0 || rows > 1000 {
			t.Errorf("%d rows drawn at load; lazy drawing keeps it to a few hundred", rows)
		}
		if got := eval[string](p, `document.querySelector('[data-stat="requests.total"]').textContent`); got != "10,000" {
			t.Errorf("requests shown: %q", got)
		}
		// Interaction: filter to the failed ones and open the last.
		t0 := time.Now()
		n := eval[int](p, `document.querySelector('.seg button[data-show="failed"]').click(); document.querySelectorAll('#list .row').length`)
		filter := time.Since(t0)
		if n != 150 {
			t.Errorf("%d failed rows drawn after filtering, want the first batch of 150 of 200", n)
		}
		t0 = time.Now()
		eval[bool](p, `document.querySelector('#failures ol.fails li:last-child button').click(); true`)
		open := time.Since(t0)
		if !eval[bool](p, `!!document.querySelector('.row.fail .detail:not([hidden])')`) {
			t.Error("the failure did not open")
		}
		if probs := p.problems(); len(probs) > 0 {
			t.Errorf("the page logged problems:\n%s", strings.Join(probs, "\n"))
		}
		eval[bool](p, `window.scrollTo(0, 0); true`)
		screenshot(t, p, "report-10k.png")
		// Recorded, not asserted: CI machines are shared.
		t.Logf("10,000-request page: %.1f MB; interactive %.0f ms after navigation start (load call returned after %v); failed filter %v; jump to a failure %v",
			float64(st.Size())/1e6, p.ready, wall.Round(time.Millisecond), filter.Round(time.Millisecond), open.Round(time.Millisecond))
	})
}

// screenshot saves the page, when COURIER_SCREENSHOTS names a directory,
// for people to look at.
func screenshot(t *testing.T, p *page, name string) {
	dir := os.Getenv("COURIER_SCREENSHOTS")
	if dir == "" {
		return
	}
	shot := chromedp.FullScreenshot(100)
	if eval[int](p, `document.documentElement.scrollHeight`) > 4000 {
		shot = chromedp.CaptureScreenshot() // the viewport only
	}
	png, err := chromedp.Run(p.ctx, shot)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
