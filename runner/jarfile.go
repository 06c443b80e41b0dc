package runner

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"time"
)

// toughJar is the tough-cookie serialization Newman reads and writes for
// --cookie-jar and --export-cookie-jar, with the jar options
// postman-request's jar has (loose mode, public suffixes accepted): a jar
// courier exports makes the same jar when Newman reads it back.
type toughJar struct {
	Version               string        `json:"version"`
	StoreType             string        `json:"storeType"`
	RejectPublicSuffixes  bool          `json:"rejectPublicSuffixes"`
	EnableLooseMode       bool          `json:"enableLooseMode"`
	AllowSpecialUseDomain bool          `json:"allowSpecialUseDomain"`
	PrefixSecurity        string        `json:"prefixSecurity"`
	Cookies               []toughCookie `json:"cookies"`
}

// toughCookie is one cookie in tough-cookie's key order; members at
// tough-cookie's defaults are left out, as its toJSON leaves them out.
type toughCookie struct {
	Key           string   `json:"key"`
	Value         string   `json:"value"`
	Expires       string   `json:"expires,omitempty"`
	MaxAge        any      `json:"maxAge,omitempty"`
	Domain        string   `json:"domain"`
	Path          string   `json:"path"`
	Secure        bool     `json:"secure,omitempty"`
	HTTPOnly      bool     `json:"httpOnly,omitempty"`
	Extensions    []string `json:"extensions,omitempty"`
	HostOnly      *bool    `json:"hostOnly,omitempty"`
	PathIsDefault bool     `json:"pathIsDefault,omitempty"`
	Creation      string   `json:"creation,omitempty"`
	LastAccessed  string   `json:"lastAccessed,omitempty"`
	SameSite      string   `json:"sameSite,omitempty"`
}

const jsDate = "2006-01-02T15:04:05.000Z"

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
		jar.Put(storedFromTough(c))
	}
	return nil
}

func storedFromTough(c toughCookie) StoredCookie {
	sc := StoredCookie{
		Name: c.Key, Value: c.Value, Domain: c.Domain, Path: c.Path,
		Secure: c.Secure, HTTPOnly: c.HTTPOnly, HostOnly: c.HostOnly != nil && *c.HostOnly, SameSite: c.SameSite,
		Extensions: c.Extensions, PathIsDefault: c.PathIsDefault,
		Created: parseJSDate(c.Creation), LastAccessed: parseJSDate(c.LastAccessed),
	}
	if c.Expires != "Infinity" {
		sc.Expires = parseJSDate(c.Expires)
		sc.ExpiresAttr = sc.Expires
	}
	// tough-cookie's expiry: Max-Age counts from the cookie's creation
	// and wins over Expires.
	if n, ok := c.MaxAge.(float64); ok && n == math.Trunc(n) && math.Abs(n) < 1<<53 {
		sc.MaxAge = int(n)
		switch {
		case n <= 0:
			sc.Expires = time.Unix(0, 0)
		case !sc.Created.IsZero():
			sc.Expires = sc.Created.Add(time.Duration(min(n, float64(math.MaxInt64/int64(time.Second)))) * time.Second)
		}
	}
	return sc
}

func parseJSDate(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// MarshalJarExcept renders the jar as tough-cookie JSON, leaving out the
// cookies skip says to (nil skips none): an export leaves out cookies
// holding a secret.
func MarshalJarExcept(jar *Jar, skip func(c StoredCookie) bool) ([]byte, error) {
	tj := toughJar{
		Version: "tough-cookie@4.1.3-postman.1", StoreType: "MemoryCookieStore",
		EnableLooseMode: true, AllowSpecialUseDomain: true, PrefixSecurity: "silent",
		Cookies: []toughCookie{},
	}
	for _, c := range jar.Stored() {
		if skip != nil && skip(c) {
			continue
		}
		tj.Cookies = append(tj.Cookies, toughOf(c))
	}
	return json.MarshalIndent(tj, "", "  ")
}

func toughOf(c StoredCookie) toughCookie {
	hostOnly := c.HostOnly
	tc := toughCookie{
		Key: c.Name, Value: c.Value, Domain: c.Domain, Path: c.Path,
		Secure: c.Secure, HTTPOnly: c.HTTPOnly, Extensions: c.Extensions, HostOnly: &hostOnly,
		PathIsDefault: c.PathIsDefault, SameSite: c.SameSite,
		Creation: c.Created.UTC().Format(jsDate),
	}
	if !c.LastAccessed.IsZero() {
		tc.LastAccessed = c.LastAccessed.UTC().Format(jsDate)
	}
	// The attributes as the server sent them: tough-cookie keeps Expires
	// and Max-Age apart and computes the expiry when it reads the jar.
	if !c.ExpiresAttr.IsZero() {
		tc.Expires = c.ExpiresAttr.UTC().Format(jsDate)
	}
	if c.MaxAge != 0 {
		tc.MaxAge = c.MaxAge
	}
	if c.ExpiresAttr.IsZero() && c.MaxAge == 0 && !c.Expires.IsZero() {
		tc.Expires = c.Expires.UTC().Format(jsDate) // a cookie put without its attributes
	}
	return tc
}
