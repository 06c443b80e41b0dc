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
