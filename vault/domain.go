package vault

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// Domain is one allowed-domain pattern of a secret.
type Domain struct {
	Scheme   string // "" matches any scheme
	Host     string // lower-case, without the "*." of a wildcard
	Wildcard bool   // "*.example.com": any subdomain of Host, not Host itself
	Port     string // "" matches any port
}

// ParseDomain parses an allowed-domain pattern, as Postman's vault writes
// them: "api.pingone.com" matches that host exactly; "*.example.com" matches
// every subdomain of example.com at any depth, but not example.com itself
// (list both to allow both). An optional scheme ("https://api.example.com")
// and port ("api.example.com:8443") narrow the match; without them any
// scheme and port match. Hosts compare case-insensitively, and a trailing dot
// is ignored. Paths, queries, credentials and other wildcards are rejected.
func ParseDomain(pattern string) (Domain, error) {
	p := strings.ToLower(strings.TrimSpace(pattern))
	if p == "" {
		return Domain{}, errors.New("empty allowed domain")
	}
	var d Domain
	if scheme, rest, ok := strings.Cut(p, "://"); ok {
		if scheme != "http" && scheme != "https" {
			return Domain{}, fmt.Errorf("allowed domain %q: scheme must be http or https", pattern)
		}
		d.Scheme, p = scheme, rest
	}
	p = strings.TrimSuffix(p, "/")
	if strings.ContainsAny(p, "/?#@ \t") {
		return Domain{}, fmt.Errorf("allowed domain %q: give a host, optionally with scheme and port, not a path or query", pattern)
	}
	host := p
	if h, port, err := net.SplitHostPort(p); err == nil {
		n, perr := strconv.Atoi(port)
		if perr != nil || n < 1 || n > 65535 {
			return Domain{}, fmt.Errorf("allowed domain %q: bad port %q", pattern, port)
		}
		host, d.Port = h, strconv.Itoa(n)
	} else if strings.HasPrefix(p, "[") && strings.HasSuffix(p, "]") {
		host = p[1 : len(p)-1] // bracketed IPv6 without a port
	}
	host = strings.TrimSuffix(host, ".")
	if rest, ok := strings.CutPrefix(host, "*."); ok {
		d.Wildcard, host = true, rest
	}
	switch {
	case host == "":
		return Domain{}, fmt.Errorf("allowed domain %q has no host", pattern)
	case strings.Contains(host, "*"):
		return Domain{}, fmt.Errorf("allowed domain %q: a wildcard may only be the leading \"*.\" (e.g. *.example.com)", pattern)
	case d.Wildcard && !strings.Contains(host, ".") && net.ParseIP(host) == nil:
		// "*.com" would allow a whole top-level domain.
		return Domain{}, fmt.Errorf("allowed domain %q is too broad: name at least a second-level domain", pattern)
	case d.Wildcard && net.ParseIP(host) != nil:
		return Domain{}, fmt.Errorf("allowed domain %q: an IP address has no subdomains", pattern)
	}
	d.Host = host
	return d, nil
}

// String returns the pattern in canonical form.
func (d Domain) String() string {
	var b strings.Builder
	if d.Scheme != "" {
		b.WriteString(d.Scheme + "://")
	}
	if d.Wildcard {
		b.WriteString("*.")
	}
	host := d.Host
	if strings.Contains(host, ":") { // IPv6
		host = "[" + host + "]"
	}
	b.WriteString(host)
	if d.Port != "" {
		b.WriteString(":" + d.Port)
	}
	return b.String()
}

// Match reports whether u may receive a secret allowed for d.
func (d Domain) Match(u *url.URL) bool {
	scheme := strings.ToLower(u.Scheme)
	if d.Scheme != "" && d.Scheme != scheme {
		return false
	}
	if d.Port != "" {
		port := u.Port()
		if port == "" {
			port = defaultPort(scheme)
		}
		if port != d.Port {
			return false
		}
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if d.Wildcard {
		return len(host) > len(d.Host)+1 && strings.HasSuffix(host, "."+d.Host)
	}
	return host == d.Host
}

func defaultPort(scheme string) string {
	switch scheme {
	case "http":
		return "80"
	case "https":
		return "443"
	}
	return ""
}

// SplitDomains splits a comma-separated list (Postman's "allowed domains"
// field), dropping empty entries.
func SplitDomains(list string) []string {
	var out []string
	for _, d := range strings.Split(list, ",") {
		if d = strings.TrimSpace(d); d != "" {
			out = append(out, d)
		}
	}
	return out
}

// ValidateDomains checks every pattern with ParseDomain.
func ValidateDomains(patterns []string) error {
	for _, p := range patterns {
		if _, err := ParseDomain(p); err != nil {
			return err
		}
	}
	return nil
}

// NormalizeDomains parses, canonicalizes and de-duplicates patterns,
// keeping their order.
func NormalizeDomains(patterns []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, p := range patterns {
		for _, one := range SplitDomains(p) {
			d, err := ParseDomain(one)
			if err != nil {
				return nil, err
			}
			if s := d.String(); !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out, nil
}

// DomainError means a secret was asked for a URL its allowed domains do not
// cover. It names the secret and the host, never the value.
type DomainError struct {
	Name    string
	Host    string // "" when the URL has no host to check
	Allowed []string
}

func (e *DomainError) Error() string {
	allowed := strings.Join(e.Allowed, ", ")
	if e.Host == "" {
		// The URL itself is not quoted: it may hold other secrets.
		return fmt.Sprintf("vault secret %q is restricted to %s, and the request URL has no host to check: not sending it; "+
			"use it in a request whose URL names its host (http://host/...)", e.Name, allowed)
	}
	return fmt.Sprintf("vault secret %q may not be sent to %s (allowed domains: %s): not sending it; "+
		"allow the host with \"courier vault set %s --domain %s\"", e.Name, e.Host, allowed, shellQuote(e.Name), e.Host)
}

// CheckURL returns nil when rawURL may receive secret name with the given
// allowed domains (empty: any URL), else a *DomainError. A URL without a
// scheme is read as http://, as Newman sends it.
func CheckURL(name string, domains []string, rawURL string) error {
	if len(domains) == 0 {
		return nil
	}
	u := parseRequestURL(rawURL)
	if u == nil || u.Hostname() == "" {
		return &DomainError{Name: name, Allowed: domains}
	}
	for _, p := range domains {
		d, err := ParseDomain(p)
		if err != nil {
			// A corrupt pattern must not widen access: it matches nothing.
			continue
		}
		if d.Match(u) {
			return nil
		}
	}
	return &DomainError{Name: name, Host: u.Host, Allowed: domains}
}

func parseRequestURL(raw string) *url.URL {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil
	}
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil
	}
	return u
}
