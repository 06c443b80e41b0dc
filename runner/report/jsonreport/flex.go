package jsonreport

import (
	"bytes"
	"encoding/json"
	"strings"
)

// Newman's reports hold the collection as postman-collection writes it
// (URLs as objects, a script as one string or lines, typed variable
// values), so the fields below read every form and write courier's.

// asString reads p as a JSON string; ok is false when p is another kind of
// value (the caller reads that form itself).
func asString(p []byte) (s string, ok bool, err error) {
	p = bytes.TrimSpace(p)
	if len(p) == 0 || p[0] != '"' {
		return "", false, nil
	}
	err = json.Unmarshal(p, &s)
	return s, true, err
}

// Text is a value written as a JSON string; it reads a number, boolean or
// object as its JSON text and null as "".
type Text string

func (t *Text) UnmarshalJSON(p []byte) error {
	if s, ok, err := asString(p); ok {
		*t = Text(s)
		return err
	}
	p = bytes.TrimSpace(p)
	switch {
	case string(p) == "null":
		*t = ""
	default:
		var buf bytes.Buffer
		if err := json.Compact(&buf, p); err != nil {
			return err
		}
		*t = Text(buf.String())
	}
	return nil
}

// UnmarshalJSON reads a URL object, or a URL as one string.
func (u *URL) UnmarshalJSON(p []byte) error {
	if s, ok, err := asString(p); ok {
		*u = URL{Raw: s}
		return err
	}
	type plain URL
	var x plain
	if err := json.Unmarshal(p, &x); err != nil {
		return err
	}
	*u = URL(x)
	return nil
}

// String is the URL's raw text, or its parts put back together as Postman
// shows them: the query as sent, a key without "=" kept bare, disabled
// parameters left out.
func (u URL) String() string {
	if u.Raw != "" {
		return u.Raw
	}
	var b strings.Builder
	if u.Protocol != "" {
		b.WriteString(u.Protocol + "://")
	}
	b.WriteString(strings.Join(u.Host, "."))
	if u.Port != "" {
		b.WriteString(":" + u.Port)
	}
	if len(u.Path) > 0 {
		b.WriteString("/" + strings.Join(u.Path, "/"))
	}
	sep := "?"
	for _, q := range u.Query {
		if q.Disabled.On {
			continue
		}
		b.WriteString(sep + q.Key)
		sep = "&"
		if q.Value != nil {
			b.WriteString("=" + *q.Value)
		}
	}
	if u.Hash != nil {
		b.WriteString("#" + *u.Hash)
	}
	return b.String()
}

// UnmarshalJSON reads a query parameter whose key or value is a number or
// boolean (as its JSON text); a null or missing value stays nil (a key
// sent without "=").
func (q *Query) UnmarshalJSON(p []byte) error {
	var x struct {
		Key      Text            `json:"key"`
		Value    json.RawMessage `json:"value"`
		Disabled bool            `json:"disabled"`
	}
	if err := json.Unmarshal(p, &x); err != nil {
		return err
	}
	*q = Query{Key: string(x.Key), Disabled: Flag{On: x.Disabled}}
	if v := bytes.TrimSpace(x.Value); len(v) > 0 && string(v) != "null" {
		var t Text
		if err := t.UnmarshalJSON(v); err != nil {
			return err
		}
		s := string(t)
		q.Value = &s
	}
	return nil
}

// UnmarshalJSON reads a request given as a URL string (a GET, as the
// collection format allows) or as an object.
func (r *ItemRequest) UnmarshalJSON(p []byte) error {
	if s, ok, err := asString(p); ok {
		*r = ItemRequest{Method: "GET", URL: URL{Raw: s}}
		return err
	}
	type plain ItemRequest
	var x plain
	if err := json.Unmarshal(p, &x); err != nil {
		return err
	}
	*r = ItemRequest(x)
	return nil
}

// Lines is a script's source as lines; it reads one string too.
type Lines []string

func (l *Lines) UnmarshalJSON(p []byte) error {
	if s, ok, err := asString(p); ok {
		*l = strings.Split(s, "\n")
		return err
	}
	var ss []string
	if err := json.Unmarshal(p, &ss); err != nil {
		return err
	}
	*l = ss
	return nil
}

// UnmarshalJSON reads a value without "enabled" (Newman's) as enabled,
// and one without "value" as set to undefined.
func (v *ScopeValue) UnmarshalJSON(p []byte) error {
	type plain ScopeValue
	x := plain{Enabled: true}
	if err := json.Unmarshal(p, &x); err != nil {
		return err
	}
	var has struct {
		Value *json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(p, &has); err != nil {
		return err
	}
	x.NoValue = has.Value == nil
	*v = ScopeValue(x)
	return nil
}
