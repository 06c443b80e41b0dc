package pingone

import (
	"html"
	"net/http"
)

// The authentication host's routes, /{envID}/..., by method and pattern.
// A path the local PingOne serves answers a method it does not with
// PingOne's 405 body (the method-less pattern under each), anything else
// with its 404.

type envHandler func(w http.ResponseWriter, r *http.Request, env *environment, base string)

func (s *Server) authRoutes() *http.ServeMux {
	mux := http.NewServeMux()
	handle := func(pattern string, h envHandler) { mux.HandleFunc(pattern, s.inEnvironment(h)) }
	only := func(path string, h envHandler, methods ...string) {
		for _, m := range methods {
			handle(m+" "+path, h)
		}
		mux.HandleFunc(path, func(w http.ResponseWriter, _ *http.Request) { writeMethodNotAllowed(w) })
	}
	only("/{envID}/as/token", s.token, http.MethodPost)
	only("/{envID}/as/authorize", s.authorize, http.MethodGet, http.MethodPost)
	only("/{envID}/as/device_authorization", s.deviceAuthorization, http.MethodPost)
	only("/{envID}/as/introspect", s.introspect, http.MethodPost)
	only("/{envID}/as/revoke", func(w http.ResponseWriter, r *http.Request, env *environment, _ string) { s.revoke(w, r, env) }, http.MethodPost)
	handle("/{envID}/as/resume", s.resume)
	handle("/{envID}/as/userinfo", func(w http.ResponseWriter, r *http.Request, env *environment, _ string) { s.userinfo(w, r, env) })
	handle("/{envID}/as/signoff", func(w http.ResponseWriter, r *http.Request, env *environment, _ string) { s.signoff(w, r, env) })
	handle("/{envID}/as/idpSignoff", func(w http.ResponseWriter, r *http.Request, env *environment, _ string) { s.idpSignoff(w, r, env) })
	handle("/{envID}/as/jwks", s.jwks)
	handle("/{envID}/as/.well-known/openid-configuration", func(w http.ResponseWriter, _ *http.Request, env *environment, base string) {
		writeJSON(w, http.StatusOK, plainJSON, s.discovery(env, base))
	})
	handle("/{envID}/device", func(w http.ResponseWriter, r *http.Request, env *environment, base string) {
		s.startDeviceFlow(w, r, env, base, "")
	})
	handle("/{envID}/device/{app}", func(w http.ResponseWriter, r *http.Request, env *environment, base string) {
		s.startDeviceFlow(w, r, env, base, r.PathValue("app"))
	})
	handle("/{envID}/rp/authenticate", s.rpAuthenticate)
	// The callback takes s.mu itself: it calls the provider's endpoints,
	// which may be this server's own handler.
	mux.HandleFunc("/{envID}/rp/callback/{provider}", func(w http.ResponseWriter, r *http.Request) {
		s.rpCallback(w, r, r.PathValue("envID"), r.PathValue("provider"))
	})
	handle("/{envID}/saml20/{rest...}", func(w http.ResponseWriter, r *http.Request, env *environment, base string) {
		s.serveSAML(w, r, env, base, splitPath(r.PathValue("rest"))) // saml_idp.go
	})
	handle("/{envID}/flows/{flowID}", func(w http.ResponseWriter, r *http.Request, env *environment, base string) {
		s.flowAPI(w, r, env, base, r.PathValue("flowID"))
	})
	handle("/{envID}/signon", s.signOnPage)
	handle("/{envID}/signon/{$}", s.signOnPage)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if parts := splitPath(r.URL.Path); len(parts) > 0 && isUUID(parts[0]) {
			writeNotFound(w)
			return
		}
		writeError(w, http.StatusNotFound, "NOT_FOUND", "The requested resource was not found.", nil)
	})
	return mux
}

// inEnvironment resolves {envID} under s.mu: an id that is not a UUID, or
// names no environment, is 404.
func (s *Server) inEnvironment(h envHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		envID := r.PathValue("envID")
		if !isUUID(envID) {
			writeError(w, http.StatusNotFound, "NOT_FOUND", "The requested resource was not found.", nil)
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		env := s.envs[envID]
		if env == nil {
			writeNotFound(w)
			return
		}
		h(w, r, env, baseURL(r))
	}
}

func (s *Server) jwks(w http.ResponseWriter, _ *http.Request, env *environment, _ string) {
	keys := []any{}
	if k := s.jwk(env); k != nil {
		keys = append(keys, k)
	}
	writeJSON(w, http.StatusOK, plainJSON, map[string]any{"keys": keys})
}

// signOnPage is the hosted sign-on page a browser lands on (headless
// clients use the flow API instead), and with signedOut=true the hosted
// signed-out page a sign-off without a redirect ends on.
func (s *Server) signOnPage(w http.ResponseWriter, r *http.Request, _ *environment, _ string) {
	w.Header().Set("Content-Type", "text/html;charset=UTF-8")
	if r.URL.Query().Get("signedOut") == "true" {
		_, _ = w.Write([]byte("<!doctype html><html><head><title>Signed Off</title></head><body><h1>Signed Off</h1>" +
			"<p>You have been signed off.</p></body></html>"))
		return
	}
	_, _ = w.Write([]byte("<!doctype html><html><head><title>Sign On</title></head><body><h1>Sign On</h1><p>Flow " +
		html.EscapeString(r.URL.Query().Get("flowId")) + "</p></body></html>"))
}
