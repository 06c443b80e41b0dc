package pingone

import "net/http"

// Notification settings (one per environment: sender, reply-to, delivery
// mode) and notification policies (SMS/voice/email quotas).

var kindNotificationsPolicy = &kind{
	name: "notificationsPolicies", rtype: "NOTIFICATIONS_POLICY", unique: "name",
	createStatus: http.StatusOK, // as PingOne's specification declares
	validate: func(_ *Server, _ *moreState, _ *environment, _ string, b map[string]any, _ *rec) []detail {
		bad := required(b, "name")
		quotas, ok := b["quotas"].([]any)
		if !ok {
			return append(bad, detail{Code: "REQUIRED_VALUE", Target: "quotas", Message: "must not be null"})
		}
		for _, q := range quotas {
			qm, _ := q.(map[string]any)
			if t := str(qm, "type"); t != "USER" && t != "ENVIRONMENT" {
				bad = append(bad, detail{Code: "INVALID_VALUE", Target: "quotas.type", Message: "must be one of [USER, ENVIRONMENT]"})
			}
		}
		return bad
	},
	prepare: func(b map[string]any) {
		if _, ok := b["default"].(bool); !ok {
			b["default"] = false
		}
	},
	afterWrite: moveDefault,
	canDelete:  notDefault("notifications policy"),
}

var kindNotificationsSettings = &kind{name: "notificationsSettings", rtype: "NOTIFICATIONS_SETTINGS"}

// serveNotificationsSettings answers GET, PUT (replace) and DELETE (back
// to PingOne's defaults) on /notificationsSettings.
func (s *Server) serveNotificationsSettings(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	st := s.more()
	self := "/environments/" + env.id + "/notificationsSettings"
	defaults := func() map[string]any {
		return map[string]any{"deliveryMode": "ALL", "from": map[string]any{"address": "noreply@pingidentity.com", "name": "PingOne"}}
	}
	var x *rec
	if list := st.list(kindNotificationsSettings.name, env.id, ""); len(list) > 0 {
		x = list[0]
	} else {
		x = s.add(st, kindNotificationsSettings, env.id, "", self, defaults())
		x.self = self
	}
	switch r.Method {
	case http.MethodDelete:
		// 200 with the settings restored, as PingOne's specification has it.
		x.body, x.updatedAt = defaults(), s.now()
	case http.MethodPut:
		body, ok := readJSONBody(w, r, mtJSON)
		if !ok {
			return
		}
		if bad := oneOf(body, "deliveryMode", "ALL", "DEFAULT"); len(bad) > 0 {
			writeInvalidData(w, bad...)
			return
		}
		for _, k := range []string{"id", "environment", "_links", "updatedAt", "createdAt"} {
			delete(body, k)
		}
		if body["deliveryMode"] == nil {
			body["deliveryMode"] = "ALL"
		}
		x.body, x.updatedAt = body, s.now()
	}
	out := s.recJSON(x, kindNotificationsSettings, base)
	delete(out, "createdAt")
	writeHAL(w, http.StatusOK, out)
}
