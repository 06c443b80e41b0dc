package pingone

import (
	"sort"
	"strings"
)

// profileAttributes are the user schema attributes a progressive-profiling
// action may ask for (PingOne's standard user schema).
var profileAttributes = map[string]bool{
	"email": true, "mobilePhone": true, "primaryPhone": true, "nickname": true, "title": true, "preferredLanguage": true,
	"locale": true, "timezone": true, "photo.href": true, "externalId": true, "type": true,
	"name.given": true, "name.family": true, "name.middle": true, "name.formatted": true, "name.honorificPrefix": true, "name.honorificSuffix": true,
	"address.streetAddress": true, "address.locality": true, "address.region": true, "address.postalCode": true, "address.countryCode": true,
}

// userAttr reads a (dotted) user attribute; "" when unset.
func (s *Server) userAttr(u *user, name string) string {
	switch name {
	case "id":
		return u.id
	case "username":
		return u.username
	case "email":
		return u.email
	case "name.given":
		return u.given
	case "name.family":
		return u.family
	case "population.id":
		return u.populationID
	case "environment.id":
		return u.envID
	}
	var cur any = s.uc2().userAttrs[u.id]
	for _, part := range strings.Split(name, ".") {
		m, _ := cur.(map[string]any)
		if m == nil {
			return ""
		}
		cur = m[part]
	}
	v, _ := cur.(string)
	return v
}

// userAttrValues validates a partial update in the shape of PATCH
// /users/{id} (nested objects for name and address) and returns its values
// by dotted name; only schema attributes are accepted.
func userAttrValues(body map[string]any) (map[string]string, []detail) {
	vals := map[string]string{}
	var bad []detail
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			name := prefix + k
			switch v := m[k].(type) {
			case map[string]any:
				walk(name+".", v)
			case string:
				switch {
				case !profileAttributes[name]:
					bad = append(bad, detail{Code: "INVALID_VALUE", Target: name, Message: "is not an attribute of the user schema that can be updated here"})
				case name == "email" && !strings.Contains(v, "@"):
					bad = append(bad, detail{Code: "INVALID_VALUE", Target: name, Message: "must be a well-formed email address"})
				case (name == "mobilePhone" || name == "primaryPhone") && !phonePattern.MatchString(v):
					bad = append(bad, detail{Code: "INVALID_VALUE", Target: name, Message: "must be a valid phone number"})
				default:
					vals[name] = v
				}
			default:
				bad = append(bad, detail{Code: "INVALID_VALUE", Target: name, Message: "must be a string"})
			}
		}
	}
	walk("", body)
	return vals, bad
}

// setUserAttrs stores validated attribute values on the user.
func (s *Server) setUserAttrs(u *user, vals map[string]string) {
	for name, value := range vals {
		switch name {
		case "email":
			u.email = value
		case "name.given":
			u.given = value
		case "name.family":
			u.family = value
		default:
			attrs := s.uc2().userAttrs[u.id]
			if attrs == nil {
				attrs = map[string]any{}
				s.uc2().userAttrs[u.id] = attrs
			}
			parts := strings.Split(name, ".")
			for _, p := range parts[:len(parts)-1] {
				next, _ := attrs[p].(map[string]any)
				if next == nil {
					next = map[string]any{}
					attrs[p] = next
				}
				attrs = next
			}
			attrs[parts[len(parts)-1]] = value
		}
	}
}

var phonePattern = newLazyRegexp(`^\+?[0-9][0-9 .()-]{5,}$`)

// userExtraJSON adds the extra attributes to a user's JSON.
func (s *Server) userExtraJSON(u *user, out map[string]any) {
	for k, v := range s.uc2().userAttrs[u.id] {
		if m, ok := v.(map[string]any); ok {
			cp := map[string]any{}
			for kk, vv := range m {
				cp[kk] = vv
			}
			if existing, ok := out[k].(map[string]any); ok {
				for kk, vv := range existing {
					cp[kk] = vv
				}
			}
			out[k] = cp
			continue
		}
		out[k] = v
	}
}
