package pingone

import (
	"net/http"
	"sort"
	"strings"
)

// populationsRoute serves the populations and one population.
func (s *Server) populationsRoute(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	table[*population]{
		name: "populations", list: base + "/environments/" + env.id + "/populations", items: s.populations,
		owns: func(p *population) bool { return p.envID == env.id },
		seq:  func(p *population) int64 { return p.seq },
		json: func(p *population) map[string]any { return s.populationJSON(p, base) },
		create: func(body map[string]any) (*population, []detail) {
			name := str(body, "name")
			if strings.TrimSpace(name) == "" {
				return nil, []detail{{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"}}
			}
			for _, p := range s.populations {
				if p.envID == env.id && strings.EqualFold(p.name, name) {
					return nil, []detail{{Code: "UNIQUENESS_VIOLATION", Target: "name", Message: "A population with the specified name already exists"}}
				}
			}
			policyID, bad := s.populationPolicy(env, body) // password_policies.go
			if bad != nil {
				return nil, bad
			}
			now := s.now()
			p := &population{id: newID(), envID: env.id, name: name, description: str(body, "description"), createdAt: now, updatedAt: now, seq: s.next()}
			s.populations[p.id] = p
			if policyID != "" {
				s.uc3().popPolicy[p.id] = policyID
			}
			return p, nil
		},
		update: func(p *population, body map[string]any) []detail {
			name := str(body, "name")
			if strings.TrimSpace(name) == "" {
				return []detail{{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"}}
			}
			for _, o := range s.populations {
				if o != p && o.envID == env.id && strings.EqualFold(o.name, name) {
					return []detail{{Code: "UNIQUENESS_VIOLATION", Target: "name", Message: "A population with the specified name already exists"}}
				}
			}
			p.name, p.description, p.updatedAt = name, str(body, "description"), s.now()
			return nil
		},
		keep: func(p *population) []detail {
			if p.isDefault {
				return []detail{{Code: "INVALID_VALUE", Target: "default", Message: "The default population cannot be deleted"}}
			}
			for _, u := range s.users {
				if u.populationID == p.id {
					return []detail{{Code: "INVALID_VALUE", Target: "id", Message: "A population that contains users cannot be deleted"}}
				}
			}
			return nil
		},
		remove: func(p *population) { delete(s.populations, p.id) },
	}.serve(w, r, r.PathValue("populationID"))
}

func (s *Server) populationJSON(p *population, base string) map[string]any {
	count := 0
	for _, u := range s.users {
		if u.populationID == p.id {
			count++
		}
	}
	out := map[string]any{
		"_links": map[string]any{
			"self":        link(base + "/environments/" + p.envID + "/populations/" + p.id),
			"environment": link(base + "/environments/" + p.envID),
		},
		"id": p.id, "environment": ref(p.envID), "name": p.name, "description": p.description,
		"userCount": count, "default": p.isDefault, "createdAt": ts(p.createdAt), "updatedAt": ts(p.updatedAt),
	}
	s.populationExtraJSON(p.id, out)
	return out
}

// sortedBySeq lists an environment's resources in creation order.
func sortedBySeq[T any](m map[string]T, key func(T) (string, int64), envID string) []T {
	var out []T
	for _, v := range m {
		if e, _ := key(v); e == envID {
			out = append(out, v)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		_, a := key(out[i])
		_, b := key(out[j])
		return a < b
	})
	return out
}
