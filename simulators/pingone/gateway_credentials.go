package pingone

import "net/http"

// kindGatewayCredential is a gateway's credential, the token a gateway
// instance presents to PingOne. PingOne makes it from a request without a
// body.
var kindGatewayCredential = &kind{
	name: "credentials", rtype: "GATEWAY_CREDENTIAL", parentRef: "gateway", bodyless: true,
	prepare: func(b map[string]any) { b["credential"] = newSecret() + newSecret() },
}

// gatewayCredentials serves a gateway's credentials: created (no body),
// listed, read and deleted.
func (s *Server) gatewayCredentials(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	st := s.more()
	gw := st.get(r.PathValue("gatewayID"), "gateways", env.id)
	if gw == nil {
		writeNotFound(w)
		return
	}
	s.crud(w, r, st, env, base, kindGatewayCredential, gw.id, gw.self+"/credentials", r.PathValue("credentialID"))
}
