package run

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner/report/jsonreport"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for rel, body := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const defYAML = `$kind: collection
name: Orders API # shown in Postman
variables:
  path: anything
scripts:
  - type: http:afterResponse
    code: |-
      pm.test("status 200", () => pm.response.to.have.status(200));
`

// v3Repo is a Postman v12 repository with two collections, an environment
// pointing at base and a globals file.
func v3Repo(t *testing.T, base string) string {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"postman/collections/Orders/.resources/definition.yaml": defYAML,
		"postman/collections/Orders/Create.request.yaml": `$kind: http-request
name: Create order
url: "{{baseUrl}}/post"
method: POST
headers:
  Content-Type: application/json
body:
  type: json
  content: '{"item": "{{item}}", "by": "{{who}}"}'
scripts:
  - type: afterResponse
    code: |-
      const b = pm.response.json();
      pm.test("body sent", () => pm.expect(b.json.item).to.eql("book"));
      pm.test("global used", () => pm.expect(b.json.by).to.eql("ci"));
      pm.environment.set("orderId", "42");
      pm.collectionVariables.set("lastItem", b.json.item);
order: 1000
`,
		"postman/collections/Orders/Read/.resources/definition.yaml": "$kind: collection\norder: 2000\n",
		"postman/collections/Orders/Read/Get.request.yaml": `$kind: http-request
url: "{{baseUrl}}/{{path}}/:id"
method: GET
pathVariables:
  id: "{{orderId}}"
scripts:
  - type: afterResponse
    code: pm.test("id in path", () => pm.expect(pm.response.json().url).to.include("/anything/42"));
order: 1000
`,
		"postman/collections/Orders/.resources/Create.resources/examples/Created.example.yaml": `$kind: http-example
request:
  url: "{{baseUrl}}/post"
  method: POST
response:
  statusCode: 201
  statusText: Created
  headers:
    Content-Type: application/json
  body:
    type: json
    content: '{"id": 1}'
order: 1000
`,
		"postman/collections/Orders/Stream.request.yaml": "$kind: grpc-request\nurl: 127.0.0.1:1\norder: 500\n",
		"postman/collections/Other/a.request.yaml":       "$kind: http-request\nurl: \"{{baseUrl}}/get\"\nmethod: GET\n",
		"postman/environments/dev.environment.yaml": `name: Development
values:
  - key: baseUrl
    value: '` + base + `' # local echo
  - key: item
    value: book
`,
		"postman/globals/workspace.globals.yaml": "name: Globals\nvalues:\n  - key: who\n    value: ci\n    enabled: true\n",
	})
	return root
}

func runV3(t *testing.T, o *Options) (*jsonreport.Report, string, error) {
	t.Helper()
	io, _, _, stderr := cmdutil.Test()
	o.IO = io
	dir := t.TempDir()
	o.Reporters = []string{"json"}
	o.Reporter.JSONExport = filepath.Join(dir, "report.json")
	o.Color = "off"
	if o.StateDir == "" {
		o.StateDir = filepath.Join(dir, "state")
	}
	err := Run(context.Background(), o)
	if err != nil {
		return nil, stderr.String(), err
	}
	rep, rerr := jsonreport.ReadFile(o.Reporter.JSONExport)
	if rerr != nil {
		t.Fatal(rerr)
	}
	return rep, stderr.String(), nil
}

// TestRunV3Repository runs a v12 repository by collection name, with its
// environment and globals given by name, and exports the environment back
// as YAML.
func TestRunV3Repository(t *testing.T) {
	t.Parallel()
	root := v3Repo(t, echotest.Start(t))
	out := filepath.Join(t.TempDir(), "dev.environment.yaml")
	exported := filepath.Join(t.TempDir(), "Orders")
	rep, stderr, err := runV3(t, &Options{
		Collections: []string{root}, Collection: "Orders API",
		Environment: "dev", Globals: "workspace",
		ExportEnvironment: out, ExportCollection: exported,
	})
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	var seq []string
	for _, e := range rep.Run.Executions {
		seq = append(seq, e.Item.Name+" "+e.Request.Method)
		for _, a := range e.Assertions {
			if a.Error != nil {
				t.Errorf("%s: %s: %s", e.Item.Name, a.Assertion, a.Error.Message)
			}
		}
	}
	if strings.Join(seq, ", ") != "Create order POST, Get GET" {
		t.Errorf("sequence: %v", seq)
	}
	// The saved example reaches the JSON report, as in Newman's.
	if ex := string(rep.Collection.Item[0].Response); !strings.Contains(ex, `"code":201`) || !strings.Contains(ex, `"name":"Created"`) {
		t.Errorf("example in the report: %s", ex)
	}
	if rep.Run.Stats.Assertions.Total != 5 {
		t.Errorf("assertions: %+v", rep.Run.Stats.Assertions)
	}
	if !strings.Contains(stderr, `warning: `) || !strings.Contains(stderr, `gRPC request "Stream" skipped`) {
		t.Errorf("the skipped gRPC request is not reported:\n%s", stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "# local echo") || !strings.Contains(string(b), "- key: orderId\n    value: '42'\n") {
		t.Errorf("exported environment:\n%s", b)
	}
	f, err := environments.LoadFile(out)
	if err != nil || f.Format != environments.FormatYAML || f.Name != "Development" {
		t.Errorf("export reloads as %+v, %v", f, err)
	}
	// --export-collection writes the v3 directory back: same files, the
	// collection variable the script set in its definition.
	var files []string
	_ = filepath.WalkDir(exported, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(exported, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if strings.Join(files, ",") != ".resources/Create.resources/examples/Created.example.yaml,.resources/definition.yaml,Create.request.yaml,Read/.resources/definition.yaml,Read/Get.request.yaml,Stream.request.yaml" {
		t.Errorf("exported files: %v", files)
	}
	for _, f := range files {
		if f == ".resources/definition.yaml" {
			continue
		}
		a, _ := os.ReadFile(filepath.Join(root, "postman/collections/Orders", f))
		b, _ := os.ReadFile(filepath.Join(exported, f))
		if string(a) != string(b) {
			t.Errorf("%s changed in the export:\n%s", f, b)
		}
	}
	def, _ := os.ReadFile(filepath.Join(exported, ".resources", "definition.yaml"))
	want := strings.Replace(defYAML, "  path: anything\n", "  path: anything\n  lastItem: book\n", 1)
	if string(def) != want {
		t.Errorf("exported definition:\n%s\nwant:\n%s", def, want)
	}
}

func TestRunV3Choices(t *testing.T) {
	t.Parallel()
	root := v3Repo(t, "http://127.0.0.1:9")
	tests := []struct {
		name string
		o    Options
		want string
	}{
		{"no --collection", Options{Collections: []string{root}}, "holds 2 collections; choose one with --collection NAME:\n  \"Orders API\" (directory \"Orders\")\n  \"Other\""},
		{"unknown", Options{Collections: []string{filepath.Join(root, "postman")}, Collection: "Nope"}, "no collection named \"Nope\""},
		{"unknown environment", Options{Collections: []string{root}, Collection: "Other", Environment: "prod"}, "-e prod: not a file, and no environment named \"prod\" in " + filepath.Join(root, "postman", "environments") + "; there are:\n  \"Development\" (dev.environment.yaml)"},
		{"--collection elsewhere", Options{Collections: []string{filepath.Join(root, "postman/collections/Other")}, Collection: "Other"}, "--collection picks a collection in a Postman v12 repository"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			o := tt.o
			_, _, err := runV3(t, &o)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v\nwant %q", err, tt.want)
			}
			var ee *cmdutil.ExitError
			var fe *cmdutil.FlagError
			if !errors.As(err, &ee) && !errors.As(err, &fe) {
				t.Errorf("no exit code: %T", err)
			}
		})
	}
}

// TestRunV3GraphQL: a graphql-request is sent as Postman sends GraphQL, a
// JSON POST of query and variables (Postman CLI needs a login to run one).
func TestRunV3GraphQL(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "G")
	writeTree(t, dir, map[string]string{
		"Hello.request.yaml": `$kind: graphql-request
url: "` + echotest.Start(t) + `/post"
query: "query Q($n: Int) { hello(n: $n) }"
variables: '{"n": 2}'
operationName: Q
scripts:
  - type: afterResponse
    code: |-
      const b = pm.response.json();
      pm.test("json body", () => pm.expect(b.headers["content-type"]).to.include("application/json"));
      pm.test("query sent", () => pm.expect(b.json.query).to.eql("query Q($n: Int) { hello(n: $n) }"));
      pm.test("variables sent", () => pm.expect(b.json.variables).to.eql({n: 2}));
      pm.test("operation sent", () => pm.expect(b.json.operationName).to.eql("Q"));
order: 1
`,
	})
	o := &Options{Collections: []string{dir}, SuppressExit: true}
	rep, stderr, err := runV3(t, o)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if len(rep.Run.Executions) != 1 || rep.Run.Executions[0].Request.Method != "POST" {
		t.Fatalf("executions: %+v", rep.Run.Executions)
	}
	for _, a := range rep.Run.Executions[0].Assertions {
		if a.Error != nil {
			t.Errorf("%s: %s", a.Assertion, a.Error.Message)
		}
	}
	if rep.Run.Stats.Assertions.Total != 4 {
		t.Errorf("assertions: %+v", rep.Run.Stats.Assertions)
	}
}
