package collections

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	testUID       = "18568624-4e4e5063-6ad7-4895-805e-ada77358488c"
	testKey       = "PMAK-0123456789abcdef-fedcba9876543210ab"
	testAccessKey = "PMAT-01ACCESSKEYFORONECOLLECTION"
)

// fakePostmanAPI is a stand-in for the Postman API's GET /collections/{id},
// answering as the real one does: {"collection": ...} for a known uid and
// the X-Api-Key it expects (or a collection access_key), a 401
// AuthenticationError otherwise, a 404 instanceNotFoundError for an unknown
// uid. It records what it was sent.
type fakePostmanAPI struct {
	*httptest.Server
	collection []byte

	mu       sync.Mutex
	requests []*http.Request
}

func newFakePostmanAPI(t *testing.T) *fakePostmanAPI {
	t.Helper()
	coll, err := os.ReadFile(filepath.Join("..", "testdata", "runinpostman", "collection.postman_collection.json"))
	require.NoError(t, err)
	f := &fakePostmanAPI{collection: coll}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /collections/{id}", f.serveCollection)
	mux.HandleFunc("GET /prefix/collections/{id}", f.serveCollection)
	mux.HandleFunc("GET /problem/collections/{id}", func(w http.ResponseWriter, r *http.Request) {
		f.record(r)
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"type":"https://api.postman.com/problems/unauthorized","title":"Unauthorized","detail":"An API key must be provided in the request header or query string","status":401}`)
	})
	mux.HandleFunc("GET /broken/collections/{id}", func(w http.ResponseWriter, r *http.Request) {
		f.record(r)
		w.WriteHeader(http.StatusBadGateway)
		fmt.Fprint(w, "<html>bad gateway</html>")
	})
	mux.HandleFunc("GET /environment-instead/collections/{id}", func(w http.ResponseWriter, r *http.Request) {
		f.record(r)
		fmt.Fprint(w, `{"environment":{"name":"x","values":[]}}`)
	})
	mux.HandleFunc("GET /garbage/collections/{id}", func(w http.ResponseWriter, r *http.Request) {
		f.record(r)
		fmt.Fprint(w, `{"collection": {"info": `)
	})
	f.Server = httptest.NewServer(mux)
	t.Cleanup(f.Close)
	return f
}

func (f *fakePostmanAPI) record(r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests = append(f.requests, r.Clone(context.Background()))
}

func (f *fakePostmanAPI) sent() []*http.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]*http.Request(nil), f.requests...)
}

func (f *fakePostmanAPI) serveCollection(w http.ResponseWriter, r *http.Request) {
	f.record(r)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	authorized := r.Header.Get("X-Api-Key") == testKey || r.URL.Query().Get("access_key") == testAccessKey
	if !authorized {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"error":{"name":"AuthenticationError","message":"Invalid API Key. Every request requires a valid API Key to be sent."}}`)
		return
	}
	if r.PathValue("id") != testUID {
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"error":{"name":"instanceNotFoundError","message":"We could not find the collection you are looking for"}}`)
		return
	}
	fmt.Fprintf(w, `{"collection": %s}`, f.collection)
}

func TestFetchFromPostmanAPI(t *testing.T) {
	t.Parallel()
	api := newFakePostmanAPI(t)
	tests := []struct {
		name     string
		base     string
		uid      string
		key      string
		wantErr  []string
		wantSent int
		check    func(t *testing.T, err error)
	}{
		{name: "ok", base: api.URL, uid: testUID, key: testKey, wantSent: 1},
		{name: "base with a path and a trailing slash", base: api.URL + "/prefix/", uid: testUID, key: testKey, wantSent: 1},
		{name: "upper-case uid", base: api.URL, uid: strings.ToUpper(testUID), key: testKey, wantSent: 1,
			wantErr: []string{"404 Not Found", "instanceNotFoundError", "could not find the collection"}},
		{
			name: "wrong key", base: api.URL, uid: testUID, key: "PMAK-wrong-key-value", wantSent: 1,
			wantErr: []string{"/collections/" + testUID, "401 Unauthorized", "AuthenticationError: Invalid API Key"},
			check: func(t *testing.T, err error) {
				var ae *PostmanAPIError
				require.ErrorAs(t, err, &ae)
				assert.True(t, ae.Unauthorized())
				assert.False(t, ae.NotFound())
			},
		},
		{
			name: "no key: nothing is sent", base: api.URL, uid: testUID, key: "",
			wantErr: []string{"needs an API key"},
			check:   func(t *testing.T, err error) { assert.ErrorIs(t, err, ErrNoAPIKey) },
		},
		{
			name: "unknown collection", base: api.URL, uid: "1-00000000-0000-0000-0000-000000000000", key: testKey, wantSent: 1,
			wantErr: []string{"404 Not Found", "instanceNotFoundError: We could not find the collection"},
			check: func(t *testing.T, err error) {
				var ae *PostmanAPIError
				require.ErrorAs(t, err, &ae)
				assert.True(t, ae.NotFound())
			},
		},
		{name: "not a uid", base: api.URL, uid: "0123abcd4567", key: testKey, wantErr: []string{`"0123abcd4567" is not a Postman collection uid`}},
		{name: "problem+json answer", base: api.URL + "/problem", uid: testUID, key: testKey, wantSent: 1,
			wantErr: []string{"401 Unauthorized: Unauthorized: An API key must be provided"}},
		{name: "non-json error answer", base: api.URL + "/broken", uid: testUID, key: testKey, wantSent: 1,
			wantErr: []string{"502 Bad Gateway"}},
		{name: "answer without a collection", base: api.URL + "/environment-instead", uid: testUID, key: testKey, wantSent: 1,
			wantErr: []string{`answer has no "collection" object`}},
		{name: "truncated answer", base: api.URL + "/garbage", uid: testUID, key: testKey, wantSent: 1,
			wantErr: []string{"not a JSON object"}},
		{name: "base is not a url", base: "api.postman.com", uid: testUID, key: testKey, wantErr: []string{"not an http(s) URL"}},
		{name: "base with a query", base: api.URL + "?apikey=" + testKey, uid: testUID, key: testKey, wantErr: []string{"must not have a query"}},
		{name: "nothing listens", base: "http://127.0.0.1:1", uid: testUID, key: testKey, wantErr: []string{"postman api http://127.0.0.1:1/collections/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Not parallel: each case counts the requests the shared fake got.
			before := len(api.sent())
			_, c, err := FetchRawFromPostmanAPI(context.Background(), api.Client(), tt.base, tt.uid, tt.key)
			sent := api.sent()[before:]
			assert.Len(t, sent, tt.wantSent)
			for _, r := range sent {
				assert.NotContains(t, r.URL.String(), testKey, "the key travels in the header only")
			}
			if tt.wantErr == nil {
				require.NoError(t, err)
				assert.Equal(t, "Link Fixture: Get a Token", c.Info.Name)
				require.Len(t, c.Items, 1)
				assert.Equal(t, "Get a worker token", c.Items[0].Name)
				assert.Equal(t, strings.TrimRight(tt.base, "/")+"/collections/"+tt.uid, c.Source)
				require.Len(t, sent, 1)
				assert.Equal(t, testKey, sent[0].Header.Get("X-Api-Key"))
				assert.Equal(t, "application/json", sent[0].Header.Get("Accept"))
				return
			}
			require.Error(t, err)
			for _, w := range tt.wantErr {
				assert.Contains(t, err.Error(), w)
			}
			assert.NotContains(t, err.Error(), testKey)
			if tt.key != "" {
				assert.NotContains(t, err.Error(), tt.key)
			}
			if tt.check != nil {
				tt.check(t, err)
			}
		})
	}
}

func TestFetchRawFromPostmanAPIURL(t *testing.T) {
	t.Parallel()
	api := newFakePostmanAPI(t)
	t.Run("apikey query parameter moves to the header", func(t *testing.T) {
		raw, c, err := FetchRawFromPostmanAPIURL(context.Background(), api.Client(),
			api.URL+"/collections/"+testUID+"?apikey="+testKey, "")
		require.NoError(t, err)
		assert.Equal(t, "Link Fixture: Get a Token", c.Info.Name)
		assert.Equal(t, api.URL+"/collections/"+testUID, c.Source)
		// The raw JSON is the collection as served, unwrapped.
		var doc struct {
			Info struct {
				ExporterID string `json:"_exporter_id"`
			} `json:"info"`
		}
		require.NoError(t, json.Unmarshal(raw, &doc))
		assert.Equal(t, "18568624", doc.Info.ExporterID)
		last := api.sent()[len(api.sent())-1]
		assert.Empty(t, last.URL.RawQuery)
		assert.Equal(t, testKey, last.Header.Get("X-Api-Key"))
	})
	t.Run("apikey in the url wins over the flag, as in Newman", func(t *testing.T) {
		_, _, err := FetchRawFromPostmanAPIURL(context.Background(), api.Client(),
			api.URL+"/collections/"+testUID+"?apikey="+testKey, "PMAK-flag-key")
		require.NoError(t, err)
	})
	t.Run("a wrong apikey in the url is not printed", func(t *testing.T) {
		const wrong = "PMAK-wrong-in-url-0000"
		_, _, err := FetchRawFromPostmanAPIURL(context.Background(), api.Client(),
			api.URL+"/collections/"+testUID+"?apikey="+wrong, "")
		require.Error(t, err)
		assert.Contains(t, err.Error(), "AuthenticationError")
		assert.NotContains(t, err.Error(), wrong)
	})
	t.Run("collection access key", func(t *testing.T) {
		_, c, err := FetchRawFromPostmanAPIURL(context.Background(), api.Client(),
			api.URL+"/collections/"+testUID+"?access_key="+testAccessKey, "")
		require.NoError(t, err)
		assert.NotContains(t, c.Source, testAccessKey)
		assert.Contains(t, c.Source, "access_key=***")
		last := api.sent()[len(api.sent())-1]
		assert.Empty(t, last.Header.Get("X-Api-Key"))
	})
	t.Run("a wrong access key is not printed", func(t *testing.T) {
		const wrong = "PMAT-WRONG-ACCESS-KEY"
		_, _, err := FetchRawFromPostmanAPIURL(context.Background(), api.Client(),
			api.URL+"/collections/"+testUID+"?access_key="+wrong, "")
		require.Error(t, err)
		assert.Contains(t, err.Error(), "access_key=***")
		assert.NotContains(t, err.Error(), wrong)
	})
	t.Run("unreachable host does not print the access key", func(t *testing.T) {
		_, _, err := FetchRawFromPostmanAPIURL(context.Background(), api.Client(),
			"http://127.0.0.1:1/collections/"+testUID+"?access_key="+testAccessKey, "")
		require.Error(t, err)
		assert.NotContains(t, err.Error(), testAccessKey)
	})
}

// A redirect to another host must not carry the key along (net/http only
// strips Authorization and Cookie); one on the same host keeps it.
func TestGetPostmanAPI_RedirectKeepsKeyOnHost(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	got := map[string]string{}
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got["other"] = r.Header.Get("X-Api-Key")
		mu.Unlock()
		fmt.Fprint(w, `{}`)
	}))
	defer other.Close()
	var self *httptest.Server
	self = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/away":
			http.Redirect(w, r, other.URL+"/landed", http.StatusFound)
		case "/stay":
			http.Redirect(w, r, self.URL+"/here", http.StatusFound)
		case "/here":
			mu.Lock()
			got["self"] = r.Header.Get("X-Api-Key")
			mu.Unlock()
			fmt.Fprint(w, `{}`)
		}
	}))
	defer self.Close()
	_, err := GetPostmanAPI(context.Background(), nil, self.URL+"/away", testKey)
	require.NoError(t, err)
	_, err = GetPostmanAPI(context.Background(), nil, self.URL+"/stay", testKey)
	require.NoError(t, err)
	mu.Lock()
	defer mu.Unlock()
	assert.Empty(t, got["other"], "key leaked to another host")
	assert.Equal(t, testKey, got["self"])
}

func TestGetPostmanAPI_Canceled(t *testing.T) {
	t.Parallel()
	api := newFakePostmanAPI(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := GetPostmanAPI(ctx, api.Client(), api.URL+"/collections/"+testUID, testKey)
	require.Error(t, err)
	assert.True(t, errors.Is(err, context.Canceled), err.Error())
}

func TestIsPostmanUID(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		testUID:                  true,
		strings.ToUpper(testUID): true,
		"abc123-4e4e5063-6ad7-4895-805e-ada77358488c":    true,
		"4e4e5063-6ad7-4895-805e-ada77358488c":           false, // an id, not a uid
		"18568624-4e4e5063-6ad7-4895-805e-ada77358488":   false,
		"18568624-4e4e5063-6ad7-4895-805e-ada77358488cc": false,
		"0123abcd4567": false,
		"":             false,
		"x/" + testUID: false,
	} {
		assert.Equal(t, want, IsPostmanUID(s), s)
	}
}

func TestRedactPostmanURL(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"https://api.getpostman.com/collections/x?apikey=PMAK-1":             "https://api.getpostman.com/collections/x?apikey=***",
		"https://api.getpostman.com/collections/x?access_key=PMAT-1&other=1": "https://api.getpostman.com/collections/x?access_key=***&other=1",
		"https://api.getpostman.com/collections/x?APIKEY=PMAK-1":             "https://api.getpostman.com/collections/x?APIKEY=***",
		"https://api.getpostman.com/collections/x":                           "https://api.getpostman.com/collections/x",
		"https://api.getpostman.com/collections/x?other=1":                   "https://api.getpostman.com/collections/x?other=1",
		"http://bad host/x?apikey=PMAK-1":                                    "http://bad host/x?***",
	}
	for in, want := range tests {
		assert.Equal(t, want, RedactPostmanURL(in), in)
	}
}

func TestIsPostmanAPIHost(t *testing.T) {
	t.Parallel()
	for h, want := range map[string]bool{
		"api.postman.com": true, "API.GetPostman.com": true, "api.getpostman.com:443": true,
		"api.eu.postman.com": true, "www.postman.com": false, "god.gw.postman.com": false, "127.0.0.1:8080": false,
	} {
		assert.Equal(t, want, IsPostmanAPIHost(h), h)
	}
}
