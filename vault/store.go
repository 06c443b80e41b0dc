// Package vault holds courier's secrets: the values behind {{vault:NAME}}
// (and <<vault:NAME>>) references. It is the only importer of go-keyring.
//
// Where secrets come from. A run reads a secret from a Chain of stores, in
// this order:
//
//  1. the process environment, COURIER_VAULT_<NAME> (see EnvName for the
//     mapping: NAME upper-cased, every character that is not an ASCII letter
//     or digit replaced by "_"), so CI can supply secrets without a keyring
//     and a developer can override one secret for a single run;
//  2. the OS keyring (Secret Service on Linux, Keychain on macOS, Credential
//     Manager on Windows), under the service name "courier".
//
// The keyring is only asked when the environment does not hold the secret,
// and only when a reference is actually resolved: a collection without
// vault references never touches D-Bus.
//
// Allowed domains. Each secret may carry a list of allowed domains, as in
// Postman's vault (see ParseDomain). A restricted secret is only resolved for
// a request whose URL matches one of them; otherwise resolution fails and
// the request must not be sent.
//
// Nothing in this package puts a secret value into an error message.
package vault

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
	"unicode"
)

// Store keeps named secrets. Implementations are safe for concurrent use.
type Store interface {
	// Get returns the value of name, or an error wrapping ErrNotFound.
	Get(ctx context.Context, name string) (string, error)
	// Set stores value under name, keeping the allowed domains name already
	// has (changing a value never widens where it may be sent).
	Set(ctx context.Context, name, value string) error
	// Delete removes name, or returns an error wrapping ErrNotFound.
	Delete(ctx context.Context, name string) error
	// List returns the names of the stored secrets, sorted.
	List(ctx context.Context) ([]string, error)
}

// Secret is a secret value with the domains it may be sent to.
type Secret struct {
	Value string
	// Domains are allowed-domain patterns (see ParseDomain); empty means
	// any domain, as in Postman.
	Domains []string
}

// SecretStore is a Store that also keeps each secret's allowed domains.
// Memory, Env, Keyring and Chain all implement it.
type SecretStore interface {
	Store
	// GetSecret returns the value and allowed domains of name.
	GetSecret(ctx context.Context, name string) (Secret, error)
	// SetSecret stores the value and replaces the allowed domains of name.
	SetSecret(ctx context.Context, name string, s Secret) error
}

// ErrNotFound means the secret does not exist in the store.
var ErrNotFound = errors.New("secret not found")

// ErrReadOnly is returned by stores that cannot be written (Env).
var ErrReadOnly = errors.New("store is read-only")

// UnavailableError means the keyring could not be used at all: no Secret
// Service, a locked collection, a time-out. Name, when known, is the secret
// that was asked for, so the message can name its environment variable.
type UnavailableError struct {
	Name string
	Err  error
}

func (e *UnavailableError) Error() string {
	envVar := "COURIER_VAULT_<NAME>"
	if e.Name != "" && !strings.HasPrefix(e.Name, reservedPrefix) {
		envVar = EnvName(e.Name)
	}
	var te *TimeoutError
	if errors.As(e.Err, &te) {
		return fmt.Sprintf("the OS keyring did not answer within %s (a locked keyring waits for an unlock prompt nobody answers): "+
			"unlock it (e.g. gnome-keyring-daemon --unlock --components=secrets) or provide the secret as the environment variable %s",
			te.After, envVar)
	}
	if e.Err != nil && strings.Contains(e.Err.Error(), "unlock") {
		// gnome-keyring is running (or was D-Bus-activated) but its
		// collection is locked and nobody can answer the prompt.
		return fmt.Sprintf("the OS keyring is locked (%v): unlock it (e.g. printf '%%s' \"$PASSWORD\" | gnome-keyring-daemon --replace --unlock --components=secrets, "+
			"or log in to a desktop session) or provide the secret as the environment variable %s", e.Err, envVar)
	}
	return fmt.Sprintf("the OS keyring is unavailable (%s): provide the secret as the environment variable %s, "+
		"or start a Secret Service (e.g. run under dbus-run-session with gnome-keyring-daemon --unlock --components=secrets)",
		cause(e.Err), envVar)
}

// cause says why the keyring could not be reached in the user's terms.
// Without a D-Bus session the keyring library tries to start one with
// dbus-launch, and its "executable file not found" says nothing useful.
func cause(err error) string {
	switch {
	case err == nil:
		return "no Secret Service"
	case errors.Is(err, exec.ErrNotFound) || strings.Contains(err.Error(), "dbus-launch"):
		return "no D-Bus session: DBUS_SESSION_BUS_ADDRESS is not set"
	}
	return err.Error()
}

func (e *UnavailableError) Unwrap() error { return e.Err }

// TimeoutError means a keyring call did not return in time. Keyring wraps it
// in an UnavailableError.
type TimeoutError struct {
	Op    string // "get", "set", "delete"
	After time.Duration
}

func (e *TimeoutError) Error() string {
	return fmt.Sprintf("keyring %s timed out after %s", e.Op, e.After)
}

// IsUnavailable reports whether err means the vault cannot be reached (the
// cmd layer maps it to exit code 4).
func IsUnavailable(err error) bool {
	var ue *UnavailableError
	return errors.As(err, &ue)
}

// reservedPrefix starts the names courier keeps for itself in the keyring.
const reservedPrefix = "__courier"

// maxNameLen bounds secret names; keyrings limit attribute sizes.
const maxNameLen = 256

// ValidateName reports why name cannot name a secret: it must be non-empty,
// hold no braces, angle brackets or control characters (it could not be
// referenced as {{vault:NAME}}), no surrounding spaces, and not start with
// the reserved "__courier".
func ValidateName(name string) error {
	switch {
	case name == "":
		return errors.New("secret name is empty")
	case len(name) > maxNameLen:
		return fmt.Errorf("secret name is longer than %d bytes", maxNameLen)
	case strings.TrimSpace(name) != name:
		return fmt.Errorf("secret name %q has leading or trailing spaces", name)
	case strings.HasPrefix(name, reservedPrefix):
		return fmt.Errorf("secret name %q is reserved (names starting with %q are courier's own)", name, reservedPrefix)
	}
	for _, r := range name {
		if strings.ContainsRune("{}<>", r) || unicode.IsControl(r) {
			return fmt.Errorf("secret name %q contains %q, which cannot appear in a {{vault:NAME}} reference", name, r)
		}
	}
	return nil
}

// notFound builds the error for a missing secret; it says how to add it.
func notFound(name string) error {
	return fmt.Errorf("vault secret %q: %w (add it with \"courier vault set %s\" or the environment variable %s)",
		name, ErrNotFound, shellQuote(name), EnvName(name))
}

// shellQuote quotes s for a POSIX shell when it needs it, for hints that
// show a command line.
func shellQuote(s string) string {
	safe := s != ""
	for _, r := range s {
		if !(r == '-' || r == '_' || r == '.' || r == '/' || r == ':' || r == '@' || r == '%' || r == '+' || r == ',' ||
			r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			safe = false
			break
		}
	}
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
