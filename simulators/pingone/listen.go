package pingone

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"

	"github.com/courier-run/courier/simulators/loopback"
)

// Running is a local PingOne listening on loopback.
type Running struct {
	// URL is the base URL, e.g. http://127.0.0.1:41234 (no trailing slash):
	// the value for the template's authPath.
	URL string
	// APIURL is URL + "/v1": the value for the template's apiPath.
	APIURL string
	// Addr is the host:port actually bound.
	Addr string
	// CertPEM is the certificate (PEM) of the authority made for this
	// server alone when serving HTTPS, for clients that trust it
	// explicitly (courier --ssl-extra-ca-certs). It may sign only loopback
	// names and its key never leaves memory. Nil over HTTP.
	CertPEM []byte
	// Server is the handler, for Credentials and OTP.
	Server *Server

	srv *loopback.Server
}

// Credentials returns the seeded admin identifiers.
func (r *Running) Credentials() Credentials { return r.Server.Credentials() }

// Variables are the PingOne template variables that point a collection at
// this server: authPath, apiPath, adminEnvID, adminAppID, adminAppSecret
// (and orgID), in that order.
func (r *Running) Variables() [][2]string {
	c := r.Credentials()
	return [][2]string{
		{"authPath", r.URL},
		{"apiPath", r.APIURL},
		{"adminEnvID", c.AdminEnvID},
		{"adminAppID", c.AdminAppID},
		{"adminAppSecret", c.AdminAppSecret},
		{"orgID", c.OrgID},
	}
}

// CertPool returns a pool trusting the server's certificate (nil over HTTP).
func (r *Running) CertPool() *x509.CertPool {
	if r.CertPEM == nil {
		return nil
	}
	p := x509.NewCertPool()
	p.AppendCertsFromPEM(r.CertPEM)
	return p
}

// Close stops the server and writes its last changes to the state file,
// if it has one. It is safe to call more than once.
func (r *Running) Close() error {
	err := r.srv.Close()
	if serr := r.Server.CloseState(); err == nil {
		err = serr
	}
	return err
}

// Listen serves a new local PingOne on a loopback address ("" or
// "127.0.0.1:0" picks a free port), over HTTPS with a generated
// certificate when opts.TLS is set (see Running.CertPEM).
func Listen(addr string, opts Options) (*Running, error) {
	s := New(opts)
	if opts.StateFile != "" {
		if err := s.OpenState(opts.StateFile, opts.ResetState); err != nil {
			return nil, err
		}
	}
	run, err := ListenServer(addr, s, opts.TLS)
	if err != nil {
		_ = s.CloseState()
		return nil, err
	}
	return run, nil
}

// ListenServer serves an existing Server (so a caller can keep its state
// across restarts in tests).
func ListenServer(addr string, s *Server, useTLS bool) (*Running, error) {
	ln, err := loopback.Listen(addr)
	if err != nil {
		return nil, err
	}
	run := &Running{Addr: ln.Addr().String(), Server: s}
	scheme := "http"
	if useTLS {
		cert, certPEM, err := issueCertificate("local PingOne (courier)", nil, nil)
		if err != nil {
			_ = ln.Close()
			return nil, fmt.Errorf("creating the TLS certificate: %w", err)
		}
		ln = tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12})
		run.CertPEM = certPEM
		scheme = "https"
	}
	run.URL = scheme + "://" + run.Addr
	run.APIURL = run.URL + "/v1"
	run.srv = loopback.Serve(ln, s)
	return run, nil
}
