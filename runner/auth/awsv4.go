package auth

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"
)

// awsIgnored are headers the aws4 module never signs, plus the ones Go's
// transport writes itself (their req.Header value is not what is sent).
var awsIgnored = map[string]bool{
	"authorization": true, "connection": true, "x-amzn-trace-id": true, "user-agent": true,
	"expect": true, "presigned-expires": true, "range": true,
	"content-length": true, "transfer-encoding": true,
}

const awsEmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func hmacSHA256(key []byte, s string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(s))
	return m.Sum(nil)
}

// applyAWSv4 signs with AWS Signature Version 4 the way Postman drives the
// aws4 module: service defaults to execute-api, region to us-east-1, a
// non-empty body gets an X-Amz-Content-Sha256 header, and addAuthDataToQuery
// presigns the URL instead.
func applyAWSv4(req *http.Request, p params, body []byte, opts Options) error {
	a := awsSigningOf(p)
	signQuery := p.flag("addAuthDataToQuery")
	// The newer runtime looks for its headers by their exact spelling: a
	// row spelled X-Amz-Date stays as the request wrote it, one spelled
	// otherwise (x-amz-date) takes the runtime's value
	// (fresh-round13v-auth.json).
	ownDate, keepDate := req.Header["X-Amz-Date"]
	keepDate = keepDate && opts.AWSUnsignedS3 && !signQuery
	clearAWSAuth(req)
	hdrs, host := awsHeaders(req, opts.AWSUnsignedS3)
	a.amzDate = awsTime(hdrs, opts).Format("20060102T150405Z")

	query := splitForm(req.URL.RawQuery)
	var added []pair // X-Amz-* query params to add, in aws4's order
	var payloadHash string
	if signQuery {
		added = a.presignParams(req.URL, hdrs)
		query = append(query, added...)
		payloadHash = awsEmptyHash
		if a.s3 {
			payloadHash = "UNSIGNED-PAYLOAD"
		}
	} else {
		payloadHash = a.addAmzHeaders(hdrs, body, opts)
	}
	signed := awsSignedHeaders(hdrs)
	canonical := strings.Join([]string{
		req.Method,
		awsCanonicalPath(req.URL.EscapedPath(), a.s3),
		awsCanonicalQuery(query, a.s3),
		awsCanonicalHeaders(hdrs) + "\n",
		signed,
		payloadHash,
	}, "\n")
	sig := a.signature(canonical)

	req.Host = host
	if signQuery {
		addPresignParams(req.URL, append(added, pair{"X-Amz-Signature", sig, true}))
	} else {
		a.setAuthHeaders(req, hdrs, signed, sig)
	}
	if keepDate {
		// The newer runtime signs with its own time but sends the
		// request's own X-Amz-Date row, where the request had it: a
		// signature that does not verify, as in Postman.
		req.Header["X-Amz-Date"] = ownDate
	}
	return nil
}

// addPresignParams adds the presigned URL's parameters the URL does not
// set itself.
func addPresignParams(u *url.URL, params []pair) {
	for _, q := range params {
		if !hasQuery(u, q.k) {
			addQueryRaw(u, q.k+"="+rfc3986(q.v))
		}
	}
}

// setAuthHeaders sets the signed X-Amz-* headers and the Authorization
// header that carries the signature.
func (a awsSigning) setAuthHeaders(req *http.Request, hdrs map[string]string, signed, sig string) {
	if v, ok := hdrs["x-amz-content-sha256"]; ok {
		req.Header.Set("X-Amz-Content-Sha256", v)
	}
	if a.token != "" {
		req.Header.Set("X-Amz-Security-Token", a.token)
	}
	req.Header.Set("X-Amz-Date", a.amzDate)
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+a.accessKey+"/"+a.scope()+
		", SignedHeaders="+signed+", Signature="+sig)
}

// awsSigning is one signature's credentials, scope and time.
type awsSigning struct {
	service, region             string
	accessKey, secretKey, token string
	s3                          bool   // S3 encodes paths and payloads its own way
	amzDate                     string // 20060102T150405Z
}

// awsSigningOf reads the auth's parameters with Postman's defaults
// (execute-api in us-east-1; "email" is SES's old name).
func awsSigningOf(p params) awsSigning {
	a := awsSigning{
		service:   p.get("service"),
		region:    p.get("region"),
		accessKey: p.get("accessKey"),
		secretKey: p.get("secretKey"),
		token:     p.get("sessionToken"),
	}
	if a.service == "" {
		a.service = "execute-api"
	}
	if a.region == "" {
		a.region = "us-east-1"
	}
	if a.service == "email" {
		a.service = "ses"
	}
	a.s3 = a.service == "s3"
	return a
}

// scope is the credential scope: day/region/service/aws4_request.
func (a awsSigning) scope() string {
	return a.amzDate[:8] + "/" + a.region + "/" + a.service + "/aws4_request"
}

// clearAWSAuth removes an earlier signature's headers and query parameters
// (a request signed again, or a collection that carried them), so that
// they are neither signed nor sent twice.
func clearAWSAuth(req *http.Request) {
	for _, h := range []string{"Authorization", "X-Amz-Date", "X-Amz-Security-Token", "X-Amz-Content-Sha256"} {
		delHeader(req.Header, h)
	}
	removeQuery(req.URL, "X-Amz-Security-Token", "X-Amz-Date", "X-Amz-Algorithm",
		"X-Amz-Credential", "X-Amz-SignedHeaders", "X-Amz-Signature")
}

// awsHeaders are the headers to sign (Content-Type aside in the newer
// runtime), lower-cased (values of repeated
// headers joined with "," as a JS array's toString does), with the Host
// the request goes to, which it returns too.
func awsHeaders(req *http.Request, newRuntime bool) (map[string]string, string) {
	hdrs := map[string]string{}
	// In sorted order: two spellings of one name join the same way on
	// every run.
	for _, k := range slices.Sorted(maps.Keys(req.Header)) {
		vs := req.Header[k]
		lk := strings.ToLower(k)
		if awsIgnored[lk] || newRuntime && lk == "content-type" {
			// The newer runtime signs before it sets the body's
			// Content-Type, and leaves a request's own out too
			// (fresh-round12v-awsv4.json).
			continue
		}
		if prev, ok := hdrs[lk]; ok {
			hdrs[lk] = prev + "," + strings.Join(vs, ",")
		} else {
			hdrs[lk] = strings.Join(vs, ",")
		}
	}
	host := req.Host
	if host == "" {
		host = req.URL.Host
	}
	if _, ok := hdrs["host"]; !ok {
		hdrs["host"] = host
	}
	return hdrs, host
}

// awsTime is the signing time: the request's own Date header when it
// parses (aws4 signs that), else the clock's.
func awsTime(hdrs map[string]string, opts Options) time.Time {
	if d, ok := hdrs["date"]; ok {
		if pt, err := http.ParseTime(d); err == nil {
			return pt.UTC()
		}
	}
	return opts.now().UTC()
}

// presignParams are the X-Amz-* query parameters of a presigned URL, in
// aws4's order, signature aside.
func (a awsSigning) presignParams(u *url.URL, hdrs map[string]string) []pair {
	var added []pair
	if a.token != "" {
		added = append(added, pair{"X-Amz-Security-Token", a.token, true})
	}
	if a.s3 && !hasQuery(u, "X-Amz-Expires") {
		added = append(added, pair{"X-Amz-Expires", "86400", true})
	}
	return append(added,
		pair{"X-Amz-Date", a.amzDate, true},
		pair{"X-Amz-Algorithm", "AWS4-HMAC-SHA256", true},
		pair{"X-Amz-Credential", a.accessKey + "/" + a.scope(), true},
		pair{"X-Amz-SignedHeaders", awsSignedHeaders(hdrs), true},
	)
}

// addAmzHeaders adds the X-Amz-* headers a header signature signs (the
// payload hash of a non-empty body, or S3's always, UNSIGNED-PAYLOAD for
// an S3 request without a body in the newer runtime; the session token;
// the date) and returns the payload hash the signature covers.
func (a awsSigning) addAmzHeaders(hdrs map[string]string, body []byte, opts Options) string {
	if opts.AWSUnsignedS3 && a.s3 && opts.NoBody {
		hdrs["x-amz-content-sha256"] = "UNSIGNED-PAYLOAD"
	} else if len(body) > 0 && (!opts.UnhashedBody || opts.AWSUnsignedS3) {
		hdrs["x-amz-content-sha256"] = sha256Hex(body)
	} else if a.s3 {
		hdrs["x-amz-content-sha256"] = awsEmptyHash
	}
	if a.token != "" {
		hdrs["x-amz-security-token"] = a.token
	}
	hdrs["x-amz-date"] = a.amzDate
	if h, ok := hdrs["x-amz-content-sha256"]; ok {
		return h
	}
	return awsEmptyHash
}

// signature signs the canonical request with the key derived from the
// secret for the scope's day, region and service.
func (a awsSigning) signature(canonical string) string {
	toSign := "AWS4-HMAC-SHA256\n" + a.amzDate + "\n" + a.scope() + "\n" + sha256Hex([]byte(canonical))
	k := hmacSHA256([]byte("AWS4"+a.secretKey), a.amzDate[:8])
	k = hmacSHA256(k, a.region)
	k = hmacSHA256(k, a.service)
	k = hmacSHA256(k, "aws4_request")
	return hex.EncodeToString(hmacSHA256(k, toSign))
}

func awsSortedNames(h map[string]string) []string {
	names := make([]string, 0, len(h))
	for k := range h {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

func awsSignedHeaders(h map[string]string) string {
	return strings.Join(awsSortedNames(h), ";")
}

func awsCanonicalHeaders(h map[string]string) string {
	names := awsSortedNames(h)
	lines := make([]string, len(names))
	for i, n := range names {
		lines[i] = n + ":" + strings.Join(strings.Fields(h[n]), " ")
	}
	return strings.Join(lines, "\n")
}

// awsCanonicalPath normalizes the path as aws4 does: for every service but
// s3, collapse repeated slashes, resolve "." and "..", and encode each
// segment again (so %20 becomes %2520); s3 decodes then encodes once.
func awsCanonicalPath(path string, s3 bool) string {
	if path == "" {
		path = "/"
	}
	if path == "/" {
		return path
	}
	if !s3 {
		for strings.Contains(path, "//") {
			path = strings.ReplaceAll(path, "//", "/")
		}
	}
	var out []string
	for _, piece := range strings.Split(path, "/") {
		switch {
		case !s3 && piece == "..":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		case !s3 && piece == ".":
		default:
			if s3 {
				piece = formDecode(piece)
			}
			out = append(out, rfc3986(piece))
		}
	}
	res := strings.Join(out, "/")
	if !strings.HasPrefix(res, "/") {
		res = "/" + res
	}
	if s3 {
		res = strings.ReplaceAll(res, "%2F", "/")
	}
	return res
}

// awsCanonicalQuery sorts the decoded query by encoded key; repeated keys
// keep all values, sorted (s3 keeps the first only). Nameless keys drop out.
func awsCanonicalQuery(q []pair, s3 bool) string {
	vals := map[string][]string{}
	var keys []string
	for _, p := range q {
		if p.k == "" {
			continue
		}
		k := rfc3986(p.k)
		if _, ok := vals[k]; !ok {
			keys = append(keys, k)
		}
		vals[k] = append(vals[k], rfc3986(p.v))
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		vs := vals[k]
		if s3 {
			vs = vs[:1]
		}
		sort.Strings(vs)
		for _, v := range vs {
			parts = append(parts, k+"="+v)
		}
	}
	return strings.Join(parts, "&")
}
