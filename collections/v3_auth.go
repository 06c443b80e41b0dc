package collections

import (
	"fmt"
	"slices"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// v3AuthTypes are the auth types Postman's v12 format takes (what
// `postman collection lint` of Postman CLI 1.34 accepts); inherit means the
// parent's auth, as no auth: at all does.
var v3AuthTypes = []string{"apikey", "asap", "awsv4", "basic", "bearer", "digest", "edgegrid", "hawk", "inherit", "jwt", "noauth", "ntlm", "oauth1", "oauth2"}

// v3auth reads an auth block. A request takes one {type, credentials}; a
// collection or folder definition takes that or a list of {id, name, type,
// credentials} entries of which the last is in force (as in Postman), an
// empty list meaning no auth. What Postman's format refuses (an unknown
// type, another key, a list in a request, credentials that are text) is an
// error, as Postman CLI 1.34 drops such a request (and ignores such a
// definition) without a word (fresh-round10v-auth.json).
func (m ymap) v3auth(n *yaml.Node, path string, definition bool) (*Auth, error) {
	if n == nil {
		return nil, nil
	}
	if isNullNode(n) {
		// Postman CLI 1.34 skips such a request and ignores such a
		// definition (fresh-round11v-nulls.json).
		return nil, m.fieldErr(n, path, "Postman expects {type, credentials} here, got nothing; remove auth: to inherit the parent's auth, or write type: noauth")
	}
	if n.Kind == yaml.SequenceNode {
		if !definition {
			return nil, m.fieldErr(n, path, "Postman expects one {type, credentials} in a request, got a list (only collection and folder definitions take a list), and skips the request")
		}
		if len(n.Content) == 0 {
			return &Auth{Type: "noauth", Params: map[string]string{}}, nil
		}
		var a *Auth
		for i, e := range n.Content {
			var err error
			if a, err = m.authEntry(deref(e), fmt.Sprintf("%s[%d]", path, i), true); err != nil {
				return nil, err
			}
		}
		return a, nil
	}
	return m.authEntry(n, path, false)
}

// authEntry reads one {type, credentials} (with id and name in a list).
// type: inherit gives nil, the parent's auth (credentials beside it are
// ignored).
func (m ymap) authEntry(n *yaml.Node, path string, listed bool) (*Auth, error) {
	if n.Kind != yaml.MappingNode {
		return nil, m.fieldErr(n, path, "Postman expects {type, credentials} here, got %s", shapeKind(n))
	}
	am := ymap{src: m.src, node: n}
	if err := am.authKeys(path, listed); err != nil {
		return nil, err
	}
	typ, err := am.str("type", path+".type")
	if err != nil {
		return nil, err
	}
	switch {
	case typ == "":
		return nil, m.fieldErr(n, path+".type", "missing: Postman expects an auth type (bearer, basic, apikey, oauth2, noauth...)")
	case !slices.Contains(v3AuthTypes, typ):
		return nil, m.fieldErr(am.get("type"), path+".type", "unknown auth type %q; Postman expects one of %s", typ, strings.Join(v3AuthTypes, ", "))
	case listed && typ == "inherit":
		return nil, m.fieldErr(am.get("type"), path+".type", "Postman does not take inherit in a list of auths; leave the list out to inherit")
	case typ == "noauth" && am.get("credentials") != nil:
		return nil, m.fieldErr(am.get("credentials"), path+".credentials", "noauth takes no credentials, not even an empty credentials: {}; remove credentials:")
	case typ == "inherit":
		// Credentials beside inherit, even a token, are ignored: lint
		// passes them and Postman CLI 1.34 runs the request
		// (fresh-round11v-inherit.json).
		return nil, nil
	}
	a := &Auth{Type: typ, Params: map[string]string{}}
	if err := am.credentials(a, am.get("credentials"), path); err != nil {
		return nil, err
	}
	return a, nil
}

// authKeys checks an auth mapping's keys: type and credentials, and in a
// list entry id and name (text, both required).
func (m ymap) authKeys(path string, listed bool) error {
	allowed := []string{"type", "credentials"}
	if listed {
		allowed = append(allowed, "id", "name")
		for _, k := range []string{"id", "name"} {
			v := m.get(k)
			if v == nil {
				return m.fieldErr(nil, path+"."+k, "missing: Postman expects each auth of a list to have an id and a name (id: bearer-1, name: bearer auth)")
			}
			if _, err := m.strNode(v, path+"."+k); err != nil {
				return err
			}
		}
	}
	for i := 0; i+1 < len(m.node.Content); i += 2 {
		k := m.node.Content[i]
		if !slices.Contains(allowed, k.Value) {
			return m.fieldErr(k, path+"."+k.Value, "unknown key %q in an auth; Postman expects only %s here", k.Value, strings.Join(allowed, ", "))
		}
	}
	return nil
}

// credentials reads an auth's credentials, a mapping or a list of {key,
// value}.
func (m ymap) credentials(a *Auth, cn *yaml.Node, path string) error {
	if isNullNode(cn) {
		return nil
	}
	switch cn.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(cn.Content); i += 2 {
			k, v := cn.Content[i].Value, deref(cn.Content[i+1])
			s, err := authValue(m, v, path+".credentials."+k)
			if err != nil {
				return err
			}
			setCredential(a, k, s, v)
		}
	case yaml.SequenceNode:
		for i, e := range cn.Content {
			e = deref(e)
			p := fmt.Sprintf("%s.credentials[%d]", path, i)
			if e.Kind != yaml.MappingNode {
				return m.fieldErr(e, p, "Postman expects {key, value} here, got %s", shapeKind(e))
			}
			em := ymap{src: m.src, node: e}
			k, err := em.str("key", p+".key")
			if err != nil {
				return err
			}
			s, err := authValue(em, em.get("value"), p+".value")
			if err != nil {
				return err
			}
			setCredential(a, k, s, deref(em.get("value")))
		}
	default:
		return m.fieldErr(cn, path+".credentials", "Postman expects a mapping of credentials here (username: ..., password: ...), got %s", shapeKind(cn))
	}
	return nil
}
