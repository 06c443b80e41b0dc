package auth

import (
	"encoding/base64"
	"encoding/binary"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/internal/ntlm"
)

// The messages Newman 6.2.2 (httpntlm 1.8.13) builds for the same input,
// byte for byte.
func TestNTLMMessagesAreHttpntlms(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "NTLM TlRMTVNTUAABAAAAB7IIogYABgAwAAAACAAIACgAAAAFASgKAAAAD0NPTVBVVEVSRE9NQUlO", ntlmNegotiate("Domain", "COMPUTER"))
	assert.Equal(t, "NTLM TlRMTVNTUAABAAAAB6IIogAAAAAoAAAAAAAAACgAAAAFASgKAAAADw==", ntlmNegotiate("", ""))
	assert.Equal(t, "NTLM TlRMTVNTUAABAAAAB7IIogcABwAvAAAABwAHACgAAAAFASgKAAAAD01ZJTIwUENET00uQUlO", ntlmNegotiate("dom.ain", "my pc"))

	server := []byte{0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef}
	challenge := func(flags uint32) string {
		msg := make([]byte, 48)
		copy(msg, ntlm.Signature)
		binary.LittleEndian.PutUint32(msg[8:], 2)
		ntlm.PutField(msg, 12, ntlm.Field{Off: 48})
		binary.LittleEndian.PutUint32(msg[20:], flags)
		copy(msg[24:], server)
		return "NTLM " + base64.StdEncoding.EncodeToString(msg)
	}
	ch, ok := ntlmParseChallenge(challenge(0x201))
	require.True(t, ok)
	assert.Equal(t, "NTLM TlRMTVNTUAADAAAAGAAYAGwAAAAYABgAhAAAAAwADABIAAAACAAIAFQAAAAQABAAXAAAAAAAAACcAAAABYKIogUBKAoAAAAPRABPAE0AQQBJAE4AVQBzAGUAcgBDAE8ATQBQAFUAVABFAFIAmN73uH+Iql2v4t93loihct7xHH1cze8TZ8QwEfMCmKKtNezmTxYzHES9vtknhB+U",
		ntlmAuthenticate(ch, "Domain", "COMPUTER", "User", "Password", time.Time{}))
	// OEM text: escape()d domain and workstation, a user's low bytes.
	ch, ok = ntlmParseChallenge(challenge(0x202))
	require.True(t, ok)
	assert.Equal(t, "NTLM TlRMTVNTUAADAAAAGAAYAFkAAAAYABgAcQAAAAgACABIAAAABAAEAFAAAAAFAAUAVAAAAAAAAACJAAAABIKIogUBKAoAAAAPRCVENk1BSU7cc2VyVyUyMFMMC0ETqeRQfqAizga3MGMb3vEcfVzN7xPYDARulttPBcR/MXXzlYECkVmdOmGYCGQ=",
		ntlmAuthenticate(ch, "dömain", "w s", "Üser", "pässword", time.Time{}))

	for _, bad := range []string{"NTLM", "NTLM !!!", "NTLM " + base64.StdEncoding.EncodeToString([]byte("NTLMSSP\x00\x01\x00\x00\x00")), challenge(0x201)[:20]} {
		_, ok := ntlmParseChallenge(bad)
		assert.False(t, ok, bad)
	}
}

func TestNTLMUserNamesCarryADomain(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, user, domain string }{
		{`CORP\alice`, "alice", "CORP"},
		{"bob@corp.example", "bob", "corp.example"},
		{`a\b@c`, `a\b@c`, ""},
		{`CORP\\alice`, `CORP\\alice`, ""},
		{`\alice`, `\alice`, ""},
		{"plain", "plain", ""},
	} {
		u, d := ntlmSplitUser(tt.in)
		assert.Equal(t, [2]string{tt.user, tt.domain}, [2]string{u, d}, tt.in)
	}
	assert.Equal(t, "A%20B%E9%u0100@*_+-./", jsEscape("A Bé\u0100@*_+-./"))
}

// FuzzNTLMChallenge feeds hostile type 2 messages to the challenge parser
// and the answer built from it: a short message, target info past the end
// or with an offset near 2³² (negative as a 32-bit int), an oversized
// length. Nothing may panic; what parses must be inside the message.
func FuzzNTLMChallenge(f *testing.F) {
	valid := func(flags uint32, infoLen, infoOff uint32, size int) []byte {
		msg := make([]byte, size)
		copy(msg, ntlm.Signature)
		binary.LittleEndian.PutUint32(msg[8:], 2)
		binary.LittleEndian.PutUint32(msg[20:], flags)
		if size >= 48 {
			binary.LittleEndian.PutUint16(msg[40:], uint16(infoLen))
			binary.LittleEndian.PutUint16(msg[42:], uint16(infoLen))
			binary.LittleEndian.PutUint32(msg[44:], infoOff)
		}
		return msg
	}
	const v2 = ntlm.FlagUnicode | ntlm.FlagExtendedSecurity | ntlm.FlagTargetInfo
	for _, seed := range [][]byte{
		valid(v2, 8, 48, 56),
		valid(v2, 8, 52, 56),         // past the end
		valid(v2, 0xffff, 48, 56),    // oversized length
		valid(v2, 8, 0xfffffff8, 56), // an offset that wraps
		valid(v2, 8, 0x80000000, 56), // negative as int32
		valid(v2, 0, 0, 44),          // too short for the target info triple
		valid(0x202, 0, 0, 32),       // OEM, shortest
		valid(v2, 0, 0, 31),          // one byte short
		[]byte(ntlm.Signature + "\x02\x00\x00\x00"),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, msg []byte) {
		if len(msg) > 1<<16 {
			return // a header's worth; bigger adds nothing
		}
		ch, ok := ntlmParseChallenge("NTLM " + base64.StdEncoding.EncodeToString(msg))
		if !ok {
			return
		}
		require.Len(t, ch.challenge, 8)
		require.LessOrEqual(t, len(ch.targetInfo), len(msg))
		header := ntlmAuthenticate(ch, "Domain", "WS", "User", "Password", time.Time{})
		raw, err := base64.StdEncoding.DecodeString(header[len("NTLM "):])
		require.NoError(t, err)
		typ, err := ntlm.Type(raw)
		require.NoError(t, err)
		require.EqualValues(t, 3, typ)
	})
}
