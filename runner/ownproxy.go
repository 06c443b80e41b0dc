package runner

import (
	"context"
	"net"
	"net/url"
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

// ownProxyURL is the proxy postman-request takes from postman-runtime:
// ProxyConfig.getProxyUrl's text (collections.Proxy.URL, the one place it
// is written) read as postman-request reads it. The credentials are
// unescaped (qs.unescape), so the Proxy-Authorization holds them as the
// collection gave them (fresh-round13n-a.json); the host name ends where
// Node's parser ends it. Nothing in it is a variable.
func ownProxyURL(p *collections.Proxy) *url.URL {
	rest := strings.TrimPrefix(p.URL(), "http://")
	u := &url.URL{Scheme: "http"}
	if i := strings.LastIndexByte(rest, '@'); i >= 0 {
		// encodeURIComponent left no ':' or '@' inside either part.
		user, pass, hasPass := strings.Cut(rest[:i], ":")
		user, _ = url.PathUnescape(user)
		pass, _ = url.PathUnescape(pass)
		if hasPass {
			u.User = url.UserPassword(user, pass)
		} else {
			u.User = url.User(user)
		}
		rest = rest[i+1:]
	}
	host, port := rest, ""
	if i := strings.LastIndexByte(rest, ':'); i >= 0 {
		host, port = rest[:i], rest[i+1:]
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
	u.Host = net.JoinHostPort(host, port)
	return u
}

// notHostChar is a character Node's url.parse does not take in a host name.
func notHostChar(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_')
}
