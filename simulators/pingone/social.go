package pingone

import "net/url"

// Social identity providers (FACEBOOK and the other non-OIDC types) in
// sign-on flows: a LOGIN action offers them in socialProviders, and the
// flow lists them so a client can send the user to one. Signing on at the
// provider itself (facebook.com, in a browser) is not modelled.

// checkSocialProviders validates a LOGIN action's socialProviders: each
// must be an identity provider of the environment. The caller holds s.mu.
func (s *Server) checkSocialProviders(env *environment, body map[string]any) []detail {
	var bad []detail
	providers, _ := body["socialProviders"].([]any)
	for _, p := range providers {
		m, _ := p.(map[string]any)
		if s.more().get(str(m, "id"), kindIdentityProvider.name, env.id) == nil {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "socialProviders.id", Message: "Referenced identity provider does not exist"})
		}
	}
	return bad
}

// socialProvidersJSON adds the current action's social providers to a
// flow waiting for a username and password: each with its authenticate
// link (GET /{envID}/rp/authenticate). The caller holds s.mu.
func (s *Server) socialProvidersJSON(f *flow, base string, links, emb map[string]any) {
	a := f.currentAction()
	if a == nil {
		return
	}
	providers, _ := a.body["socialProviders"].([]any)
	var out []any
	for _, p := range providers {
		m, _ := p.(map[string]any)
		idp := s.more().get(str(m, "id"), kindIdentityProvider.name, f.envID)
		if idp == nil || idp.body["enabled"] != true {
			continue
		}
		q := url.Values{"providerId": {idp.id}, "flowId": {f.id}}
		auth := link(base + "/" + f.envID + "/rp/authenticate?" + q.Encode())
		if _, ok := links["authenticate"]; !ok {
			// Read Flow documents an authenticate link on the flow itself
			// when a provider is offered: the first one's.
			links["authenticate"] = auth
		}
		out = append(out, map[string]any{
			"id": idp.id, "name": str(idp.body, "name"), "type": str(idp.body, "type"),
			"_links": map[string]any{"authenticate": auth},
		})
	}
	if out != nil {
		emb["socialProviders"] = out
	}
}

// seedIdPAttributes adds the CORE mapping PingOne creates with a social
// provider: for FACEBOOK, PingOne's username from the provider's email.
func (s *Server) seedIdPAttributes(st *moreState, idp *rec) {
	key := "attributes:" + idp.id
	if st.seeded[key] {
		return
	}
	st.seeded[key] = true
	if str(idp.body, "type") != "FACEBOOK" {
		return
	}
	x := s.add(st, kindIdPAttribute, idp.envID, idp.id, idp.self+"/attributes",
		map[string]any{"name": "username", "value": "${providerAttributes.email}", "update": "EMPTY_ONLY", "mappingType": "CORE"})
	x.createdAt, x.updatedAt = idp.createdAt, idp.createdAt
}
