package scripting

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"io"

	"github.com/andybalholm/brotli"
	"github.com/dop251/goja"
)

// maxInflated caps what DecompressionStream may produce from one stream:
// a small hostile body must not grow into gigabytes inside a script.
const maxInflated = 64 << 20

// errInflatedTooLarge is courier's own limit (Node has none short of its
// buffer size), named with Node's code for a buffer too large.
var errInflatedTooLarge = errors.New("ERR_BUFFER_TOO_LARGE")

// compressBytes is CompressionStream's work on the whole input: format is
// "gzip", "deflate" (zlib) or "deflate-raw", at zlib's default level, or
// "brotli" at Node's default quality (11). The gzip header is Node's (no
// name, no time, OS 3).
func compressBytes(format string, data []byte) ([]byte, error) {
	var buf bytes.Buffer
	var w io.WriteCloser
	switch format {
	case "gzip":
		z, _ := gzip.NewWriterLevel(&buf, 6)
		z.OS = 3
		w = z
	case "deflate":
		w, _ = zlib.NewWriterLevel(&buf, 6)
	case "brotli":
		w = brotli.NewWriterLevel(&buf, 11)
	default:
		w, _ = flate.NewWriter(&buf, 6)
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// decompressBytes is DecompressionStream's work; the error's text is the
// zlib code Node gives the error (err.code; its message is empty in
// Postman's sandbox).
func decompressBytes(format string, data []byte) ([]byte, error) {
	var r io.Reader
	var err error
	switch format {
	case "gzip":
		r, err = gzip.NewReader(bytes.NewReader(data))
	case "deflate":
		r, err = zlib.NewReader(bytes.NewReader(data))
	case "brotli":
		r = brotli.NewReader(bytes.NewReader(data))
	default:
		r = flate.NewReader(bytes.NewReader(data))
	}
	if err != nil {
		return nil, errors.New("Z_DATA_ERROR")
	}
	out, err := io.ReadAll(io.LimitReader(r, maxInflated+1))
	if err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, errors.New("Z_BUF_ERROR")
		}
		return nil, errors.New("Z_DATA_ERROR")
	}
	if len(out) > maxInflated {
		return nil, errInflatedTooLarge
	}
	return out, nil
}

// installCompression gives js/web.js its CompressionStream and
// DecompressionStream natives: zlib(format, inflate, bytes) returns an
// ArrayBuffer or, on a decompression error, the zlib code as a string.
func (e *Engine) installCompression(set func(string, any)) {
	rt := e.rt
	set("zlib", func(format string, inflate bool, data []byte) goja.Value {
		var out []byte
		var err error
		if inflate {
			out, err = decompressBytes(format, data)
		} else {
			out, err = compressBytes(format, data)
		}
		if err != nil {
			return rt.ToValue(err.Error())
		}
		return rt.ToValue(rt.NewArrayBuffer(out))
	})
}
