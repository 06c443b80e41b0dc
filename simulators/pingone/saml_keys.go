package pingone

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/x509"
	"io"
	"net/http"
	"strings"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// importKey serves POST /keys with multipart/form-data: a PKCS#12 file
// ("file", with "password" when it is encrypted) holding a private key and
// its certificate, imported for "usageType" (Step 1b of Configure a SAML
// Identity Provider). The caller holds s.mu.
func (s *Server) importKey(w http.ResponseWriter, r *http.Request, st *moreState, env *environment, base string) {
	usage, bad, ok := parseUsageForm(w, r)
	if !ok {
		return
	}
	var raw []byte
	if f, _, err := r.FormFile("file"); err == nil {
		raw, _ = io.ReadAll(f)
		_ = f.Close()
	}
	if len(raw) == 0 {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "file", Message: "must not be empty"})
	}
	var priv any
	var cert *x509.Certificate
	if len(raw) > 0 {
		var err error
		priv, cert, err = pkcs12.Decode(raw, r.FormValue("password"))
		if err != nil {
			// PingOne: an encrypted file without the right export password
			// is INVALID_DATA.
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "file", Message: "The file is not a PKCS#12 file that the password (if any) opens"})
		}
	}
	signer, _ := priv.(crypto.Signer)
	if len(bad) == 0 && signer == nil {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "file", Message: "The PKCS#12 file holds no supported private key"})
	}
	if len(bad) > 0 {
		writeInvalidData(w, bad...)
		return
	}
	alg, length := "RSA", 0
	switch k := signer.Public().(type) {
	case *rsa.PublicKey:
		length = k.N.BitLen()
	case *ecdsa.PublicKey:
		alg, length = "EC", k.Curve.Params().BitSize
	}
	k := &keyRec{id: newID(), envID: env.id, name: cert.Subject.CommonName, usageType: strings.ToUpper(usage),
		signatureAlgorithm: sigAlgName(cert.SignatureAlgorithm), algorithm: alg, keyLength: length,
		validityDays: int(cert.NotAfter.Sub(cert.NotBefore).Hours() / 24), serial: cert.SerialNumber,
		subjectDN: cert.Subject.String(), cert: cert, certDER: cert.Raw, signer: signer, createdAt: s.now(), seq: s.next()}
	st.keys[k.id] = k
	writeHAL(w, http.StatusCreated, s.keyJSON(k, base))
}
