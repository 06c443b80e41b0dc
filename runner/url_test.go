package runner

import (
	"math"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/courier-run/courier/collections"
)

func TestBuildWireURL(t *testing.T) {
	t.Parallel()
	str := func(s string) *string { return &s }
	tests := []struct {
		name     string
		url      collections.URL
		noEncode bool
		want     string
	}{
		{"raw only", collections.URL{Raw: "example.com/a?b=c"}, false, "http://example.com/a?b=c"},
		{"variable holds a whole URL with a query", collections.URL{Raw: "{{u}}", Host: []string{"http://h/as/resume?flowId=x"}}, false, "http://h/as/resume?flowId=x"},
		{"variable holds scheme and port", collections.URL{Host: []string{"http://127.0.0.1:8080"}, Path: []string{"get"}}, false, "http://127.0.0.1:8080/get"},
		{"path keeps ! ' ( ) * and a lone %", collections.ParseURL("http://h/!/'/(/)/*/%/%41"), false, "http://h/!/'/(/)/*/%/%41"},
		{"path encodes space quote braces", collections.ParseURL(`http://h/a b/"x"/{y}`), false, "http://h/a%20b/%22x%22/%7By%7D"},
		{"query encodes space and quote but not braces", collections.ParseURL(`http://h/?a=b c&d='{x}'`), false, "http://h/?a=b%20c&d=%27{x}%27"},
		{"param value with & and #", collections.URL{Host: []string{"h"}, Query: []collections.QueryParam{{Key: "q", Value: str("#1#")}, {Key: "x&y", Value: str("2")}}}, false, "http://h/?q=%231%23&x%26y=2"},
		{"key without value", collections.ParseURL("http://h/get?foo1&foo2"), false, "http://h/get?foo1&foo2"},
		{"empty query keeps ?", collections.ParseURL("http://h/get?"), false, "http://h/get?"},
		{"disabled params dropped", collections.URL{Host: []string{"h"}, Query: []collections.QueryParam{{Key: "a", Value: str("1"), Disabled: true}, {Key: "b", Value: str("2")}}}, false, "http://h/?b=2"},
		{"path variable", collections.URL{Host: []string{"h"}, Path: []string{"users", ":id"}, Variables: []collections.Variable{{Key: "id", Value: "42"}}}, false, "http://h/users/42"},
		{"unicode host is punycoded, path percent-encoded", collections.ParseURL("http://ünicode.example/é"), false, "http://xn--nicode-2ya.example/%C3%A9"},
		{"IPv4 shorthand", collections.ParseURL("http://127.1:4041/x"), false, "http://127.0.0.1:4041/x"},
		{"host lowercased", collections.ParseURL("HTTP://Example.COM/A"), false, "http://example.com/A"},
		{"disableUrlEncoding sends bytes as given", collections.ParseURL(`http://h/a b?c=d e`), true, "http://h/a b?c=d e"},
		{"credentials", collections.ParseURL("http://us@r:p@ss@h/"), false, "http://us%40r:p%40ss@h/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, buildWireURL(tt.url, tt.noEncode).String())
		})
	}
}

func TestWireRequestTarget(t *testing.T) {
	t.Parallel()
	for raw, want := range map[string]string{
		"http://h/a b/%/c?x=1": "/a%20b/%/c?x=1",
		"http://h//users/1":    "//users/1", // a base URL ending in "/" before "/users"
		"http://h//a%20b?":     "//a%20b?",
		"http://h":             "/",
	} {
		got := buildWireURL(collections.ParseURL(raw), false).toURL().RequestURI()
		assert.Equal(t, want, got, raw)
	}
}

// The signers' view of a wire URL is built from its parts; it must read as
// url.Parse reads the wire text, the way it was built before.
func TestWireParsedMatchesURLParse(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		raw      string
		noEncode bool
	}{
		{"http://h/a b/%41/c?x=1&y", false},
		{"https://H:8443//users/1?", false},
		{"http://u:p@127.1:4041/x/é?q=a%20b", false},
		{"http://h", false},
		{"http://h/a b/(x)?c=d e", true},
		{"http://h/%7e~/%2F?", true},
		{"http://[::1]:80/v6", false},
	} {
		w := buildWireURL(collections.ParseURL(tt.raw), tt.noEncode)
		want, err := url.Parse(w.String())
		if err != nil {
			assert.Nil(t, w.parsed(), tt.raw)
			continue
		}
		got := w.parsed()
		if assert.NotNil(t, got, tt.raw) {
			assert.Equal(t, want.EscapedPath(), got.EscapedPath(), tt.raw)
			assert.Equal(t, want.RequestURI(), got.RequestURI(), tt.raw)
			assert.Equal(t, want.Hostname(), got.Hostname(), tt.raw)
			assert.Equal(t, want.Port(), got.Port(), tt.raw)
			assert.Equal(t, want.RawQuery, got.RawQuery, tt.raw)
			assert.Equal(t, want.ForceQuery, got.ForceQuery, tt.raw)
			want.User = nil
			assert.Equal(t, want.String(), got.String(), tt.raw)
		}
	}
	assert.Nil(t, buildWireURL(collections.ParseURL("http://h/%zz"), true).parsed(), "a broken escape is not parsed")
}

func TestParseIPv4Shorthand(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"127.1": "127.0.0.1", "0x7f.1": "127.0.0.1", "2130706433": "127.0.0.1", "10.0.0.1": "10.0.0.1",
		"example.com": "", "256.1.1.1": "", "1.2.3.4.5": "", "deadbeef": "",
	} {
		got, ok := parseIPv4Shorthand(in)
		if want == "" {
			assert.False(t, ok, in)
			continue
		}
		assert.Equal(t, want, got, in)
	}
}

func TestIsDottedQuad(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]bool{
		"127.0.0.1": true, "0.0.0.0": true, "255.255.255.255": true, "10.0.0.1": true,
		"256.0.0.1": false, "127.1": false, "127.0.0.01": false, "1.2.3.4.": false, "1.2.3.4.5": false,
		"1..2.3": false, "": false, "a.b.c.d": false, "1000.1.1.1": false, "0x7f.0.0.1": false,
	} {
		assert.Equal(t, want, isDottedQuad(in), in)
		if want {
			ip, ok := parseIPv4Shorthand(in)
			assert.True(t, ok && ip == in, "a canonical quad is its own shorthand: %s", in)
		}
	}
}

func TestDurationStats(t *testing.T) {
	t.Parallel()
	var d durationStats
	for _, ms := range []int{2, 4, 4, 4, 5, 5, 7, 9} {
		d.add(time.Duration(ms) * time.Millisecond)
	}
	assert.Equal(t, 5*time.Millisecond, time.Duration(d.mean))
	assert.Equal(t, 2*time.Millisecond, d.min)
	assert.Equal(t, 9*time.Millisecond, d.max)
	assert.InDelta(t, float64(2*time.Millisecond), math.Sqrt(d.variance), 1)
}
