package suite

import (
	"fmt"
	"path/filepath"

	"github.com/courier-run/courier/environments"
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
	}
	if s.o.LocalPingOne {
		opts := pingone.Options{}
		if dir := s.localPingOneDir(); dir != "" {
			opts.StateFile, opts.ResetState = filepath.Join(dir, "pingone.json"), s.o.ResetLocalPingOne
		}
		p1, err := pingone.Listen("127.0.0.1:0", opts)
		if err != nil {
			return stop, fmt.Errorf("starting the local PingOne: %w", err)
		}
		closers = append(closers, p1.Close)
		for _, kv := range p1.Variables() {
			env.Set(kv[0], kv[1])
		}
		s.red.Add(p1.Credentials().AdminAppSecret)
		s.o.warnf("local PingOne at %s (admin environment %s)\n", p1.URL, p1.Credentials().AdminEnvID)
	}
	return stop, nil
}
