package runner

import (
	_ "embed"
	"encoding/json"
	"path/filepath"
	"strings"
	"sync"
)

// mimeTypesJSON maps a file extension to its media type as the mime-types
// package (which postman-request and form-data use) looks it up; data from
// mime-db, MIT (see mime-types.LICENSE.md).
//
//go:embed mime-types.json
var mimeTypesJSON []byte

var mimeTypes = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	if err := json.Unmarshal(mimeTypesJSON, &m); err != nil {
		panic("runner: embedded mime-types.json: " + err.Error())
	}
	return m
})

// uploadType is the Content-Type an uploaded file goes out with when the
// collection names none: mime.lookup(path) || 'application/octet-stream',
// as postman-request does for a binary body and form-data for a file part.
func uploadType(path string) string {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	if t, ok := mimeTypes()[ext]; ok && ext != "" {
		return t
	}
	return "application/octet-stream"
}
