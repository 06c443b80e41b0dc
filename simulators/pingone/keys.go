package pingone

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"io"
	"math"
	"math/big"
	"mime"
	"net/http"
	"strings"
	"time"
)

// keyRec is an environment key pair with its self-signed certificate.
type keyRec struct {
	id, envID, name, usageType, signatureAlgorithm string
	algorithm                                      string
	keyLength                                      int
	validityDays                                   int
	isDefault                                      bool
	serial                                         *big.Int
	subjectDN                                      string
	cert                                           *x509.Certificate
	certDER                                        []byte
	signer                                         crypto.Signer // the private key: SAML assertions are signed with it (saml.go)
	createdAt                                      time.Time
	seq                                            int64
}

// certRec is an uploaded (trusted) certificate.
type certRec struct {
	id, envID, usageType string
	cert                 *x509.Certificate
	der                  []byte
	createdAt            time.Time
	seq                  int64
}

var sigAlgs = map[string]x509.SignatureAlgorithm{
	"SHA256withRSA": x509.SHA256WithRSA, "SHA384withRSA": x509.SHA384WithRSA, "SHA512withRSA": x509.SHA512WithRSA,
	"SHA256withECDSA": x509.ECDSAWithSHA256, "SHA384withECDSA": x509.ECDSAWithSHA384, "SHA512withECDSA": x509.ECDSAWithSHA512,
}

var usageTypes = []string{"ENCRYPTION", "SIGNING", "SSL/TLS", "ISSUANCE", "OUTBOUND_MTLS"}

// parseDN reads "CN=x, OU=y, O=z, L=, ST=, C=US" into a pkix.Name.
func parseDN(dn string) (pkix.Name, bool) {
	var n pkix.Name
	seen := false
	for _, part := range strings.Split(dn, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return n, false
		}
		v = strings.TrimSpace(v)
		switch strings.ToUpper(strings.TrimSpace(k)) {
		case "CN":
			n.CommonName, seen = v, v != ""
		case "OU":
			n.OrganizationalUnit = appendNonEmpty(n.OrganizationalUnit, v)
		case "O":
			n.Organization = appendNonEmpty(n.Organization, v)
		case "L":
			n.Locality = appendNonEmpty(n.Locality, v)
		case "ST":
			n.Province = appendNonEmpty(n.Province, v)
		case "C":
			n.Country = appendNonEmpty(n.Country, v)
		default:
			return n, false
		}
	}
	return n, seen
}

func appendNonEmpty(list []string, v string) []string {
	if v == "" {
		return list
	}
	return append(list, v)
}

// newKey generates the key pair and a self-signed certificate.
func (s *Server) newKey(envID, name, subjectDN, algorithm string, keyLength int, sigAlg string, validityDays int, usage string, serial *big.Int) (*keyRec, error) {
	subject, _ := parseDN(subjectDN)
	var priv crypto.Signer
	var err error
	if algorithm == "EC" {
		curve := map[int]elliptic.Curve{256: elliptic.P256(), 384: elliptic.P384(), 521: elliptic.P521()}[keyLength]
		priv, err = ecdsa.GenerateKey(curve, rand.Reader)
	} else {
		priv, err = rsa.GenerateKey(rand.Reader, keyLength)
	}
	if err != nil {
		return nil, err
	}
	now := s.now()
	tmpl := &x509.Certificate{
		SerialNumber: serial, Subject: subject, Issuer: subject, NotBefore: now, NotAfter: now.AddDate(0, 0, validityDays),
		SignatureAlgorithm: sigAlgs[sigAlg], BasicConstraintsValid: true, IsCA: usage == "ISSUANCE",
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, priv.Public(), priv)
	if err != nil {
		return nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	return &keyRec{id: newID(), envID: envID, name: name, usageType: usage, signatureAlgorithm: sigAlg, algorithm: algorithm,
		keyLength: keyLength, validityDays: validityDays, serial: serial, subjectDN: subjectDN, cert: cert, certDER: der, signer: priv,
		createdAt: now, seq: s.next()}, nil
}

func (s *Server) envKeys(st *moreState, env *environment) []*keyRec {
	key := "keys:" + env.id
	if !st.seeded[key] {
		st.seeded[key] = true
		// PingOne gives every environment a default signing key, RSA 2048
		// with SHA256withRSA, so SAML partners verify its signatures as
		// they would PingOne's. Seeded on first use: generating it costs
		// tens of milliseconds.
		k, err := s.newKey(env.id, "PingOne SSO Certificate for "+env.name+" environment",
			"CN=PingOne SSO Certificate for "+env.name+" environment, OU="+env.id+", O=Ping Identity Corporation, L=Denver, ST=CO, C=US",
			"RSA", 2048, "SHA256withRSA", 365, "SIGNING", big.NewInt(env.createdAt.UnixMilli()))
		if err == nil {
			k.isDefault = true
			st.keys[k.id] = k
		}
	}
	var out []*keyRec
	for _, k := range st.keys {
		if k.envID == env.id {
			out = append(out, k)
		}
	}
	sortBySeq(out, func(k *keyRec) int64 { return k.seq })
	return out
}

func sortBySeq[T any](list []T, seq func(T) int64) {
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && seq(list[j]) < seq(list[j-1]); j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
}

func (s *Server) keyJSON(k *keyRec, base string) map[string]any {
	status := "VALID"
	if s.now().After(k.cert.NotAfter) {
		status = "EXPIRED"
	}
	return map[string]any{
		"_links":             map[string]any{"self": link(base + "/environments/" + k.envID + "/keys/" + k.id), "environment": link(base + "/environments/" + k.envID)},
		"id":                 k.id,
		"environment":        ref(k.envID),
		"name":               k.name,
		"algorithm":          k.algorithm,
		"keyLength":          k.keyLength,
		"signatureAlgorithm": k.signatureAlgorithm,
		"serialNumber":       json.Number(k.serial.String()), // an integer in the specification
		"subjectDN":          k.subjectDN,
		"issuerDN":           k.subjectDN,
		"usageType":          k.usageType,
		"validityPeriod":     k.validityDays,
		"startsAt":           ts(k.cert.NotBefore),
		"expiresAt":          ts(k.cert.NotAfter),
		"status":             status,
		"default":            k.isDefault,
		"createdAt":          ts(k.createdAt),
	}
}

func certPEM(der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}

// keyRoutes adds /keys: list (filter on status or algorithm with eq),
// create (a generated key pair, or a PKCS#12 upload), read (JSON, or the
// certificate itself with Accept: application/x-x509-ca-cert), update
// (default, usageType), delete and the CSR; and /certificates.
func (s *Server) keyRoutes(add addRoute) {
	add("GET POST", "keys", s.keysCollection)
	add("GET PUT DELETE", "keys/{keyID}", s.withKey(s.keyItem))
	add("GET", "keys/{keyID}/csr", s.withKey(func(w http.ResponseWriter, r *http.Request, _ *moreState, _ []*keyRec, k *keyRec, _ string) {
		s.exportCSR(w, r, k)
	}))
	add("GET POST", "certificates", s.certificatesCollection)
	add("GET DELETE", "certificates/{certificateID}", s.certificateItem)
}

func (s *Server) keysCollection(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	st := s.more()
	keys := s.envKeys(st, env)
	if r.Method == http.MethodPost {
		if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
			s.importKey(w, r, st, env, base) // a PKCS#12 upload (saml_keys.go)
			return
		}
		s.createKey(w, r, st, env, base, keys)
		return
	}
	attr, val := "", ""
	if f := r.URL.Query().Get("filter"); f != "" {
		m := regexpKeyFilter.FindStringSubmatch(strings.TrimSpace(f))
		if m == nil {
			writeError(w, http.StatusBadRequest, "INVALID_FILTER", "The request could not be completed. The filter is invalid.", []detail{{
				Code: "INVALID_FILTER", Target: "filter", Message: "Only algorithm and status are supported, with eq"}})
			return
		}
		attr, val = m[1], m[2]
	}
	var out []any
	for _, k := range keys {
		j := s.keyJSON(k, base)
		if attr == "" || j[attr] == val {
			out = append(out, j)
		}
	}
	writeHAL(w, http.StatusOK, collection(base+"/environments/"+env.id+"/keys", "keys", out))
}

// withKey resolves {keyID} among the environment's keys (404 when it is
// not there).
func (s *Server) withKey(h func(w http.ResponseWriter, r *http.Request, st *moreState, keys []*keyRec, k *keyRec, base string)) apiHandler {
	return func(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
		st := s.more()
		keys := s.envKeys(st, env)
		for _, k := range keys {
			if k.id == r.PathValue("keyID") {
				h(w, r, st, keys, k, base)
				return
			}
		}
		writeNotFound(w)
	}
}

func (s *Server) keyItem(w http.ResponseWriter, r *http.Request, st *moreState, keys []*keyRec, k *keyRec, base string) {
	switch r.Method {
	case http.MethodPut:
		s.updateKey(w, r, keys, k, base)
	case http.MethodDelete:
		if k.isDefault {
			writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "default", Message: "The default key cannot be deleted"})
			return
		}
		delete(st.keys, k.id)
		w.WriteHeader(http.StatusNoContent)
	default:
		s.readKey(w, r, k, base)
	}
}

// readKey answers a key as JSON, or its certificate when asked for one.
func (s *Server) readKey(w http.ResponseWriter, r *http.Request, k *keyRec, base string) {
	switch accept := r.Header.Get("Accept"); {
	case strings.Contains(accept, "application/x-x509-ca-cert"), strings.Contains(accept, "application/x-pem-file"):
		w.Header().Set("Content-Type", "application/x-x509-ca-cert")
		w.Header().Set("Content-Disposition", `attachment; filename="`+k.id+`.crt"`)
		_, _ = w.Write(certPEM(k.certDER))
	case strings.Contains(accept, "application/x-pkcs7-certificates"):
		writeError(w, http.StatusNotAcceptable, "INVALID_REQUEST", msgInvalidReq, []detail{{Code: "INVALID_VALUE", Target: "Accept",
			Message: "PKCS7 export is not supported by the local PingOne; use application/x-x509-ca-cert"}})
	default:
		writeHAL(w, http.StatusOK, s.keyJSON(k, base))
	}
}

func (s *Server) updateKey(w http.ResponseWriter, r *http.Request, keys []*keyRec, k *keyRec, base string) {
	body, ok := readJSONBody(w, r, mtJSON)
	if !ok {
		return
	}
	bad := requiredBools(body, "default")
	bad = append(bad, required(body, "usageType")...)
	bad = append(bad, oneOf(body, "usageType", usageTypes...)...)
	if len(bad) > 0 {
		writeInvalidData(w, bad...)
		return
	}
	k.usageType = str(body, "usageType")
	k.isDefault = body["default"] == true
	if k.isDefault {
		soleDefault(keys, k)
	}
	writeHAL(w, http.StatusOK, s.keyJSON(k, base))
}

func (s *Server) createKey(w http.ResponseWriter, r *http.Request, st *moreState, env *environment, base string, keys []*keyRec) {
	body, ok := readJSONBody(w, r, mtJSON)
	if !ok {
		return
	}
	bad := keyRequestProblems(body)
	serial, badSerial, err := requestedSerial(body)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "UNEXPECTED_ERROR", "The request could not be completed. An unexpected error occurred.", nil)
		return
	}
	if bad = append(bad, badSerial...); len(bad) > 0 {
		writeInvalidData(w, bad...)
		return
	}
	length, _ := body["keyLength"].(float64)
	validity, _ := body["validityPeriod"].(float64)
	name := orDefault(str(body, "name"), strings.TrimPrefix(strings.SplitN(str(body, "subjectDN"), ",", 2)[0], "CN="))
	k, err := s.newKey(env.id, name, str(body, "subjectDN"), str(body, "algorithm"), int(length), str(body, "signatureAlgorithm"), int(validity), str(body, "usageType"), serial)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "UNEXPECTED_ERROR", "The request could not be completed. An unexpected error occurred.", nil)
		return
	}
	k.isDefault = body["default"] == true
	if k.isDefault {
		soleDefault(keys, k)
	}
	st.keys[k.id] = k
	writeHAL(w, http.StatusCreated, s.keyJSON(k, base))
}

// keyRequestProblems lists what is wrong with a new key's fields but its
// serial number (requestedSerial).
func keyRequestProblems(body map[string]any) []detail {
	// serialNumber and default are optional in PingOne's specification.
	bad := required(body, "algorithm", "keyLength", "signatureAlgorithm", "subjectDN", "usageType", "validityPeriod")
	bad = append(bad, oneOf(body, "algorithm", "RSA", "EC")...)
	bad = append(bad, oneOf(body, "usageType", usageTypes...)...)
	alg, sig := str(body, "algorithm"), str(body, "signatureAlgorithm")
	length, _ := body["keyLength"].(float64)
	validity, _ := body["validityPeriod"].(float64)
	if _, known := sigAlgs[sig]; sig != "" && (!known || (alg == "RSA") != strings.HasSuffix(sig, "RSA")) {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "signatureAlgorithm", Message: "must match the algorithm: SHA256withRSA, SHA384withRSA, SHA512withRSA for RSA; SHA256withECDSA, SHA384withECDSA, SHA512withECDSA for EC"})
	}
	if (alg == "RSA" && length != 2048 && length != 3072 && length != 4096) || (alg == "EC" && length != 256 && length != 384 && length != 521) {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "keyLength", Message: "must be 2048, 3072 or 4096 for RSA; 256, 384 or 521 for EC"})
	}
	if _, has := body["validityPeriod"]; has && (validity < 1 || validity > 7300) {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "validityPeriod", Message: "must be between 1 and 7300 days"})
	}
	if dn := str(body, "subjectDN"); dn != "" {
		if _, ok := parseDN(dn); !ok {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "subjectDN", Message: "must be a valid DN with CN, O, OU, L, ST and C"})
		}
	}
	return bad
}

// requestedSerial is the request's serialNumber (a number or a decimal
// string), else a random positive int64: the specification's type for it.
func requestedSerial(body map[string]any) (*big.Int, []detail, error) {
	serial, err := rand.Int(rand.Reader, big.NewInt(math.MaxInt64))
	if err != nil {
		return nil, nil, err
	}
	switch v := body["serialNumber"].(type) {
	case float64:
		serial.SetInt64(int64(v))
	case string:
		if _, ok := serial.SetString(v, 10); !ok {
			return serial, []detail{{Code: "INVALID_VALUE", Target: "serialNumber", Message: "must be an integer"}}, nil
		}
	}
	return serial, nil, nil
}

// soleDefault makes k the only default key of its usage type.
func soleDefault(keys []*keyRec, k *keyRec) {
	for _, o := range keys {
		if o.id != k.id && o.usageType == k.usageType {
			o.isDefault = false
		}
	}
}

// certJSON is an uploaded certificate as PingOne answers it.
func (s *Server) certJSON(c *certRec, base string) map[string]any {
	list := base + "/environments/" + c.envID + "/certificates"
	sum := sha256.Sum256(c.der)
	return map[string]any{
		"_links":             map[string]any{"self": link(list + "/" + c.id), "environment": link(base + "/environments/" + c.envID)},
		"id":                 c.id,
		"environment":        ref(c.envID),
		"name":               c.cert.Subject.CommonName,
		"subjectDN":          c.cert.Subject.String(),
		"issuerDN":           c.cert.Issuer.String(),
		"serialNumber":       json.Number(c.cert.SerialNumber.String()),
		"algorithm":          map[x509.PublicKeyAlgorithm]string{x509.RSA: "RSA", x509.ECDSA: "EC"}[c.cert.PublicKeyAlgorithm],
		"signatureAlgorithm": sigAlgName(c.cert.SignatureAlgorithm),
		"usageType":          c.usageType,
		"startsAt":           ts(c.cert.NotBefore),
		"expiresAt":          ts(c.cert.NotAfter),
		"status":             map[bool]string{true: "VALID", false: "EXPIRED"}[s.now().Before(c.cert.NotAfter)],
		"sha256Fingerprint":  strings.ToUpper(hexString(sum[:])),
		"createdAt":          ts(c.createdAt),
		// Required by PingOne's certificate model.
		"keyLength":      publicKeyBits(c.cert),
		"validityPeriod": int(math.Ceil(c.cert.NotAfter.Sub(c.cert.NotBefore).Hours() / 24)),
	}
}

// publicKeyBits is the size of a certificate's key: the RSA modulus or
// the EC curve.
func publicKeyBits(c *x509.Certificate) int {
	switch k := c.PublicKey.(type) {
	case *rsa.PublicKey:
		return k.N.BitLen()
	case *ecdsa.PublicKey:
		return k.Curve.Params().BitSize
	}
	return 0
}

// certificatesCollection lists certificates (GET) and takes an upload
// (POST: multipart/form-data with a "file" part holding a PEM or DER
// certificate and a "usageType" part).
func (s *Server) certificatesCollection(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	st := s.more()
	if r.Method == http.MethodPost {
		s.uploadCertificate(w, r, st, env, base)
		return
	}
	var all []*certRec
	for _, c := range st.certs {
		if c.envID == env.id {
			all = append(all, c)
		}
	}
	sortBySeq(all, func(c *certRec) int64 { return c.seq })
	var out []any
	for _, c := range all {
		out = append(out, s.certJSON(c, base))
	}
	writeHAL(w, http.StatusOK, collection(base+"/environments/"+env.id+"/certificates", "certificates", out))
}

func (s *Server) uploadCertificate(w http.ResponseWriter, r *http.Request, st *moreState, env *environment, base string) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		writeError(w, http.StatusUnsupportedMediaType, "INVALID_REQUEST", msgMediaType, []detail{{Code: "INVALID_VALUE", Target: "Content-Type", Message: "Content-Type must be multipart/form-data"}})
		return
	}
	usage, bad, ok := parseUsageForm(w, r)
	if !ok {
		return
	}
	f, _, err := r.FormFile("file")
	var raw []byte
	if err == nil {
		raw, _ = io.ReadAll(f)
		_ = f.Close()
	}
	if len(raw) == 0 {
		// A PEM pasted as a text part: a headless client has no file
		// to attach (Test a SAML Application Connection, Step 5).
		raw = []byte(strings.TrimSpace(r.FormValue("file")))
	}
	if len(raw) == 0 {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "file", Message: "must not be empty"})
	}
	der := raw
	if b, _ := pem.Decode(raw); b != nil {
		der = b.Bytes
	}
	cert, perr := x509.ParseCertificate(der)
	if len(raw) > 0 && perr != nil {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "file", Message: "The file is not a valid X.509 certificate"})
	}
	if len(bad) > 0 {
		writeInvalidData(w, bad...)
		return
	}
	c := &certRec{id: newID(), envID: env.id, usageType: usage, cert: cert, der: der, createdAt: s.now(), seq: s.next()}
	st.certs[c.id] = c
	// 202, as PingOne's API reference ("Create Certificate with PKCS7 or
	// PEM File": "The response returns a 202 Accepted message") and its
	// specification have it.
	writeHAL(w, http.StatusAccepted, s.certJSON(c, base))
}

// certificateItem reads (GET) and deletes (DELETE) an uploaded certificate.
func (s *Server) certificateItem(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	st := s.more()
	c := st.certs[r.PathValue("certificateID")]
	switch {
	case c == nil || c.envID != env.id:
		writeNotFound(w)
	case r.Method == http.MethodDelete:
		delete(st.certs, c.id)
		w.WriteHeader(http.StatusNoContent)
	default:
		writeHAL(w, http.StatusOK, s.certJSON(c, base))
	}
}

var regexpKeyFilter = newLazyRegexp(`^(algorithm|status) eq "([^"]*)"$`)

// sigAlgName is PingOne's name of a certificate's signature algorithm.
func sigAlgName(a x509.SignatureAlgorithm) string {
	for name, v := range sigAlgs {
		if v == a {
			return name
		}
	}
	return a.String()
}

func hexString(b []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, len(b)*2)
	for _, c := range b {
		out = append(out, digits[c>>4], digits[c&15])
	}
	return string(out)
}

// parseUsageForm parses a multipart upload (a certificate or a key) and
// checks its usageType; ok is false when it has answered 400 already.
func parseUsageForm(w http.ResponseWriter, r *http.Request) (usage string, bad []detail, ok bool) {
	if err := r.ParseMultipartForm(4 << 20); err != nil {
		writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidReq, nil)
		return "", nil, false
	}
	usage = r.FormValue("usageType")
	if usage == "" {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "usageType", Message: "must not be blank"})
	} else if !containsFold(usageTypes, usage) {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "usageType", Message: "must be one of [" + strings.Join(usageTypes, ", ") + "]"})
	}
	return usage, bad, true
}

// exportCSR answers GET /keys/{id}/csr: a certificate signing request for
// the key's subject, signed with its private key, as PEM
// (application/x-pem-file) or DER (application/pkcs10).
func (s *Server) exportCSR(w http.ResponseWriter, r *http.Request, k *keyRec) {
	if k.signer == nil {
		writeNotFound(w)
		return
	}
	der, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{Subject: k.cert.Subject}, k.signer)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "UNEXPECTED_ERROR", "The request could not be completed. An unexpected error occurred.", nil)
		return
	}
	if strings.Contains(r.Header.Get("Accept"), "application/pkcs10") {
		w.Header().Set("Content-Type", "application/pkcs10")
		_, _ = w.Write(der)
		return
	}
	w.Header().Set("Content-Type", "application/x-pem-file")
	_, _ = w.Write(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: der}))
}
