package pingone

import (
	"net/http"
	"strings"
)

var productDescriptions = map[string]string{
	"PING_ONE_BASE":         "PingOne Base",
	"PING_ONE_MFA":          "PingOne MFA",
	"PING_ONE_RISK":         "PingOne Protect",
	"PING_ONE_VERIFY":       "PingOne Verify",
	"PING_ONE_DAVINCI":      "PingOne DaVinci",
	"PING_ONE_AUTHORIZE":    "PingOne Authorize",
	"PING_ONE_CREDENTIALS":  "PingOne Credentials",
	"PING_ONE_PROVISIONING": "PingOne Provisioning",
}

var regions = map[string]bool{"NA": true, "EU": true, "CA": true, "AP": true, "AU": true, "SG": true}

func (s *Server) createEnvironment(w http.ResponseWriter, r *http.Request, base string) {
	body, ok := readJSONBody(w, r, mtJSON)
	if !ok {
		return
	}
	var bad []detail
	name, typ, region := str(body, "name"), str(body, "type"), str(body, "region")
	if strings.TrimSpace(name) == "" {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"})
	}
	if typ != "SANDBOX" && typ != "PRODUCTION" {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "type", Message: "must be one of [SANDBOX, PRODUCTION]"})
	}
	if region == "" {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "region", Message: "must not be null"})
	} else if !regions[region] {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "region", Message: "must be one of [NA, EU, CA, AP, AU, SG]"})
	}
	if lic := obj(body, "license"); lic != nil && str(lic, "id") != s.licenseID {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "license.id", Message: "license not found in organization"})
	}
	for _, e := range s.envs {
		if strings.EqualFold(e.name, name) {
			bad = append(bad, detail{Code: "UNIQUENESS_VIOLATION", Target: "name", Message: "An environment with the specified name already exists"})
		}
	}
	var products []product
	if bom := obj(body, "billOfMaterials"); bom != nil {
		list, _ := bom["products"].([]any)
		for i, p := range list {
			pm, _ := p.(map[string]any)
			t := str(pm, "type")
			desc, known := productDescriptions[t]
			if !known {
				bad = append(bad, detail{Code: "INVALID_VALUE", Target: "billOfMaterials.products[" + itoa(i) + "].type", Message: "unknown product type"})
				continue
			}
			if d := str(pm, "description"); d != "" {
				desc = d
			}
			products = append(products, product{Type: t, Description: desc})
		}
	}
	if len(bad) > 0 {
		writeInvalidData(w, bad...)
		return
	}
	if len(products) == 0 {
		products = []product{{Type: "PING_ONE_BASE", Description: "PingOne Base"}}
	}
	env := s.addEnvironment(newID(), name, str(body, "description"), typ, region, products)
	writeHAL(w, http.StatusCreated, s.environmentJSON(env, base))
}

// addEnvironment creates an environment with what PingOne provisions in a
// new one: a default population and the default "Single_Factor" sign-on
// policy with a LOGIN action. The caller holds s.mu (or is seeding).
func (s *Server) addEnvironment(id, name, description, typ, region string, products []product) *environment {
	now := s.now()
	for i := range products {
		products[i].ID = newID()
	}
	env := &environment{id: id, name: name, description: description, typ: typ, region: region,
		products: products, createdAt: now, updatedAt: now, seq: s.next()}
	s.envs[id] = env
	s.envOrder = append(s.envOrder, id)
	pop := &population{id: newID(), envID: id, name: "Default", description: "Default population",
		isDefault: true, createdAt: now, updatedAt: now, seq: s.next()}
	s.populations[pop.id] = pop
	env.defaultPopulation = pop.id
	pol := &signOnPolicy{id: newID(), envID: id, name: "Single_Factor", description: "A sign-on policy that requires primary username and password",
		isDefault: true, createdAt: now, updatedAt: now, seq: s.next()}
	s.policies[pol.id] = pol
	env.defaultPolicy = pol.id
	act := &policyAction{id: newID(), envID: id, policyID: pol.id, typ: "LOGIN", priority: 1,
		body: map[string]any{"recovery": map[string]any{"enabled": true}}, createdAt: now, updatedAt: now, seq: s.next()}
	s.actions[act.id] = act
	s.builtinResources(id, now)
	return env
}

func (s *Server) listEnvironments(w http.ResponseWriter, base string) {
	var out []any
	for _, id := range s.envOrder {
		out = append(out, s.environmentJSON(s.envs[id], base))
	}
	writeHAL(w, http.StatusOK, collection(base+"/environments", "environments", out))
}

func (s *Server) environmentJSON(env *environment, base string) map[string]any {
	self := base + "/environments/" + env.id
	return map[string]any{
		"_links": map[string]any{
			"self":            link(self),
			"organization":    link(base + "/organizations/" + s.creds.OrgID),
			"license":         link(base + "/organizations/" + s.creds.OrgID + "/licenses/" + s.licenseID),
			"populations":     link(self + "/populations"),
			"applications":    link(self + "/applications"),
			"users":           link(self + "/users"),
			"signOnPolicies":  link(self + "/signOnPolicies"),
			"billOfMaterials": link(self + "/billOfMaterials"),
		},
		"id":              env.id,
		"name":            env.name,
		"description":     env.description,
		"organization":    ref(s.creds.OrgID),
		"type":            env.typ,
		"region":          env.region,
		"license":         ref(s.licenseID),
		"createdAt":       ts(env.createdAt),
		"updatedAt":       ts(env.updatedAt),
		"billOfMaterials": s.bomBody(env),
	}
}

func (s *Server) bomBody(env *environment) map[string]any {
	var ps []any
	for _, p := range env.products {
		ps = append(ps, map[string]any{"id": p.ID, "type": p.Type, "description": p.Description})
	}
	return map[string]any{"products": ps, "createdAt": ts(env.createdAt), "updatedAt": ts(env.updatedAt)}
}

func (s *Server) bomJSON(env *environment, base string) map[string]any {
	b := s.bomBody(env)
	b["_links"] = map[string]any{"self": link(base + "/environments/" + env.id + "/billOfMaterials")}
	return b
}

// collection is PingOne's list envelope.
func collection(self, name string, items []any) map[string]any {
	if items == nil {
		items = []any{}
	}
	return map[string]any{
		"_links":    map[string]any{"self": link(self)},
		"_embedded": map[string]any{name: items},
		"count":     len(items),
		"size":      len(items),
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	neg := i < 0
	if neg {
		i = -i
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	if neg {
		b = append([]byte{'-'}, b...)
	}
	return string(b)
}
