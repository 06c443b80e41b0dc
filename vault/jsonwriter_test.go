package vault

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var testScalars = JSONScalars{
	Keep:  map[string]bool{"responseSize": true, "code": true, "disabled": true, "data": true, "started": true},
	Data:  map[string]bool{"value": true},
	Bytes: map[string]bool{"data": true},
}

// jsonRedact writes in through a JSONWriter, every byte on its own when
// bytewise is set (a secret split over writes), and returns the output.
func jsonRedact(t *testing.T, r *Redactor, in string, bytewise bool) string {
	t.Helper()
	var out bytes.Buffer
	writePieces(t, r.JSONWriter(&out, testScalars), []byte(in), bytewiseOrWhole(bytewise, in))
	return out.String()
}

// TestJSONWriter: secrets inside strings are masked as everywhere else; a
// bare number or boolean a secret matches becomes the string "***" unless
// it is the writer's own (a measurement under a Keep key, not under a Data
// key), so the document stays JSON.
func TestJSONWriter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		secrets []string
		in      string
		want    string
	}{
		{"measurements are kept, data is masked", []string{"2048"},
			`{"responseSize":2048,"code":2048,"value":2048,"n":2048,"list":[1,2048,3],"s":"a 2048 b","long":20480}`,
			`{"responseSize":2048,"code":2048,"value":"***","n":"***","list":[1,"***",3],"s":"a *** b","long":20480}`},
		{"a kept key under a data key is data", []string{"2048"},
			`{"value":{"responseSize":2048,"code":[2048]},"header":[{"key":"k","value":[2048,{"data":2048}]}]}`,
			`{"value":{"responseSize":"***","code":["***"]},"header":[{"key":"k","value":["***",{"data":"***"}]}]}`},
		{"the elements of a kept array", []string{"123"},
			`{"stream":{"type":"Buffer","data":[123,34,123]},"other":[123]}`,
			`{"stream":{"type":"Buffer","data":[123,34,123]},"other":["***"]}`},
		{"booleans and null", []string{"true", "null"},
			`{"disabled":true,"value":true,"x":[true,false,null],"s":"true"}`,
			`{"disabled":true,"value":"***","x":["***",false,"***"],"s":"***"}`},
		{"negative and fractional numbers", []string{"2048"},
			`{"a":-2048,"b":1.2048,"c":2048.5,"d":2e3,"started":-2048}`,
			`{"a":"***","b":"***","c":"***","d":2e3,"started":-2048}`},
		{"keys are masked, and looked up as written", []string{"responseSize", "Zq9secretKey"},
			`{"responseSize":7,"Zq9secretKey":1}`, `{"***":7,"***":1}`},
		{"a mask never splits an escape sequence", []string{"nabc", "u00e9zz"},
			`{"s":"x\nabc","t":"\u00e9zz!"}`, `{"s":"x***","t":"***!"}`},
		{"a secret ending in a backslash", []string{`abc\`}, `{"s":"abc\\","t":"xabc\\\""}`, `{"s":"***","t":"x***\""}`},
		{"escaped forms", []string{`p"a<s>s`}, `{"v":"p\"a\u003cs\u003es","w":"p\"a<s>s"}`, `{"v":"***","w":"***"}`},
		{"top-level scalar", []string{"2048"}, `2048`, `"***"`},
		{"not JSON is masked as text", []string{"2048"}, `{"a":1} plain 2048 words`, `{"a":1} plain *** words`},
		{"not JSON mid-string", []string{"s3cret"}, `{"a":1}]s3cret "s3cret`, `{"a":1}]*** "***`},
		{"no secrets", nil, `{"responseSize":2048}`, `{"responseSize":2048}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := NewRedactor()
			r.Add(tt.secrets...)
			assert.Equal(t, tt.want, jsonRedact(t, r, tt.in, false))
			assert.Equal(t, tt.want, jsonRedact(t, r, tt.in, true), "written a byte at a time")
		})
	}
}

// TestJSONWriterLongString: a string longer than the writer holds is
// written in parts; a secret across the boundary, escaped or not, is still
// masked and the output is JSON.
func TestJSONWriterLongString(t *testing.T) {
	t.Parallel()
	const secret = `Lng"Secret\Value77`
	r := NewRedactor()
	r.Add(secret)
	for _, at := range []int{maxStringHold - 30, maxStringHold - 5, maxStringHold, maxStringHold + 3, 3 * maxStringHold} {
		s := strings.Repeat("x", at) + secret + strings.Repeat("é\n", 100) + secret
		in, err := json.Marshal(map[string]any{"body": s, "size": 2048})
		require.NoError(t, err)
		for _, bytewise := range []bool{false, true} {
			if bytewise && at > maxStringHold {
				continue // slow, and the same path as the one below it
			}
			out := jsonRedact(t, r, string(in), bytewise)
			var v map[string]any
			require.NoError(t, json.Unmarshal([]byte(out), &v), "at %d", at)
			assert.Equal(t, strings.Repeat("x", at)+Mask+strings.Repeat("é\n", 100)+Mask, v["body"], "at %d", at)
		}
	}
}

// TestJSONWriterStaysJSON: random documents holding secrets in every
// place and form, written in random pieces, come out as JSON with no
// secret left, and with the kept measurements as they were.
func TestJSONWriterStaysJSON(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(13, 14))
	secrets := []string{"2048", "true", `q"<&>'\n%`, "tok\\u00e9n", "n\\abc"}
	r := NewRedactor()
	r.Add(secrets...)
	var value func(depth int) any
	value = func(depth int) any {
		switch rng.IntN(9) {
		case 0:
			return 2048
		case 1:
			return rng.IntN(3000)
		case 2:
			return rng.IntN(2) == 0
		case 3:
			return nil
		case 4, 5:
			s := secrets[rng.IntN(len(secrets))]
			return fmt.Sprintf("%s%s%s", []string{"", "\n", "\\", `"`, "x"}[rng.IntN(5)], s, []string{"", "\t", "\\", "é"}[rng.IntN(4)])
		default:
			if depth > 3 {
				return "leaf"
			}
			if rng.IntN(2) == 0 {
				var a []any
				for range rng.IntN(4) {
					a = append(a, value(depth+1))
				}
				return a
			}
			m := map[string]any{}
			for range rng.IntN(5) {
				k := []string{"value", "responseSize", "code", "data", "k", secrets[rng.IntN(len(secrets))]}[rng.IntN(6)]
				m[k] = value(depth + 1)
			}
			return m
		}
	}
	for i := range 300 {
		doc, err := json.Marshal(map[string]any{"responseSize": 2048, "doc": value(0)})
		require.NoError(t, err)
		var out bytes.Buffer
		writePieces(t, r.JSONWriter(&out, testScalars), doc, func() int { return 1 + rng.IntN(9) })
		var got map[string]any
		require.NoError(t, json.Unmarshal(out.Bytes(), &got), "doc %d: %s\nout: %s", i, doc, out.String())
		assert.Equal(t, 2048.0, got["responseSize"], "doc %d", i)
		var walk func(v any, key string, inData bool)
		walk = func(v any, key string, inData bool) {
			kept := !inData && !testScalars.Data[key] && testScalars.Keep[key]
			switch v := v.(type) {
			case string:
				for _, s := range secrets {
					assert.NotContains(t, v, s, "doc %d", i)
				}
			case float64:
				if !kept {
					assert.NotEqual(t, 2048.0, v, "doc %d: a bare secret under %q\n%s", i, key, out.String())
				}
			case bool:
				if !kept {
					assert.False(t, v, "doc %d: true is a secret (under %q)", i, key)
				}
			case []any:
				for _, e := range v {
					walk(e, key, inData || testScalars.Data[key])
				}
			case map[string]any:
				for k, e := range v {
					walk(k, "", true)
					walk(e, k, inData || testScalars.Data[key])
				}
			}
		}
		walk(got["doc"], "doc", false)
		assert.True(t, utf8.Valid(out.Bytes()))
	}
}

// TestJSONWriterSecondDocument: output after a whole document is not JSON
// (the writer wraps one document) and is masked as text.
func TestJSONWriterSecondDocument(t *testing.T) {
	t.Parallel()
	r := NewRedactor()
	r.Add("2048", "s3cret")
	for _, in := range []string{`{"a":1}"s3cret 2048"`, `{"a":1} {"b":2048}`, `"x" 2048`} {
		got := jsonRedact(t, r, in, false)
		assert.NotContains(t, got, "s3cret", in)
		assert.NotContains(t, got, "2048", in)
		assert.Equal(t, got, jsonRedact(t, r, in, true), in)
	}
}

// FuzzJSONWriter: whatever is written, in whatever pieces, no secret
// comes out as written, and valid JSON stays valid JSON.
func FuzzJSONWriter(f *testing.F) {
	f.Add(`{"responseSize":2048,"value":[2048,"a 2048"],"s":"x\nabc\u00e9"}`, "2048", uint8(3))
	f.Add(`{"a":"q\"<&>'x","b":true}`, `q"<&>'x`, uint8(1))
	f.Add(`[1,2,{"data":[123,34]}] trailing`, "trailing", uint8(7))
	f.Add(`{"data":[76,101,97,114,110,101,100,45,88,"s",[1],300,7]}`, "Learned-X", uint8(2))
	f.Fuzz(func(t *testing.T, doc, secret string, chunk uint8) {
		if !fuzzable(secret, doc) {
			return
		}
		r := NewRedactor()
		r.Add(secret)
		var out bytes.Buffer
		writePieces(t, r.JSONWriter(&out, testScalars), []byte(doc), pieceSize(int(chunk%16)+1))
		if json.Valid([]byte(doc)) {
			if !json.Valid(out.Bytes()) {
				t.Fatalf("valid JSON in, invalid out:\n%s\n%s", doc, out.String())
			}
			if allDigits(secret) {
				return // a number inside a longer one is kept (TestRedactNumericSecret)
			}
			// No string or key holds the secret once decoded.
			dec := json.NewDecoder(bytes.NewReader(out.Bytes()))
			for {
				tok, err := dec.Token()
				if err != nil {
					break
				}
				if s, ok := tok.(string); ok && strings.Contains(s, secret) {
					t.Fatalf("a string holds the secret %q: %q", secret, s)
				}
			}
			return
		}
		// Not JSON: masked as text from where that shows. A secret made of
		// JSON's structure or spaces can span tokens of the part read as
		// JSON, and a number may be a kept measurement there.
		if strings.ContainsAny(secret, "{}[],:\" \t\r\n") || strings.Trim(secret, "0123456789.-+eE") == "" {
			return
		}
		if strings.Contains(out.String(), secret) {
			t.Fatalf("the secret %q is in the output:\n%s", secret, out.String())
		}
	})
}

// TestJSONWriterMasksBufferBytes: the arrays under a Bytes key are a body's
// bytes (the JSON report's request and response streams). They are masked
// as RedactBytes masks a body, the second net for a secret the run learned
// only after the event that carried it was masked (a script stores a token
// from a response in a secret variable): the report is written at the
// end. A body with no secret, or an array that is not bytes, is written
// as it came.
func TestJSONWriterMasksBufferBytes(t *testing.T) {
	t.Parallel()
	sc := testScalars
	list := func(s string) string {
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprint(&b, s[i])
		}
		return b.String()
	}
	r := NewRedactor()
	r.Add("Learned-Token-7Qx9")
	for _, tt := range []struct{ name, in, want string }{
		{"a secret in a body's bytes", `{"stream":{"type":"Buffer","data":[` + list(`{"t":"Learned-Token-7Qx9"}`) + `]},"n":1}`,
			`{"stream":{"type":"Buffer","data":[` + list(`{"t":"***"}`) + `]},"n":1}`},
		{"none", `{"stream":{"type":"Buffer","data":[` + list("nothing here") + `]}}`, `{"stream":{"type":"Buffer","data":[` + list("nothing here") + `]}}`},
		{"empty", `{"data":[],"x":[1]}`, `{"data":[],"x":[1]}`},
		{"not bytes", `{"data":[1,300,"Learned-Token-7Qx9",{"a":2}],"z":0}`, `{"data":[1,300,"***",{"a":2}],"z":0}`},
		{"under a data key", `{"value":{"data":[` + list("Learned-Token-7Qx9") + `]}}`, `{"value":{"data":[` + list("Learned-Token-7Qx9") + `]}}`},
	} {
		for _, bytewise := range []bool{false, true} {
			var out bytes.Buffer
			writePieces(t, r.JSONWriter(&out, sc), []byte(tt.in), bytewiseOrWhole(bytewise, tt.in))
			assert.Equal(t, tt.want, out.String(), "%s (bytewise %v)", tt.name, bytewise)
			assert.True(t, json.Valid(out.Bytes()), tt.name)
		}
	}
}
