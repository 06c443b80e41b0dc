package pingone

import (
	"encoding/json"
	"net/http"
	"time"
)

// Push confirmation in a sign-on flow's MFA step, as PingOne's flow API
// documents its statuses: when the chosen device is a MOBILE one, PingOne
// sends it a push notification and the flow waits in
// PUSH_CONFIRMATION_REQUIRED while the sign-on page polls it (GET
// /{envID}/flows/{flowID}); once the user approves on the phone the next
// read of the flow goes on (the session cookie comes with that answer); a
// push nobody answers within the device authentication policy's
// pushTimeout (40 s by default, PingOne's MFA specification) leaves the
// flow in PUSH_CONFIRMATION_TIMED_OUT, from which device.select sends a
// new push or picks another device. There is no flow action that confirms
// a push: the phone answers PingOne directly, so a headless run stands in
// for the phone with the test-only /__test/push endpoint.
//
// Not documented, so inferred: a denied push ends the flow (FAILED, error
// code PUSH_DENIED), and device.select is offered while waiting.

const (
	statusPushConfirmation = "PUSH_CONFIRMATION_REQUIRED"
	statusPushTimedOut     = "PUSH_CONFIRMATION_TIMED_OUT"

	defaultPushTimeout = 40 * time.Second

	pushApproved = "APPROVED"
	pushDenied   = "DENIED"
)

// pushRecord is the push notification a flow waits for. JSON is the test
// inbox's view of it (GET /__test/push?userId=).
type pushRecord struct {
	UserID    string    `json:"userId"`
	DeviceID  string    `json:"deviceId"`
	FlowID    string    `json:"flowId"`
	Message   string    `json:"message"`
	ExpiresAt time.Time `json:"expiresAt"`
	Decision  string    `json:"decision,omitempty"`
}

// sendPush "sends" a push notification to the flow's MOBILE device. The
// caller holds s.mu.
func (s *Server) sendPush(f *flow, d *device, a *policyAction) {
	app := s.apps[f.appID]
	name := "PingOne"
	if app != nil && app.str("name") != "" {
		name = app.str("name")
	}
	f.push = &pushRecord{UserID: f.userID, DeviceID: d.id, FlowID: f.id,
		Message: "Approve sign-on to " + name + "?", ExpiresAt: s.now().Add(s.pushTimeout(d, a))}
}

// pushTimeout is the pushTimeout of the device's mobile application in the
// device authentication policy that applies (the MFA action's, else the
// device's), else PingOne's default.
func (s *Server) pushTimeout(d *device, a *policyAction) time.Duration {
	for _, id := range []string{str(obj(a.body, "deviceAuthenticationPolicy"), "id"), d.policyID} {
		p := s.deviceAuthPolicies[id]
		if p == nil {
			continue
		}
		apps, _ := obj(p.body, "mobile")["applications"].([]any)
		for _, x := range apps {
			m, _ := x.(map[string]any)
			if str(m, "id") != d.appID {
				continue
			}
			pt := obj(m, "pushTimeout")
			if n, ok := pt["duration"].(float64); ok && n > 0 {
				if str(pt, "timeUnit") == "MINUTES" {
					return time.Duration(n) * time.Minute
				}
				return time.Duration(n) * time.Second
			}
		}
	}
	return defaultPushTimeout
}

// pollPush applies the phone's answer, or the timeout, to a flow waiting
// for a push; it runs on every read and action of the flow, as PingOne's
// sign-on page polls. The caller holds s.mu.
func (s *Server) pollPush(w http.ResponseWriter, r *http.Request, env *environment, f *flow) {
	if f.status != statusPushConfirmation || f.push == nil {
		return
	}
	switch {
	case f.push.Decision == pushApproved:
		f.push = nil
		sess := s.ensureSession(w, r, env, f)
		sess.mfaDone = true
		f.step++
		s.advance(f)
		s.afterStep(f)
	case f.push.Decision == pushDenied:
		f.push = nil
		f.status, f.errCode, f.errMessage = statusFailed, "PUSH_DENIED", "The user denied the push notification"
	case !s.now().Before(f.push.ExpiresAt):
		f.status = statusPushTimedOut
	}
}

// pushFlowJSON adds what a push status shows: the devices to choose from,
// the one the push went to, and device.select.
func (s *Server) pushFlowJSON(f *flow, self string, links, out, emb map[string]any) {
	emb["devices"] = s.activeDevicesJSON(f.userID)
	links["device.select"] = link(self)
	out["selectedDevice"] = map[string]any{"id": f.deviceID}
}

// activeDevicesJSON is the flow's view of the user's active devices.
func (s *Server) activeDevicesJSON(userID string) []any {
	devs := []any{}
	for _, d := range s.userDevices(userID) {
		if d.status == "ACTIVE" {
			dm := map[string]any{"id": d.id, "type": d.typ}
			if d.email != "" {
				dm["email"] = maskEmail(d.email)
			}
			devs = append(devs, dm)
		}
	}
	return devs
}

// serveTestPush is the phone's side of a push, test-only: GET
// /__test/push?userId= shows the push waiting for the user, POST
// /__test/push?userId=&decision=approve|deny answers it.
func (s *Server) serveTestPush(w http.ResponseWriter, r *http.Request) {
	userID := r.URL.Query().Get("userId")
	s.mu.Lock()
	defer s.mu.Unlock()
	var p *pushRecord
	for _, f := range s.flows {
		if f.push != nil && f.push.UserID == userID && f.push.Decision == "" && s.now().Before(f.push.ExpiresAt) {
			p = f.push
		}
	}
	if p == nil {
		writeNotFound(w)
		return
	}
	switch r.Method {
	case http.MethodGet:
		b, _ := json.Marshal(p)
		w.Header().Set("Content-Type", plainJSON)
		_, _ = w.Write(b)
	case http.MethodPost:
		switch r.URL.Query().Get("decision") {
		case "approve":
			p.Decision = pushApproved
		case "deny":
			p.Decision = pushDenied
		default:
			writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidReq, []detail{{
				Code: "INVALID_VALUE", Target: "decision", Message: "decision must be approve or deny"}})
			return
		}
		w.WriteHeader(http.StatusNoContent)
	default:
		writeMethodNotAllowed(w)
	}
}
