package pingone

import "net/http"

// MFA settings: one per environment (device pairing limits, lockout after
// failed attempts, phone extensions, whether users have MFA on).

var kindMFASettings = &kind{name: "mfaSettings", rtype: "MFA_SETTINGS"}

func defaultMFASettings() map[string]any {
	return map[string]any{
		"pairing":         map[string]any{"maxAllowedDevices": 5, "pairingKeyFormat": "ALPHANUMERIC"},
		"lockout":         map[string]any{"failureCount": 5, "durationSeconds": 600},
		"phoneExtensions": map[string]any{"enabled": false},
		"users":           map[string]any{"mfaEnabled": true},
		"authentication":  map[string]any{"deviceSelection": "DEFAULT_TO_FIRST"},
	}
}

// serveMFASettings answers GET, PUT (replace) and DELETE (back to
// PingOne's defaults, 204) on /mfaSettings.
func (s *Server) serveMFASettings(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	st := s.more()
	self := "/environments/" + env.id + "/mfaSettings"
	var x *rec
	if list := st.list(kindMFASettings.name, env.id, ""); len(list) > 0 {
		x = list[0]
	} else {
		x = s.add(st, kindMFASettings, env.id, "", self, defaultMFASettings())
		x.self = self
	}
	switch r.Method {
	case http.MethodDelete:
		x.body, x.updatedAt = defaultMFASettings(), s.now()
		w.WriteHeader(http.StatusNoContent)
		return
	case http.MethodPut:
		body, ok := readJSONBody(w, r, mtJSON)
		if !ok {
			return
		}
		bad := required(body, "pairing.maxAllowedDevices", "pairing.pairingKeyFormat")
		if len(bad) == 0 {
			bad = oneOf(obj(body, "pairing"), "pairingKeyFormat", "NUMERIC", "ALPHANUMERIC")
		}
		if n, _ := lookup(body, "pairing.maxAllowedDevices"); n != nil {
			if v, isNum := n.(float64); !isNum || v < 1 || v > 15 {
				bad = append(bad, detail{Code: "INVALID_VALUE", Target: "pairing.maxAllowedDevices", Message: "must be between 1 and 15"})
			}
		}
		if len(bad) > 0 {
			writeInvalidData(w, bad...)
			return
		}
		for _, k := range []string{"id", "environment", "_links", "updatedAt", "createdAt"} {
			delete(body, k)
		}
		merged := defaultMFASettings()
		for k, v := range body {
			merged[k] = v
		}
		x.body, x.updatedAt = merged, s.now()
	}
	out := s.recJSON(x, kindMFASettings, base)
	delete(out, "id")
	delete(out, "createdAt")
	writeHAL(w, http.StatusOK, out)
}
