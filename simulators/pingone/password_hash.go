package pingone

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"strings"
)

// A user's password is kept salted and hashed, never as sent: the tenant
// persists in the state directory (pingone.json), and a collection may set
// a password from the vault ({{vault:NAME}}), which courier's rule keeps
// out of every file it writes. PingOne never returns a password, so the
// hash is all sign-on and password changes need.

// hashPrefix marks a hashed password; a tenant saved before hashing holds
// plain ones, which Restore hashes (hashPlainPasswords).
const hashPrefix = "sha256:"

// hashPlainPasswords hashes the plain passwords of a tenant saved before
// passwords were hashed, so that OpenState's first write replaces them in
// the file: read as they are, they stayed there in clear until each user
// changed theirs.
func hashPlainPasswords(users map[string]*user) {
	for _, u := range users {
		if u.password != "" && !strings.HasPrefix(u.password, hashPrefix) {
			u.password = hashPassword(u.password)
		}
	}
}

// hashPassword returns pw salted and hashed ("" for none).
func hashPassword(pw string) string {
	if pw == "" {
		return ""
	}
	salt := make([]byte, 16)
	_, _ = rand.Read(salt)
	return hashPrefix + hex.EncodeToString(salt) + ":" + passwordDigest(salt, pw)
}

func passwordDigest(salt []byte, pw string) string {
	sum := sha256.Sum256(append(append([]byte(nil), salt...), pw...))
	return hex.EncodeToString(sum[:])
}

// passwordIs reports whether pw is the user's password; a user without
// one has none that matches.
func (u *user) passwordIs(pw string) bool {
	stored := u.password
	if stored == "" {
		return false
	}
	rest, hashed := strings.CutPrefix(stored, hashPrefix)
	saltHex, digest, ok := strings.Cut(rest, ":")
	salt, err := hex.DecodeString(saltHex)
	if !hashed || !ok || err != nil {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(passwordDigest(salt, pw)), []byte(digest)) == 1
}
