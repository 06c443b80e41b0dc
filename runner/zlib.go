package runner

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"io"
	"strings"

	"github.com/andybalholm/brotli"
)

// decodeBody undoes Content-Encoding as postman-request does, counting the
// decoded bytes against limit as they stream out of the decompressor, so a
// compression bomb stops at the limit instead of expanding in memory.
//
// Only gzip, deflate and br are decoded (the name trimmed and in any case;
// x-gzip and lists are left as they came). gzip and deflate are read with
// zlib's Z_SYNC_FLUSH: a body that ends early keeps what came, and a gzip
// body may hold several members, with anything after the last ignored. A
// deflate body is zlib-wrapped when its first byte says so, raw otherwise.
// A body the decoder refuses fails the request with zlib's words
// (zlibMessage), as Newman's does; so does a cut-off or broken br body,
// with Node's.
func decodeBody(encoding string, raw []byte, limit int64) ([]byte, error) {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "gzip":
		return inflateBody(formatGzip, raw, limit)
	case "deflate":
		if len(raw) > 0 && raw[0]&0x0f == 8 {
			return inflateBody(formatZlib, raw, limit)
		}
		return inflateBody(formatRaw, raw, limit)
	case "br":
		out, err := readLimited(brotli.NewReader(bytes.NewReader(raw)), limit, 0)
		switch {
		case err == nil, errors.Is(err, errBodyTooLarge):
			return out, err
		case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
			return nil, &NetError{Code: "Z_BUF_ERROR", Msg: "unexpected end of file", Err: err}
		}
		return nil, &NetError{Code: "ERR__ERROR_FORMAT_PADDING_1", Msg: "Decompression failed", Err: err}
	}
	return raw, nil
}

// inflateBody decodes a gzip, zlib or raw deflate body as zlib with
// Z_SYNC_FLUSH does.
func inflateBody(format zlibFormat, raw []byte, limit int64) ([]byte, error) {
	var rd io.Reader
	switch format {
	case formatGzip:
		rd = &gzipMembers{src: bytes.NewReader(raw)}
	case formatZlib:
		zr, err := zlib.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, zlibError(formatZlib, raw, err)
		}
		rd = zr
	default:
		rd = flate.NewReader(bytes.NewReader(raw))
	}
	sr := &syncFlushReader{r: rd}
	out, err := readLimited(sr, limit, 0)
	if err != nil {
		return nil, err
	}
	if sr.err != nil {
		from := raw
		if g, ok := rd.(*gzipMembers); ok {
			from = raw[g.start:]
		}
		if err := zlibError(format, from, sr.err); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// zlibError is the request's failure for a body Go's decoder refused with
// err: zlib's message for it, or nil when zlib would have taken the body
// (what Go decoded is kept then).
func zlibError(format zlibFormat, data []byte, err error) error {
	// The walk stops after as much output as a body may have at most.
	msg := zlibMessage(format, data, 64<<20)
	if msg == "" {
		return nil
	}
	return &NetError{Code: "Z_DATA_ERROR", Msg: msg, Err: err}
}

// syncFlushReader ends the body at the decompressor's first error, kept in
// err for the caller: zlib with Z_SYNC_FLUSH takes a body that ends early.
type syncFlushReader struct {
	r   io.Reader
	err error
}

func (s *syncFlushReader) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF {
		// zlibError tells an early end (kept) from a fault.
		s.err, err = err, io.EOF
	}
	return n, err
}

// gzipMembers reads the gzip members of src one after the other, as Node's
// gunzip does: whatever follows a member is another one (and fails as one
// when it is not) unless it starts with a zero byte, which ends the body as
// padding. start is where the member being read began.
type gzipMembers struct {
	src   *bytes.Reader
	zr    *gzip.Reader
	start int
}

func (g *gzipMembers) Read(p []byte) (int, error) {
	for {
		if g.zr == nil {
			g.start = int(g.src.Size()) - g.src.Len()
			if err := reservedGzipFlags(g.src); err != nil {
				return 0, err
			}
			zr, err := gzip.NewReader(g.src)
			if err != nil {
				return 0, err
			}
			zr.Multistream(false)
			g.zr = zr
		}
		n, err := g.zr.Read(p)
		if err != io.EOF {
			return n, err
		}
		if b, berr := g.src.ReadByte(); berr != nil || b == 0 {
			return n, io.EOF
		}
		_ = g.src.UnreadByte()
		g.zr = nil
		if n > 0 {
			return n, nil
		}
	}
}

// errGzipFlags is a gzip header with a reserved flag set, which zlib
// refuses and Go's reader lets through.
var errGzipFlags = errors.New("gzip: reserved header flags set")

func reservedGzipFlags(r *bytes.Reader) error {
	var h [4]byte
	n, _ := r.ReadAt(h[:], r.Size()-int64(r.Len()))
	if n == 4 && h[0] == 0x1f && h[1] == 0x8b && h[2] == 8 && h[3]&0xe0 != 0 {
		return errGzipFlags
	}
	return nil
}
