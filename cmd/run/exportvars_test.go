package run

import (
	"cmp"
	"context"
	"os"
	"path/filepath"
	"regexp"
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
	read := func(file string, v any) { readJSONFile(t, filepath.Join(dir, file), v) }
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

// An environment or globals file without an id, or none at all, gets one
// id for the run, the same in pm.environment.id (pm.globals.id), the JSON
// report and --export-environment (--export-globals), as Newman 6.2.2
// gives such a scope a new random id and writes it in all three (recorded
// under unshare -n: no file, a file without id, --env-var alone); a
// file's own id is kept. The report names a scope only by its file's name,
// as Newman's report does, and the export defaults the name to the scope.
func TestScopeIDsAgreeInScriptsReportAndExports(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, env, envID, envName string
	}{
		{name: "no environment file", envName: ""},
		{name: "a file without id or name", env: `{"values":[{"key":"a","value":"1"}]}`},
		{name: "a file with a name", env: `{"name":"Named","values":[]}`, envName: "Named"},
		{name: "a file with an id", env: `{"id":"e0e0e0e0-1111-4222-8333-444444444444","name":"E","values":[]}`, envID: "e0e0e0e0-1111-4222-8333-444444444444", envName: "E"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			coll := filepath.Join(dir, "c.json")
			if err := os.WriteFile(coll, []byte(`{"info":{"name":"ids","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"item":[{"name":"i","event":[{"listen":"prerequest","script":{"exec":["pm.environment.set('envid', pm.environment.id); pm.environment.set('globid', pm.globals.id);","pm.execution.skipRequest();"]}}],
"request":{"method":"GET","url":"http://127.0.0.1:1/"}}]}`), 0o600); err != nil {
				t.Fatal(err)
			}
			io, _, _, _ := cmdutil.Test()
			o := &Options{IO: io, Collections: []string{coll}, Reporters: []string{"json"},
				Reporter:          ReporterFlags{JSONExport: filepath.Join(dir, "report.json")},
				ExportEnvironment: filepath.Join(dir, "env.json"), ExportGlobals: filepath.Join(dir, "glob.json"),
				Color: "off", WorkingDir: dir, NoPersist: true, LoopbackOnly: true}
			if c.env != "" {
				o.Environment = filepath.Join(dir, "in-env.json")
				if err := os.WriteFile(o.Environment, []byte(c.env), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			if err := Run(context.Background(), o); err != nil {
				t.Fatal(err)
			}
			type scope struct {
				ID, Name string
				Values   []struct{ Key, Value string }
			}
			read := func(file string, v any) { readJSONFile(t, filepath.Join(dir, file), v) }
			var env, glob scope
			read("env.json", &env)
			read("glob.json", &glob)
			var report struct{ Environment, Globals scope }
			read("report.json", &report)
			seen := map[string]string{}
			for _, v := range env.Values {
				seen[v.Key] = v.Value
			}
			uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
			if c.envID != "" {
				if env.ID != c.envID {
					t.Errorf("export id %q, want the file's %q", env.ID, c.envID)
				}
			} else if !uuid.MatchString(env.ID) {
				t.Errorf("export id %q, want a random UUID", env.ID)
			}
			if !uuid.MatchString(glob.ID) {
				t.Errorf("globals export id %q, want a random UUID", glob.ID)
			}
			for what, got := range map[string][2]string{
				"script's environment id": {seen["envid"], env.ID}, "report's environment id": {report.Environment.ID, env.ID},
				"script's globals id": {seen["globid"], glob.ID}, "report's globals id": {report.Globals.ID, glob.ID},
				"report's environment name": {report.Environment.Name, c.envName}, "report's globals name": {report.Globals.Name, ""},
				"export's globals name": {glob.Name, "globals"},
			} {
				if got[0] != got[1] {
					t.Errorf("%s %q, want %q", what, got[0], got[1])
				}
			}
			if want := cmp.Or(c.envName, "environment"); env.Name != want {
				t.Errorf("export's environment name %q, want %q", env.Name, want)
			}
		})
	}
}
