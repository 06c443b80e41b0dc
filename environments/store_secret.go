package environments

import (
	"math"
	"strings"

	"github.com/courier-run/courier/internal/lazyre"
)

// LooksSecret guesses whether value, stored under key, is a credential: a
// private key, a JWT, an Authorization header value, a long random token,
// or any value under a name such as "clientSecret", "password" or
// "accessToken". It returns why, or "" when nothing suggests a secret. A
// vault reference ({{vault:NAME}}) and a plain {{variable}} reference are
// never secrets. The guess errs on the side of warning: commands that write
// initial values (which are shared and may be published) refuse such values
// without --force.
func LooksSecret(key, value string) string {
	v := strings.TrimSpace(value)
	if v == "" || isVaultRef(v) || isPlainRef(v) {
		return ""
	}
	switch {
	case strings.Contains(v, "-----BEGIN ") && strings.Contains(v, "PRIVATE KEY"):
		return "it holds a private key"
	case jwtRe().MatchString(v):
		return "it looks like a JWT"
	case authHeaderRe().MatchString(v):
		return "it looks like an Authorization header value"
	}
	if secretNameRe().MatchString(key) && !notSecretNameRe().MatchString(key) {
		return "its name (" + key + ") suggests a secret"
	}
	if len(v) >= 24 && !strings.ContainsAny(v, " \t/{}") && !uuidRe().MatchString(v) && hasLettersAndDigits(v) && entropy(v) >= 4.0 {
		return "it looks like a random token"
	}
	return ""
}

var (
	jwtRe           = lazyre.New(`^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$`)
	authHeaderRe    = lazyre.New(`(?i)^(bearer|basic|token)\s+[A-Za-z0-9._~+/=-]{12,}$`)
	secretNameRe    = lazyre.New(`(?i)(secret|passw|pwd|passphrase|token|api[-_]?key|private[-_]?key|credential|signing[-_]?key|client[-_]?assertion)`)
	notSecretNameRe = lazyre.New(`(?i)(url|uri|path|endpoint|id|type|name|host|expir\w*|ttl|length|policy\w*)$`)
	uuidRe          = lazyre.New(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	plainRefRe      = lazyre.New(`^\{\{[^{}]+\}\}$`)
)

func isPlainRef(s string) bool { return plainRefRe().MatchString(s) }

func hasLettersAndDigits(s string) bool {
	letter, digit := false, false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			letter = true
		}
	}
	return letter && digit
}

// entropy is the Shannon entropy of s in bits per character.
func entropy(s string) float64 {
	counts := map[rune]float64{}
	n := 0.0
	for _, r := range s {
		counts[r]++
		n++
	}
	h := 0.0
	for _, c := range counts {
		p := c / n
		h -= p * math.Log2(p)
	}
	return h
}
