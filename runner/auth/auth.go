// Package auth applies a Postman auth block to an outgoing *http.Request the
// way postman-runtime's authorizers (lib/authorizer/*.js) do.
//
// How the runner uses it, per request:
//
//  1. a := Inherit(item.Request.Auth, folder.Auth (inner to outer)..., collection.Auth)
//  2. resolve {{variables}} in a copy of a.Params (Apply never resolves)
//  3. build the *http.Request with its final URL, headers and body bytes
//  4. ApplyWith(req, a, body, Options{DisableURLEncoding: ppb.disableUrlEncoding})
//  5. send; then retry, err := Challenge(req, a, resp, body); if retry != nil,
//     discard resp and send retry instead (Challenge returns nil on a second
//     call, so a loop over it ends after one retry)
//
// Apply may change the URL (apikey/oauth2/jwt/oauth1/awsv4 query params),
// headers, and for oauth1 with a urlencoded POST/PUT the body (req.Body,
// GetBody and ContentLength are replaced). The runner should read the
// request back from req after Apply (for pm.request, reporters, and the
// retry). A urlencoded body is recognized by its Content-Type header.
//
// Postman never fails a request because of its auth: a signing error becomes
// a console warning ("runtime~<type>.auth: could not sign the request: ...")
// and the request goes out unsigned. Apply mirrors that by leaving req
// untouched whenever it returns an error, so the runner can warn and send.
// errors.Is(err, ErrUnsupported) marks unknown types (Postman: "could not
// find a handler").
package auth

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/courier-run/courier/collections"
)

// Auth type names as they appear in collections.
const (
	TypeNoAuth   = "noauth"
	TypeInherit  = "inherit"
	TypeBasic    = "basic"
	TypeBearer   = "bearer"
	TypeAPIKey   = "apikey"
	TypeDigest   = "digest"
	TypeOAuth1   = "oauth1"
	TypeOAuth2   = "oauth2"
	TypeHawk     = "hawk"
	TypeAWSv4    = "awsv4"
	TypeJWT      = "jwt"
	TypeNTLM     = "ntlm"
	TypeEdgeGrid = "edgegrid"
	TypeASAP     = "asap"
)

// ErrUnsupported is wrapped by errors for auth types courier cannot apply.
var ErrUnsupported = errors.New("auth type is not supported")

// Options carries the per-request knobs some schemes need.
type Options struct {
	// Now is the clock for timestamps (oauth1, hawk, awsv4, edgegrid); nil
	// means time.Now.
	Now func() time.Time
	// DisableURLEncoding mirrors protocolProfileBehavior.disableUrlEncoding:
	// oauth1 then leaves the query string as it is.
	DisableURLEncoding bool
	// UnhashedBody says postman-runtime does not hash this body (form-data):
	// the aws4 signer then signs it as an empty payload, OAuth 1 adds no
	// oauth_body_hash, Hawk no hash and EdgeGrid signs an empty body hash.
	UnhashedBody bool
	// EmptyBearer sends "Authorization: Bearer " for a bearer auth without
	// a token, as Postman CLI's newer runtime (the one that runs v12
	// collections) does; postman-runtime 7 sends nothing.
	EmptyBearer bool
	// TypedCredentials sends no auth when a credential is not of the kind
	// Postman CLI's newer runtime takes for the auth's type (a YAML number,
	// boolean or null where text is expected, text where a boolean is:
	// collections.RefusedCredential), and takes jwt's null header or payload
	// as none, as that runtime does (fresh-round10v-auth.json,
	// fresh-round11v-nulls.json, fresh-round12v-creds*.json);
	// postman-runtime 7 sends "Bearer 5".
	TypedCredentials bool
	// AWSUnsignedS3 signs AWS as the newer runtime does: an S3 request
	// without a body signs and sends X-Amz-Content-Sha256: UNSIGNED-PAYLOAD,
	// Content-Type is never signed, and a form-data body is hashed as sent
	// (fresh-round12v-awsv4.json); postman-runtime 7 hashes an empty payload,
	// signs Content-Type and leaves form-data unhashed.
	AWSUnsignedS3 bool
	// Btoa encodes basic credentials as the newer runtime does, with btoa:
	// Latin-1, and ErrInvalidCharacter for a character above U+00FF;
	// postman-runtime 7 encodes them as UTF-8.
	Btoa bool
	// NoBody says the request has no body at all (none, or no body:), as
	// opposed to an empty one.
	NoBody bool
	// BodyMode is the body's mode in the collection ("urlencoded", "raw"...):
	// OAuth 1 signs the fields of an urlencoded body and puts its
	// parameters there by the mode, whatever Content-Type the request
	// names, as postman-runtime goes by body.mode (fresh-round14c-m.json).
	// "" (a request made without a collection) goes by the Content-Type.
	BodyMode string
}

func (o Options) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

// Apply signs or decorates req per a. body is the exact body bytes that will
// be sent (used for payload hashes and urlencoded oauth1 parameters). A nil
// a, an empty type and "noauth" do nothing.
func Apply(req *http.Request, a *collections.Auth, body []byte) error {
	return ApplyWith(req, a, body, Options{})
}

// ApplyWith is Apply with explicit options.
func ApplyWith(req *http.Request, a *collections.Auth, body []byte, opts Options) error {
	if a == nil || req == nil {
		return nil
	}
	if opts.TypedCredentials {
		if k, _ := collections.RefusedCredential(a); k != "" {
			return nil // as Postman's newer runtime: no auth, no word
		}
		a = withNullsAsNone(a)
	}
	p := paramsOf(a)
	var err error
	switch strings.ToLower(a.Type) {
	case "", TypeNoAuth:
		return nil
	case TypeInherit:
		return fmt.Errorf("could not find a handler for auth: %s: %w", a.Type, ErrUnsupported)
	case TypeBasic:
		err = applyBasic(req, p, opts.Btoa)
	case TypeBearer:
		applyBearer(req, p, opts.EmptyBearer)
	case TypeAPIKey:
		applyAPIKey(req, p)
	case TypeOAuth2:
		applyOAuth2(req, p)
	case TypeDigest:
		err = applyDigest(req, p, body, opts.UnhashedBody)
	case TypeOAuth1:
		err = applyOAuth1(req, p, body, opts)
	case TypeHawk:
		err = applyHawk(req, p, body, opts)
	case TypeAWSv4:
		err = applyAWSv4(req, p, body, opts)
	case TypeJWT:
		err = applyJWT(req, p)
	case TypeEdgeGrid:
		err = applyEdgeGrid(req, p, body, opts)
	case TypeASAP:
		err = applyASAP(req, p, opts.now())
	case TypeNTLM:
		applyNTLM(req, a)
	default:
		return fmt.Errorf("unknown auth type %q: %w", a.Type, ErrUnsupported)
	}
	if err != nil {
		return fmt.Errorf("%s auth: %w", a.Type, err)
	}
	return nil
}

// withNullsAsNone is a with the nulls the newer runtime takes as none
// (jwt's header and payload) left empty.
func withNullsAsNone(a *collections.Auth) *collections.Auth {
	var c *collections.Auth
	for k := range a.Params {
		if collections.NullCredential(a, k) {
			if c == nil {
				c = a.Clone()
			}
			c.Set(k, "")
		}
	}
	if c == nil {
		return a
	}
	return c
}

// Challenge handles the response to a request signed with a. For digest it
// reads the WWW-Authenticate challenge of a 401/403, records what it learned
// (realm, nonce, qop, opaque, clientNonce, nonceCount) in a.Params the way
// Postman's auth.set does (only params that are empty), and returns a signed
// copy of req to send once. It returns nil when no retry is due; callers may
// call it again after the retry and it will return nil then, as Postman
// retries a challenge at most once. body is the request body to resend.
func Challenge(req *http.Request, a *collections.Auth, resp *http.Response, body []byte) (*http.Request, error) {
	return ChallengeWith(req, a, resp, body, Options{})
}

// Replays is how many times a's scheme may replay one request to answer
// challenges: NTLM's handshake takes two (negotiate, then authenticate),
// digest one.
func Replays(a *collections.Auth) int {
	if a != nil && strings.EqualFold(a.Type, TypeNTLM) {
		return 2
	}
	return 1
}

// ChallengeWith is Challenge with explicit options.
func ChallengeWith(req *http.Request, a *collections.Auth, resp *http.Response, body []byte, opts Options) (*http.Request, error) {
	if a == nil || req == nil || resp == nil {
		return nil, nil
	}
	switch strings.ToLower(a.Type) {
	case TypeDigest:
		if a.Params == nil {
			a.Params = map[string]string{}
		}
		if !digestLearn(a, resp) {
			return nil, nil
		}
	case TypeNTLM:
		if retry, err := ntlmLearn(a, resp, opts.now()); !retry {
			return nil, err
		}
	default:
		return nil, nil
	}
	retry, err := cloneRequest(req, body)
	if err != nil {
		return nil, fmt.Errorf("%s auth: retrying after challenge: %w", a.Type, err)
	}
	// The retry must not carry the first attempt's (absent or stale) header.
	retry.Header.Del("Authorization")
	if err := ApplyWith(retry, a, body, opts); err != nil {
		return nil, err
	}
	return retry, nil
}

// Inherit returns the effective auth of a request given its own auth, then
// its folders from inner to outer, then the collection's. nil (no auth
// block: "Inherit auth from parent" in Postman's exports) defers to the
// next level; any other type (including "noauth") wins. A block that says
// type "inherit" wins too: Postman's runtime has no handler for that name
// ("could not find a handler for auth: inherit") and sends the request
// without auth, Newman 6.2.2 and Postman CLI 1.34 alike. The result is nil
// when nothing applies.
func Inherit(chain ...*collections.Auth) *collections.Auth {
	for _, a := range chain {
		if a == nil || a.Type == "" {
			continue
		}
		return a
	}
	return nil
}

// params reads auth parameters. Every value is a string (a JSON boolean is
// "true"/"false"); lit marks the ones the collection gave as a boolean or
// number rather than as text, types their declared type.
type params struct {
	m     map[string]string
	lit   map[string]bool
	types map[string]string
}

func paramsOf(a *collections.Auth) params {
	return params{m: a.Params, lit: a.Literal, types: a.Types}
}

// get reads a param by postman-runtime's own key only: a v2 collection that
// spells it as v1's helperAttributes did (hawk's ext, oauth1's timeStamp...)
// is ignored by Newman (fresh-round11z-auth-aliases); v1 collections are
// mapped to these keys when they load (collections/v1.go).
func (p params) get(key string) string {
	return p.m[key]
}

func (p params) has(key string) bool {
	_, ok := p.m[key]
	return ok
}

// flag reads a boolean param as Postman's runtime does, by JavaScript
// truthiness of the value postman-collection hands it: a boolean or number
// the collection gave (false, 0, null) is false unless declared "string"
// (String(false) is "false", which is true); text is true unless empty, so
// "false" typed as text is true, as in Postman.
func (p params) flag(k string) bool {
	v, ok := p.m[k]
	if !ok {
		return false
	}
	if p.lit[k] && p.types[k] != "string" {
		switch strings.TrimSpace(v) {
		case "false", "0", "null", "", "-0", "0.0":
			return false
		}
		return true
	}
	return v != ""
}

// cloneRequest copies req for a resend with a fresh body reader.
func cloneRequest(req *http.Request, body []byte) (*http.Request, error) {
	r := req.Clone(req.Context())
	if body != nil {
		setBody(r, body)
		return r, nil
	}
	if req.GetBody != nil {
		rc, err := req.GetBody()
		if err != nil {
			return nil, err
		}
		r.Body = rc
	}
	return r, nil
}

// setBody replaces the request body, keeping it rewindable.
func setBody(r *http.Request, body []byte) {
	r.ContentLength = int64(len(body))
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.GetBody = func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(body)), nil
	}
	if len(body) == 0 {
		r.Body = http.NoBody
	}
}

// isURLEncoded reports whether the request carries a urlencoded form body
// (Postman's body.mode === "urlencoded"): by opts.BodyMode when known,
// else by the Content-Type, spelt in any case.
func isURLEncoded(req *http.Request, opts Options) bool {
	if opts.BodyMode != "" {
		return opts.BodyMode == "urlencoded"
	}
	ct := strings.ToLower(headerValue(req.Header, "Content-Type"))
	return strings.HasPrefix(strings.TrimSpace(ct), "application/x-www-form-urlencoded")
}
