package runner

import (
	"context"
	"math"
	"net"
	"net/url"
	"strconv"
	"strings"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner/wire"
)

// withOwnProxy sends a request that names a proxy of its own (v2's
// request.proxy) through it, as postman-runtime hands it to
// postman-request: in place of the proxy variables and NO_PROXY, whatever
// the object's match pattern or disabled flag say, https (and http with
// tunnel) in a CONNECT tunnel (fresh-round12n-c.json).
func withOwnProxy(ctx context.Context, p *collections.Proxy) context.Context {
	if p == nil {
		return ctx
	}
	return wire.WithProxy(ctx, ownProxyURL(p), p.Tunnel)
}

// ownProxyURL is ProxyConfig.getProxyUrl's URL: http, the credentials
// when authenticate is on and they are not both empty, the host name read
// off the host as written (a scheme, credentials, port and path dropped),
// and the port (8080 unless a number other than 0). Nothing in it is a
// variable.
func ownProxyURL(p *collections.Proxy) *url.URL {
	host := p.Host
	if _, after, ok := strings.Cut(host, "://"); ok {
		host = after
	}
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	if i := strings.LastIndex(host, "@"); i >= 0 {
		host = host[i+1:]
	}
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	} else if i := strings.LastIndex(host, ":"); i >= 0 && !strings.Contains(host, "]") {
		host = host[:i]
	}
	if i := strings.IndexFunc(host, notHostChar); i >= 0 && !strings.HasPrefix(host, "[") {
		// Node's url.parse ends the host name at a character a name may
		// not hold ("{{proxyHost}}": the runtime does not resolve
		// variables in a proxy).
		host = host[:i]
	}
	if host == "" {
		host = "localhost" // Node's request to "http://:8080"
	}
	u := &url.URL{Scheme: "http", Host: net.JoinHostPort(host, strconv.Itoa(proxyPort(p.Port)))}
	if p.Authenticate && (p.Username != "" || p.Password != "") {
		if p.Password != "" {
			u.User = url.UserPassword(p.Username, p.Password)
		} else {
			u.User = url.User(p.Username)
		}
	}
	return u
}

// proxyPort is ProxyConfig's port: the value as JavaScript's `x >> 0`
// reads it, 8080 when that is 0 (or no port a connection could use).
func proxyPort(text string) int {
	f, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 8080
	}
	n := int32(int64(math.Trunc(f)))
	if n <= 0 || n > 65535 {
		return 8080
	}
	return int(n)
}

// notHostChar is a character Node's url.parse does not take in a host name.
func notHostChar(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_')
}
