package ntlm

import (
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The values of [MS-NLMP] 4.2 (user "User", domain "Domain", password
// "Password", server challenge 0123456789abcdef, client challenge
// aaaaaaaaaaaaaaaa); httpntlm, which Newman uses, computes the same.
func TestPrimitivesMatchTheSpecificationsExamples(t *testing.T) {
	t.Parallel()
	server, _ := hex.DecodeString("0123456789abcdef")
	client, _ := hex.DecodeString("aaaaaaaaaaaaaaaa")
	nt := NTHash("Password")
	for _, tt := range []struct{ name, got, want string }{
		{"NTOWFv1", hex.EncodeToString(nt), "a4f49c406510bdcab6824ee7c30fd852"},
		{"LMOWFv1", hex.EncodeToString(LMHash([]byte("PASSWORD"))), "e52cac67419a9a224a3b108f3fa6cb6d"},
		{"NTLMv1 response", hex.EncodeToString(DESL(nt, server)), "67c43011f30298a2ad35ece64f16331c44bdbed927841f94"},
		{"LMv1 response", hex.EncodeToString(DESL(LMHash([]byte("PASSWORD")), server)), "98def7b87f88aa5dafe2df779688a172def11c7d5ccdef13"},
		{"NTLM2 session response", hex.EncodeToString(DESL(nt, SessionChallenge(server, client))), "7537f803ae367128ca458204bde7caf81e97ed2683267232"},
		{"NTOWFv2", hex.EncodeToString(HMACMD5(nt, UTF16LE("USER"), UTF16LE("Domain"))), "0c868a403bfd7a93a3001ef22ef02e3f"},
	} {
		assert.Equal(t, tt.want, tt.got, tt.name)
	}
}

func TestFieldsOutsideTheMessageAreRefused(t *testing.T) {
	t.Parallel()
	msg := make([]byte, 24)
	PutField(msg, 8, Field{Len: 4, Max: 4, Off: 20})
	b, ok := ReadField(msg, 8)
	assert.True(t, ok)
	assert.Len(t, b, 4)
	PutField(msg, 8, Field{Len: 5, Max: 5, Off: 20})
	_, ok = ReadField(msg, 8)
	assert.False(t, ok, "one byte past the end")
	_, ok = ReadField(msg, 20)
	assert.False(t, ok, "a triple that does not fit")
	_, err := Type([]byte("NTLMSSP"))
	assert.ErrorIs(t, err, ErrMalformed)
}
