package scripting

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/courier-run/courier/collections"
)

// httpSender is a minimal real Sender over net/http for tests.
type httpSender struct{ client *http.Client }

func (s httpSender) Send(ctx context.Context, r *collections.Request) (*Response, error) {
	var body io.Reader
	if r.Body != nil && r.Body.Mode == collections.BodyRaw {
		body = strings.NewReader(r.Body.Raw)
	}
	req, err := http.NewRequestWithContext(ctx, r.Method, r.URL.Raw, body)
	if err != nil {
		return nil, fmt.Errorf("building request: %w", err)
	}
	for _, h := range r.Header {
		if !h.Disabled {
			req.Header.Add(h.Key, h.Value)
		}
	}
	start := time.Now()
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("reading response: %w", err)
	}
	out := &Response{Code: resp.StatusCode, Status: strings.TrimPrefix(resp.Status, fmt.Sprint(resp.StatusCode)+" "),
		Body: b, Size: len(b), ResponseTime: time.Since(start), URL: r.URL.Raw, Proto: resp.Proto}
	for k, vs := range resp.Header {
		for _, v := range vs {
			out.Header = append(out.Header, collections.Header{Key: k, Value: v})
		}
	}
	return out, nil
}

func TestSendRequest(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Set-Cookie", "s=1; Path=/")
		if r.URL.Path == "/slow" {
			time.Sleep(30 * time.Millisecond)
		}
		fmt.Fprintf(w, `{"method":%q,"path":%q,"auth":%q,"body":%q}`, r.Method, r.URL.Path, r.Header.Get("Authorization"), bytes.TrimSpace(b))
	}))
	t.Cleanup(srv.Close)
	e, _ := newTestEngine(t, Options{Sender: httpSender{client: srv.Client()}})
	src := strings.ReplaceAll(`
pm.sendRequest("BASE/slow", function (err, res, history) {
  pm.test("callback form", function () {
    pm.expect(err).to.equal(null);
    pm.expect(res.code).to.equal(200);
    pm.expect(res.json().path).to.equal("/slow");
    pm.expect(res.headers.get("content-type")).to.equal("application/json");
    pm.expect(res).to.have.status(200);
    pm.expect(res.to).to.equal(undefined); // Postman adds .to to pm.response alone
    pm.environment.set("fromCallback", res.json().method);
  });
});
const res = await pm.sendRequest({
  url: "BASE/token", method: "POST",
  header: {"Authorization": "Bearer x"},
  body: {mode: "raw", raw: JSON.stringify({a: 1})}
});
pm.test("promise form", () => {
  pm.expect(res.json()).to.eql({method: "POST", path: "/token", auth: "Bearer x", body: '{"a":1}'});
});
try {
  await pm.sendRequest("http://127.0.0.1:1/nothing");
  pm.test("refused", () => pm.expect.fail("no error"));
} catch (e) {
  pm.test("refused", () => pm.expect(e.message).to.match(/refused|connect/));
}`, "BASE", srv.URL)
	x := testExec("prerequest", src)
	r := runJS(t, e, x)
	if len(r.Tests) != 3 {
		t.Fatalf("tests = %+v", r.Tests)
	}
	if v, _ := x.Scopes.Environment.Get("fromCallback"); v != "GET" {
		t.Fatalf("callback did not run before the script finished: %q", v)
	}
}

// TestSendRequestCallbackThrows: what a pm.sendRequest callback throws is
// dropped and the script goes on, as Newman 6.2.2 and Postman CLI 1.34
// answered (tests recorded before the throw are kept, later timers run;
// the Postman app alone shows "There was an error in evaluating the test
// script").
func TestSendRequestCallbackThrows(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"args":{}}`))
	}))
	t.Cleanup(srv.Close)
	e, _ := newTestEngine(t, Options{Sender: httpSender{client: srv.Client()}, VirtualTime: true})
	r := e.Run(context.Background(), testExec("test", `pm.test("before", () => {});
pm.sendRequest("`+srv.URL+`/x", (err, res) => {
    pm.test("in the callback", () => {});
    var first = res.json().results[0];
});
setTimeout(() => pm.test("later timer", () => {}), 3600e3);`))
	if r.Err != nil {
		t.Fatalf("the callback's TypeError failed the script: %v", r.Err)
	}
	var names []string
	for _, tr := range r.Tests {
		names = append(names, tr.Name)
	}
	if got := strings.Join(names, ","); got != "before,in the callback,later timer" {
		t.Errorf("tests %s, want before,in the callback,later timer", got)
	}
}

// pm.response carries .to on a layer over Response's prototype; its lazy
// members (headers, stream, cookies) must still be found there, in a
// fresh engine as in a warm one, and a sendRequest response has no .to.
func TestResponseToLayer(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	for i := 0; i < 2; i++ {
		r := e.Run(context.Background(), testExec("test", `
pm.test("layer", function () {
  pm.expect(pm.response.headers.get("Content-Type")).to.include("application/json");
  pm.expect(pm.response.stream.length).to.be.above(0);
  pm.expect(pm.response.cookies.count()).to.equal(0);
  pm.expect(pm.response.to).to.be.an("object");
  pm.response.to.have.status(200);
  pm.expect(pm.response).to.be.an.instanceof(pm.response.constructor);
  pm.expect(Object.getPrototypeOf(Object.getPrototypeOf(pm.response)).hasOwnProperty("to")).to.equal(false);
});`))
		if r.Err != nil || len(r.Tests) != 1 || !r.Tests[0].Passed {
			t.Fatalf("run %d: err %v, tests %+v", i, r.Err, r.Tests)
		}
	}
}
