package pingone

// activityRes is a further resource of an activity: an agreement consent
// names both the user and the agreement, so either id finds it.
type activityRes struct{ typ, id, name string }

func (a *activity) hasResource(match func(activityRes) bool) bool {
	for _, x := range a.extra {
		if match(x) {
			return true
		}
	}
	return false
}

func (a *activity) extraJSON() []any {
	var out []any
	for _, x := range a.extra {
		out = append(out, map[string]any{"type": x.typ, "id": x.id, "name": x.name, "environment": ref(a.envID)})
	}
	return out
}

// recordConsent leaves the AGREEMENT_CONSENT.ACCEPTED activity of a
// consent given in a sign-on flow. The caller holds s.mu.
func (s *Server) recordConsent(f *flow, ag *agreement) {
	u := s.users[f.userID]
	app := s.apps[f.appID]
	if u == nil || ag == nil {
		return
	}
	a := &activity{
		id: newID(), envID: f.envID, correlationID: f.id, recordedAt: s.now(),
		actionType: "AGREEMENT_CONSENT.ACCEPTED", description: "Agreement Consent Accepted",
		resType: "USER", resID: u.id, resName: u.username,
		extra:  []activityRes{{typ: "AGREEMENT", id: ag.id, name: ag.name}},
		status: "SUCCESS",
	}
	if app != nil {
		a.clientID, a.clientName, a.clientEnv = app.id, app.str("name"), app.envID
	}
	s.more().activities = append(s.more().activities, a)
}
