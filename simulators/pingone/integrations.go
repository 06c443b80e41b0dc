package pingone

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"io"
	"net/http"
	"strings"
	"time"
)

type integration struct {
	id, name, description string
	versions              []integrationVersion
}

type integrationVersion struct {
	id, number, releasedOn string
}

// catalog is a fixed, small catalog (the real one lists Ping's kits; the
// ids are stable so collections can refer to them).
var catalog = []integration{
	{"c290da08-0151-45f6-a651-0efb0805ca34", "PingID Integration Kit for PingFederate", "Adds PingID multi-factor authentication to PingFederate sign-on.",
		[]integrationVersion{{"a9c8a539-191e-4015-ab52-c1943d2142a1", "2.26.0", "2024-11-05"}, {"5b0c5ee3-4f3a-4b8e-9c7e-2b1d7c3f9a10", "2.25.1", "2024-06-12"}}},
	{"0e5ed7c5-7d1b-4e58-9a43-0f1e2d3c4b5a", "PingOne MFA Integration Kit", "Uses PingOne MFA from PingFederate authentication policies.",
		[]integrationVersion{{"8f2d1c3b-6a5e-4d7f-8e9a-1b2c3d4e5f60", "1.4.0", "2024-09-18"}}},
	{"7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d", "PingOne Risk Integration Kit", "Brings PingOne Protect risk evaluations into PingFederate.",
		[]integrationVersion{{"2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", "1.3.1", "2024-08-01"}}},
}

var nameContains = newLazyRegexp(`^\(?\s*name (co|eq|sw) "([^"]*)"\s*\)?$`)

func integrationsURL(base string, env *environment) string {
	return base + "/environments/" + env.id + "/integrations"
}

// Field names and the type enum follow PingOne's integration version
// model: name, number, releasedOn (yyyy-mm-dd) and type
// PRODUCT_INTEGRATION_KIT (or SAML).
func integrationVersionJSON(list string, in *integration, v integrationVersion) map[string]any {
	self := list + "/" + in.id + "/versions/" + v.id
	return map[string]any{
		"_links":      map[string]any{"self": link(self), "integration": link(list + "/" + in.id), "asset": link(self + "/asset")},
		"id":          v.id,
		"integration": ref(in.id),
		"name":        in.name + " " + v.number,
		"number":      v.number,
		"releasedOn":  v.releasedOn,
		"type":        "PRODUCT_INTEGRATION_KIT",
	}
}

func integrationJSON(list string, in *integration, r *http.Request) map[string]any {
	out := map[string]any{
		"_links":      map[string]any{"self": link(list + "/" + in.id), "versions": link(list + "/" + in.id + "/versions")},
		"id":          in.id,
		"name":        in.name,
		"description": in.description,
		// Required by PingOne's model; every kit here is Ping's own, for
		// PingFederate.
		"publisher":        "Ping Identity",
		"pingProductNames": []string{"PINGFEDERATE"},
	}
	if r.URL.Query().Get("expand") == "latestVersion" {
		out["_embedded"] = map[string]any{"latestVersion": integrationVersionJSON(list, in, in.versions[0])}
	}
	return out
}

// listIntegrations answers the catalog, filtered by name (co, eq, sw).
func (s *Server) listIntegrations(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	op, val := "", ""
	if f := r.URL.Query().Get("filter"); f != "" {
		m := nameContains.FindStringSubmatch(strings.TrimSpace(f))
		if m == nil {
			writeError(w, http.StatusBadRequest, "INVALID_FILTER", "The request could not be completed. The filter is invalid.", []detail{{
				Code: "INVALID_FILTER", Target: "filter", Message: "Unsupported filter expression"}})
			return
		}
		op, val = m[1], strings.ToLower(m[2])
	}
	list := integrationsURL(base, env)
	var out []any
	for i := range catalog {
		n := strings.ToLower(catalog[i].name)
		if op == "" || (op == "co" && strings.Contains(n, val)) || (op == "eq" && n == val) || (op == "sw" && strings.HasPrefix(n, val)) {
			out = append(out, integrationJSON(list, &catalog[i], r))
		}
	}
	writeHAL(w, http.StatusOK, collection(list, "integrations", out))
}

// catalogEntry finds {integrationID} (and {versionID} when the route has
// one) in the catalog, answering 404 when it is not there.
func catalogEntry(w http.ResponseWriter, r *http.Request) (*integration, *integrationVersion, bool) {
	for i := range catalog {
		in := &catalog[i]
		if in.id != r.PathValue("integrationID") {
			continue
		}
		vid := r.PathValue("versionID")
		if vid == "" {
			return in, nil, true
		}
		for j := range in.versions {
			if in.versions[j].id == vid {
				return in, &in.versions[j], true
			}
		}
	}
	writeNotFound(w)
	return nil, nil, false
}

func (s *Server) readIntegration(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	if in, _, ok := catalogEntry(w, r); ok {
		writeHAL(w, http.StatusOK, integrationJSON(integrationsURL(base, env), in, r))
	}
}

func (s *Server) listIntegrationVersions(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	in, _, ok := catalogEntry(w, r)
	if !ok {
		return
	}
	list := integrationsURL(base, env)
	var out []any
	for _, v := range in.versions {
		out = append(out, integrationVersionJSON(list, in, v))
	}
	writeHAL(w, http.StatusOK, collection(list+"/"+in.id+"/versions", "versions", out))
}

func (s *Server) readIntegrationVersion(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	if in, ver, ok := catalogEntry(w, r); ok {
		writeHAL(w, http.StatusOK, integrationVersionJSON(integrationsURL(base, env), in, *ver))
	}
}

// integrationAsset redirects, as PingOne does ("307 Temporary Redirect",
// Download One Integration Version Asset), to a short-lived presigned URL
// that downloads {integration-name}-{version}.zip.
func (s *Server) integrationAsset(w http.ResponseWriter, r *http.Request, _ *caller, _ *environment, base string) {
	in, ver, ok := catalogEntry(w, r)
	if !ok {
		return
	}
	token := newSecret()[:32]
	name := strings.ReplaceAll(strings.ToLower(in.name), " ", "-") + "-" + ver.number + ".zip"
	s.more().assets[token] = &assetRec{name: name, data: kitZip(in, *ver), expires: s.now().Add(5 * time.Minute)}
	w.Header().Set("Location", strings.TrimSuffix(base, "/v1")+"/__files/assets/"+token+"/"+name)
	w.WriteHeader(http.StatusTemporaryRedirect)
}

// kitZip builds the kit: deterministic contents, so its hash is stable.
func kitZip(in *integration, v integrationVersion) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	stamp := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	add := func(name, content string) {
		f, _ := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: stamp})
		_, _ = io.WriteString(f, content)
	}
	add("README.txt", in.name+" "+v.number+"\n\n"+in.description+"\n")
	add("dist/"+strings.ReplaceAll(strings.ToLower(in.name), " ", "-")+"-"+v.number+".jar", "local PingOne placeholder for "+in.name+"\n")
	_ = zw.Close()
	return buf.Bytes()
}

// serveFiles serves B/__files/...: uploaded images and catalog downloads.
// It needs no token, as PingOne's uploads host and presigned URLs do not.
func (s *Server) serveFiles(w http.ResponseWriter, r *http.Request, name string) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		writeMethodNotAllowed(w)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.more()
	parts := splitPath(name)
	switch {
	case len(parts) == 3 && parts[0] == "assets":
		a := st.assets[parts[1]]
		if a == nil || a.name != parts[2] || s.now().After(a.expires) {
			writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed, nil)
			return
		}
		sum := sha256.Sum256(a.data)
		w.Header().Set("Content-Type", "application/zip")
		w.Header().Set("Content-Disposition", `attachment; filename="`+a.name+`"`)
		w.Header().Set("x-amz-meta-etag", "sha256="+hexString(sum[:]))
		_, _ = w.Write(a.data)
	case len(parts) == 4 && parts[0] == "environments" && parts[2] == "images":
		id, _, _ := strings.Cut(parts[3], "_original.")
		img := st.images[id]
		if img == nil || img.envID != parts[1] || parts[3] != img.id+"_original."+img.typ {
			writeNotFound(w)
			return
		}
		w.Header().Set("Content-Type", map[string]string{"jpg": "image/jpeg", "png": "image/png", "gif": "image/gif"}[img.typ])
		_, _ = w.Write(img.data)
	default:
		writeNotFound(w)
	}
}
