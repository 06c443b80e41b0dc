package collections

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestRequestProxy: a request's proxy object is read as
// postman-collection's ProxyConfig.update reads it (strings and booleans
// only, the port as written) and written back as it was by Save.
func TestRequestProxy(t *testing.T) {
	t.Parallel()
	src := `{"info": {"name": "p", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"item": [{"name": "a", "request": {"method": "GET", "url": "http://x.test/",
  "proxy": {"host": "p.test", "port": 3128, "tunnel": true, "authenticate": "yes", "username": 5, "password": "pw", "match": "http://*/*", "disabled": true}}},
 {"name": "b", "request": {"method": "GET", "url": "http://x.test/", "proxy": "p.test"}}]}`
	c, err := LoadBytes([]byte(src), "c.json")
	if err != nil {
		t.Fatal(err)
	}
	p := c.Items[0].Request.Proxy
	if p == nil || p.Host != "p.test" || p.Port != "3128" || !p.Tunnel || p.Authenticate || p.Username != "" || p.Password != "pw" {
		t.Fatalf("proxy = %+v", p)
	}
	if c.Items[1].Request.Proxy != nil {
		t.Fatalf("a proxy that is no object: %+v", c.Items[1].Request.Proxy)
	}
	var buf bytes.Buffer
	if err := Save(&buf, c); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Item []struct {
			Request struct{ Proxy map[string]any }
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if px := got.Item[0].Request.Proxy; px["match"] != "http://*/*" || px["disabled"] != true || px["port"] != 3128.0 {
		t.Fatalf("saved proxy = %v", px)
	}
}

// TestProxyURL: ProxyConfig.getProxyUrl's text, as Newman 6.2.2's scripts
// read it (fresh-round12n-i.json, fresh-round13n-a.json): credentials in
// encodeURIComponent form only with authenticate, the host name, the port
// as `x >> 0` reads it (8080 for 0).
func TestProxyURL(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   Proxy
		want string
	}{
		{Proxy{Host: "p.example", Port: "3128"}, "http://p.example:3128"},
		{Proxy{Host: "https://u@p.example:99/x", Port: "x"}, "http://p.example:8080"},
		{Proxy{Host: "p", Port: "1", Username: "u", Password: "p"}, "http://p:1"},
		{Proxy{Host: "p", Port: "1", Authenticate: true, Username: "us er@x", Password: "p:w/é%41"}, "http://us%20er%40x:p%3Aw%2F%C3%A9%2541@p:1"},
		{Proxy{Host: "p", Port: "1", Authenticate: true, Username: "u"}, "http://u@p:1"},
		{Proxy{Host: "p", Port: "1", Authenticate: true, Password: "x"}, "http://:x@p:1"},
		{Proxy{Host: "p", Port: "1", Authenticate: true}, "http://p:1"},
		{Proxy{Host: "{{h}}", Port: "{{p}}"}, "http://{{h}}:8080"},
	} {
		if got := c.in.URL(); got != c.want {
			t.Errorf("%+v: %s, want %s", c.in, got, c.want)
		}
	}
}
