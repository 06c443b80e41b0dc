package environments

import (
	"bytes"
	"testing"
)

// FuzzLoad checks that no input makes the environment loader panic, and
// that whatever loads can be saved and loaded again.
func FuzzLoad(f *testing.F) {
	for _, seed := range []string{
		`{"name":"e","values":[{"key":"a","value":"1","enabled":true}]}`,
		`{"values":[{"key":"n","value":5,"type":"number"},{"key":"o","value":{"x":[1]},"enabled":false}]}`,
		`[{"key":"a","value":"b"}]`,
		"\xef\xbb\xbf{\"values\":[]}",
		"\xff\xfe{\x00}\x00",
		`{"values":[{"key":"a","value":"1","enabled":"yes"}]}`,
		`{"_postman_variable_scope":"globals","values":null}`,
		`{`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Load(bytes.NewReader(data), "fuzz.json")
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := Save(&buf, file); err != nil {
			t.Fatalf("save: %v", err)
		}
		if _, err := Load(&buf, "again.json"); err != nil {
			t.Fatalf("reloading a saved file: %v\n%s", err, buf.String())
		}
	})
}
