package runner

import (
	"testing"

	"github.com/courier-run/courier/collections"
)

// TestOwnProxyURL: a request's own proxy as postman-collection's
// ProxyConfig.getProxyUrl writes it (the host name read off the host as
// written, the port as `x >> 0` reads it, credentials only with
// authenticate); fresh-round12n-c.json checks the wire against Newman.
func TestOwnProxyURL(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   collections.Proxy
		want string
	}{
		{collections.Proxy{Host: "p.example", Port: "3128"}, "http://p.example:3128"},
		{collections.Proxy{Host: "p.example"}, "http://p.example:8080"},
		{collections.Proxy{Host: "https://u@p.example:99/x?y", Port: "3128.9"}, "http://p.example:3128"},
		{collections.Proxy{Host: "p.example:99", Port: "abc"}, "http://p.example:8080"},
		{collections.Proxy{Host: "p.example", Port: "0"}, "http://p.example:8080"},
		{collections.Proxy{Host: "{{proxy}}", Port: "{{port}}"}, "http://localhost:8080"},
		{collections.Proxy{Host: "", Port: "1"}, "http://localhost:1"},
		{collections.Proxy{Host: "p", Port: "1", Username: "u", Password: "p"}, "http://p:1"},
		{collections.Proxy{Host: "p", Port: "1", Authenticate: true, Username: "u s", Password: "p@:"}, "http://u%20s:p%40%3A@p:1"},
		{collections.Proxy{Host: "p", Port: "1", Authenticate: true, Password: "x"}, "http://:x@p:1"},
		{collections.Proxy{Host: "p", Port: "1", Authenticate: true, Username: "us er@x", Password: "p:w/é%41"}, "http://us%20er%40x:p%3Aw%2F%C3%A9%2541@p:1"},
		{collections.Proxy{Host: "p", Port: "1", Authenticate: true, Username: "u"}, "http://u@p:1"},
		{collections.Proxy{Host: "p", Port: "1", Authenticate: true}, "http://p:1"},
	} {
		if got := ownProxyURL(&c.in).String(); got != c.want {
			t.Errorf("%+v: %s, want %s", c.in, got, c.want)
		}
	}
}
