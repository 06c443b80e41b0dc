package pingone

import (
	"net/http"
	"strings"
	"time"
)

type deviceAuthPolicy struct {
	id, envID string
	body      map[string]any
	isDefault bool
	createdAt time.Time
	updatedAt time.Time
	seq       int64
}

func (p *deviceAuthPolicy) allows(typ string) bool {
	return obj(p.body, strings.ToLower(typ))["enabled"] == true
}

// deviceAuthPolicyDefaults fills in what PingOne answers for settings a
// request left out: every method's OTP failure limit and cool-down, the
// lifetime of the codes sent by SMS, voice and e-mail, forSignOnPolicy.
func deviceAuthPolicyDefaults(out map[string]any) {
	if _, ok := out["forSignOnPolicy"].(bool); !ok {
		out["forSignOnPolicy"] = false
	}
	failure := func() map[string]any {
		return map[string]any{"count": 3, "coolDown": map[string]any{"duration": 0, "timeUnit": "MINUTES"}}
	}
	for _, m := range []string{"sms", "voice", "email", "mobile", "totp"} {
		method, _ := out[m].(map[string]any)
		c := map[string]any{"enabled": false}
		for k, v := range method {
			c[k] = v
		}
		otp, _ := c["otp"].(map[string]any)
		o := map[string]any{}
		for k, v := range otp {
			o[k] = v
		}
		if o["failure"] == nil {
			o["failure"] = failure()
		}
		if m != "mobile" && m != "totp" && o["lifeTime"] == nil {
			o["lifeTime"] = map[string]any{"duration": 30, "timeUnit": "MINUTES"}
		}
		c["otp"] = o
		out[m] = c
	}
}

// seedDeviceAuthPolicy adds the default device authentication policy
// PingOne provisions in every environment, the first time the
// environment's policies are read. The caller holds s.mu.
func (s *Server) seedDeviceAuthPolicy(env *environment) {
	st := s.more()
	if st.seeded["deviceAuthenticationPolicies:"+env.id] {
		return
	}
	st.seeded["deviceAuthenticationPolicies:"+env.id] = true
	on := func() map[string]any { return map[string]any{"enabled": true} }
	now := s.now()
	p := &deviceAuthPolicy{id: newID(), envID: env.id, isDefault: true, createdAt: now, updatedAt: now, seq: s.next(),
		body: map[string]any{"name": "Default MFA Policy", "sms": on(), "voice": on(), "email": on(), "mobile": on(), "totp": on(),
			"fido2": on(), "authentication": map[string]any{"deviceSelection": "DEFAULT_TO_FIRST"}}}
	s.deviceAuthPolicies[p.id] = p
}

// deviceAuthPoliciesRoute lists and creates device authentication policies
// and reads one (the default one every environment has among them).
func (s *Server) deviceAuthPoliciesRoute(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	list := base + "/environments/" + env.id + "/deviceAuthenticationPolicies"
	render := func(p *deviceAuthPolicy) map[string]any {
		out := map[string]any{}
		for k, v := range p.body {
			out[k] = v
		}
		out["_links"] = map[string]any{"self": link(list + "/" + p.id), "environment": link(base + "/environments/" + env.id)}
		out["id"], out["environment"], out["default"] = p.id, ref(env.id), p.isDefault
		out["createdAt"], out["updatedAt"] = ts(p.createdAt), ts(p.updatedAt)
		deviceAuthPolicyDefaults(out)
		return out
	}
	s.seedDeviceAuthPolicy(env)
	table[*deviceAuthPolicy]{
		name: "deviceAuthenticationPolicies", list: list, items: s.deviceAuthPolicies,
		owns: func(p *deviceAuthPolicy) bool { return p.envID == env.id },
		seq:  func(p *deviceAuthPolicy) int64 { return p.seq },
		json: render,
		create: func(body map[string]any) (*deviceAuthPolicy, []detail) {
			var bad []detail
			if strings.TrimSpace(str(body, "name")) == "" {
				bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"})
			}
			for _, k := range []string{"sms", "voice", "email", "mobile", "totp"} {
				if _, ok := obj(body, k)["enabled"].(bool); !ok {
					bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: k + ".enabled", Message: "must not be null"})
				}
			}
			for _, p := range s.deviceAuthPolicies {
				if p.envID == env.id && strings.EqualFold(str(p.body, "name"), str(body, "name")) {
					bad = append(bad, detail{Code: "UNIQUENESS_VIOLATION", Target: "name", Message: "A device authentication policy with the specified name already exists"})
				}
			}
			if len(bad) > 0 {
				return nil, bad
			}
			delete(body, "default")
			now := s.now()
			p := &deviceAuthPolicy{id: newID(), envID: env.id, body: body, createdAt: now, updatedAt: now, seq: s.next()}
			s.deviceAuthPolicies[p.id] = p
			return p, nil
		},
	}.serve(w, r, r.PathValue("deviceAuthenticationPolicyID"))
}
