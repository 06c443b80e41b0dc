package runner

import (
	"bytes"
	"compress/zlib"
	"io"
)

func zlibReader(raw []byte) (io.Reader, error) { return zlib.NewReader(bytes.NewReader(raw)) }
