package report_test

import (
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/courier-run/courier/runner/report/jsonreport"
	"github.com/courier-run/courier/simulators/echo"
)

// process runs the test binary as courier in dir with extra environment.
func process(t *testing.T, dir string, env []string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "COURIER_TEST_AS_CLI=1", "COURIER_STATE_DIR="+filepath.Join(dir, "state")), env...)
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("courier %v: %v", args, err)
	}
	return code, string(out)
}

// shardSuite writes a collection with three top-level folders whose tests
// depend on the iteration's data row (some fail), its data and environment.
func shardSuite(t *testing.T, baseURL string, rows int) string {
	t.Helper()
	dir := t.TempDir()
	req := func(name string) string {
		return fmt.Sprintf(`{"name":%q,"request":{"method":"GET","url":"{{baseUrl}}/get?item=%s&n={{n}}"},
"event":[{"listen":"test","script":{"exec":["const a = pm.response.json().args;",
"console.log(a.item, a.n);",
"pm.test('echoes '+a.item, () => pm.expect(a.item).to.eql('%s'));",
"pm.test('row is even', () => pm.expect(Number(a.n) %% 2).to.eql(0));"]}}]}`, name, name, name)
	}
	coll := fmt.Sprintf(`{"info":{"name":"shards","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"item":[{"name":"A","item":[%s,%s]},{"name":"B","item":[%s]},%s,{"name":"C","item":[%s]}]}`,
		req("a1"), req("a2"), req("b1"), req("root"), req("c1"))
	var data []string
	for i := range rows {
		data = append(data, fmt.Sprintf(`{"n":%d}`, i+1))
	}
	files := map[string]string{
		"coll.json": coll,
		"data.json": "[" + strings.Join(data, ",") + "]",
		"env.json":  fmt.Sprintf(`{"name":"env","values":[{"key":"baseUrl","value":%q,"enabled":true}]}`, baseURL),
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// outcomes is what a report says happened, without times and ids.
func outcomes(rep *jsonreport.Report) []string {
	var out []string
	for _, e := range rep.Run.Executions {
		line := fmt.Sprintf("%d/%d %s", e.Cursor.Iteration, e.Cursor.Position, e.Item.Name)
		for _, a := range e.Assertions {
			line += fmt.Sprintf(" [%s %v]", a.Assertion, a.Error == nil)
		}
		for _, c := range e.Console {
			line += " console:" + c.Message
		}
		out = append(out, line)
	}
	for _, f := range rep.Run.Failures {
		out = append(out, fmt.Sprintf("failure %d/%d %s %s %s", f.Cursor.Iteration, f.Cursor.Position, f.At, f.Source.Name, f.Error.Message))
	}
	return out
}

type junitCounts struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Errors   int `xml:"errors,attr"`
	Suites   []struct {
		Name  string `xml:"name,attr"`
		Tests int    `xml:"tests,attr"`
	} `xml:"testsuite"`
}

func readJUnit(t *testing.T, path string) junitCounts {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var j junitCounts
	if err := xml.Unmarshal(b, &j); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return j
}

// N shards run as N courier processes, merged, give the single process's
// outcomes, stats and JUnit report: by iteration (a data-driven run) and
// by top-level item (a one-iteration run).
func TestShardsMergeToTheSingleRun(t *testing.T) {
	t.Parallel()
	srv, err := echo.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	for _, tc := range []struct {
		name   string
		rows   int
		shards int
		by     string
	}{
		{"by iteration", 7, 3, jsonreport.ByIteration},
		{"by item", 1, 2, jsonreport.ByItem},
		{"more shards than items", 1, 6, jsonreport.ByItem},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := shardSuite(t, srv.URL, tc.rows)
			run := []string{"run", "coll.json", "-e", "env.json", "-d", "data.json", "-r", "json,junit", "-x", "--no-persist"}
			code, out := process(t, dir, nil, append(run, "--reporter-json-export", "single.json", "--reporter-junit-export", "single.xml")...)
			if code != 0 {
				t.Fatalf("single run: exit %d\n%s", code, out)
			}
			var wg sync.WaitGroup
			var inputs []string
			for k := 1; k <= tc.shards; k++ {
				report := fmt.Sprintf("shard-%d.json", k)
				inputs = append([]string{report}, inputs...) // merge sorts them by shard
				args := append(run, "--reporter-json-export", report, "--reporter-junit-export", fmt.Sprintf("shard-%d.xml", k))
				var env []string
				if k == tc.shards {
					// the last one as a Kubernetes Indexed Job pod would run
					args = append(args, "--shard", fmt.Sprint(tc.shards), "--shard-index-env", "JOB_COMPLETION_INDEX")
					env = []string{fmt.Sprintf("JOB_COMPLETION_INDEX=%d", k-1)}
				} else {
					args = append(args, "--shard", fmt.Sprintf("%d/%d", k, tc.shards))
				}
				wg.Add(1)
				go func() {
					defer wg.Done()
					if code, out := process(t, dir, env, args...); code != 0 {
						t.Errorf("shard %d: exit %d\n%s", k, code, out)
					}
				}()
			}
			wg.Wait()
			if t.Failed() {
				return
			}
			merge := append([]string{"report", "merge"}, inputs...)
			if tc.by == jsonreport.ByItem {
				// a directory of reports, as on a shared volume
				if err := os.Mkdir(filepath.Join(dir, "reports"), 0o755); err != nil {
					t.Fatal(err)
				}
				for _, in := range inputs {
					if err := os.Rename(filepath.Join(dir, in), filepath.Join(dir, "reports", in)); err != nil {
						t.Fatal(err)
					}
				}
				merge = []string{"report", "merge", "reports"}
			}
			code, out = process(t, dir, nil, append(merge, "-o", "merged.json", "--junit", "merged.xml", "--html", "merged.html")...)
			if code != 1 || !strings.Contains(out, "merged "+fmt.Sprint(tc.shards)+" reports") {
				t.Fatalf("merge: exit %d (want 1: the run has failures)\n%s", code, out)
			}
			single, err := jsonreport.ReadFile(filepath.Join(dir, "single.json"))
			if err != nil {
				t.Fatal(err)
			}
			merged, err := jsonreport.ReadFile(filepath.Join(dir, "merged.json"))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := outcomes(merged), outcomes(single); !reflect.DeepEqual(got, want) {
				t.Errorf("merged outcomes differ from the single run's:\n got %q\nwant %q", got, want)
			}
			if merged.Run.Stats != single.Run.Stats {
				t.Errorf("merged stats %+v\nwant %+v", merged.Run.Stats, single.Run.Stats)
			}
			first, _ := jsonreport.ReadFile(filepath.Join(dir, "shard-1.json"))
			if first == nil {
				first, _ = jsonreport.ReadFile(filepath.Join(dir, "reports", "shard-1.json"))
			}
			if first.Run.Shard == nil || first.Run.Shard.By != tc.by || first.Run.Shard.Count != tc.shards {
				t.Errorf("shard 1's report records %+v, want by %s of %d", first.Run.Shard, tc.by, tc.shards)
			}
			if got, want := readJUnit(t, filepath.Join(dir, "merged.xml")), readJUnit(t, filepath.Join(dir, "single.xml")); !reflect.DeepEqual(got, want) {
				t.Errorf("merged JUnit %+v\nwant %+v", got, want)
			}
			if page, err := os.ReadFile(filepath.Join(dir, "merged.html")); err != nil || !strings.Contains(string(page), "shards") {
				t.Errorf("merged HTML page: %v", err)
			}
		})
	}
}
