package suite_test

import (
	"bufio"
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo/echotest"
	"github.com/courier-run/courier/suite"
)

const corpusV3 = "../../shared/corpus-v3"

// record collects what a run did, line by line.
type record struct {
	mu    sync.Mutex
	lines []string
	echo  string
}

func (r *record) Handle(ev runner.Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch e := ev.(type) {
	case runner.RequestEvent:
		where := strings.Join(append(append([]string{}, e.Item.Folders...), e.Item.Name), " / ")
		u, _ := url.Parse(e.Request.URL)
		target := e.Request.URL
		if u != nil && "http://"+u.Host == r.echo {
			target = "echo " + u.RequestURI()
		}
		line := fmt.Sprintf("%s: %s %s", where, e.Request.Method, target)
		if e.Err != nil {
			line += " -> not sent (" + firstLine(e.Err.Error()) + ")"
		} else {
			line += fmt.Sprintf(" -> %d", e.Response.Code)
		}
		r.lines = append(r.lines, line)
	case runner.AssertionEvent:
		st := "pass"
		if !e.Result.Passed {
			st = "FAIL"
		}
		if timed.MatchString(e.Result.Name) {
			st = "(timed)" // depends on the machine's load; not compared
		}
		r.lines = append(r.lines, fmt.Sprintf("    %s %s", st, e.Result.Name))
	case runner.ScriptEvent:
		if e.Err != nil {
			r.lines = append(r.lines, fmt.Sprintf("    %s script error: %s", e.Listen, firstLine(e.Err.Error())))
		}
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

var (
	origin  = regexp.MustCompile(`^https?://[^/?#'"\s]+`)
	timed   = regexp.MustCompile(`(?i)response time|tempo de resposta`)
	hostVar = regexp.MustCompile(`^(https?://)?\{\{([^{}]+)\}\}`)
)

// rewrite points a base-URL variable at the echo server: an http(s)
// origin is replaced (its path kept), an empty variable whose name says URL
// gets the echo server's address.
func rewrite(key, value, echo string) string {
	if origin.MatchString(value) {
		return origin.ReplaceAllString(value, echo)
	}
	if value == "" && strings.Contains(strings.ToLower(key), "url") {
		return echo
	}
	return value
}

// TestCorpusV3AgainstEcho runs every corpus-v3 collection with its first
// environment, base URLs rewritten to the local echo server, and compares
// what happened (requests, status codes, assertion outcomes, script
// errors) with testdata/v3runs/<collection>.txt. Requests to hosts written
// into the request files are refused before any lookup (LoopbackOnly):
// nothing leaves the machine. The echo server is not the collections' API,
// so many of their assertions fail: the golden records which.
func TestCorpusV3AgainstEcho(t *testing.T) {
	t.Parallel()
	f, err := os.Open(filepath.Join(corpusV3, "MANIFEST.tsv"))
	if err != nil {
		t.Skipf("corpus-v3 not available beside the clone (%v)", err)
	}
	defer f.Close()
	type row struct{ dir, env string }
	var rows []row
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		env := ""
		for _, e := range strings.Split(fields[7], ";") {
			if strings.HasSuffix(e, ".environment.yaml") {
				env = e
				break
			}
		}
		rows = append(rows, row{fields[0], env})
	}
	echo := echotest.Start(t)
	for _, r := range rows {
		name := filepath.Base(r.dir)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			coll, err := collections.LoadDir(filepath.Join(corpusV3, r.dir))
			if err != nil {
				t.Fatal(err)
			}
			for i, v := range coll.Variables {
				coll.Variables[i].Value = rewrite(v.Key, v.Value, echo)
			}
			var env *environments.File
			if r.env != "" {
				repo := strings.SplitN(r.dir, "/", 2)[0]
				env, err = environments.LoadFile(filepath.Join(corpusV3, repo, "postman", "environments", r.env))
				if err != nil {
					t.Fatal(err)
				}
				for i, v := range env.Values {
					env.Values[i].Value = rewrite(v.Key, v.Value, echo)
				}
			}
			// A host variable the collection uses but neither it nor its
			// environment defines (TempHist's {{baseurl}}, PyPNM's
			// {{pypnm_url}}) is pointed at the echo server too.
			defined := map[string]bool{}
			for _, v := range coll.Variables {
				defined[v.Key] = true
			}
			if env != nil {
				for _, v := range env.Values {
					defined[v.Key] = true
				}
			}
			var extra []environments.Variable
			_ = collections.Walk(coll.Items, func(it *collections.Item) error {
				m := hostVar.FindStringSubmatch(it.Request.URL.Raw)
				if m == nil || defined[m[2]] {
					return nil
				}
				defined[m[2]] = true
				v := echo
				if m[1] != "" {
					v = strings.TrimPrefix(echo, "http://")
				}
				extra = append(extra, environments.Variable{Key: m[2], Value: v})
				return nil
			})
			rec := &record{echo: echo}
			s := suite.New(suite.Options{
				Collections: []*collections.Collection{coll},
				Environment: env,
				EnvVars:     extra,
				Runner:      runner.Options{LoopbackOnly: true},
				Sink:        rec,
				Silent:      true,
			})
			if _, err := s.Run(context.Background()); err != nil {
				t.Fatal(err)
			}
			got := strings.Join(rec.lines, "\n") + "\n"
			got = strings.ReplaceAll(got, echo, "{{echo}}")
			golden := filepath.Join("testdata", "v3runs", name+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if got != string(want) {
				t.Errorf("run differs from %s:\n%s", golden, got)
			}
			sent := strings.Count(got, " -> ") - strings.Count(got, "-> not sent")
			// Mouser API writes api.mouser.com into every request: no
			// base URL to rewrite, every request is refused.
			if sent == 0 && name != "Mouser API" {
				t.Errorf("no request reached the echo server")
			}
		})
	}
}
