package collections

import (
	"math"
	"net"
	"strconv"
	"strings"
)

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
