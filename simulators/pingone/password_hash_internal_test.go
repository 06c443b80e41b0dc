package pingone

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestPasswordIs: a hashed password matches itself only, two hashes of
// one password differ (salted), a tenant saved before hashing (plain) is
// still read, and a user without a password matches nothing.
func TestPasswordIs(t *testing.T) {
	t.Parallel()
	u := &user{password: hashPassword("Pw-1234!")}
	assert.True(t, u.passwordIs("Pw-1234!"))
	assert.False(t, u.passwordIs("pw-1234!"))
	assert.False(t, u.passwordIs(""))
	assert.NotEqual(t, hashPassword("Pw-1234!"), hashPassword("Pw-1234!"))
	legacy := &user{password: "Plain-1!"}
	assert.True(t, legacy.passwordIs("Plain-1!"))
	assert.False(t, legacy.passwordIs("Plain-2!"))
	assert.False(t, (&user{}).passwordIs(""))
	assert.Empty(t, hashPassword(""))
	assert.False(t, (&user{password: "sha256:zz:00"}).passwordIs("x"), "a damaged hash matches nothing")
}
