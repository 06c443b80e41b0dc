package auth

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"sort"
	"strings"
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
	service := p.get("service", "serviceName")
	if service == "" {
		service = "execute-api"
	}
	region := p.get("region")
	if region == "" {
		region = "us-east-1"
	}
	if service == "email" {
		service = "ses"
	}
	accessKey, secretKey, token := p.get("accessKey"), p.get("secretKey"), p.get("sessionToken")
	signQuery := p.flag("addAuthDataToQuery")
	s3 := service == "s3"

	for _, h := range []string{"Authorization", "X-Amz-Date", "X-Amz-Security-Token", "X-Amz-Content-Sha256"} {
		delHeader(req.Header, h)
	}
	removeQuery(req.URL, "X-Amz-Security-Token", "X-Amz-Date", "X-Amz-Algorithm",
		"X-Amz-Credential", "X-Amz-SignedHeaders", "X-Amz-Signature")

	// The headers to sign, lower-cased; values of repeated headers are
	// joined with "," as a JS array's toString does.
	hdrs := map[string]string{}
	for k, vs := range req.Header {
		lk := strings.ToLower(k)
		if awsIgnored[lk] {
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
	t := opts.now().UTC()
	if d, ok := hdrs["date"]; ok {
		if pt, err := http.ParseTime(d); err == nil {
			t = pt.UTC()
		}
	}
	amzDate := t.Format("20060102T150405Z")
	day := amzDate[:8]
	scope := day + "/" + region + "/" + service + "/aws4_request"

	query := splitForm(req.URL.RawQuery)
	var added []pair // X-Amz-* query params to add, in aws4's order
	payloadHash := ""
	if signQuery {
		if token != "" {
			added = append(added, pair{"X-Amz-Security-Token", token, true})
		}
		if s3 && !hasQuery(req.URL, "X-Amz-Expires") {
			added = append(added, pair{"X-Amz-Expires", "86400", true})
		}
		added = append(added,
			pair{"X-Amz-Date", amzDate, true},
			pair{"X-Amz-Algorithm", "AWS4-HMAC-SHA256", true},
			pair{"X-Amz-Credential", accessKey + "/" + scope, true},
			pair{"X-Amz-SignedHeaders", awsSignedHeaders(hdrs), true},
		)
		query = append(query, added...)
		payloadHash = awsEmptyHash
		if s3 {
			payloadHash = "UNSIGNED-PAYLOAD"
		}
	} else {
		if len(body) > 0 && !opts.UnhashedBody {
			hdrs["x-amz-content-sha256"] = sha256Hex(body)
		} else if s3 {
			hdrs["x-amz-content-sha256"] = awsEmptyHash
		}
		if token != "" {
			hdrs["x-amz-security-token"] = token
		}
		hdrs["x-amz-date"] = amzDate
		payloadHash = awsEmptyHash
		if h, ok := hdrs["x-amz-content-sha256"]; ok {
			payloadHash = h
		}
	}

	signed := awsSignedHeaders(hdrs)
	canonical := strings.Join([]string{
		req.Method,
		awsCanonicalPath(req.URL.EscapedPath(), s3),
		awsCanonicalQuery(query, s3),
		awsCanonicalHeaders(hdrs) + "\n",
		signed,
		payloadHash,
	}, "\n")
	toSign := "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + sha256Hex([]byte(canonical))
	k := hmacSHA256([]byte("AWS4"+secretKey), day)
	k = hmacSHA256(k, region)
	k = hmacSHA256(k, service)
	k = hmacSHA256(k, "aws4_request")
	sig := hex.EncodeToString(hmacSHA256(k, toSign))

	req.Host = host
	if signQuery {
		added = append(added, pair{"X-Amz-Signature", sig, true})
		for _, a := range added {
			if !hasQuery(req.URL, a.k) {
				addQueryRaw(req.URL, a.k+"="+rfc3986(a.v))
			}
		}
		return nil
	}
	if v, ok := hdrs["x-amz-content-sha256"]; ok {
		req.Header.Set("X-Amz-Content-Sha256", v)
	}
	if token != "" {
		req.Header.Set("X-Amz-Security-Token", token)
	}
	req.Header.Set("X-Amz-Date", amzDate)
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+accessKey+"/"+scope+
		", SignedHeaders="+signed+", Signature="+sig)
	return nil
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
