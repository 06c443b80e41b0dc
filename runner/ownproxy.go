package runner

import (
	"context"
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
	host := p.HostName()
	if i := strings.IndexFunc(host, notHostChar); i >= 0 && !strings.HasPrefix(host, "[") {
		// Node's url.parse ends the host name at a character a name may
		// not hold ("{{proxyHost}}": the runtime does not resolve
		// variables in a proxy).
		host = host[:i]
	}
	if host == "" {
		host = "localhost" // Node's request to "http://:8080"
	}
	u := &url.URL{Scheme: "http", Host: net.JoinHostPort(host, strconv.Itoa(p.PortNumber()))}
	if p.Authenticate && (p.Username != "" || p.Password != "") {
		if p.Password != "" {
			u.User = url.UserPassword(p.Username, p.Password)
		} else {
			u.User = url.User(p.Username)
		}
	}
	return u
}

// notHostChar is a character Node's url.parse does not take in a host name.
func notHostChar(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_')
}
