package pingone

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"
)

// plainJSON is the content type of every JSON answer, resources
// (HAL-shaped, with _links and _embedded) and errors alike. PingOne's OpenAPI
// specification declares application/json for all of its responses, and the
// generated SDK the Terraform provider drives against the live service
// decodes only application/json and application/vnd.*+json: an
// application/hal+json label would make every success undecodable there.
const plainJSON = "application/json;charset=UTF-8"

// Messages of PingOne's top-level error codes.
const (
	msgAccessFailed = "The request could not be completed. You do not have access to this resource."
	msgInvalidData  = "The request could not be completed. One or more validation errors were in the request."
	msgNotFound     = "The request could not be completed. The requested resource was not found."
	msgInvalidReq   = "The request could not be completed. The request was malformed or invalid."
	msgMethod       = "The request could not be completed. The requested method is not supported for this resource."
	msgMediaType    = "The request could not be completed. The request content type is not supported."
)

// detail is one entry of an error's "details".
type detail struct {
	Code       string         `json:"code"`
	Target     string         `json:"target,omitempty"`
	Message    string         `json:"message"`
	InnerError map[string]any `json:"innerError,omitempty"`
}

func writeJSON(w http.ResponseWriter, status int, contentType string, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "encoding response: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

func writeHAL(w http.ResponseWriter, status int, v any) { writeJSON(w, status, plainJSON, v) }

// writeError writes PingOne's platform error body:
// {"id","code","message","details":[{"code","target","message"}]}.
func writeError(w http.ResponseWriter, status int, code, message string, details []detail) {
	body := map[string]any{"id": newID(), "code": code, "message": message}
	if len(details) > 0 {
		body["details"] = details
	}
	writeJSON(w, status, plainJSON, body)
}

func writeInvalidData(w http.ResponseWriter, details ...detail) {
	writeError(w, http.StatusBadRequest, "INVALID_DATA", msgInvalidData, details)
}

func writeNotFound(w http.ResponseWriter) {
	writeError(w, http.StatusNotFound, "NOT_FOUND", msgNotFound, nil)
}

func writeMethodNotAllowed(w http.ResponseWriter) {
	writeError(w, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", msgMethod, nil)
}

// writeOAuthError is the RFC 6749 body the authorization server uses.
func writeOAuthError(w http.ResponseWriter, status int, code, description string) {
	writeJSON(w, status, plainJSON, map[string]any{"error": code, "error_description": description + " (Correlation ID: " + newID() + ")"})
}

// readJSONBody decodes a JSON object body. wantTypes, when given, are the
// only accepted media types (PingOne's vnd.pingidentity.* actions).
func readJSONBody(w http.ResponseWriter, r *http.Request, wantTypes ...string) (map[string]any, bool) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if len(wantTypes) > 0 {
		ok := false
		for _, t := range wantTypes {
			if strings.EqualFold(mt, t) {
				ok = true
			}
		}
		if !ok {
			writeError(w, http.StatusUnsupportedMediaType, "INVALID_REQUEST", msgMediaType, []detail{{
				Code: "INVALID_VALUE", Target: "Content-Type", Message: "Content-Type must be one of: " + joinTypes(wantTypes),
			}})
			return nil, false
		}
	}
	raw, err := io.ReadAll(r.Body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, "INVALID_REQUEST", msgInvalidReq, nil)
			return nil, false
		}
		writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidReq, nil)
		return nil, false
	}
	var body map[string]any
	if err := json.Unmarshal(raw, &body); err != nil || body == nil {
		writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidReq, []detail{{
			Code: "INVALID_VALUE", Target: "body", Message: "Request body is not a valid JSON object",
		}})
		return nil, false
	}
	return body, true
}

func joinTypes(ts []string) string {
	out := ""
	for i, t := range ts {
		if i > 0 {
			out += ", "
		}
		out += t
	}
	return out
}

func str(m map[string]any, key string) string {
	v, _ := m[key].(string)
	return v
}

func obj(m map[string]any, key string) map[string]any {
	v, _ := m[key].(map[string]any)
	return v
}

func ts(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

func link(href string) map[string]any { return map[string]any{"href": href} }

func ref(id string) map[string]any { return map[string]any{"id": id} }
