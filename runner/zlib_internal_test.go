package runner

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDecodeBodyAsNodeZlib replays what Node's zlib, run as postman-request
// runs it, said of broken gzip, zlib and raw deflate bodies
// (testdata/zlib/node-zlib.json): the same message for each refused body,
// the same bytes for each accepted one (cut-off bodies keep what came).
func TestDecodeBodyAsNodeZlib(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/zlib/node-zlib.json")
	require.NoError(t, err)
	var rec struct {
		Cases []struct {
			Format, In, Out, Error string
		}
	}
	require.NoError(t, json.Unmarshal(data, &rec))
	require.Greater(t, len(rec.Cases), 900)
	for i, c := range rec.Cases {
		in, err := base64.StdEncoding.DecodeString(c.In)
		require.NoError(t, err)
		format := map[string]zlibFormat{"gzip": formatGzip, "zlib": formatZlib, "raw": formatRaw}[c.Format]
		got, err := inflateBody(format, in, 1<<20)
		if c.Error != "" {
			if assert.Error(t, err, "case %d (%s %x)", i, c.Format, in) {
				assert.Equal(t, c.Error, err.Error(), "case %d (%s %x)", i, c.Format, in)
			}
			continue
		}
		want, _ := base64.StdEncoding.DecodeString(c.Out)
		if assert.NoError(t, err, "case %d (%s %x)", i, c.Format, in) {
			assert.True(t, bytes.Equal(want, got), "case %d (%s %x): got %q, want %q", i, c.Format, in, got, want)
		}
	}
}

// TestDecodeBodyStopsAtTheLimit: a body that expands past the limit fails
// as too large, broken or not, and the walk that names a fault stops
// after its budget.
func TestDecodeBodyStopsAtTheLimit(t *testing.T) {
	t.Parallel()
	var zeros bytes.Buffer
	zw := newGzipWriter(&zeros)
	_, _ = zw.Write(make([]byte, 4<<20))
	_ = zw.Close()
	_, err := decodeBody("gzip", zeros.Bytes(), 1<<20)
	assert.ErrorIs(t, err, errBodyTooLarge)
	// A broken checksum after 4 MiB of output: no message within 1 MiB.
	b := bytes.Clone(zeros.Bytes())
	b[len(b)-8] ^= 1
	assert.Equal(t, "", zlibMessage(formatGzip, b, 1<<20))
	assert.Equal(t, "incorrect data check", zlibMessage(formatGzip, b, 8<<20))
}

func newGzipWriter(w *bytes.Buffer) *gzip.Writer { return gzip.NewWriter(w) }
