package pingone

import "strings"

// Write-only values (an LDAP gateway's bindPassword, a propagation store's
// connection secrets) are kept salted and hashed, as passwords are
// (password_hash.go): PingOne never returns them, the local PingOne never
// uses them (it connects to no directory and propagates to no store), and
// a collection may send them from the vault, which courier keeps out of
// every file it writes, pingone.json included. A hash still tells a later
// request whether the same value was sent.
//
// Values PingOne returns, or that the local PingOne must present to
// someone, stay as sent: an application's and a resource's secret (read
// back from their /secret endpoints, and the key of CLIENT_SECRET_JWT
// assertions and introspection), and an identity provider's clientSecret or
// appSecret (external_auth.go sends it to the provider's token endpoint;
// PingOne's SDK models require it in answers, and PingOne's Terraform
// provider reads it back into its state).

// secretFields are the write-only fields of body for kind k, dotted.
func (k *kind) secretFields(body map[string]any) []string {
	fields := k.writeOnly
	if k.hide != nil {
		fields = append(append([]string(nil), fields...), k.hide(body)...)
	}
	return fields
}

// hashSecretFields replaces the write-only string values of body by their
// salted hash, except a value equal to the one stored at the same place in
// old (the record before a PATCH, whose merged body carries the stored
// hash over).
func (k *kind) hashSecretFields(body, old map[string]any) {
	for _, f := range k.secretFields(body) {
		v, ok := lookup(body, f)
		s, isStr := v.(string)
		if !ok || !isStr || s == "" {
			continue
		}
		if prev, _ := lookup(old, f); prev == s {
			continue
		}
		setPath(body, f, hashPassword(s))
	}
}

// setPath sets a dotted field that lookup found.
func setPath(body map[string]any, path string, v any) {
	parts := strings.Split(path, ".")
	cur := body
	for _, part := range parts[:len(parts)-1] {
		cur = cur[part].(map[string]any)
	}
	cur[parts[len(parts)-1]] = v
}

// kindsWithSecrets are the generic kinds that have write-only fields, by
// the name their records carry.
var kindsWithSecrets = []*kind{kindGateway, kindPropagationStore}

// hashPlainSecretFields hashes the write-only values a tenant saved before
// they were hashed still holds in clear, so that OpenState's first write
// replaces them in the file (as hashPlainPasswords does for passwords).
func hashPlainSecretFields(st *moreState) {
	if st == nil {
		return
	}
	for _, x := range st.recs {
		for _, k := range kindsWithSecrets {
			if x.kind != k.name {
				continue
			}
			for _, f := range k.secretFields(x.body) {
				if v, _ := lookup(x.body, f); v != nil {
					if s, ok := v.(string); ok && s != "" && !strings.HasPrefix(s, hashPrefix) {
						setPath(x.body, f, hashPassword(s))
					}
				}
			}
		}
	}
}
