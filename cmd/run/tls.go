package run

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"software.sslmate.com/src/go-pkcs12"

	"github.com/courier-run/courier/runner"
)

// loadTLS reads --ssl-* files into the runner options.
func loadTLS(o *Options, ro *runner.Options) error {
	if o.SSLExtraCACerts != "" {
		pemData, err := os.ReadFile(o.SSLExtraCACerts)
		if err != nil {
			return fmt.Errorf("--ssl-extra-ca-certs: %w", err)
		}
		pool, err := x509.SystemCertPool()
		if err != nil || pool == nil {
			pool = x509.NewCertPool()
		}
		if !pool.AppendCertsFromPEM(pemData) {
			return fmt.Errorf("--ssl-extra-ca-certs %s: no PEM certificate found; the file must hold one or more -----BEGIN CERTIFICATE----- blocks", o.SSLExtraCACerts)
		}
		ro.RootCAs = pool
	}
	if o.SSLClientCertList != "" {
		list, err := loadCertList(o.SSLClientCertList)
		if err != nil {
			return err
		}
		ro.ClientCerts = append(ro.ClientCerts, list...)
	}
	if o.SSLClientCert != "" {
		cert, err := loadClientCert(o.SSLClientCert, o.SSLClientKey, o.SSLClientPassphrase)
		if err != nil {
			return fmt.Errorf("--ssl-client-cert: %w", err)
		}
		// The single certificate is the fallback after the per-URL list.
		ro.ClientCerts = append(ro.ClientCerts, runner.ClientCert{Cert: cert})
	} else if o.SSLClientKey != "" {
		return errors.New("--ssl-client-key needs --ssl-client-cert")
	}
	return nil
}

type certListEntry struct {
	Name    string   `json:"name"`
	Matches []string `json:"matches"`
	Key     struct {
		Src string `json:"src"`
	} `json:"key"`
	Cert struct {
		Src string `json:"src"`
	} `json:"cert"`
	Pfx struct {
		Src string `json:"src"`
	} `json:"pfx"`
	Passphrase string `json:"passphrase"`
}

func loadCertList(path string) ([]runner.ClientCert, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--ssl-client-cert-list: %w", err)
	}
	var entries []certListEntry
	if err := json.Unmarshal(data, &entries); err != nil {
		return nil, fmt.Errorf("--ssl-client-cert-list %s: expected a JSON array of {name, matches, key: {src}, cert: {src}, passphrase}: %w", path, err)
	}
	dir := filepath.Dir(path)
	rel := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		if _, err := os.Stat(p); err == nil {
			return p
		}
		return filepath.Join(dir, p)
	}
	var out []runner.ClientCert
	for i, e := range entries {
		certPath, keyPath := rel(e.Cert.Src), rel(e.Key.Src)
		if e.Pfx.Src != "" {
			certPath, keyPath = rel(e.Pfx.Src), ""
		}
		cert, err := loadClientCert(certPath, keyPath, e.Passphrase)
		if err != nil {
			return nil, fmt.Errorf("--ssl-client-cert-list %s: entry %d (%s): %w", path, i, e.Name, err)
		}
		out = append(out, runner.ClientCert{Matches: e.Matches, Cert: cert})
	}
	return out, nil
}

// loadClientCert reads a PEM certificate and key (the key may be encrypted
// with passphrase), or a PFX/P12 bundle when certPath ends in .pfx or .p12
// or keyPath is empty.
func loadClientCert(certPath, keyPath, passphrase string) (tls.Certificate, error) {
	certData, err := os.ReadFile(certPath)
	if err != nil {
		return tls.Certificate{}, err
	}
	ext := strings.ToLower(filepath.Ext(certPath))
	if ext == ".pfx" || ext == ".p12" || (keyPath == "" && !strings.Contains(string(certData), "-----BEGIN")) {
		key, cert, chain, err := pkcs12.DecodeChain(certData, passphrase)
		if err != nil {
			return tls.Certificate{}, fmt.Errorf("reading PKCS#12 %s: %w", certPath, err)
		}
		out := tls.Certificate{Certificate: [][]byte{cert.Raw}, PrivateKey: key, Leaf: cert}
		for _, c := range chain {
			out.Certificate = append(out.Certificate, c.Raw)
		}
		return out, nil
	}
	if keyPath == "" {
		keyPath = certPath // a PEM file may hold both
	}
	keyData, err := os.ReadFile(keyPath)
	if err != nil {
		return tls.Certificate{}, err
	}
	keyData, err = decryptPEMKey(keyData, passphrase)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("reading key %s: %w", keyPath, err)
	}
	cert, err := tls.X509KeyPair(certData, keyData)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("pairing %s with %s: %w", certPath, keyPath, err)
	}
	return cert, nil
}

// decryptPEMKey decrypts legacy "Proc-Type: 4,ENCRYPTED" PEM keys, which
// Newman's fixtures and many client kits still use.
func decryptPEMKey(data []byte, passphrase string) ([]byte, error) {
	var out []byte
	rest := data
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		//lint:ignore SA1019 legacy encrypted PEM keys are what users still pass to --ssl-client-key, as to Newman
		if x509.IsEncryptedPEMBlock(block) {
			if passphrase == "" {
				return nil, errors.New("the key is encrypted: pass --ssl-client-passphrase")
			}
			//lint:ignore SA1019 see above
			der, err := x509.DecryptPEMBlock(block, []byte(passphrase))
			if err != nil {
				return nil, fmt.Errorf("decrypting the key: %w", err)
			}
			block = &pem.Block{Type: block.Type, Bytes: der}
		}
		out = append(out, pem.EncodeToMemory(block)...)
	}
	if len(out) == 0 {
		return data, nil
	}
	return out, nil
}
