package runner

import (
	"encoding/json"
	"fmt"
	"os"
	"time"
)

// toughJar is the tough-cookie serialization Newman reads and writes for
// --cookie-jar and --export-cookie-jar.
type toughJar struct {
	Version              string        `json:"version"`
	StoreType            string        `json:"storeType"`
	RejectPublicSuffixes bool          `json:"rejectPublicSuffixes"`
	Cookies              []toughCookie `json:"cookies"`
}

type toughCookie struct {
	Key          string  `json:"key"`
	Value        string  `json:"value"`
	Expires      string  `json:"expires,omitempty"`
	MaxAge       any     `json:"maxAge,omitempty"`
	Domain       string  `json:"domain"`
	Path         string  `json:"path"`
	Secure       bool    `json:"secure,omitempty"`
	HTTPOnly     bool    `json:"httpOnly,omitempty"`
	HostOnly     bool    `json:"hostOnly,omitempty"`
	SameSite     string  `json:"sameSite,omitempty"`
	Creation     string  `json:"creation,omitempty"`
	LastAccessed string  `json:"lastAccessed,omitempty"`
	CreationIdx  float64 `json:"creationIndex,omitempty"`
}

// LoadJarFile adds the cookies of a tough-cookie JSON file to jar.
func LoadJarFile(jar *Jar, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("loading cookie jar: %w", err)
	}
	var tj toughJar
	if err := json.Unmarshal(data, &tj); err != nil {
		return fmt.Errorf("loading cookie jar %s: expected tough-cookie JSON ({\"cookies\": [...]}): %w", path, err)
	}
	for _, c := range tj.Cookies {
		sc := StoredCookie{
			Name: c.Key, Value: c.Value, Domain: c.Domain, Path: c.Path,
			Secure: c.Secure, HTTPOnly: c.HTTPOnly, HostOnly: c.HostOnly, SameSite: c.SameSite,
		}
		if c.Expires != "" && c.Expires != "Infinity" {
			if t, err := time.Parse(time.RFC3339Nano, c.Expires); err == nil {
				sc.Expires = t
			}
		}
		if c.Creation != "" {
			if t, err := time.Parse(time.RFC3339Nano, c.Creation); err == nil {
				sc.Created = t
			}
		}
		jar.Put(sc)
	}
	return nil
}

// MarshalJarExcept renders the jar as tough-cookie JSON, leaving out the
// cookies skip says to (nil skips none): an export leaves out cookies
// holding a secret.
func MarshalJarExcept(jar *Jar, skip func(name, value string) bool) ([]byte, error) {
	tj := toughJar{Version: "tough-cookie@4.1.3", StoreType: "MemoryCookieStore", RejectPublicSuffixes: true, Cookies: []toughCookie{}}
	for _, c := range jar.Stored() {
		if skip != nil && skip(c.Name, c.Value) {
			continue
		}
		tc := toughCookie{
			Key: c.Name, Value: c.Value, Domain: c.Domain, Path: c.Path,
			Secure: c.Secure, HTTPOnly: c.HTTPOnly, HostOnly: c.HostOnly, SameSite: c.SameSite,
			Creation: c.Created.UTC().Format("2006-01-02T15:04:05.000Z"),
		}
		if !c.Expires.IsZero() {
			tc.Expires = c.Expires.UTC().Format("2006-01-02T15:04:05.000Z")
		}
		tj.Cookies = append(tj.Cookies, tc)
	}
	return json.MarshalIndent(tj, "", "  ")
}
