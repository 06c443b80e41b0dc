package htmlreport

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// The Newman JSON report as read here: only what the page shows, and
// tolerant of both Newman's and courier's spellings (a URL as an object or
// a string, a body in any mode, fields missing).

type inCursor struct {
	Position  int    `json:"position"`
	Iteration int    `json:"iteration"`
	Ref       string `json:"ref"`
}

type inRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type inKV struct {
	Key      string          `json:"key"`
	Value    json.RawMessage `json:"value"`
	Src      json.RawMessage `json:"src"`
	Type     string          `json:"type"`
	Disabled bool            `json:"disabled"`
}

// value is the pair's value as text; a null or missing value is "" and a
// number or boolean keeps its JSON spelling.
func (kv inKV) value() string { return rawText(kv.Value) }

func rawText(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

// inURL is postman-collection's Url, or a plain string.
type inURL struct {
	Raw      string
	Protocol string          `json:"protocol"`
	Auth     json.RawMessage `json:"auth"`
	Host     []string        `json:"host"`
	Port     string          `json:"port"`
	Path     []string        `json:"path"`
	Query    []inKV          `json:"query"`
	Hash     string          `json:"hash"`
}

func (u *inURL) UnmarshalJSON(p []byte) error {
	p = bytes.TrimSpace(p)
	if len(p) > 0 && p[0] == '"' {
		return json.Unmarshal(p, &u.Raw)
	}
	type plain inURL
	var v plain
	if err := json.Unmarshal(p, &v); err != nil {
		return err
	}
	*u = inURL(v)
	return nil
}

// String puts the URL back together as Postman shows it: the query as
// sent (encoded), a key without "=" kept bare.
func (u inURL) String() string {
	if u.Raw != "" {
		return u.Raw
	}
	var b bytes.Buffer
	if u.Protocol != "" {
		b.WriteString(u.Protocol + "://")
	}
	for i, h := range u.Host {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(h)
	}
	if u.Port != "" {
		b.WriteString(":" + u.Port)
	}
	for _, p := range u.Path {
		b.WriteString("/" + p)
	}
	sep := "?"
	for _, q := range u.Query {
		if q.Disabled {
			continue
		}
		b.WriteString(sep + q.Key)
		sep = "&"
		if len(q.Value) > 0 && string(q.Value) != "null" {
			b.WriteString("=" + q.value())
		}
	}
	if u.Hash != "" {
		b.WriteString("#" + u.Hash)
	}
	return b.String()
}

type inBody struct {
	Mode       string          `json:"mode"`
	Raw        string          `json:"raw"`
	URLEncoded []inKV          `json:"urlencoded"`
	FormData   []inKV          `json:"formdata"`
	File       json.RawMessage `json:"file"`
	GraphQL    json.RawMessage `json:"graphql"`
}

type inRequest struct {
	URL    inURL   `json:"url"`
	Method string  `json:"method"`
	Header []inKV  `json:"header"`
	Body   *inBody `json:"body"`
}

// byteArray reads a Node Buffer's JSON form, an array of byte values,
// without going through []int (a 10,000-request report holds millions).
type byteArray []byte

func (b *byteArray) UnmarshalJSON(p []byte) error {
	p = bytes.TrimSpace(p)
	if string(p) == "null" {
		*b = nil
		return nil
	}
	if len(p) < 2 || p[0] != '[' || p[len(p)-1] != ']' {
		return fmt.Errorf("a response body must be an array of byte values")
	}
	out := make([]byte, 0, len(p)/3)
	n, digits := 0, 0
	for _, c := range p[1:] {
		switch {
		case c >= '0' && c <= '9':
			n = n*10 + int(c-'0')
			digits++
			if n > 255 {
				return fmt.Errorf("a response body byte is out of range (over 255)")
			}
		case c == ',' || c == ']':
			if digits == 0 {
				if c == ']' && len(out) == 0 {
					continue // []
				}
				return fmt.Errorf("a response body array has an empty element")
			}
			out = append(out, byte(n))
			n, digits = 0, 0
		case c == ' ' || c == '\n' || c == '\r' || c == '\t':
		default:
			return fmt.Errorf("a response body array holds %q, not a byte value", c)
		}
	}
	*b = out
	return nil
}

type inStream struct {
	Data byteArray `json:"data"`
}

type inResponse struct {
	Status       string   `json:"status"`
	Code         int      `json:"code"`
	Header       []inKV   `json:"header"`
	Stream       inStream `json:"stream"`
	ResponseTime float64  `json:"responseTime"`
	ResponseSize int      `json:"responseSize"`
}

type inError struct {
	Name    string `json:"name"`
	Type    string `json:"type"`
	Test    string `json:"test"`
	Message string `json:"message"`
	Code    string `json:"code"`
	Syscall string `json:"syscall"`
	Address string `json:"address"`
	Port    *int   `json:"port"`
}

type inAssertion struct {
	Assertion string   `json:"assertion"`
	Skipped   bool     `json:"skipped"`
	Error     *inError `json:"error"`
}

type inScriptResult struct {
	Error *inError `json:"error"`
}

// inConsole is courier's extension to the report: the console lines each
// execution's scripts printed.
type inConsole struct {
	Level   string `json:"level"`
	Message string `json:"message"`
}

type inExecution struct {
	Cursor           inCursor         `json:"cursor"`
	Item             inRef            `json:"item"`
	Request          *inRequest       `json:"request"`
	Response         *inResponse      `json:"response"`
	Assertions       []inAssertion    `json:"assertions"`
	TestScript       []inScriptResult `json:"testScript"`
	PrerequestScript []inScriptResult `json:"prerequestScript"`
	RequestError     *inError         `json:"requestError"`
	Skipped          bool             `json:"skipped"`
	Console          []inConsole      `json:"console"`
}

type inFailure struct {
	Error  inError  `json:"error"`
	At     string   `json:"at"`
	Source *inRef   `json:"source"`
	Parent *inRef   `json:"parent"`
	Cursor inCursor `json:"cursor"`
}

type inStat struct {
	Total   int `json:"total"`
	Pending int `json:"pending"`
	Failed  int `json:"failed"`
}

type inTimings struct {
	ResponseAverage float64 `json:"responseAverage"`
	ResponseMin     float64 `json:"responseMin"`
	ResponseMax     float64 `json:"responseMax"`
	ResponseSd      float64 `json:"responseSd"`
	Started         float64 `json:"started"`
	Completed       float64 `json:"completed"`
}

type inItem struct {
	ID      string          `json:"id"`
	Name    string          `json:"name"`
	Item    []inItem        `json:"item"`
	Request json.RawMessage `json:"request"`
}

type inCollection struct {
	Info struct {
		Name string `json:"name"`
	} `json:"info"`
	Item []inItem `json:"item"`
}

type inScope struct {
	Name string `json:"name"`
}
