package pingone

import (
	"net/http"
	"sort"
	"strings"
)

func (s *Server) routeDevices(w http.ResponseWriter, r *http.Request, u *user, base, id string) {
	table[*device]{
		name: "devices", list: base + "/environments/" + u.envID + "/users/" + u.id + "/devices", items: s.devices,
		owns: func(d *device) bool { return d.userID == u.id },
		seq:  func(d *device) int64 { return d.seq },
		json: func(d *device) map[string]any { return s.deviceJSON(d, base) },
		create: func(body map[string]any) (*device, []detail) {
			typ := str(body, "type")
			d := &device{id: newID(), envID: u.envID, userID: u.id, typ: typ, nickname: str(body, "nickname"), status: "ACTIVE"}
			switch typ {
			case "EMAIL":
				d.email = str(body, "email")
				if d.email == "" {
					d.email = u.email
				}
				if !strings.Contains(d.email, "@") {
					return nil, []detail{{Code: "INVALID_VALUE", Target: "email", Message: "must be a well-formed email address"}}
				}
			case "SMS", "VOICE":
				d.phone = str(body, "phone")
				if d.phone == "" {
					return nil, []detail{{Code: "REQUIRED_VALUE", Target: "phone", Message: "must not be blank"}}
				}
			case "MOBILE":
				// Pairing happens on the phone through PingOne's MFA SDK,
				// which a headless run has not: the device is active at once
				// and its pushes are answered at /__test/push.
				d.appID = str(obj(body, "application"), "id")
			default:
				return nil, []detail{{Code: "INVALID_VALUE", Target: "type", Message: "must be one of [EMAIL, SMS, VOICE, MOBILE]"}}
			}
			if pid := str(obj(body, "policy"), "id"); pid != "" {
				p := s.deviceAuthPolicies[pid]
				if p == nil || p.envID != u.envID {
					return nil, []detail{{Code: "INVALID_VALUE", Target: "policy.id", Message: "Referenced device authentication policy does not exist"}}
				}
				if !p.allows(typ) {
					return nil, []detail{{Code: "INVALID_VALUE", Target: "type", Message: "The device authentication policy does not allow " + typ + " devices"}}
				}
				d.policyID = pid
			}
			if st := str(body, "status"); st == "ACTIVATION_REQUIRED" {
				d.status = st
			}
			now := s.now()
			d.createdAt, d.updatedAt, d.seq = now, now, s.next()
			s.devices[d.id] = d
			return d, nil
		},
	}.serve(w, r, id)
}

func (s *Server) userDevices(userID string) []*device {
	var out []*device
	for _, d := range s.devices {
		if d.userID == userID {
			out = append(out, d)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].seq < out[j].seq })
	return out
}

func (s *Server) deviceJSON(d *device, base string) map[string]any {
	userURL := base + "/environments/" + d.envID + "/users/" + d.userID
	out := map[string]any{
		"_links": map[string]any{
			"self":        link(userURL + "/devices/" + d.id),
			"environment": link(base + "/environments/" + d.envID),
			"user":        link(userURL),
		},
		"id": d.id, "environment": ref(d.envID), "user": ref(d.userID), "type": d.typ, "status": d.status,
		"createdAt": ts(d.createdAt), "updatedAt": ts(d.updatedAt),
	}
	if d.email != "" {
		out["email"] = d.email
	}
	if d.phone != "" {
		out["phone"] = d.phone
	}
	if d.nickname != "" {
		out["nickname"] = d.nickname
	}
	if d.policyID != "" {
		out["policy"] = ref(d.policyID)
	}
	if d.appID != "" {
		out["application"] = ref(d.appID)
	}
	return out
}
