package scripting

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/collections"
)

// TestBodyTextSingleByteCharsetsAsIconv decodes every byte in each
// single-byte charset and compares with iconv-lite's tables, as Newman's
// text() decodes (testdata/iconv-sbcs.json, made with iconv-lite 0.6.3).
func TestBodyTextSingleByteCharsetsAsIconv(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/iconv-sbcs.json")
	require.NoError(t, err)
	var rec struct{ Decode map[string][]rune }
	require.NoError(t, json.Unmarshal(data, &rec))
	require.Len(t, rec.Decode, 40)
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	for name, want := range rec.Decode {
		h := []collections.Header{{Key: "Content-Type", Value: "text/plain; charset=" + name}}
		assert.Equal(t, string(want), BodyText(all, h), name)
	}
}

func TestBodyText(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, contentType string
		body              []byte
		want              string
	}{
		{"no type: utf8, BOM dropped", "", []byte("\ufeffhi"), "hi"},
		{"unknown charset: Buffer's utf8, BOM kept", "text/plain; charset=foo", []byte("\ufeffhi"), "\ufeffhi"},
		{"latin1 quoted", `text/plain; charset="latin1"`, []byte("caf\xe9"), "café"},
		{"encoding= counts", "text/plain; encoding=iso-8859-1", []byte("caf\xe9"), "café"},
		{"the last Content-Type", "", []byte("caf\xe9"), "café"},
		{"each bad byte is one U+FFFD", "text/plain", []byte("a\xe2\x82b"), "a\ufffd\ufffdb"},
		{"a cut-off sequence at the end is one", "text/plain", []byte("a\xf0\x9f\x98"), "a\ufffd"},
		{"a cut-off sequence without a charset is one per byte", "text/plain; charset=nope", []byte("a\xf0\x9f\x98"), "a\ufffd\ufffd\ufffd"},
		{"a whole sequence at the end stays", "text/plain", []byte("a\xe2\x82\xac"), "a€"},
		{"surrogates are bytes", "text/plain", []byte("\xed\xa0\x80x"), "\ufffd\ufffd\ufffdx"},
		{"utf-16le with BOM, odd byte dropped", "text/plain; charset=utf-16le", []byte("\xff\xfeh\x00i\x00!"), "hi"},
		{"utf-16 big-endian by BOM", "text/plain; charset=utf16", []byte("\xfe\xff\x00h\x00i"), "hi"},
		{"utf-16 big-endian guessed", "text/plain; charset=UTF-16", []byte("\x00h\x00i"), "hi"},
		{"utf-16 little-endian guessed", "text/plain; charset=UTF-16", []byte("h\x00i\x00"), "hi"},
		{"utf-16 undecided is little-endian", "text/plain; charset=UTF-16", []byte("\x00\x00"), "\x00"},
		{"shift_jis", "text/plain; charset=Shift_JIS", []byte("\x93\xfa\x96\x7b"), "日本"},
		{"ascii", "text/plain; charset=us-ascii", []byte("caf\xe9"), "caf\ufffd"},
		{"base64", "text/plain; charset=base64", []byte("hi"), "aGk="},
		// iconv-lite's UTF-32 and UTF-7 (fresh-round9n-a.json has Newman's answers).
		{"utf-32 little-endian by BOM, BOM dropped", "text/plain; charset=utf-32", []byte("\xff\xfe\x00\x00h\x00\x00\x00"), "h"},
		{"utf-32 big-endian guessed", "text/plain; charset=ucs-4", []byte("\x00\x00\x00h\x00\x01\xf6\x00"), "h😀"},
		{"utf-32 past U+10FFFF, a cut tail dropped", "text/plain; charset=utf-32le", []byte("a\x00\x00\x00\x00\x00\x11\x00b\x00"), "a\ufffd"},
		{"utf-32be", "text/plain; charset=UTF-32BE", []byte("\x00\x00\x20\xac"), "€"},
		{"utf-7 runs, +- and an open run", "text/plain; charset=utf-7", []byte("Hi -+Jjo--! A+ImIDkQ. +- +AOk"), "Hi -☺-! A≢Α. + é"},
		{"utf-7 bits short of a character dropped", "text/plain; charset=unicode-1-1-utf-7", []byte("x+AO!y+Z"), "x!y"},
		{"utf-7 a byte past ASCII", "text/plain; charset=utf7", []byte("a\xe9"), "a\ufffd"},
		{"utf-7-imap: & and comma", "text/plain; charset=utf-7-imap", []byte("a&AOk-b&-c&2D3eAA-"), "aéb&c😀"},
	} {
		h := []collections.Header{{Key: "Content-Type", Value: c.contentType}}
		if c.name == "the last Content-Type" {
			h = []collections.Header{{Key: "Content-Type", Value: "text/plain; charset=utf-8"}, {Key: "content-type", Value: "text/plain; charset=latin1"}}
		}
		assert.Equal(t, c.want, BodyText(c.body, h), c.name)
	}
}

func TestCharset(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"":                                "utf8",
		"application/json":                "utf8",
		"text/html; charset=UTF-8":        "utf8",
		"text/html; Charset = 'gbk'":      "gbk",
		"text/html; charset=utf-8;q=1":    "utf8",
		"text/html; charset=x-utf-8":      "x-utf-8",
		"text/xml; encoding=ISO-8859-1":   "iso-8859-1",
		"text/html; charset=\"win-1252\"": "win-1252",
	} {
		assert.Equal(t, want, Charset(in), in)
	}
}

// TestContentInfoSniffsAsFileType gives responses without a Content-Type
// the bodies file-type 3.9 was run on (testdata/file-type.json): the type
// and extension contentInfo() names are file-type's, text/plain and txt
// when it found none.
func TestContentInfoSniffsAsFileType(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/file-type.json")
	require.NoError(t, err)
	var rec struct {
		Cases []struct {
			In        string
			Ext, Mime *string
		}
	}
	require.NoError(t, json.Unmarshal(data, &rec))
	require.Greater(t, len(rec.Cases), 300)
	e, _ := newTestEngine(t, Options{})
	for i, c := range rec.Cases {
		body, err := base64.StdEncoding.DecodeString(c.In)
		require.NoError(t, err)
		x := testExec("test", `var i = pm.response.contentInfo(); pm.test(i.contentType + ' ' + i.fileExtension, function () {});`)
		x.Response.Header = nil
		x.Response.Body = body
		r := e.Run(context.Background(), x)
		require.NoError(t, r.Err)
		require.Len(t, r.Tests, 1)
		want := "text/plain txt"
		if c.Ext != nil {
			want = *c.Mime + " " + *c.Ext
		}
		assert.Equal(t, want, r.Tests[0].Name, "case %d: %x", i, body[:min(len(body), 40)])
	}
}

// TestScriptTextKeepsLoneSurrogates: the UTF-16, UTF-32 and UTF-7 bodies
// whose text holds a lone surrogate give their code units (Newman's string
// keeps it, fresh-round9n-a.json); every other body gives none.
func TestScriptTextKeepsLoneSurrogates(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, contentType string
		body              []byte
		want              []uint16
	}{
		{"utf-16le lone high", "text/plain; charset=utf-16le", []byte("a\x00\x00\xd8b\x00"), []uint16{'a', 0xd800, 'b'}},
		{"utf-16 lone low at the end, BOM dropped", "text/plain; charset=utf-16", []byte("\xff\xfea\x00\x00\xdc"), []uint16{'a', 0xdc00}},
		{"utf-32 surrogate value", "text/plain; charset=utf-32le", []byte("a\x00\x00\x00\x00\xd8\x00\x00"), []uint16{'a', 0xd800}},
		{"utf-7 half a pair", "text/plain; charset=utf-7", []byte("+2D0-"), []uint16{0xd83d}},
		{"a pair is not lone", "text/plain; charset=utf-16le", []byte("\x3d\xd8\x00\xde"), nil},
		{"utf-8 never", "text/plain; charset=utf-8", []byte("\xed\xa0\x80"), nil},
		{"no charset", "text/plain", []byte("a\x00\x00\xd8"), nil},
	} {
		h := []collections.Header{{Key: "Content-Type", Value: c.contentType}}
		text, units := (&Response{Body: c.body, Header: h}).ScriptText()
		assert.Equal(t, c.want, units, c.name)
		if units == nil {
			assert.Equal(t, BodyText(c.body, h), text, c.name)
		}
	}
}
