package proxyenv

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

// The proxy variables read as postman-request's getProxyFromURI reads
// them; fresh-round11n-a.json holds Newman's answers on loopback, this
// table the cases a loopback probe cannot reach.
func TestEnvProxy(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		env  map[string]string
		url  string
		want string
	}{
		{map[string]string{"HTTP_PROXY": "http://p:1"}, "http://api.example.com/", "http://p:1"},
		{map[string]string{"HTTP_PROXY": "http://p:1"}, "https://api.example.com/", "http://p:1"}, // https falls back
		{map[string]string{"HTTPS_PROXY": "http://s:2", "HTTP_PROXY": "http://p:1"}, "https://api.example.com/", "http://s:2"},
		{map[string]string{"HTTPS_PROXY": "http://s:2"}, "http://api.example.com/", ""},
		{map[string]string{"HTTP_PROXY": "p:3"}, "http://api.example.com/", "http://p:3"}, // no scheme: http
		{map[string]string{"HTTP_PROXY": "http://p:1", "NO_PROXY": "example.com"}, "http://api.example.com/", ""},
		{map[string]string{"HTTP_PROXY": "http://p:1", "NO_PROXY": "example.com"}, "http://notexample.com/", "http://p:1"},
		{map[string]string{"HTTP_PROXY": "http://p:1", "NO_PROXY": "example.com:80"}, "http://example.com/", ""},
		{map[string]string{"HTTP_PROXY": "http://p:1", "NO_PROXY": "example.com:443"}, "https://example.com/", ""},
		{map[string]string{"HTTP_PROXY": "http://p:1", "NO_PROXY": "example.com:443"}, "http://example.com/", "http://p:1"},
		// The zone is looked for where it first occurs in the host.
		{map[string]string{"HTTP_PROXY": "http://p:1", "NO_PROXY": "a.b"}, "http://a.b.a.b/", "http://p:1"},
		// An IPv6 zone splits at its first colon: it never matches.
		{map[string]string{"HTTP_PROXY": "http://p:1", "NO_PROXY": "::1"}, "http://[::1]:8/", "http://p:1"},
		{map[string]string{"HTTP_PROXY": "http://p:1", "NO_PROXY": "..example.com"}, "http://x.example.com/", ""},
		{map[string]string{"HTTP_PROXY": "http://p:1", "NO_PROXY": "*"}, "http://x.example.com/", ""},
		{map[string]string{}, "http://x.example.com/", ""},
	} {
		u, _ := url.Parse(c.url)
		got := ""
		if f := FromEnv(func(k string) string { return c.env[k] }); f != nil {
			p, err := f(&http.Request{URL: u})
			if err != nil {
				t.Fatalf("%v %s: %v", c.env, c.url, err)
			}
			if p != nil {
				got = p.String()
			}
		}
		if got != c.want {
			t.Errorf("%v %s: proxy %q, want %q", c.env, c.url, got, c.want)
		}
	}
}

// Transport sends a download for a loopback URL through the environment's
// proxy, as Newman's fetch does (net/http's default never proxies
// loopback): the proxy here answers every request itself.
func TestTransportUsesTheProxy(t *testing.T) {
	t.Parallel()
	var got atomic.Value
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got.Store(r.RequestURI)
		io.WriteString(w, "from the proxy")
	}))
	t.Cleanup(proxy.Close)
	env := map[string]string{"HTTP_PROXY": proxy.URL}
	c := &http.Client{Transport: Transport(func(k string) string { return env[k] })}
	resp, err := c.Get("http://127.0.0.1:9/c.json")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != "from the proxy" || got.Load() != "http://127.0.0.1:9/c.json" {
		t.Errorf("got %q for request %v", body, got.Load())
	}
	if FromEnv(nil) != nil {
		t.Error("no environment gave a proxy function")
	}
}

// A proxy variable that is not a URL fails the request without its text:
// the password in it stays out of the error.
func TestBadProxyURLKeepsItsPassword(t *testing.T) {
	t.Parallel()
	for _, raw := range []string{"http://u:s3cret@h:%zz", "http://u:s3cr%zzet@h:1", "http://u:s3cret@[::1"} {
		f := FromEnv(func(k string) string { return map[string]string{"HTTP_PROXY": raw}[k] })
		u, _ := url.Parse("http://api.example.com/")
		_, err := f(&http.Request{URL: u})
		if err == nil || strings.Contains(err.Error(), "s3cr") {
			t.Errorf("%s: %v", raw, err)
		}
	}
}
