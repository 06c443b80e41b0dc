package runner

import (
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"

	"github.com/courier-run/courier/runner/wire"
)

// proxyEnvSource is where the proxy variables come from: the options'
// ProxyEnv, else the process's environment (none under LoopbackOnly).
func (o *Options) proxyEnvSource() func(string) string {
	switch {
	case o.ProxyEnv != nil:
		return o.ProxyEnv
	case o.LoopbackOnly:
		return func(string) string { return "" }
	}
	return os.Getenv
}

// direct wraps proxy so the hosts given go without one.
func direct(proxy func(*http.Request) (*url.URL, error), hosts []string) func(*http.Request) (*url.URL, error) {
	if proxy == nil || len(hosts) == 0 {
		return proxy
	}
	return func(r *http.Request) (*url.URL, error) {
		if slices.Contains(hosts, strings.ToLower(wire.HostPort(r.URL))) {
			return nil, nil
		}
		return proxy(r)
	}
}
