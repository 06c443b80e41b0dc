// Package proxyenv picks a request's proxy from the environment as
// postman-request (Newman's HTTP library) does, not as net/http's
// ProxyFromEnvironment: the runner's requests, and the collection and
// environment downloads of courier run, follow the same rules as Newman's.
package proxyenv

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// envProxy picks a request's proxy from the environment as postman-request
// does (its getProxyFromURI), not as net/http's ProxyFromEnvironment:
// loopback hosts go through the proxy too, https falls back to HTTP_PROXY
// when HTTPS_PROXY is unset, NO_PROXY knows neither CIDR ranges nor
// wildcards but "*" alone, and a proxy written without a scheme is http
// (runner/testdata/postman-parity/fresh-round11n-a.json). The variables are read once, when the
// transport is made.
type envProxy struct {
	http, https string // the proxy URLs as written, "" for none
	noProxy     string
}

// FromEnv reads the proxy variables through getenv; nil when none is
// set, so a run without proxies pays nothing per request.
func FromEnv(getenv func(string) string) func(*http.Request) (*url.URL, error) {
	if getenv == nil {
		return nil
	}
	first := func(names ...string) string {
		for _, n := range names {
			if v := getenv(n); v != "" { // JS ||: an empty value falls through
				return v
			}
		}
		return ""
	}
	p := envProxy{
		http:    first("HTTP_PROXY", "http_proxy"),
		https:   first("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"),
		noProxy: first("NO_PROXY", "no_proxy"),
	}
	if p.http == "" && p.https == "" {
		return nil
	}
	return p.proxyFor
}

func (p envProxy) proxyFor(r *http.Request) (*url.URL, error) {
	if p.noProxy == "*" || (p.noProxy != "" && inNoProxy(r.URL, p.noProxy)) {
		return nil, nil
	}
	raw := map[string]string{"http": p.http, "https": p.https}[r.URL.Scheme]
	if raw == "" {
		return nil, nil
	}
	return parseProxyURL(raw)
}

// inNoProxy is postman-request's uriInNoProxy: each comma-separated zone,
// trimmed and lower-cased, is a host suffix (a leading dot or not) with an
// optional port; the host must end with the zone where the zone first
// occurs in it.
func inNoProxy(u *url.URL, noProxy string) bool {
	port := u.Port()
	if port == "" {
		port = map[bool]string{true: "443", false: "80"}[u.Scheme == "https"]
	}
	host := dotted(u.Hostname())
	for _, zone := range strings.Split(noProxy, ",") {
		zone = strings.ToLower(strings.TrimSpace(zone))
		zoneHost, rest, hasPort := strings.Cut(zone, ":")
		zoneHost = dotted(zoneHost)
		zonePort, _, _ := strings.Cut(rest, ":") // JS split(':', 2)
		at := strings.Index(host, zoneHost)
		matched := at > -1 && at == len(host)-len(zoneHost)
		if hasPort {
			matched = matched && port == zonePort
		}
		if matched {
			return true
		}
	}
	return false
}

// dotted is postman-request's formatHostname: the leading dots become one
// and the name is lower-cased, so "oogle.com" does not match "google.com".
func dotted(host string) string {
	return "." + strings.ToLower(strings.TrimLeft(host, "."))
}

// parseProxyURL reads a proxy variable as postman-url-encoder's
// toNodeUrl does: no scheme means http, and the userinfo is kept as
// written, to be unescaped for Proxy-Authorization.
func parseProxyURL(raw string) (*url.URL, error) {
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		// url.Error repeats the whole text, the proxy's password too:
		// only its reason is told.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("the proxy variable is not a URL: %w", err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	return u, nil
}

// Transport is net/http's default transport with FromEnv's proxies, for
// downloads (a collection URL, the Postman API).
func Transport(getenv func(string) string) http.RoundTripper {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.Proxy = FromEnv(getenv)
	return t
}
