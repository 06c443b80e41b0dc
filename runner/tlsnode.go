package runner

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/courier-run/courier/scripting"
)

// TLS as Node (OpenSSL) does it for postman-request (fresh-round9n-b.json):
// which certificate error wins, its words, the protocol and cipher
// settings of protocolProfileBehavior.

// certError is a server certificate Node refuses, with OpenSSL's verify
// code (Node's err.code) and words.
type certError struct {
	code, msg string
	// A certificate for another host: Node's err also has the check's
	// reason, the host and the certificate chain (see nodePeerCert).
	reason, host string
	chain        []*x509.Certificate
}

func (e *certError) Error() string { return e.msg }

// The certificate errors courier words as Node does.
var (
	errLeafUnverified = &certError{code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE", msg: "unable to verify the first certificate"}
	errSelfSigned     = &certError{code: "DEPTH_ZERO_SELF_SIGNED_CERT", msg: "self-signed certificate"}
	errSelfSignedCA   = &certError{code: "SELF_SIGNED_CERT_IN_CHAIN", msg: "self-signed certificate in certificate chain"}
	errIssuerLocally  = &certError{code: "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", msg: "unable to get local issuer certificate"}
	errExpired        = &certError{code: "CERT_HAS_EXPIRED", msg: "certificate has expired"}
	errNotYetValid    = &certError{code: "CERT_NOT_YET_VALID", msg: "certificate is not yet valid"}
	errPurpose        = &certError{code: "INVALID_PURPOSE", msg: "unsuitable certificate purpose"}
)

// systemRoots is the system's trusted certificates, read once, when a
// verified handshake first needs them: reading them costs milliseconds a
// run without https should not pay.
var systemRoots = sync.OnceValue(func() *x509.CertPool {
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		return x509.NewCertPool()
	}
	return pool
})

// nodeVerify checks the server's certificates in the order OpenSSL and
// Node do. OpenSSL goes on past an error and reports the last one: the
// chain first (untrusted), then each certificate's dates, so an expired
// certificate from an unknown authority reads "certificate has expired".
// Node checks the host name only once the chain is trusted, so a
// certificate for another host from an unknown authority reads "unable to
// verify the first certificate". Go's own check does the host first.
func nodeVerify(roots func() *x509.CertPool, now func() time.Time) func(tls.ConnectionState) error {
	return func(cs tls.ConnectionState) error {
		certs := cs.PeerCertificates
		if len(certs) == 0 {
			return errLeafUnverified
		}
		leaf := certs[0]
		var last error
		if err := chainError(leaf, certs[1:], roots()); err != nil {
			last = err
		}
		t := now()
		for _, c := range certs {
			switch {
			case t.Before(c.NotBefore):
				last = errNotYetValid
			case t.After(c.NotAfter):
				last = errExpired
			}
		}
		if last != nil {
			return last
		}
		// No name to check is refused, never passed: wire's handshake
		// always gives the host dialled (SNI carries no IP address, and
		// passing an empty name let an IP host skip the check until
		// 5ee5f4a's wrapper).
		if err := leaf.VerifyHostname(cs.ServerName); cs.ServerName == "" || err != nil {
			return altnameError(leaf, cs.ServerName, verifiedChain(leaf, certs[1:], roots()))
		}
		return nil
	}
}

// chainError is OpenSSL's verdict on the chain alone, dates aside: every
// certificate is checked at a time inside its own validity. A client
// verifies for the purpose "ssl_server", so a trusted certificate whose
// extended key usage excludes serving TLS (one made for client
// authentication) is refused with INVALID_PURPOSE, as Node 20 refuses it;
// OpenSSL checks purpose before trust, so an unknown authority wins.
func chainError(leaf *x509.Certificate, rest []*x509.Certificate, roots *x509.CertPool) error {
	inter := x509.NewCertPool()
	for _, c := range rest {
		inter.AddCert(c)
	}
	at := leaf.NotBefore
	for _, c := range rest {
		if c.NotBefore.After(at) {
			at = c.NotBefore
		}
	}
	_, err := leaf.Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter, CurrentTime: at.Add(time.Second),
		KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}})
	var unknown x509.UnknownAuthorityError
	var invalid x509.CertificateInvalidError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &invalid) && invalid.Reason == x509.IncompatibleUsage:
		return errPurpose
	case !errors.As(err, &unknown):
		return errLeafUnverified
	case len(rest) == 0 && selfSigned(leaf):
		return errSelfSigned
	case len(rest) == 0:
		return errLeafUnverified
	case selfSigned(rest[len(rest)-1]):
		return errSelfSignedCA
	}
	return errIssuerLocally
}

// selfSigned is a certificate that names itself its issuer and carries
// its own signature (whether or not it may sign others).
func selfSigned(c *x509.Certificate) bool {
	return bytes.Equal(c.RawIssuer, c.RawSubject) && c.CheckSignature(c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature) == nil
}

// altnameError is Node's ERR_TLS_CERT_ALTNAME_INVALID: the host is not
// among the certificate's names. For an IP address Node lists the
// certificate's addresses alone; for a name, its whole subjectAltName as
// OpenSSL prints it (checked against Node 20's checkServerIdentity).
func altnameError(leaf *x509.Certificate, host string, chain []*x509.Certificate) error {
	var reason string
	if net.ParseIP(host) != nil {
		ips := make([]string, len(leaf.IPAddresses))
		for i, ip := range leaf.IPAddresses {
			ips[i] = ip.String()
		}
		reason = "IP: " + host + " is not in the cert's list: " + strings.Join(ips, ", ")
	} else {
		reason = "Host: " + host + ". is not in the cert's altnames: " + altNames(leaf)
	}
	return &certError{code: "ERR_TLS_CERT_ALTNAME_INVALID", msg: "Hostname/IP does not match certificate's altnames: " + reason,
		reason: reason, host: host, chain: chain}
}

// verifiedChain is the chain the leaf was verified through, the leaf
// first; the leaf alone when none is found.
func verifiedChain(leaf *x509.Certificate, rest []*x509.Certificate, roots *x509.CertPool) []*x509.Certificate {
	inter := x509.NewCertPool()
	for _, c := range rest {
		inter.AddCert(c)
	}
	chains, err := leaf.Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}})
	if err != nil || len(chains) == 0 {
		return []*x509.Certificate{leaf}
	}
	return chains[0]
}

// tlsWords is a TLS failure in Node's words: a certificate it refuses, or
// an alert the server sent. OpenSSL's own text goes on with a thread
// address and a source line that change with every process and build;
// courier keeps the stable part, as for tlsToPlainPort.
func tlsWords(err error) *NetError {
	var ce *certError
	if errors.As(err, &ce) {
		return &NetError{Code: ce.code, Msg: ce.msg, Err: err, NodeErrorDetails: scripting.NodeErrorDetails{Reason: ce.reason, Host: ce.host, Cert: nodePeerCert(ce.chain)}}
	}
	var opErr *net.OpError
	if !errors.As(err, &opErr) || opErr.Op != "remote error" || opErr.Err == nil {
		return nil
	}
	switch opErr.Err.Error() {
	case "tls: handshake failure":
		return &NetError{Code: "EPROTO", Syscall: "write", Err: err,
			Msg: "write EPROTO " + opensslAlert("0A000410", "sslv3 alert handshake failure", 40)}
	case "tls: protocol version not supported":
		return &NetError{Code: "EPROTO", Syscall: "write", Err: err,
			Msg: "write EPROTO " + opensslAlert("0A00042E", "tlsv1 alert protocol version", 70)}
	case "tls: certificate required":
		return &NetError{Code: "ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED", Err: err,
			Msg:              opensslAlert("0A00045C", "tlsv13 alert certificate required", 116),
			NodeErrorDetails: scripting.NodeErrorDetails{Library: "SSL routines", Reason: "tlsv13 alert certificate required"}}
	}
	return nil
}

// opensslAlert is OpenSSL's line for a TLS alert the server sent, as Node
// 20's bundled OpenSSL 3 prints it: code, library, function and reason,
// then the source file and line that raised it and the alert's number, and
// a line end. Node starts the line with its thread's address, which
// changes with every process; courier leaves it out (the parity harness
// drops it from the reference's answers).
func opensslAlert(code, reason string, alert int) string {
	return "error:" + code + ":SSL routines:ssl3_read_bytes:" + reason +
		":../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number " + strconv.Itoa(alert) + "\n"
}

// tlsOptions are a request's TLS settings: protocolProfileBehavior's
// strictSSL over --insecure, tlsDisabledProtocols, tlsCipherSelection.
type tlsOptions struct {
	verify   bool
	min, max uint16
	ciphers  string // the selection as written, joined with ":"
}

// tlsOptionsFor resolves the settings as postman-runtime does: a
// strictSSL the request names wins over the run's --insecure, and only
// the boolean false turns verification off (postman-request checks
// strictSSL === false), so "false" or 0 still verify.
func tlsOptionsFor(insecure bool, ppb behavior) tlsOptions {
	o := tlsOptions{verify: !insecure, min: tls.VersionTLS12, max: tls.VersionTLS13}
	if v, ok := ppb["strictSSL"]; ok {
		b, isBool := v.(bool)
		o.verify = !isBool || b
	}
	if list, ok := ppb["tlsDisabledProtocols"].([]any); ok {
		off := map[uint16]bool{}
		for _, p := range list {
			if s, ok := p.(string); ok {
				off[tlsProtocolNames[s]] = true
			}
		}
		// Node's range is TLS 1.2 to 1.3; OpenSSL keeps what is left
		// between the two ends.
		for o.min <= o.max && off[o.min] {
			o.min++
		}
		for o.max >= o.min && off[o.max] {
			o.max--
		}
	}
	if list, ok := ppb["tlsCipherSelection"].([]any); ok {
		var names []string
		for _, c := range list {
			if s, ok := c.(string); ok {
				names = append(names, s)
			}
		}
		o.ciphers = strings.Join(names, ":")
	}
	return o
}

// tlsProtocolNames are the names tlsDisabledProtocols takes (Node's
// SSL_OP_NO_<name> constants).
var tlsProtocolNames = map[string]uint16{
	"TLSv1": tls.VersionTLS10, "TLSv1_1": tls.VersionTLS11, "TLSv1_2": tls.VersionTLS12, "TLSv1_3": tls.VersionTLS13,
}

// errNoCipherMatch is OpenSSL's refusal of a cipher list it knows none of,
// before anything is sent.
var errNoCipherMatch = errors.New("error:0A0000B9:SSL routines::no cipher match")

// opensslSuites are OpenSSL's names of the TLS 1.2 suites Go offers.
var opensslSuites = map[string]uint16{
	"ECDHE-ECDSA-AES128-GCM-SHA256": tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
	"ECDHE-RSA-AES128-GCM-SHA256":   tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
	"ECDHE-ECDSA-AES256-GCM-SHA384": tls.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
	"ECDHE-RSA-AES256-GCM-SHA384":   tls.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
	"ECDHE-ECDSA-CHACHA20-POLY1305": tls.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
	"ECDHE-RSA-CHACHA20-POLY1305":   tls.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
	"ECDHE-ECDSA-AES128-SHA256":     tls.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
	"ECDHE-RSA-AES128-SHA256":       tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
	"ECDHE-ECDSA-AES128-SHA":        tls.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
	"ECDHE-RSA-AES128-SHA":          tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
	"ECDHE-ECDSA-AES256-SHA":        tls.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
	"ECDHE-RSA-AES256-SHA":          tls.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
	"AES128-GCM-SHA256":             tls.TLS_RSA_WITH_AES_128_GCM_SHA256,
	"AES256-GCM-SHA384":             tls.TLS_RSA_WITH_AES_256_GCM_SHA384,
	"AES128-SHA256":                 tls.TLS_RSA_WITH_AES_128_CBC_SHA256,
	"AES128-SHA":                    tls.TLS_RSA_WITH_AES_128_CBC_SHA,
	"AES256-SHA":                    tls.TLS_RSA_WITH_AES_256_CBC_SHA,
	"ECDHE-RSA-DES-CBC3-SHA":        tls.TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA,
	"DES-CBC3-SHA":                  tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA,
}

// cipherSuites turns a selection into Go's TLS 1.2 suites: nil when it
// does not restrict them (empty, or holding a keyword such as HIGH or
// !aNULL that only OpenSSL can expand), errNoCipherMatch when it names
// nothing OpenSSL knows. TLS 1.3's suites cannot be chosen in Go; naming
// them restricts nothing.
func cipherSuites(selection string) ([]uint16, error) {
	if selection == "" {
		return nil, nil
	}
	var ids []uint16
	known := false
	for _, name := range strings.Split(selection, ":") {
		if id, ok := opensslSuites[name]; ok {
			ids, known = append(ids, id), true
			continue
		}
		if strings.HasPrefix(name, "TLS_") || cipherKeyword(name) {
			return nil, nil
		}
	}
	if !known {
		return nil, errNoCipherMatch
	}
	return ids, nil
}

// cipherKeyword is an OpenSSL cipher-string word (HIGH, DEFAULT, aNULL,
// !MD5, +RC4, @STRENGTH) rather than a suite's name.
func cipherKeyword(name string) bool {
	if name == "" {
		return false
	}
	if strings.ContainsRune("!+-@", rune(name[0])) {
		return true
	}
	return !strings.Contains(name, "-")
}
