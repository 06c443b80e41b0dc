package vault

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDotenv(t *testing.T) {
	t.Parallel()
	in := `# PingOne admin app
adminAppID=1234-abcd
export adminAppSecret = "s3c\"ret\n2"   # trailing comment
TOKEN='lit\n $HOME'
EMPTY=
SPACED =  value with spaces  # comment
HASH=a#b
PEM="-----BEGIN KEY-----
line2
-----END KEY-----"
dotted.name-x=1
CRLF=v` + "\r" + `
adminAppID=overridden
`
	got, err := ParseDotenv(strings.NewReader(in))
	require.NoError(t, err)
	want := []DotenvEntry{
		{Key: "adminAppID", Value: "overridden", Line: 2},
		{Key: "adminAppSecret", Value: "s3c\"ret\n2", Line: 3},
		{Key: "TOKEN", Value: `lit\n $HOME`, Line: 4},
		{Key: "EMPTY", Value: "", Line: 5},
		{Key: "SPACED", Value: "value with spaces", Line: 6},
		{Key: "HASH", Value: "a#b", Line: 7},
		{Key: "PEM", Value: "-----BEGIN KEY-----\nline2\n-----END KEY-----", Line: 8},
		{Key: "dotted.name-x", Value: "1", Line: 11},
		{Key: "CRLF", Value: "v", Line: 12},
	}
	assert.Equal(t, want, got)
}

func TestParseDotenvErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, wantErr string
	}{
		{"no equals", "A=1\nJUSTAWORD\n", "line 2: expected KEY=VALUE"},
		{"bad key", "\n\n1ABC=x", "line 3: invalid key (column 1:"},
		{"empty key", "=x", "line 1: no key before \"=\""},
		// A value on a line of its own (a wrapped base64 secret ending in
		// "=") reads as a key: the error shows where, never the text.
		{"value as a key", "K2=abc\nEnvCurr/Hb3?Nd8#Qf5&Vs1==\n", "line 2: invalid key (column 8:"},
		{"export prefix", "export  a b=1", "line 1: invalid key (column 10:"},
		{"unterminated", "A=1\nB=\"open\nmore\n", "line 2: unterminated \"-quoted value for B"},
		{"unterminated single", "B='x", "line 1: unterminated '-quoted"},
		{"text after quote", "A=\"x\" y", "line 1: unexpected text after the closing quote of A"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := ParseDotenv(strings.NewReader(tt.in))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
			for _, v := range []string{"open", "1ABC", "EnvCurr", "Hb3"} {
				assert.NotContains(t, err.Error(), v, "errors do not echo values")
			}
		})
	}
}
