package echo_test

import (
	"encoding/base64"
	"encoding/binary"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/internal/ntlm"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// A client's hostile NTLM messages (a type 3 or type 1 cut short, fields
// outside the message or at offsets near 2³²) get a 401, never a handler
// panic (which net/http would turn into a dropped connection).
func TestNTLMHostileMessagesAreRefused(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	msg := func(typ uint32, size int, fields ...[2]uint32) string {
		m := make([]byte, size)
		copy(m, ntlm.Signature)
		binary.LittleEndian.PutUint32(m[8:], typ)
		for _, f := range fields {
			if int(f[0])+8 <= size {
				binary.LittleEndian.PutUint16(m[f[0]:], 0xffff)
				binary.LittleEndian.PutUint32(m[f[0]+4:], f[1])
			}
		}
		return "NTLM " + base64.StdEncoding.EncodeToString(m)
	}
	for _, tt := range []struct {
		name, query, auth string
	}{
		{"a type 3 of 12 bytes", "", msg(3, 12)},
		{"a type 3 cut before its flags", "", msg(3, 60)},
		{"a type 3 with fields past the end", "", msg(3, 72, [2]uint32{12, 70}, [2]uint32{20, 0xfffffff8}, [2]uint32{36, 0x80000000})},
		{"a type 1 read back, cut short", "?stop=negotiate", msg(1, 12)},
		{"a type 1 with fields past the end", "?stop=negotiate", msg(1, 40, [2]uint32{16, 0xfffffff8}, [2]uint32{24, 39})},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req, err := http.NewRequest(http.MethodGet, base+"/ntlm"+tt.query, nil)
			require.NoError(t, err)
			req.Header.Set("Authorization", tt.auth)
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err, "the server dropped the connection (a handler panic)")
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			assert.Contains(t, []int{http.StatusOK, http.StatusUnauthorized}, resp.StatusCode)
		})
	}
}
