package suite

import (
	"crypto/x509"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo"
	"github.com/courier-run/courier/simulators/pingone"
)

// startLocalServers starts the local echo server and PingOne when asked
// and points the environment at them; stop closes what was started.
func (s *Suite) startLocalServers(env *environments.Scope) (stop func(), err error) {
	var closers []func() error
	stop = func() {
		for i := len(closers) - 1; i >= 0; i-- {
			closers[i]()
		}
	}
	if s.o.LocalEcho {
		srv, err := echo.Listen("127.0.0.1:0")
		if err != nil {
			return stop, fmt.Errorf("starting the local echo server: %w", err)
		}
		closers = append(closers, srv.Close)
		env.Set("baseUrl", srv.URL)
		s.direct = append(s.direct, srv.Addr)
	}
	if s.o.LocalPingOne {
		opts := pingone.Options{}
		if dir := s.localPingOneDir(); dir != "" {
			unlock, err := LockLocalPingOne(dir)
			if err != nil {
				return stop, err
			}
			closers = append(closers, func() error { unlock(); return nil })
			opts.StateFile, opts.ResetState = filepath.Join(dir, "pingone.json"), s.o.ResetLocalPingOne
		}
		p1, err := pingone.Listen("127.0.0.1:0", opts)
		if err != nil {
			return stop, fmt.Errorf("starting the local PingOne: %w", err)
		}
		closers = append(closers, func() error {
			if err := p1.Close(); err != nil {
				s.o.warnf("warning: the local PingOne's tenant was not saved: %v\n", err)
			}
			return nil
		})
		for _, kv := range p1.Variables() {
			env.Set(kv[0], kv[1])
		}
		s.direct = append(s.direct, p1.Addr)
		s.red.Add(p1.Credentials().AdminAppSecret)
		s.o.warnf("local PingOne at %s (admin environment %s)\n", p1.URL, p1.Credentials().AdminEnvID)
		hosts, err := pingone.ListenHosts(p1.Server)
		if err != nil {
			return stop, fmt.Errorf("starting the local PingOne for PingOne's host names: %w", err)
		}
		closers = append(closers, hosts.Close, s.reportRouted)
		if s.hosts, err = newHostRoutes(hosts, p1.Addr, s.o.Runner.RootCAs); err != nil {
			return stop, err
		}
	}
	return stop, nil
}

// LockLocalPingOne keeps one courier at a time on the local tenant in dir
// (run --local-pingone, serve pingone): two servers writing the same tenant
// back would each lose the other's changes. The lock dies with the process.
func LockLocalPingOne(dir string) (unlock func(), err error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("the local PingOne's state: %w", err)
	}
	unlock, err = environments.LockFile(filepath.Join(dir, "pingone.lock"), 0)
	if err != nil {
		return nil, fmt.Errorf("the local PingOne's tenant in %s is in use by another courier (serve pingone or run --local-pingone): "+
			"stop it, point this run at the running server with -e, or use another --state-dir", dir)
	}
	return unlock, nil
}

// hostRoutes sends requests for PingOne's hosts, in every region, to the
// local PingOne, over TLS with a certificate this run alone trusts, so
// collections that hard-code https://auth.pingone.com or name their
// variables differently run unchanged.
type hostRoutes struct {
	routes map[string]string
	roots  *x509.CertPool
	mu     sync.Mutex
	used   map[string]bool
}

func newHostRoutes(h *pingone.HostsListener, plainAddr string, roots *x509.CertPool) (*hostRoutes, error) {
	if roots != nil {
		roots = roots.Clone()
	} else if sys, err := x509.SystemCertPool(); err == nil {
		roots = sys
	} else {
		roots = x509.NewCertPool()
	}
	if !roots.AppendCertsFromPEM(h.CAPEM) {
		return nil, fmt.Errorf("trusting the local PingOne's certificate: not a PEM certificate")
	}
	hr := &hostRoutes{routes: map[string]string{}, roots: roots, used: map[string]bool{}}
	for _, host := range pingone.Hosts() {
		hr.routes[host+":443"] = h.Addr
		hr.routes[host+":80"] = plainAddr
	}
	return hr, nil
}

// apply points a runner's connections for PingOne's hosts at the local
// PingOne and trusts its certificate for this run.
func (hr *hostRoutes) apply(o *runner.Options) {
	if hr == nil {
		return
	}
	o.Routes, o.RootCAs = hr.routes, hr.roots
	o.Routed = func(hostport string) {
		hr.mu.Lock()
		hr.used[hostport] = true
		hr.mu.Unlock()
	}
}

// reportRouted says which PingOne hosts the run reached locally.
func (s *Suite) reportRouted() error {
	hr := s.hosts
	if hr == nil {
		return nil
	}
	hr.mu.Lock()
	defer hr.mu.Unlock()
	if len(hr.used) == 0 {
		return nil
	}
	hosts := make([]string, 0, len(hr.used))
	for h := range hr.used {
		hosts = append(hosts, strings.TrimSuffix(h, ":443"))
	}
	sort.Strings(hosts)
	s.o.warnf("local PingOne: requests to %s went to the local PingOne (--local-pingone routes PingOne's hosts)\n", strings.Join(hosts, ", "))
	return nil
}
