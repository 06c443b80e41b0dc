package environments

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/internal/jsonobject"
)

// RunInPostmanLink is what a "Run in Postman" button's link carries:
//
//	https://god.gw.postman.com/run-collection/<owner>-<uuid>?action=collection%2Ffork
//	  &source=rip_markdown&collection-url=entityId%3D<uid>%26entityType%3Dcollection%26workspaceId%3D<ws>
//	  #?env%5B<NAME>%5D=<base64 of a JSON array of {key, value, enabled, type}>
//
// The collection itself is not in the link: it is fetched through the
// Postman API by its uid.
type RunInPostmanLink struct {
	// CollectionUID is the collection's uid ("<owner id>-<uuid>"), the
	// identifier the Postman API's GET /collections/{id} accepts. Empty when
	// the link names no such uid (see CollectionRef).
	CollectionUID string
	// CollectionRef is the identifier the link's path carries, which is
	// CollectionUID on current links and an opaque id on old
	// app.getpostman.com links.
	CollectionRef string
	// WorkspaceID is collection-url's workspaceId, when present.
	WorkspaceID string
	// Base is the link without its query and fragment, for messages and as
	// the source of the environments (nothing secret is in it).
	Base string
	// Environments are the env[NAME] entries of the fragment, in link order.
	Environments []*File
}

// IsRunInPostmanLink reports whether s looks like a Run-in-Postman link
// (an http(s) URL whose path has a /run-collection/ segment), possibly
// pasted with Markdown or HTML around it.
func IsRunInPostmanLink(s string) bool {
	s = cleanLink(s)
	if !collections.IsURL(s) {
		return false
	}
	path := s
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	return strings.Contains(strings.ToLower(path), "/run-collection/")
}

// ParseRunInPostmanLink decodes a Run-in-Postman link: the collection's uid
// from the path (or from collection-url's entityId) and every env[NAME]
// entry of the fragment as an environment named NAME. It accepts the link as
// copied from a page's Markdown source (\& escapes, a [text](link) wrapper)
// or HTML (&amp;), env names and values encoded once or twice, and base64 in
// the standard or URL-safe alphabet, with or without padding. Errors name the
// part of the link at fault, never a variable's value.
func ParseRunInPostmanLink(link string) (*RunInPostmanLink, error) {
	s := cleanLink(link)
	if !collections.IsURL(s) {
		return nil, errors.New("not a Run-in-Postman link: expected an https:// URL")
	}
	rest, fragment, _ := strings.Cut(s, "#")
	base, query, _ := strings.Cut(rest, "?")
	l := &RunInPostmanLink{Base: base}

	u, err := url.Parse(base)
	if err != nil {
		return nil, fmt.Errorf("run-in-postman link: %w", unwrapURLErr(err))
	}
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	for i, seg := range segs {
		if strings.EqualFold(seg, "run-collection") && i+1 < len(segs) {
			l.CollectionRef = segs[i+1]
			break
		}
	}

	if query != "" {
		q, err := url.ParseQuery(query)
		if err != nil {
			return nil, fmt.Errorf("run-in-postman link: query: %w", err)
		}
		if cu := q.Get("collection-url"); cu != "" {
			cq, err := url.ParseQuery(cu)
			if err != nil {
				return nil, fmt.Errorf("run-in-postman link: collection-url: %w", err)
			}
			if id := cq.Get("entityId"); id != "" && (cq.Get("entityType") == "" || strings.EqualFold(cq.Get("entityType"), "collection")) {
				if l.CollectionRef == "" {
					l.CollectionRef = id
				}
				if collections.IsPostmanUID(id) {
					l.CollectionUID = id
				}
			}
			l.WorkspaceID = cq.Get("workspaceId")
		}
	}
	// The path names the collection the button forks; collection-url only
	// repeats it, so the path wins when both are uids.
	if collections.IsPostmanUID(l.CollectionRef) {
		l.CollectionUID = l.CollectionRef
	}

	envs, err := parseEnvFragment(fragment, base)
	if err != nil {
		return nil, err
	}
	l.Environments = envs
	if l.CollectionRef == "" {
		return nil, fmt.Errorf("run-in-postman link %s names no collection: expected /run-collection/<owner id>-<uuid> in its path or collection-url=entityId%%3D<uid> in its query", base)
	}
	return l, nil
}

// cleanLink undoes what pasting a link from a web page adds: surrounding
// spaces, quotes and angle brackets, a Markdown [text](link) wrapper,
// Markdown's backslash escapes (rip_markdown links are written with \&) and
// HTML's &amp;.
func cleanLink(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "]("); i >= 0 && strings.HasSuffix(s, ")") {
		s = s[i+2 : len(s)-1]
	}
	s = strings.Trim(s, " \t\r\n\"'<>")
	s = strings.ReplaceAll(s, "&amp;", "&")
	if strings.Contains(s, `\`) {
		// A backslash is never part of a URL; before punctuation it is a
		// Markdown escape.
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
				continue
			}
			b.WriteByte(s[i])
		}
		s = b.String()
	}
	return s
}

func isASCIIPunct(c byte) bool {
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~')
}

// parseEnvFragment decodes the env[NAME]=<base64> entries of a link's
// fragment ("?env%5BNAME%5D=...&env%5BOTHER%5D=..."). Other entries are
// ignored, as Postman ignores them.
func parseEnvFragment(fragment, base string) ([]*File, error) {
	fragment = strings.TrimLeft(fragment, "#?")
	if fragment == "" {
		return nil, nil
	}
	var envs []*File
	seen := map[string]bool{}
	for i, part := range strings.Split(fragment, "&") {
		if part == "" {
			continue
		}
		rawKey, rawVal, _ := strings.Cut(part, "=")
		key, err := unescapeTwice(rawKey, url.QueryUnescape, keyStillEncoded)
		if err != nil {
			return nil, fmt.Errorf("run-in-postman link: fragment entry %d: name is not valid URL encoding: %w", i+1, err)
		}
		name, ok := envName(key)
		if !ok {
			continue
		}
		where := fmt.Sprintf("run-in-postman link: fragment env[%s]", name)
		if seen[name] {
			return nil, fmt.Errorf("%s appears twice: environment names must be unique", where)
		}
		seen[name] = true
		// PathUnescape keeps '+', which base64 uses; a '+' that some tool
		// turned into a space is turned back.
		val, err := unescapeTwice(rawVal, url.PathUnescape, valueStillEncoded)
		if err != nil {
			return nil, fmt.Errorf("%s: value is not valid URL encoding: %w", where, err)
		}
		val = strings.ReplaceAll(val, " ", "+")
		if val == "" {
			return nil, fmt.Errorf("%s: value is empty, expected base64 of the environment's variables", where)
		}
		data, err := decodeBase64Loose(val)
		if err != nil {
			return nil, fmt.Errorf("%s: value is not base64: %w", where, err)
		}
		f, err := loadLinkEnv(data, base+"#env["+name+"]")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		f.Name = name
		f.VariableScope = "environment"
		envs = append(envs, f)
	}
	return envs, nil
}

// unescapeTwice decodes s, and decodes the result again when again says
// it is still encoded (a link encoded twice, %255B for "[").
func unescapeTwice(s string, unescape func(string) (string, error), again func(string) bool) (string, error) {
	out, err := unescape(s)
	if err != nil {
		return "", err
	}
	if again(out) {
		if twice, err := unescape(out); err == nil {
			return twice, nil
		}
	}
	return out, nil
}

// keyStillEncoded: a name decoded once still reads env%5B...
func keyStillEncoded(s string) bool {
	return len(s) >= 6 && strings.EqualFold(s[:6], "env%5b")
}

// valueStillEncoded: base64 never holds '%'.
func valueStillEncoded(s string) bool { return strings.Contains(s, "%") }

// envName returns NAME from "env[NAME]".
func envName(key string) (string, bool) {
	if len(key) < 5 || !strings.EqualFold(key[:4], "env[") || !strings.HasSuffix(key, "]") {
		return "", false
	}
	return key[4 : len(key)-1], true
}

// decodeBase64Loose accepts the standard and URL-safe alphabets, with or
// without padding, ignoring whitespace.
func decodeBase64Loose(s string) ([]byte, error) {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\r', '\n':
			return -1
		case '-':
			return '+'
		case '_':
			return '/'
		}
		return r
	}, s)
	s = strings.TrimRight(s, "=")
	return base64.RawStdEncoding.DecodeString(s)
}

// loadLinkEnv reads the decoded JSON of an env[NAME] entry: an array of
// {key, value, enabled, type} (what Postman generates), an environment
// object with "values", or a plain {"key": value} object (what the Run in
// Postman API's env.create takes).
func loadLinkEnv(data []byte, source string) (*File, error) {
	text := bytes.TrimSpace(data)
	if !json.Valid(text) {
		return nil, errors.New("decoded value is not JSON")
	}
	if len(text) > 0 && text[0] == '{' {
		var probe map[string]json.RawMessage
		if err := json.Unmarshal(text, &probe); err == nil {
			if _, ok := probe["values"]; !ok {
				vars, err := orderedPairs(text)
				if err != nil {
					return nil, err
				}
				return &File{Values: vars, Source: source}, nil
			}
		}
	}
	f, err := Load(bytes.NewReader(text), source)
	if err != nil {
		var le *LoadError
		if errors.As(err, &le) {
			// The source is the link itself; say only what is wrong.
			le.File = "decoded JSON"
		}
		return nil, err
	}
	f.Source = source
	return f, nil
}

// orderedPairs turns {"k": v, ...} into variables, in the object's order.
func orderedPairs(text []byte) ([]Variable, error) {
	ms, err := jsonobject.Members(text)
	if err != nil {
		return nil, err
	}
	vars := make([]Variable, 0, len(ms))
	for _, m := range ms {
		v := Variable{Key: m.Key, Type: TypeDefault}
		var str string
		if json.Unmarshal(m.Value, &str) == nil {
			v.Value = str
		} else {
			v.Value, v.Type = EncodeValue(m.Value)
		}
		vars = append(vars, v)
	}
	return vars, nil
}

func unwrapURLErr(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
