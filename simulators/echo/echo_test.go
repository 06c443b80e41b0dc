package echo_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"context"
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/echo"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// rawClient neither follows redirects nor decodes compressed bodies, so
// tests see exactly what the server sent.
func rawClient() *http.Client {
	return &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{DisableCompression: true, Proxy: nil},
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

type reply struct {
	status int
	header http.Header
	body   []byte
}

func (r reply) json(t *testing.T) map[string]any {
	t.Helper()
	var out map[string]any
	require.NoError(t, json.Unmarshal(r.body, &out), "body: %s", r.body)
	return out
}

func send(t *testing.T, c *http.Client, method, target string, body io.Reader, hdr map[string]string) reply {
	t.Helper()
	req, err := http.NewRequest(method, target, body)
	require.NoError(t, err)
	for k, v := range hdr {
		if strings.EqualFold(k, "host") {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	resp, err := c.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return reply{resp.StatusCode, resp.Header, b}
}

const jsonType = "application/json; charset=utf-8"

func TestEndpoints(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	c := rawClient()

	tests := []struct {
		name     string
		method   string
		path     string
		hdr      map[string]string
		body     string
		status   int
		ctype    string
		check    func(t *testing.T, r reply, j map[string]any)
		wantKeys []string // exact top-level keys of a JSON answer
	}{
		{
			name: "get echoes args headers url", method: "GET",
			path:   "/get?hi=hello&hi=lolol&one=1&&=x&flag&b%23a%26r=&q=%0Abar&a[b]=c&l[]=1&l[]=2",
			hdr:    map[string]string{"X-Custom-Header": "Value", "Accept": "text/plain"},
			status: 200, ctype: jsonType, wantKeys: []string{"args", "headers", "url"},
			check: func(t *testing.T, r reply, j map[string]any) {
				args := j["args"].(map[string]any)
				assert.Equal(t, []any{"hello", "lolol"}, args["hi"])
				assert.Equal(t, "1", args["one"])
				assert.Equal(t, "", args["flag"])
				assert.Equal(t, "", args["b#a&r"])
				assert.Equal(t, "\nbar", args["q"])
				assert.Equal(t, map[string]any{"b": "c"}, args["a"])
				assert.Equal(t, []any{"1", "2"}, args["l"])
				assert.NotContains(t, args, "")
				h := j["headers"].(map[string]any)
				assert.Equal(t, "Value", h["x-custom-header"])
				assert.Equal(t, "text/plain", h["accept"])
				assert.NotContains(t, h, "X-Custom-Header")
				assert.Equal(t, strings.TrimPrefix(base, "http://"), h["host"])
				assert.Equal(t, base+"/get?hi=hello&hi=lolol&one=1&&=x&flag&b%23a%26r=&q=%0Abar&a[b]=c&l[]=1&l[]=2", j["url"])
				assert.True(t, bytes.HasPrefix(r.body, []byte(`{"args":{"hi":["hello","lolol"],"one":"1"`)), "key order: %s", r.body)
			},
		},
		{
			name: "get keeps url exactly as sent", method: "GET", path: "/get???&hl=en&s=",
			status: 200, ctype: jsonType,
			check: func(t *testing.T, _ reply, j map[string]any) {
				assert.Equal(t, base+"/get???&hl=en&s=", j["url"])
				assert.Equal(t, map[string]any{"??": "", "hl": "en", "s": ""}, j["args"])
			},
		},
		{
			name: "post json keeps js order and number form", method: "POST", path: "/post?x=1",
			hdr:    map[string]string{"Content-Type": "application/json"},
			body:   `{"b":1.50,"a":[1,"x",{"z":null}],"2":true,"big":1e21,"s":"<&>"}`,
			status: 200, ctype: jsonType,
			wantKeys: []string{"args", "data", "files", "form", "headers", "json", "url"},
			check: func(t *testing.T, r reply, j map[string]any) {
				want := `{"2":true,"b":1.5,"a":[1,"x",{"z":null}],"big":1e+21,"s":"<&>"}`
				assert.Contains(t, string(r.body), `"data":`+want)
				assert.Contains(t, string(r.body), `"json":`+want)
				assert.Equal(t, map[string]any{"x": "1"}, j["args"])
				assert.Equal(t, map[string]any{}, j["files"])
				assert.Equal(t, map[string]any{}, j["form"])
				assert.Equal(t, "application/json", j["headers"].(map[string]any)["content-type"])
			},
		},
		{
			name: "post urlencoded fills form and json", method: "POST", path: "/post",
			hdr:    map[string]string{"Content-Type": "application/x-www-form-urlencoded"},
			body:   "k=v1&k=v2&x=%20y+z&n[a]=1",
			status: 200, ctype: jsonType,
			check: func(t *testing.T, _ reply, j map[string]any) {
				form := map[string]any{"k": []any{"v1", "v2"}, "x": " y z", "n": map[string]any{"a": "1"}}
				assert.Equal(t, form, j["form"])
				assert.Equal(t, form, j["json"])
				assert.Equal(t, "", j["data"])
			},
		},
		{
			name: "put raw text goes to data", method: "PUT", path: "/put",
			hdr: map[string]string{"Content-Type": "text/plain"}, body: "plain text\nline 2",
			status: 200, ctype: jsonType,
			check: func(t *testing.T, _ reply, j map[string]any) {
				assert.Equal(t, "plain text\nline 2", j["data"])
				assert.Nil(t, j["json"])
				assert.Equal(t, "text/plain", j["headers"].(map[string]any)["content-type"])
			},
		},
		{
			name: "patch binary becomes a data uri", method: "PATCH", path: "/patch",
			hdr: map[string]string{"Content-Type": "application/octet-stream"}, body: "\xff\xfe\x00",
			status: 200, ctype: jsonType,
			check: func(t *testing.T, _ reply, j map[string]any) {
				assert.Equal(t, "data:application/octet-stream;base64,//4A", j["data"])
			},
		},
		{
			name: "delete with invalid json keeps the text", method: "DELETE", path: "/delete",
			hdr: map[string]string{"Content-Type": "application/json"}, body: "{nope",
			status: 200, ctype: jsonType,
			check: func(t *testing.T, _ reply, j map[string]any) {
				assert.Equal(t, "{nope", j["data"])
				assert.Nil(t, j["json"])
			},
		},
		{
			name: "wrong method is echoed with the method", method: "GET", path: "/post",
			status: 200, ctype: jsonType,
			check: func(t *testing.T, _ reply, j map[string]any) {
				assert.Equal(t, "GET", j["method"])
			},
		},
		{
			name: "anything echoes method", method: "POSTMAN", path: "/anything/x/y?q=1", body: "hi",
			status: 200, ctype: jsonType,
			wantKeys: []string{"args", "data", "files", "form", "headers", "json", "method", "url"},
			check: func(t *testing.T, _ reply, j map[string]any) {
				assert.Equal(t, "POSTMAN", j["method"])
				assert.Equal(t, "hi", j["data"])
			},
		},
		{
			name: "options lists route methods", method: "OPTIONS", path: "/post",
			status: 200, ctype: "text/html; charset=utf-8",
			check: func(t *testing.T, r reply, _ map[string]any) {
				assert.Equal(t, "POST", r.header.Get("Allow"))
			},
		},
		{
			name: "headers", method: "GET", path: "/headers",
			hdr:    map[string]string{"My-Sample-Header": "Lorem ipsum", "Cookie": "a=1"},
			status: 200, ctype: jsonType, wantKeys: []string{"headers"},
			check: func(t *testing.T, _ reply, j map[string]any) {
				h := j["headers"].(map[string]any)
				assert.Equal(t, "Lorem ipsum", h["my-sample-header"])
				assert.Equal(t, "a=1", h["cookie"])
				assert.Contains(t, h, "host")
			},
		},
		{
			name: "response headers", method: "GET",
			path:   "/response-headers?Content-Type=text/html&Server=apibin&X-Multi=1&X-Multi=2",
			status: 200, ctype: "text/html; charset=utf-8",
			check: func(t *testing.T, r reply, _ map[string]any) {
				assert.Equal(t, "apibin", r.header.Get("Server"))
				assert.Equal(t, []string{"1", "2"}, r.header.Values("X-Multi"))
				var j map[string]any
				require.NoError(t, json.Unmarshal(r.body, &j))
				assert.Equal(t, map[string]any{"Content-Type": "text/html", "Server": "apibin", "X-Multi": []any{"1", "2"}}, j)
			},
		},
		{
			name: "response headers content type normalised", method: "GET",
			path:   "/response-headers?Content-Type=application%2Fjson%3B%20%20charset%3Dutf-8",
			status: 200, ctype: "application/json; charset=utf-8",
		},
		{
			name: "respond with a status and headers", method: "POST",
			path:   "/respond/302?Location=%2Fcookies&Set-Cookie=a%3D1&Set-Cookie=b%3D2",
			status: 302, ctype: jsonType,
			check: func(t *testing.T, r reply, _ map[string]any) {
				assert.Equal(t, "/cookies", r.header.Get("Location"))
				assert.Equal(t, []string{"a=1", "b=2"}, r.header.Values("Set-Cookie"))
			},
		},
		{name: "respond refuses a status without a body", method: "GET", path: "/respond/204", status: 400, ctype: jsonType},
		{
			name: "base64 sends the decoded bytes with the query's headers as given", method: "GET",
			path:   "/base64/_-4A?Content-Type=text%2Fplain%3B%20charset%3DISO-8859-1&Content-Encoding=gzip&X-A=1",
			status: 200, ctype: "text/plain; charset=ISO-8859-1",
			check: func(t *testing.T, r reply, _ map[string]any) {
				assert.Equal(t, []byte{0xff, 0xee, 0x00}, r.body)
				assert.Equal(t, "gzip", r.header.Get("Content-Encoding"))
				assert.Equal(t, "1", r.header.Get("X-A"))
			},
		},
		{
			name: "base64 standard alphabet with padding, octet-stream by default", method: "POST",
			path:   "/base64/77u%2FeyJhIjoxfQ==",
			status: 200, ctype: "application/octet-stream",
			check: func(t *testing.T, r reply, _ map[string]any) {
				assert.Equal(t, "\ufeff{\"a\":1}", string(r.body))
			},
		},
		{
			name: "base64 with an empty Content-Type sends none", method: "GET",
			path:   "/base64/iVBORw0KGgo?Content-Type=",
			status: 200, ctype: "",
			check: func(t *testing.T, r reply, _ map[string]any) {
				assert.NotContains(t, r.header, "Content-Type")
				assert.Equal(t, "\x89PNG\r\n\x1a\n", string(r.body))
			},
		},
		{name: "base64 refuses what is not base64", method: "GET", path: "/base64/%21%21", status: 400, ctype: jsonType},
		{name: "respond refuses 1xx", method: "GET", path: "/respond/101", status: 400, ctype: jsonType},
		{
			name: "basic auth accepted", method: "GET", path: "/basic-auth",
			hdr:    map[string]string{"Authorization": "Basic " + base64.StdEncoding.EncodeToString([]byte("postman:password"))},
			status: 200, ctype: jsonType,
			check: func(t *testing.T, r reply, _ map[string]any) {
				assert.Equal(t, `{"authenticated":true}`, string(r.body))
			},
		},
		{
			name: "basic auth wrong password", method: "GET", path: "/basic-auth",
			hdr:    map[string]string{"Authorization": "Basic " + base64.StdEncoding.EncodeToString([]byte("postman:nope"))},
			status: 401, ctype: "text/plain; charset=utf-8",
			check: func(t *testing.T, r reply, _ map[string]any) {
				assert.Equal(t, "Unauthorized", string(r.body))
			},
		},
		{
			name: "basic auth missing", method: "GET", path: "/basic-auth",
			status: 401, ctype: "text/plain; charset=utf-8",
		},
		{
			name: "status 201", method: "GET", path: "/status/201", status: 201, ctype: jsonType,
			check: func(t *testing.T, r reply, _ map[string]any) { assert.Equal(t, `{"status":201}`, string(r.body)) },
		},
		{
			name: "status 404 any method", method: "POST", path: "/status/404", status: 404, ctype: jsonType,
			check: func(t *testing.T, r reply, _ map[string]any) { assert.Equal(t, `{"status":404}`, string(r.body)) },
		},
		{
			name: "status 204 has no body", method: "GET", path: "/status/204", status: 204,
			check: func(t *testing.T, r reply, _ map[string]any) { assert.Empty(t, r.body) },
		},
		{name: "status out of range", method: "GET", path: "/status/999", status: 400, ctype: jsonType},
		{
			name: "redirect-to with status", method: "GET",
			path:   "/redirect-to?url=" + url.QueryEscape("https://example.com/x?q={abc}") + "&status_code=307",
			status: 307,
			check: func(t *testing.T, r reply, _ map[string]any) {
				assert.Equal(t, "https://example.com/x?q={abc}", r.header.Get("Location"))
			},
		},
		{
			name: "redirect-to defaults to 302", method: "GET", path: "/redirect-to?url=/get", status: 302,
			check: func(t *testing.T, r reply, _ map[string]any) { assert.Equal(t, "/get", r.header.Get("Location")) },
		},
		{name: "redirect-to needs url", method: "GET", path: "/redirect-to", status: 400, ctype: jsonType},
		{
			name: "redirect n hops", method: "GET", path: "/redirect/3", status: 302,
			check: func(t *testing.T, r reply, _ map[string]any) {
				assert.Equal(t, "/redirect/2", r.header.Get("Location"))
			},
		},
		{
			name: "redirect last hop goes to get", method: "GET", path: "/redirect/1", status: 302,
			check: func(t *testing.T, r reply, _ map[string]any) { assert.Equal(t, "/get", r.header.Get("Location")) },
		},
		{
			name: "ip", method: "GET", path: "/ip", status: 200, ctype: jsonType,
			check: func(t *testing.T, _ reply, j map[string]any) { assert.Equal(t, "127.0.0.1", j["ip"]) },
		},
		{
			name: "time now is an http date", method: "GET", path: "/time/now", status: 200, ctype: "text/html; charset=utf-8",
			check: func(t *testing.T, r reply, _ map[string]any) {
				ts, err := http.ParseTime(string(r.body))
				require.NoError(t, err)
				assert.WithinDuration(t, time.Now(), ts, time.Minute)
			},
		},
		{
			name: "time valid", method: "GET", path: "/time/valid?timestamp=2016-10-10", status: 200, ctype: jsonType,
			check: func(t *testing.T, r reply, _ map[string]any) { assert.Equal(t, `{"valid":true}`, string(r.body)) },
		},
		{
			name: "time leap", method: "GET", path: "/time/leap?timestamp=2000-01-01", status: 200, ctype: jsonType,
			check: func(t *testing.T, r reply, _ map[string]any) { assert.Equal(t, `{"leap":true}`, string(r.body)) },
		},
		{
			name: "utf8 page", method: "GET", path: "/encoding/utf8", status: 200, ctype: "text/html; charset=utf-8",
			check: func(t *testing.T, r reply, _ map[string]any) {
				assert.Contains(t, string(r.body), "いろはにほへと")
				assert.Contains(t, string(r.body), "🍪")
			},
		},
		{
			name: "xml page", method: "GET", path: "/type/xml", status: 200, ctype: "application/xml; charset=utf-8",
			check: func(t *testing.T, r reply, _ map[string]any) {
				assert.Contains(t, string(r.body), "<method>GET</method>")
			},
		},
		{name: "html page", method: "GET", path: "/type/html", status: 200, ctype: "text/html; charset=utf-8"},
		{
			name: "oauth2 token", method: "POST", path: "/oauth2/token", status: 200, ctype: jsonType,
			check: func(t *testing.T, _ reply, j map[string]any) {
				assert.Equal(t, echo.OAuth2Token, j["access_token"])
				assert.Equal(t, "Bearer", j["token_type"])
			},
		},
		{
			name: "oauth2 user info with token", method: "GET", path: "/oauth2/user/info",
			hdr: map[string]string{"Authorization": "Bearer " + echo.OAuth2Token}, status: 200, ctype: jsonType,
			check: func(t *testing.T, _ reply, j map[string]any) {
				assert.Contains(t, j, "user_id")
				assert.Contains(t, j, "name")
			},
		},
		{name: "oauth2 user info without token", method: "GET", path: "/oauth2/user/info", status: 401, ctype: jsonType},
		{
			name: "stream", method: "GET", path: "/stream/5?x=y", status: 200, ctype: jsonType,
			check: func(t *testing.T, r reply, _ map[string]any) {
				lines := strings.Split(strings.TrimSuffix(string(r.body), "\n"), "\n")
				require.Len(t, lines, 5)
				for i, l := range lines {
					var obj map[string]any
					require.NoError(t, json.Unmarshal([]byte(l), &obj))
					assert.Equal(t, float64(i), obj["id"])
					assert.Equal(t, map[string]any{"x": "y", "n": "5"}, obj["args"])
				}
				assert.Empty(t, r.header.Get("Content-Length"), "stream must be chunked")
			},
		},
		{
			name: "delay zero", method: "GET", path: "/delay/0", status: 200, ctype: jsonType,
			check: func(t *testing.T, r reply, _ map[string]any) { assert.Equal(t, `{"delay":"0"}`, string(r.body)) },
		},
		{name: "delay bad", method: "GET", path: "/delay/abc", status: 400, ctype: jsonType},
		{
			name: "bytes", method: "GET", path: "/bytes/300", status: 200, ctype: "application/octet-stream",
			check: func(t *testing.T, r reply, _ map[string]any) {
				require.Len(t, r.body, 300)
				for i, b := range r.body {
					require.Equal(t, echo.PatternByte(i), b, "byte %d", i)
				}
			},
		},
		{name: "bytes over the cap", method: "GET", path: "/bytes/999999999999", status: 400, ctype: jsonType},
		{
			name: "trailing slash is ignored", method: "GET", path: "/headers/", status: 200, ctype: jsonType,
			wantKeys: []string{"headers"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var body io.Reader
			if tt.body != "" {
				body = strings.NewReader(tt.body)
			}
			r := send(t, c, tt.method, base+tt.path, body, tt.hdr)
			require.Equal(t, tt.status, r.status, "body: %s", r.body)
			if tt.ctype != "" {
				assert.Equal(t, tt.ctype, r.header.Get("Content-Type"))
			}
			var j map[string]any
			if strings.HasPrefix(r.header.Get("Content-Type"), "application/json") && len(r.body) > 0 && !strings.HasPrefix(tt.path, "/stream") {
				j = r.json(t)
			}
			if tt.wantKeys != nil {
				keys := make([]string, 0, len(j))
				for k := range j {
					keys = append(keys, k)
				}
				sort.Strings(keys)
				assert.Equal(t, tt.wantKeys, keys)
			}
			if tt.check != nil {
				tt.check(t, r, j)
			}
		})
	}
}

func TestStrictUnknownPath(t *testing.T) {
	t.Parallel()
	strict := echotest.StartWith(t, echo.Options{Strict: true})
	lenient := echotest.Start(t)
	c := rawClient()

	r := send(t, c, "GET", strict+"/nowhere", nil, nil)
	assert.Equal(t, 404, r.status)
	assert.Contains(t, string(r.body), "Cannot GET /nowhere")
	r = send(t, c, "GET", strict+"/post", nil, nil)
	assert.Equal(t, 404, r.status)

	r = send(t, c, "PUT", lenient+"/nowhere?a=1", strings.NewReader("x"), nil)
	require.Equal(t, 200, r.status)
	j := r.json(t)
	assert.Equal(t, "PUT", j["method"])
	assert.Equal(t, lenient+"/nowhere?a=1", j["url"])
}

func TestMultipartFiles(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	require.NoError(t, mw.WriteField("dataKey", "dataValue"))
	require.NoError(t, mw.WriteField("dataKey", "second"))
	fw, err := mw.CreateFormFile("upload", "name.txt")
	require.NoError(t, err)
	_, _ = fw.Write([]byte("file contents\n"))
	fw, err = mw.CreateFormFile("bin", "blob.bin")
	require.NoError(t, err)
	_, _ = fw.Write([]byte{0, 1, 2, 255})
	require.NoError(t, mw.Close())

	r := send(t, rawClient(), "POST", base+"/post", &buf, map[string]string{"Content-Type": mw.FormDataContentType()})
	require.Equal(t, 200, r.status)
	j := r.json(t)
	assert.Equal(t, map[string]any{
		"name.txt": "data:application/octet-stream;base64," + base64.StdEncoding.EncodeToString([]byte("file contents\n")),
		"blob.bin": "data:application/octet-stream;base64,AAEC/w==",
	}, j["files"])
	assert.Equal(t, map[string]any{"dataKey": []any{"dataValue", "second"}}, j["form"])
	assert.Equal(t, "", j["data"])
	assert.Nil(t, j["json"])
	assert.True(t, strings.HasPrefix(j["headers"].(map[string]any)["content-type"].(string), "multipart/form-data; boundary="))
}

func md5hex(s string) string {
	h := md5.Sum([]byte(s))
	return hex.EncodeToString(h[:])
}

func sha256hex(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// challengeParam extracts name="value" from a WWW-Authenticate header.
func challengeParam(t *testing.T, h, name string) string {
	t.Helper()
	_, rest, ok := strings.Cut(h, name+`="`)
	require.True(t, ok, "no %s in %q", name, h)
	v, _, _ := strings.Cut(rest, `"`)
	return v
}

func TestDigestAuthHandshake(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	c := rawClient()

	first := send(t, c, "GET", base+"/digest-auth", nil, nil)
	require.Equal(t, 401, first.status)
	assert.Equal(t, "Unauthorized", string(first.body))
	chal := first.header.Get("WWW-Authenticate")
	require.True(t, strings.HasPrefix(chal, "Digest "), chal)
	realm := challengeParam(t, chal, "realm")
	nonce := challengeParam(t, chal, "nonce")
	assert.Equal(t, "Users", realm)
	assert.Equal(t, "auth", challengeParam(t, chal, "qop"))

	const uri, nc, cnonce = "/digest-auth", "00000001", "0a4f113b"
	tests := []struct {
		name   string
		header string
		status int
	}{
		{
			name: "md5 qop auth",
			header: fmt.Sprintf(`Digest username="postman", realm="%s", nonce="%s", uri="%s", qop=auth, nc=%s, cnonce="%s", response="%s", algorithm=MD5`,
				realm, nonce, uri, nc, cnonce,
				md5hex(md5hex("postman:"+realm+":password")+":"+nonce+":"+nc+":"+cnonce+":auth:"+md5hex("GET:"+uri))),
			status: 200,
		},
		{
			name: "md5 without qop (rfc 2069)",
			header: fmt.Sprintf(`Digest username="postman", realm="%s", nonce="%s", uri="%s", response="%s"`,
				realm, nonce, uri, md5hex(md5hex("postman:"+realm+":password")+":"+nonce+":"+md5hex("GET:"+uri))),
			status: 200,
		},
		{
			name: "sha-256 with a stale nonce",
			header: fmt.Sprintf(`Digest username="postman", realm="%s", nonce="old", uri="%s", qop=auth, nc=%s, cnonce="%s", response="%s", algorithm=SHA-256`,
				realm, uri, nc, cnonce,
				sha256hex(sha256hex("postman:"+realm+":password")+":old:"+nc+":"+cnonce+":auth:"+sha256hex("GET:"+uri))),
			status: 200,
		},
		{
			name: "wrong password",
			header: fmt.Sprintf(`Digest username="postman", realm="%s", nonce="%s", uri="%s", qop=auth, nc=%s, cnonce="%s", response="%s"`,
				realm, nonce, uri, nc, cnonce,
				md5hex(md5hex("postman:"+realm+":nope")+":"+nonce+":"+nc+":"+cnonce+":auth:"+md5hex("GET:"+uri))),
			status: 401,
		},
		{name: "basic instead of digest", header: "Basic cG9zdG1hbjpwYXNzd29yZA==", status: 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := send(t, c, "GET", base+"/digest-auth", nil, map[string]string{"Authorization": tt.header})
			require.Equal(t, tt.status, r.status, "body %s", r.body)
			if tt.status == 200 {
				assert.Equal(t, `{"authenticated":true}`, string(r.body))
			} else {
				assert.NotEmpty(t, r.header.Get("WWW-Authenticate"))
			}
		})
	}
}

func TestCompressedEndpoints(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	c := rawClient()
	tests := []struct {
		path, encoding, flag string
		decode               func(io.Reader) (io.Reader, error)
	}{
		{"/gzip", "gzip", "gzipped", func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) }},
		{"/deflate", "deflate", "deflated", func(r io.Reader) (io.Reader, error) { return zlib.NewReader(r) }},
		{"/brotli", "br", "brotli", func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil }},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			t.Parallel()
			r := send(t, c, "GET", base+tt.path, nil, map[string]string{"X-Probe": "1"})
			require.Equal(t, 200, r.status)
			assert.Equal(t, tt.encoding, r.header.Get("Content-Encoding"))
			assert.Equal(t, jsonType, r.header.Get("Content-Type"))
			dr, err := tt.decode(bytes.NewReader(r.body))
			require.NoError(t, err)
			plain, err := io.ReadAll(dr)
			require.NoError(t, err)
			var j map[string]any
			require.NoError(t, json.Unmarshal(plain, &j), "decoded: %q", plain)
			assert.Equal(t, true, j[tt.flag])
			assert.Equal(t, "GET", j["method"])
			assert.Equal(t, "1", j["headers"].(map[string]any)["x-probe"])
		})
	}

	// Go's default transport decodes gzip transparently: the usual client path.
	resp, err := http.Get(base + "/gzip")
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.True(t, resp.Uncompressed)
	var j map[string]any
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&j))
	assert.Equal(t, true, j["gzipped"])
}

func TestCookiesSetRedirectAndDelete(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)

	// Without following: the 302 and its Set-Cookie headers.
	r := send(t, rawClient(), "GET", base+"/cookies/set?foo1=bar1&foo2=bar%20two", nil, nil)
	require.Equal(t, 302, r.status)
	assert.Equal(t, "/cookies", r.header.Get("Location"))
	assert.Equal(t, []string{"foo1=bar1; Path=/", "foo2=bar%20two; Path=/"}, r.header.Values("Set-Cookie"))

	// Following with a jar, as a runner does.
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	c := &http.Client{Jar: jar, Timeout: 10 * time.Second}
	r = send(t, c, "GET", base+"/cookies/set?foo1=bar1&foo2=bar2", nil, nil)
	require.Equal(t, 200, r.status)
	assert.Equal(t, map[string]any{"cookies": map[string]any{"foo1": "bar1", "foo2": "bar2"}}, r.json(t))

	r = send(t, c, "GET", base+"/cookies", nil, nil)
	assert.Equal(t, map[string]any{"cookies": map[string]any{"foo1": "bar1", "foo2": "bar2"}}, r.json(t))

	r = send(t, c, "GET", base+"/cookies/delete?foo1", nil, nil)
	require.Equal(t, 200, r.status)
	assert.Equal(t, map[string]any{"cookies": map[string]any{"foo2": "bar2"}}, r.json(t))
	assert.Contains(t, r.header.Get("Set-Cookie"), "Max-Age=0")

	r = send(t, c, "GET", base+"/cookies", nil, nil)
	assert.Equal(t, map[string]any{"cookies": map[string]any{"foo2": "bar2"}}, r.json(t), "jar must have dropped foo1")
}

func TestDelay(t *testing.T) {
	t.Parallel()
	base := echotest.StartWith(t, echo.Options{MaxDelay: 300 * time.Millisecond})
	c := rawClient()

	start := time.Now()
	r := send(t, c, "GET", base+"/delay/0.2", nil, nil)
	require.Equal(t, 200, r.status)
	assert.Equal(t, `{"delay":"0.2"}`, string(r.body))
	assert.GreaterOrEqual(t, time.Since(start), 200*time.Millisecond)

	start = time.Now()
	r = send(t, c, "GET", base+"/delay/10", nil, nil) // capped by MaxDelay
	require.Equal(t, 200, r.status)
	assert.Less(t, time.Since(start), 5*time.Second)
}

func TestDelayHonoursClientCancel(t *testing.T) {
	t.Parallel()
	run, err := echo.Listen("127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { _ = run.Close() })

	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", run.URL+"/delay/10", nil)
	require.NoError(t, err)
	_, err = http.DefaultClient.Do(req)
	require.Error(t, err)

	// Close must not wait for the 10 s delay either.
	go func() { _, _ = http.Get(run.URL + "/delay/10") }()
	time.Sleep(50 * time.Millisecond)
	start := time.Now()
	require.NoError(t, run.Close())
	assert.Less(t, time.Since(start), 3*time.Second)
}

func TestLargeBytesResponse(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	const n = 50 << 20
	resp, err := rawClient().Get(base + fmt.Sprintf("/bytes/%d?seed=7", n))
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, int64(n), resp.ContentLength)

	buf := make([]byte, 64<<10)
	total := 0
	for {
		k, err := resp.Body.Read(buf)
		for i := 0; i < k; i++ {
			if buf[i] != echo.PatternByte(total+i+7) {
				t.Fatalf("byte %d = %d, want %d", total+i, buf[i], echo.PatternByte(total+i+7))
			}
		}
		total += k
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
	}
	assert.Equal(t, n, total)
}

func TestHawkAuth(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	u, err := url.Parse(base)
	require.NoError(t, err)
	host, port, _ := net.SplitHostPort(u.Host)

	header := func(id, key, ts, nonce, ext string) string {
		norm := "hawk.1.header\n" + ts + "\n" + nonce + "\nGET\n/auth/hawk?x=1\n" + host + "\n" + port + "\n\n" + ext + "\n"
		m := hmac.New(sha256.New, []byte(key))
		m.Write([]byte(norm))
		mac := base64.StdEncoding.EncodeToString(m.Sum(nil))
		return fmt.Sprintf(`Hawk id="%s", ts="%s", nonce="%s", ext="%s", mac="%s"`, id, ts, nonce, ext, mac)
	}
	tests := []struct {
		name, auth string
		status     int
		message    string
	}{
		{"valid", header(echo.HawkID, echo.HawkKey, "1353832234", "j4h3g2", "some-app-data"), 200, "Hawk Authentication Successful"},
		{"wrong key", header(echo.HawkID, "other", "1353832234", "j4h3g2", ""), 401, "Bad mac"},
		{"unknown id", header("someone", echo.HawkKey, "1", "n", ""), 401, "Unknown credentials"},
		{"missing", "", 401, "Missing authentication"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			hdr := map[string]string{}
			if tt.auth != "" {
				hdr["Authorization"] = tt.auth
			}
			r := send(t, rawClient(), "GET", base+"/auth/hawk?x=1", nil, hdr)
			require.Equal(t, tt.status, r.status, "body %s", r.body)
			assert.Equal(t, tt.message, r.json(t)["message"])
		})
	}
}

func TestOAuth1(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)

	// Computed here with url.QueryEscape (no spaces in the inputs, so it
	// matches RFC 3986) to check the server independently.
	sign := func(method, secret string, params map[string]string) string {
		names := make([]string, 0, len(params))
		for k := range params {
			names = append(names, k)
		}
		sort.Strings(names)
		var pairs []string
		for _, k := range names {
			pairs = append(pairs, url.QueryEscape(k)+"="+url.QueryEscape(params[k]))
		}
		baseString := method + "&" + url.QueryEscape(base+"/oauth1") + "&" + url.QueryEscape(strings.Join(pairs, "&"))
		m := hmac.New(sha1.New, []byte(url.QueryEscape(secret)+"&"))
		m.Write([]byte(baseString))
		return base64.StdEncoding.EncodeToString(m.Sum(nil))
	}
	oauth := map[string]string{
		"oauth_consumer_key":     echo.OAuth1ConsumerKey,
		"oauth_signature_method": "HMAC-SHA1",
		"oauth_timestamp":        "1461319769",
		"oauth_nonce":            "ik3oT5",
		"oauth_version":          "1.0",
	}
	header := func(sig string) string {
		var parts []string
		for k, v := range oauth {
			parts = append(parts, k+`="`+url.QueryEscape(v)+`"`)
		}
		sort.Strings(parts)
		return `OAuth realm="", ` + strings.Join(parts, ",") + `,oauth_signature="` + url.QueryEscape(sig) + `"`
	}
	withQuery := map[string]string{"a": "b~c"}
	for k, v := range oauth {
		withQuery[k] = v
	}

	tests := []struct {
		name   string
		sig    string
		status int
		result string
	}{
		{"valid", sign("GET", echo.OAuth1ConsumerSecret, withQuery), 200, "pass"},
		{"wrong secret", sign("GET", "nope", withQuery), 401, "fail"},
		{"query not signed", sign("GET", echo.OAuth1ConsumerSecret, oauth), 401, "fail"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := send(t, rawClient(), "GET", base+"/oauth1?a=b~c", nil, map[string]string{"Authorization": header(tt.sig)})
			require.Equal(t, tt.status, r.status, "body %s", r.body)
			assert.Equal(t, tt.result, r.json(t)["status"])
		})
	}
}

func TestListenLoopbackOnly(t *testing.T) {
	t.Parallel()
	tests := []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:0", true},
		{"localhost:0", true},
		{"", true},
		{"0.0.0.0:0", false},
		{":0", false},
		{"192.0.2.1:0", false},
		{"example.com:80", false},
		{"127.0.0.1", false},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			t.Parallel()
			run, err := echo.Listen(tt.addr)
			if !tt.ok {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			defer func() { require.NoError(t, run.Close()) }()
			assert.True(t, strings.HasPrefix(run.URL, "http://127.0.0.1:"), run.URL)
			r := send(t, rawClient(), "GET", run.URL+"/get", nil, nil)
			assert.Equal(t, 200, r.status)
		})
	}
}

// rawExchange sends msg on a fresh connection and returns everything the
// server wrote before closing.
func rawExchange(t *testing.T, base, msg string) string {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	require.NoError(t, err)
	defer conn.Close()
	require.NoError(t, conn.SetDeadline(time.Now().Add(10*time.Second)))
	_, err = io.WriteString(conn, msg)
	require.NoError(t, err)
	out, err := io.ReadAll(conn)
	require.NoError(t, err)
	return string(out)
}

func TestRawEcho(t *testing.T) {
	t.Parallel()
	base := echotest.StartRawEcho(t)
	tests := []struct {
		name     string
		msg      string
		wantBody bool
	}{
		{"custom method with body", "POSTMAN / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 16\r\n\r\n{ \"foo\": \"bar\" }", true},
		{"get with body", "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc", true},
		{"unusual target kept verbatim", "GET /!/\"/$/%/</>/{/|/}/~?q=\"'<>` HTTP/1.1\r\nhost: x\r\n\r\n", true},
		{"chunked body", "PUT /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\nX-Trailer: t\r\n\r\n", true},
		{"head has no body", "HEAD / HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 5\r\n\r\nhello", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			resp, err := http.ReadResponse(bufio.NewReader(strings.NewReader(rawExchange(t, base, tt.msg))), &http.Request{Method: strings.Fields(tt.msg)[0]})
			require.NoError(t, err)
			body, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			assert.Equal(t, 200, resp.StatusCode)
			assert.Equal(t, "text/plain", resp.Header.Get("Content-Type"))
			var echoed string
			require.NoError(t, json.Unmarshal([]byte(resp.Header.Get("Raw-Request")), &echoed))
			assert.Equal(t, tt.msg, echoed)
			if tt.wantBody {
				assert.Equal(t, tt.msg, string(body))
			} else {
				assert.Empty(t, body)
			}
		})
	}

	t.Run("canned reply", func(t *testing.T) {
		t.Parallel()
		reply := "HTTP/1.1 299 Odd\nX-A: 1\n\nbody until close"
		got := rawExchange(t, base, "GET /reply/"+base64.RawURLEncoding.EncodeToString([]byte(reply))+"?x=1 HTTP/1.1\r\nHost: x\r\n\r\n")
		assert.Equal(t, reply, got)
	})

	// Through a normal client: header case and the method survive.
	r := send(t, rawClient(), "POSTMAN", base+"/foo/%2a", strings.NewReader("payload"), map[string]string{"X-Mixed-Case": "v"})
	require.Equal(t, 200, r.status)
	assert.Contains(t, string(r.body), "POSTMAN /foo/%2a HTTP/1.1\r\n")
	assert.Contains(t, string(r.body), "X-Mixed-Case: v\r\n")
	assert.True(t, strings.HasSuffix(string(r.body), "\r\n\r\npayload"))
}

func TestRedirectServer(t *testing.T) {
	t.Parallel()
	base := echotest.StartRedirect(t)
	follow := &http.Client{Timeout: 10 * time.Second}

	t.Run("hops", func(t *testing.T) {
		t.Parallel()
		r := send(t, rawClient(), "GET", base+"/3", nil, nil)
		assert.Equal(t, 302, r.status)
		assert.Equal(t, "/2", r.header.Get("Location"))
		r = send(t, rawClient(), "GET", base+"/1", nil, nil)
		assert.Equal(t, "/", r.header.Get("Location"))

		r = send(t, follow, "GET", base+"/3", nil, nil)
		require.Equal(t, 200, r.status)
		j := r.json(t)
		assert.Equal(t, "/", j["url"])
		assert.Equal(t, "GET", j["method"])
		assert.Equal(t, "", j["data"])
		assert.Contains(t, j, "headers")
	})
	tests := []struct {
		method, path, wantMethod, wantData string
	}{
		{"POST", "/status/307", "POST", "POSTMAN"},
		{"PUT", "/status/308", "PUT", "POSTMAN"},
		{"POST", "/1", "GET", ""}, // a 302 turns POST into a body-less GET
	}
	for _, tt := range tests {
		t.Run(tt.method+tt.path, func(t *testing.T) {
			t.Parallel()
			r := send(t, follow, tt.method, base+tt.path, strings.NewReader("POSTMAN"), nil)
			require.Equal(t, 200, r.status)
			j := r.json(t)
			assert.Equal(t, "/", j["url"])
			assert.Equal(t, tt.wantMethod, j["method"])
			assert.Equal(t, tt.wantData, j["data"])
		})
	}
}

// TestRawEchoKeptAlive: /keep/ leaves the connection open; on it,
// /hangup-if-reused closes without a byte and /reset-if-reused resets; on a
// fresh connection both are echoed; /early/ answers before the body.
func TestRawEchoKeptAlive(t *testing.T) {
	t.Parallel()
	base := echotest.StartRawEcho(t)
	reply := "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
	keep := "GET /keep/" + base64.RawURLEncoding.EncodeToString([]byte(reply)) + " HTTP/1.1\r\nHost: x\r\n\r\n"
	for _, c := range []struct {
		target  string
		isReset bool
	}{{"/hangup-if-reused", false}, {"/reset-if-reused", true}} {
		conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
		require.NoError(t, err)
		require.NoError(t, conn.SetDeadline(time.Now().Add(10*time.Second)))
		_, err = io.WriteString(conn, keep)
		require.NoError(t, err)
		got := make([]byte, len(reply))
		_, err = io.ReadFull(conn, got)
		require.NoError(t, err)
		assert.Equal(t, reply, string(got))
		_, err = io.WriteString(conn, "GET "+c.target+" HTTP/1.1\r\nHost: x\r\n\r\n")
		require.NoError(t, err)
		rest, err := io.ReadAll(conn)
		assert.Empty(t, rest, c.target)
		if c.isReset {
			assert.ErrorIs(t, err, syscall.ECONNRESET, c.target)
		} else {
			assert.NoError(t, err, c.target)
		}
		conn.Close()
		fresh := rawExchange(t, base, "GET "+c.target+" HTTP/1.1\r\nHost: x\r\n\r\n")
		assert.Contains(t, fresh, "HTTP/1.1 200 ok\r\n", c.target)
	}
	early := "HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
	got := rawExchange(t, base, "POST /early/"+base64.RawURLEncoding.EncodeToString([]byte(early))+" HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n")
	assert.Equal(t, early, got)
}
