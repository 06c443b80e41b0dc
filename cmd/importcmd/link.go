// Package importcmd implements "courier import" and opens what a "Run in
// Postman" button links to (the collection through the Postman API, the
// environments from the link's fragment) for "courier run <link>" too.
package importcmd

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"

	"github.com/spf13/pflag"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/vault"
)

// EnvAPIKey and EnvAPIBase are the environment variables read when the
// flags are not given.
const (
	EnvAPIKey  = "POSTMAN_API_KEY"
	EnvAPIBase = "COURIER_POSTMAN_API_BASE"
)

// keyHint names every way to supply the key; errors about it end with it.
const keyHint = "pass --postman-api-key KEY (or --postman-api-key vault:NAME for a key kept in courier's vault) or set " + EnvAPIKey

// LinkOptions say how to reach the Postman API.
type LinkOptions struct {
	// APIKey is --postman-api-key: the key itself, or vault:NAME (also
	// {{vault:NAME}}) for a secret in courier's vault. Empty falls back to
	// $POSTMAN_API_KEY.
	APIKey string
	// APIBase is --postman-api-base. Empty falls back to
	// $COURIER_POSTMAN_API_BASE, then collections.DefaultPostmanAPIBase.
	APIBase string
	// Getenv reads the process environment; nil uses os.Getenv.
	Getenv func(string) string
	// VaultStore opens the store behind vault:NAME, only when such a key is
	// used; nil uses cmdutil.Vault(Getenv).
	VaultStore func() vault.Store
}

// AddLinkFlags adds --postman-api-key and --postman-api-base to fs.
func AddLinkFlags(fs *pflag.FlagSet, o *LinkOptions) {
	fs.StringVar(&o.APIKey, "postman-api-key", "", "Postman API `key` to fetch collections by uid or Run-in-Postman link (or vault:NAME; default $"+EnvAPIKey+")")
	fs.StringVar(&o.APIBase, "postman-api-base", "", "Postman API base `URL` (default $"+EnvAPIBase+" or "+collections.DefaultPostmanAPIBase+")")
}

func (o LinkOptions) getenv(k string) string {
	if o.Getenv != nil {
		return o.Getenv(k)
	}
	return os.Getenv(k)
}

func (o LinkOptions) base() string {
	if o.APIBase != "" {
		return o.APIBase
	}
	if b := o.getenv(EnvAPIBase); b != "" {
		return b
	}
	return collections.DefaultPostmanAPIBase
}

var vaultRef = regexp.MustCompile(`^\{\{\s*vault:(.+?)\s*\}\}$`)

// apiKey resolves the key. Asked only when a request needs one, so the
// keyring is never touched otherwise.
func (o LinkOptions) apiKey(ctx context.Context) (string, error) {
	k := strings.TrimSpace(o.APIKey)
	name := ""
	if m := vaultRef.FindStringSubmatch(k); m != nil {
		name = m[1]
	} else if rest, ok := strings.CutPrefix(k, "vault:"); ok {
		name = strings.TrimSpace(rest)
	}
	if name != "" {
		store := o.VaultStore
		if store == nil {
			store = func() vault.Store { return cmdutil.Vault(o.getenv) }
		}
		v, err := store().Get(ctx, name)
		switch {
		case errors.Is(err, vault.ErrNotFound):
			return "", cmdutil.WithExitCode(fmt.Errorf("--postman-api-key names vault secret %q, which is not in the vault: store it with 'courier vault set %s', or %s", name, name, keyHint), cmdutil.ExitInput)
		case err != nil:
			var ue *vault.UnavailableError
			if errors.As(err, &ue) {
				return "", cmdutil.WithExitCode(fmt.Errorf("reading the Postman API key from the vault: %w", err), cmdutil.ExitVault)
			}
			return "", cmdutil.WithExitCode(fmt.Errorf("reading the Postman API key from the vault: %w", err), cmdutil.ExitInput)
		case v == "":
			return "", cmdutil.WithExitCode(fmt.Errorf("vault secret %q (the Postman API key) is empty: %s", name, keyHint), cmdutil.ExitInput)
		}
		return v, nil
	}
	if k != "" {
		return k, nil
	}
	return strings.TrimSpace(o.getenv(EnvAPIKey)), nil
}

// IsLink reports whether arg is something OpenLink opens rather than a
// collection file or plain URL: a Run-in-Postman link, a Postman API
// collection URL (https://api.getpostman.com/collections/<uid>, or under
// the configured base), or a bare collection uid that names no file (as
// Newman accepts with --postman-api-key).
func IsLink(arg string, o LinkOptions) bool {
	if environments.IsRunInPostmanLink(arg) {
		return true
	}
	if _, ok := apiCollectionURL(arg, o.base()); ok {
		return true
	}
	if collections.IsPostmanUID(arg) {
		if _, err := os.Stat(arg); err != nil {
			return true
		}
	}
	return false
}

// apiCollectionURL reports whether s is a Postman API collection URL: on
// one of the API's hosts or under base, with the path /collections/<id>.
func apiCollectionURL(s, base string) (uid string, ok bool) {
	if !collections.IsURL(s) {
		return "", false
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", false
	}
	prefix := ""
	if !collections.IsPostmanAPIHost(u.Host) {
		b, err := url.Parse(base)
		if err != nil || !strings.EqualFold(b.Host, u.Host) || !strings.EqualFold(b.Scheme, u.Scheme) {
			return "", false
		}
		prefix = strings.TrimRight(b.Path, "/")
	}
	rest, ok := strings.CutPrefix(u.Path, prefix+"/collections/")
	if !ok || rest == "" || strings.Contains(rest, "/") {
		return "", false
	}
	return rest, true
}

// Opened is what a link opens to.
type Opened struct {
	// Collection is the fetched collection; Raw is its JSON as the API sent
	// it (unwrapped from {"collection": ...}).
	Collection *collections.Collection
	Raw        []byte
	// Environments come from a Run-in-Postman link's fragment (none for an
	// API URL or uid).
	Environments []*environments.File
	// Source names where it came from, with no credential in it.
	Source string
}

// OpenLink fetches the collection a Run-in-Postman link, Postman API
// collection URL or collection uid names, and decodes the environments the
// link embeds. Errors carry an exit code (cmdutil.ExitInput, or ExitVault
// when the key is in an unavailable keyring) and never the key.
func OpenLink(ctx context.Context, client *http.Client, link string, o LinkOptions) (*collections.Collection, []*environments.File, error) {
	op, err := Open(ctx, client, link, o)
	if err != nil {
		return nil, nil, err
	}
	return op.Collection, op.Environments, nil
}

// Open is OpenLink returning everything it found.
func Open(ctx context.Context, client *http.Client, link string, o LinkOptions) (*Opened, error) {
	op, err := open(ctx, client, link, o)
	if errors.Is(err, context.Canceled) {
		return nil, cmdutil.WithExitCode(err, cmdutil.ExitInterrupted)
	}
	return op, cmdutil.WithExitCode(err, cmdutil.ExitInput)
}

func open(ctx context.Context, client *http.Client, link string, o LinkOptions) (*Opened, error) {
	if environments.IsRunInPostmanLink(link) {
		l, err := environments.ParseRunInPostmanLink(link)
		if err != nil {
			return nil, err
		}
		if l.CollectionUID == "" {
			return nil, fmt.Errorf("the link names collection %q, which is not a uid the Postman API accepts (<owner id>-<uuid>): "+
				"open the link in a browser, fork the collection, and import it by its uid", l.CollectionRef)
		}
		raw, c, err := fetchUID(ctx, client, l.CollectionUID, o)
		if err != nil {
			return nil, err
		}
		return &Opened{Collection: c, Raw: raw, Environments: l.Environments, Source: l.Base}, nil
	}
	if uid, ok := apiCollectionURL(link, o.base()); ok {
		key, err := o.apiKey(ctx)
		if err != nil {
			return nil, err
		}
		raw, c, err := collections.FetchRawFromPostmanAPIURL(ctx, client, link, key)
		if err != nil {
			return nil, explain(err, uid)
		}
		return &Opened{Collection: c, Raw: raw, Source: c.Source}, nil
	}
	if collections.IsPostmanUID(link) {
		raw, c, err := fetchUID(ctx, client, link, o)
		if err != nil {
			return nil, err
		}
		return &Opened{Collection: c, Raw: raw, Source: c.Source}, nil
	}
	return nil, fmt.Errorf("%q is not a Run-in-Postman link, a Postman API collection URL or a collection uid", collections.RedactPostmanURL(link))
}

func fetchUID(ctx context.Context, client *http.Client, uid string, o LinkOptions) ([]byte, *collections.Collection, error) {
	key, err := o.apiKey(ctx)
	if err != nil {
		return nil, nil, err
	}
	if key == "" {
		return nil, nil, fmt.Errorf("fetching collection %s through the Postman API needs an API key: %s", uid, keyHint)
	}
	raw, c, err := collections.FetchRawFromPostmanAPI(ctx, client, o.base(), uid, key)
	if err != nil {
		return nil, nil, explain(err, uid)
	}
	return raw, c, nil
}

// explain adds the fix to a Postman API error.
func explain(err error, uid string) error {
	var ae *collections.PostmanAPIError
	switch {
	case errors.Is(err, collections.ErrNoAPIKey):
		return fmt.Errorf("fetching collection %s through the Postman API needs an API key: %s", uid, keyHint)
	case errors.As(err, &ae) && ae.Unauthorized():
		return fmt.Errorf("%w: the API key was refused: check it (%s)", err, keyHint)
	case errors.As(err, &ae) && ae.NotFound():
		return fmt.Errorf("%w: check the uid, and that it is public or visible to the key's owner", err)
	}
	return err
}

// OpenEnvironmentUID fetches an environment by uid through the Postman API,
// for "courier run -e <uid>" (Newman accepts a uid with --postman-api-key).
// Errors carry an exit code, as OpenLink's do.
func OpenEnvironmentUID(ctx context.Context, client *http.Client, uid string, o LinkOptions) (*environments.File, error) {
	key, err := o.apiKey(ctx)
	if err != nil {
		return nil, err
	}
	if key == "" {
		return nil, cmdutil.WithExitCode(fmt.Errorf("fetching environment %s through the Postman API needs an API key: %s", uid, keyHint), cmdutil.ExitInput)
	}
	f, err := environments.FetchFromPostmanAPI(ctx, client, o.base(), uid, key)
	if err != nil {
		return nil, cmdutil.WithExitCode(explain(err, uid), cmdutil.ExitInput)
	}
	return f, nil
}

// IsEnvironmentUID reports whether arg, given to -e, is an environment uid
// to fetch rather than a file: a uid that names no file.
func IsEnvironmentUID(arg string) bool {
	if !collections.IsPostmanUID(arg) {
		return false
	}
	_, err := os.Stat(arg)
	return err != nil
}
