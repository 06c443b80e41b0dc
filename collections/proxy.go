package collections

import (
	"math"
	"net"
	"strconv"
	"strings"

	"github.com/courier-run/courier/internal/jsuri"
)

// URL is postman-collection's ProxyConfig.getProxyUrl: the text
// postman-runtime hands postman-request as the proxy, and what scripts
// read. http always; the credentials in encodeURIComponent form when
// authenticate is on and they are not both empty (postman-request unescapes
// them again for its Proxy-Authorization: fresh-round13n-a.json); the host
// name; the port. A Proxy made from a script's ProxyConfig (Host already a
// host name, Port its port member's text) gives what getProxyUrl gives there.
func (p *Proxy) URL() string {
	var b strings.Builder
	b.WriteString("http://")
	if p.Authenticate {
		cred := jsuri.EncodeURIComponent(p.Username)
		if p.Password != "" {
			cred += ":" + jsuri.EncodeURIComponent(p.Password)
		}
		if cred != "" {
			b.WriteString(cred)
			b.WriteByte('@')
		}
	}
	b.WriteString(p.HostName())
	b.WriteByte(':')
	b.WriteString(strconv.Itoa(p.PortNumber()))
	return b.String()
}

// HostName is the proxy's host as postman-collection's ProxyConfig keeps
// it: the host name read off the host as written, its scheme,
// credentials, port and path dropped.
func (p *Proxy) HostName() string {
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
		return h
	}
	if i := strings.LastIndex(host, ":"); i >= 0 && !strings.Contains(host, "]") {
		host = host[:i]
	}
	return host
}

// PortNumber is ProxyConfig's port: the value as JavaScript's `x >> 0`
// reads it, 8080 when that is 0 (or no port a connection could use).
func (p *Proxy) PortNumber() int {
	f, err := strconv.ParseFloat(strings.TrimSpace(p.Port), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 8080
	}
	n := int32(int64(math.Trunc(f)))
	if n <= 0 || n > 65535 {
		return 8080
	}
	return int(n)
}
