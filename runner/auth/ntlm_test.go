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
