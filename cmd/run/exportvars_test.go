package run

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/courier-run/courier/cmd/cmdutil"
)

// The collection export and the JSON report carry the collection
// variables as the run left them: a script's set, change and unset, with
// each file variable's id kept. Newman 6.2.2 writes the file's variables
// unchanged in both (recorded: [{id: v-a, value: "1"}, {key: c, type:
// string}, {id: v-d}] for this collection), where Postman's documentation
// promises "the final collection file" (docs/newman.md).
func TestExportAndReportCarryFinalCollectionVariablesWithIDs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	coll := filepath.Join(dir, "cv.json")
	if err := os.WriteFile(coll, []byte(`{"info":{"name":"cv","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"variable":[{"id":"v-a","key":"a","value":"1"},{"key":"c","value":"3","type":"string"},{"id":"v-d","key":"d","value":"4","description":"dd"}],
"item":[{"name":"i","event":[{"listen":"prerequest","script":{"exec":["pm.collectionVariables.set('b', 'new');",
"pm.collectionVariables.set('a', 'changed');","pm.collectionVariables.unset('c');","pm.execution.skipRequest();"]}}],
"request":{"method":"GET","url":"http://127.0.0.1:1/"}}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	io, _, _, _ := cmdutil.Test()
	o := &Options{IO: io, Collections: []string{coll}, Reporters: []string{"json"},
		Reporter:         ReporterFlags{JSONExport: filepath.Join(dir, "report.json")},
		ExportCollection: filepath.Join(dir, "export.json"), Color: "off", WorkingDir: dir, NoPersist: true, LoopbackOnly: true}
	if err := Run(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	type variable struct{ ID, Key, Value string }
	read := func(file string, v any) {
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
	}
	var export struct{ Variable []variable }
	read("export.json", &export)
	var report struct{ Collection struct{ Variable []variable } }
	read("report.json", &report)
	want := []variable{{"v-a", "a", "changed"}, {"v-d", "d", "4"}, {"", "b", "new"}}
	for name, got := range map[string][]variable{"export": export.Variable, "report": report.Collection.Variable} {
		if len(got) != len(want) {
			t.Errorf("%s: variables %+v, want %+v", name, got, want)
			continue
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s: variable %d is %+v, want %+v", name, i, got[i], want[i])
			}
		}
	}
}
