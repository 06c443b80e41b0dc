package collections

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"

	"github.com/courier-run/courier/internal/lazyre"
	"github.com/courier-run/courier/internal/proxyenv"
)

// DefaultPostmanAPIBase is where Newman 6.2 fetches resources named by uid
// (POSTMAN_API_URL in newman/lib/util.js); api.getpostman.com serves the
// same API.
const DefaultPostmanAPIBase = "https://api.postman.com"

// PostmanAPIKeyHeader carries the API key (Newman 6.2 moved it out of the
// apikey query parameter into this header).
const PostmanAPIKeyHeader = "X-Api-Key"

// uidPattern is the Postman uid "<owner id>-<uuid>", the pattern Newman uses
// (and the Postman API validates against).
var uidPattern = lazyre.New(`(?i)^[0-9a-z]+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// IsPostmanUID reports whether s is a Postman uid such as
// "18568624-4e4e5063-6ad7-4895-805e-ada77358488c".
func IsPostmanUID(s string) bool { return uidPattern().MatchString(s) }

// postmanHosts are the hosts whose URLs Newman treats as the Postman API
// (apikey query parameter moved into the header).
var postmanHosts = map[string]bool{
	"api.postman.com":    true,
	"api.getpostman.com": true,
	"api.eu.postman.com": true,
}

// IsPostmanAPIHost reports whether host (with or without a port) is one of
// the Postman API's hosts.
func IsPostmanAPIHost(host string) bool {
	h := strings.ToLower(host)
	if i := strings.LastIndexByte(h, ':'); i >= 0 && !strings.Contains(h[i:], "]") {
		h = h[:i]
	}
	return postmanHosts[h]
}

// secretParams are query parameters that hold credentials: Newman's apikey
// and the API's read-only collection access_key.
var secretParams = []string{"apikey", "access_key"}

// RedactPostmanURL returns rawURL with the values of credential query
// parameters (apikey, access_key) replaced by "***", for messages.
func RedactPostmanURL(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.RawQuery == "" {
		if i := strings.IndexByte(rawURL, '?'); i >= 0 && err != nil {
			return rawURL[:i] + "?***"
		}
		return rawURL
	}
	q := u.Query()
	changed := false
	for k := range q {
		for _, s := range secretParams {
			if strings.EqualFold(k, s) {
				q[k] = []string{"***"}
				changed = true
			}
		}
	}
	if changed {
		u.RawQuery = strings.ReplaceAll(q.Encode(), "%2A%2A%2A", "***")
	}
	return u.String()
}

// PostmanAPIURL joins base (default DefaultPostmanAPIBase) with
// /<resource>/<uid>, e.g. resource "collections".
func PostmanAPIURL(base, resource, uid string) (string, error) {
	if base == "" {
		base = DefaultPostmanAPIBase
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("postman api base %q is not an http(s) URL", RedactPostmanURL(base))
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("postman api base %q must not have a query or fragment", RedactPostmanURL(base))
	}
	return strings.TrimRight(base, "/") + "/" + resource + "/" + url.PathEscape(uid), nil
}

// PostmanAPIError is a non-200 answer of the Postman API. Name and Message
// come from its {"error":{"name","message"}} body, or from an RFC 7807
// problem body (title, detail) that newer endpoints send.
type PostmanAPIError struct {
	URL     string // redacted
	Status  int
	Name    string
	Message string
}

func (e *PostmanAPIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "postman api %s answered %d %s", e.URL, e.Status, http.StatusText(e.Status))
	if e.Name != "" || e.Message != "" {
		b.WriteString(": ")
		if e.Name != "" {
			b.WriteString(e.Name)
			if e.Message != "" {
				b.WriteString(": ")
			}
		}
		b.WriteString(e.Message)
	}
	return b.String()
}

// Unauthorized reports whether the API refused the key (or its absence).
func (e *PostmanAPIError) Unauthorized() bool {
	return e.Status == http.StatusUnauthorized || e.Status == http.StatusForbidden
}

// NotFound reports whether the API does not know the resource, or will not
// show it to this key's owner.
func (e *PostmanAPIError) NotFound() bool { return e.Status == http.StatusNotFound }

// maxErrorBody bounds what is read of an error answer.
const maxErrorBody = 64 << 10

// GetPostmanAPI GETs rawURL from the Postman API with apiKey in the
// X-Api-Key header and returns the body of a 200 answer. An apikey query
// parameter in rawURL is moved into the header (it wins over apiKey, as in
// Newman) and never sent in the URL. The key is not sent to a different host
// when the API redirects, and neither it nor an access_key ever appears in
// an error.
func GetPostmanAPI(ctx context.Context, client *http.Client, rawURL, apiKey string) ([]byte, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("postman api url %q: %w", RedactPostmanURL(rawURL), unwrapURLError(err))
	}
	q := u.Query()
	for k, v := range q {
		if strings.EqualFold(k, "apikey") {
			if len(v) > 0 && v[0] != "" {
				apiKey = v[0]
			}
			q.Del(k)
			u.RawQuery = q.Encode()
		}
	}
	shown := RedactPostmanURL(u.String())
	if client == nil {
		// The environment's proxy by postman-request's rules, as Newman
		// fetches (internal/proxyenv).
		client = &http.Client{Transport: proxyenv.Transport(os.Getenv)}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("postman api %s: %w", shown, unwrapURLError(err))
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "courier")
	if apiKey != "" {
		req.Header.Set(PostmanAPIKeyHeader, apiKey)
	}
	resp, err := keyGuardedClient(client).Do(req)
	if err != nil {
		return nil, redactKey(fmt.Errorf("postman api %s: %w", shown, unwrapURLError(err)), apiKey)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		return nil, redactKey(apiError(shown, resp.StatusCode, body), apiKey)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxCollectionSize+1))
	if err != nil {
		return nil, redactKey(fmt.Errorf("postman api %s: reading the answer: %w", shown, err), apiKey)
	}
	if len(body) > maxCollectionSize {
		return nil, fmt.Errorf("postman api %s: answer is larger than %d MB", shown, maxCollectionSize>>20)
	}
	return body, nil
}

// keyGuardedClient returns a copy of client whose redirects drop the
// X-Api-Key header when they leave the original host: net/http only strips
// Authorization and Cookie on such hops, not custom headers.
func keyGuardedClient(client *http.Client) *http.Client {
	c := *client
	prev := client.CheckRedirect
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) > 0 && !strings.EqualFold(req.URL.Host, via[0].URL.Host) {
			req.Header.Del(PostmanAPIKeyHeader)
		}
		if prev != nil {
			return prev(req, via)
		}
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
	return &c
}

// unwrapURLError drops *url.Error's copy of the URL, which may hold an
// access_key; callers print the redacted URL themselves.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("%s: %w", strings.ToLower(ue.Op), ue.Err)
	}
	return err
}

// redactKey replaces any occurrence of key in err's message.
func redactKey(err error, key string) error {
	if err == nil || key == "" || !strings.Contains(err.Error(), key) {
		return err
	}
	return errors.New(strings.ReplaceAll(err.Error(), key, "***"))
}

// apiError builds a PostmanAPIError from an error answer.
func apiError(shown string, status int, body []byte) error {
	e := &PostmanAPIError{URL: shown, Status: status}
	var doc struct {
		Error *struct {
			Name    string `json:"name"`
			Message string `json:"message"`
		} `json:"error"`
		Title  string `json:"title"`
		Detail string `json:"detail"`
	}
	if json.Unmarshal(body, &doc) == nil {
		switch {
		case doc.Error != nil:
			e.Name, e.Message = doc.Error.Name, doc.Error.Message
		case doc.Title != "" || doc.Detail != "":
			e.Name, e.Message = doc.Title, doc.Detail
		}
	}
	e.Name, e.Message = clip(e.Name, 100), clip(e.Message, 300)
	return e
}

func clip(s string, n int) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// UnwrapPostmanAPI returns the object under key ("collection",
// "environment") of a Postman API answer, as JSON text.
func UnwrapPostmanAPI(body []byte, key, source string) ([]byte, error) {
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(body, &doc); err != nil {
		return nil, fmt.Errorf("postman api %s: answer is not a JSON object: %w", source, err)
	}
	inner, ok := doc[key]
	if !ok || len(bytes.TrimSpace(inner)) == 0 || bytes.Equal(bytes.TrimSpace(inner), []byte("null")) {
		return nil, fmt.Errorf("postman api %s: answer has no %q object", source, key)
	}
	return inner, nil
}

// FetchRawFromPostmanAPI fetches the collection with the given uid through
// the Postman API at base ("" for DefaultPostmanAPIBase): GET
// {base}/collections/{uid} with the key in X-Api-Key. It returns the
// collection's JSON as the API sent it (unwrapped from {"collection": ...}),
// for writing it out unchanged, and the collection read from it.
func FetchRawFromPostmanAPI(ctx context.Context, client *http.Client, base, uid, apiKey string) ([]byte, *Collection, error) {
	if !IsPostmanUID(uid) {
		return nil, nil, fmt.Errorf("%q is not a Postman collection uid (<owner id>-<uuid>)", uid)
	}
	u, err := PostmanAPIURL(base, "collections", uid)
	if err != nil {
		return nil, nil, err
	}
	return FetchRawFromPostmanAPIURL(ctx, client, u, apiKey)
}

// FetchRawFromPostmanAPIURL fetches a collection from a Postman API URL
// such as https://api.getpostman.com/collections/<uid>?apikey=... (the form
// Newman's README documents).
func FetchRawFromPostmanAPIURL(ctx context.Context, client *http.Client, rawURL, apiKey string) ([]byte, *Collection, error) {
	if apiKey == "" && !hasCredentialParam(rawURL) {
		return nil, nil, fmt.Errorf("fetching %s: %w", RedactPostmanURL(rawURL), ErrNoAPIKey)
	}
	body, err := GetPostmanAPI(ctx, client, rawURL, apiKey)
	if err != nil {
		return nil, nil, err
	}
	source := RedactPostmanURL(stripParam(rawURL, "apikey"))
	inner, err := UnwrapPostmanAPI(body, "collection", source)
	if err != nil {
		return nil, nil, err
	}
	c, err := LoadBytes(inner, source)
	if err != nil {
		return nil, nil, err
	}
	return inner, c, nil
}

// ErrNoAPIKey means a Postman API resource was asked for without a key.
var ErrNoAPIKey = errors.New("the Postman API needs an API key")

func hasCredentialParam(rawURL string) bool {
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	for k, v := range u.Query() {
		for _, s := range secretParams {
			if strings.EqualFold(k, s) && len(v) > 0 && v[0] != "" {
				return true
			}
		}
	}
	return false
}

func stripParam(rawURL, name string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return rawURL
	}
	q := u.Query()
	for k := range q {
		if strings.EqualFold(k, name) {
			q.Del(k)
		}
	}
	u.RawQuery = q.Encode()
	return u.String()
}
