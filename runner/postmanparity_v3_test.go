package runner_test

// Parity files whose "format" is "v3" hold probes run as Postman v12
// (Git-native YAML) collections. Postman CLI 1.34 runs those on a newer
// runtime than its v2.1 JSON runs (its requests say PostmanRuntime/1.3.0,
// and its sandbox differs in places), and it has only its cli reporter for
// them, so its answers are read from that text: the Pass/Skip lines and
// the numbered failures of each request, with each failure's message from
// the table at the end.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/collections"
)

// formatV3 marks a parity file whose cases run as v12 directories.
const formatV3 = "v3"

// v3Dir writes the case as a v12 collection directory under dir and
// returns the collection's directory. An item's "yaml" is added to its
// request file as written (headers, body, auth); the case's Definition to
// the collection's definition.yaml.
func (c parityCase) v3Dir(t *testing.T, dir string, srv parityServers) string {
	t.Helper()
	root := filepath.Join(dir, "postman", "collections", "parity")
	require.NoError(t, os.MkdirAll(filepath.Join(root, ".resources"), 0o755))
	def := "$kind: collection\nname: parity\n" + c.Definition
	require.NoError(t, os.WriteFile(filepath.Join(root, ".resources", "definition.yaml"), srv.place([]byte(def)), 0o644))
	// A folder sorts where its first item stands.
	folderOrder := map[string]int{}
	for i, it := range c.Items {
		f, _ := it["folder"].(string)
		for p := f; p != "" && p != "."; p = filepath.Dir(p) {
			if _, ok := folderOrder[p]; !ok {
				folderOrder[p] = (i + 1) * 1000
			}
		}
	}
	for f, order := range folderOrder {
		require.NoError(t, os.MkdirAll(filepath.Join(root, f, ".resources"), 0o755))
		def := fmt.Sprintf("$kind: collection\nname: %s\norder: %d\n%s", yamlQuote(filepath.Base(f)), order, c.Folders[f])
		require.NoError(t, os.WriteFile(filepath.Join(root, f, ".resources", "definition.yaml"), srv.place([]byte(def)), 0o644))
	}
	for f := range c.Folders {
		require.Contains(t, folderOrder, f, "folder %q has no item", f)
	}
	for i, it := range c.Items {
		str := func(k string) string { s, _ := it[k].(string); return s }
		method, url := str("method"), str("url")
		if req, ok := it["request"].(map[string]any); ok {
			method, _ = req["method"].(string)
			url, _ = req["url"].(string)
		}
		if method == "" {
			method = "GET"
		}
		var b strings.Builder
		fmt.Fprintf(&b, "$kind: http-request\nname: %s\nurl: %s\nmethod: %s\n", yamlQuote(str("name")), yamlQuote(url), method)
		if !strings.Contains("\n"+str("yaml"), "\norder:") {
			// An item's yaml may give its own order.
			fmt.Fprintf(&b, "order: %d\n", (i+1)*1000)
		}
		b.WriteString(str("yaml"))
		var scripts []string
		for _, hook := range [][2]string{{"pre", "beforeRequest"}, {"test", "afterResponse"}} {
			if code := str(hook[0]); code != "" {
				scripts = append(scripts, fmt.Sprintf("  - type: %s\n    code: %s\n    language: text/javascript\n", hook[1], yamlQuote(parityPrelude+code)))
			}
		}
		if len(scripts) > 0 {
			b.WriteString("scripts:\n" + strings.Join(scripts, ""))
		}
		stem := str("file")
		if stem == "" {
			stem = fmt.Sprintf("r%02d", i)
		}
		name := filepath.Join(root, str("folder"), stem+".request.yaml")
		require.NoError(t, os.WriteFile(name, srv.place([]byte(b.String())), 0o644))
	}
	for rel, text := range c.Files {
		name := filepath.Join(root, filepath.FromSlash(rel))
		require.True(t, strings.HasPrefix(name, root+string(filepath.Separator)), "file %q leaves the collection", rel)
		require.NoError(t, os.MkdirAll(filepath.Dir(name), 0o755))
		require.NoError(t, os.WriteFile(name, srv.place([]byte(text)), 0o644))
	}
	return root
}

// yamlQuote writes s as a YAML double-quoted scalar (JSON's escapes are
// YAML's).
func yamlQuote(s string) string {
	data, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(data)
}

// postmanV3Answers runs a v3 case under Postman CLI three times and keeps
// the answers only when every run gives the same.
func postmanV3Answers(t *testing.T, postman string, c parityCase, base parityServers) []string {
	t.Helper()
	first := postmanV3Once(t, postman, c, base)
	for run := 2; run <= 3; run++ {
		if again := postmanV3Once(t, postman, c, base); !slices.Equal(first, again) {
			t.Fatalf("%s: Postman CLI answered differently in run %d:\n%s", c.Name, run, lineDiff(first, again))
		}
	}
	return first
}

func postmanV3Once(t *testing.T, postman string, c parityCase, base parityServers) []string {
	t.Helper()
	dir := t.TempDir()
	coll := c.v3Dir(t, dir, base)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	args := []string{"collection", "run", coll, "--disable-unicode"}
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, base.place(data), 0o644))
		return p
	}
	if c.EnvironmentYAML != "" {
		args = append(args, "-e", write("postman/environments/parity.environment.yaml", []byte(c.EnvironmentYAML)))
	}
	if c.Environment != nil {
		data, _ := json.Marshal(c.Environment)
		args = append(args, "-e", write("e.json", data))
	}
	if c.GlobalsYAML != "" {
		args = append(args, "-g", write("postman/globals/workspace.globals.yaml", []byte(c.GlobalsYAML)))
	}
	if c.Globals != nil {
		data, _ := json.Marshal(c.Globals)
		args = append(args, "-g", write("g.json", data))
	}
	if c.Data != "" {
		args = append(args, "-d", write(c.dataName(), []byte(c.Data)))
	}
	args = append(args, c.Flags...)
	cmd := exec.CommandContext(ctx, postman, args...)
	// Postman CLI keeps its settings and logs under $HOME/.postman.
	cmd.Env = append(os.Environ(), "HOME="+dir)
	out, _ := cmd.CombinedOutput()
	if os.Getenv("PARITY_DEBUG") != "" {
		// While writing a probe: Postman CLI's own words (a refused
		// collection answers nothing at all).
		t.Logf("Postman CLI's output:\n%s", out)
	}
	lines, err := parseCLIAnswers(string(out))
	require.NoError(t, err, "Postman CLI's output:\n%s", out)
	return parityNormalize(lines, base)
}

var (
	// A script's first result can land on the line of a pm.sendRequest it
	// made, before that request's status: "  GET http://x/get   Pass  a".
	cliPass    = regexp.MustCompile(`^(?:  [A-Z]+ \S+ )?  (Pass|Skip)  (.*)$`)
	cliFailed  = regexp.MustCompile(`^(?:  [A-Z]+ \S+ )? {0,3}(\d+)\. (.*)$`)
	cliErrored = regexp.MustCompile(`^(?:  [A-Z]+ \S+ )? {0,3}(\d+)\x{2804} (.*)$`)
	cliRequest = regexp.MustCompile(`^  [A-Z]+ .+ \[errored\]$`)
	// A request whose body file cannot be read shows Node's error alone
	// under the item's name ("ENOENT: no such file or directory, open
	// 'x.bin'"), the table saying only "Request could not be completed";
	// so does a basic auth that btoa cannot encode ("Invalid character").
	cliFileError = regexp.MustCompile(`^(E[A-Z]{2,}: .*|Invalid character)$`)
	cliTableHead = regexp.MustCompile(`^\s*#\s+failure\s+detail\s*$`)
	cliEntry     = regexp.MustCompile(`^\s*0*(\d+)\.\s{2}(\S+)\s{2,}`)
	cliAt        = regexp.MustCompile(`^at (?:assertion:\d+ in )?(test-script|prerequest-script|request)$`)
)

// parseCLIAnswers reads Postman CLI's cli report into the parity notation:
// one line per assertion in order ("name", "SKIP name", "FAIL name:
// message"), then "ERROR <listen>-script: message" for each script error
// and "REQUEST ERROR: message" for each failed request.
func parseCLIAnswers(text string) ([]string, error) {
	all := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	head := slices.IndexFunc(all, cliTableHead.MatchString)
	type failure struct{ at, msg string }
	fails := map[int]failure{}
	if head >= 0 {
		col := strings.Index(all[head], "detail")
		var num int
		var msg []string
		flush := func(at string) {
			if num > 0 {
				fails[num] = failure{at, strings.Join(msg, "\n")}
			}
			num, msg = 0, nil
		}
		for _, l := range all[head+1:] {
			if m := cliEntry.FindStringSubmatch(l); m != nil {
				num, _ = strconv.Atoi(m[1])
				msg = nil
				continue
			}
			if num == 0 {
				continue
			}
			detail := ""
			if len(l) > col {
				detail = strings.TrimRight(l[col:], " ")
			}
			if m := cliAt.FindStringSubmatch(strings.TrimSpace(detail)); m != nil {
				flush(m[1])
				continue
			}
			msg = append(msg, detail)
		}
	}
	// The table numbers every failure in the order it happened; the
	// report's sections number only those they show numbered, a failed
	// request's line says [errored] instead. So the table's entries are
	// taken in order, one for each numbered line and each [errored] line.
	next := 1
	take := func(what string) (failure, error) {
		f, ok := fails[next]
		if !ok {
			return f, fmt.Errorf("%s: failure %d has no entry in the table", what, next)
		}
		next++
		return f, nil
	}
	var lines, errs, requestErrs []string
	for _, l := range all {
		if strings.HasPrefix(l, "-----") || cliTableHead.MatchString(l) {
			break
		}
		if m := cliFileError.FindStringSubmatch(l); m != nil {
			if _, err := take(l); err != nil {
				return nil, err
			}
			requestErrs = append(requestErrs, "REQUEST ERROR: "+m[1])
			continue
		}
		if cliRequest.MatchString(l) {
			f, err := take(l)
			if err != nil {
				return nil, err
			}
			requestErrs = append(requestErrs, "REQUEST ERROR: "+f.msg)
			continue
		}
		if m := cliPass.FindStringSubmatch(l); m != nil {
			if m[1] == "Skip" {
				lines = append(lines, "SKIP "+m[2])
			} else {
				lines = append(lines, m[2])
			}
			continue
		}
		if m := cliFailed.FindStringSubmatch(l); m != nil {
			f, err := take(l)
			if err != nil {
				return nil, err
			}
			lines = append(lines, "FAIL "+m[2]+": "+f.msg)
			continue
		}
		if cliErrored.MatchString(l) {
			f, err := take(l)
			if err != nil {
				return nil, err
			}
			if f.at == "request" {
				errs = append(errs, "REQUEST ERROR: "+f.msg)
			} else {
				errs = append(errs, "ERROR "+f.at+": "+f.msg)
			}
		}
	}
	return append(append(lines, errs...), requestErrs...), nil
}

// courierV3Collection loads the case's v12 directory the way `courier run
// DIR` does.
func courierV3Collection(t *testing.T, c parityCase, base parityServers) *collections.Collection {
	t.Helper()
	coll, err := collections.LoadDir(c.v3Dir(t, t.TempDir(), base))
	require.NoError(t, err)
	return coll
}

// v3RoundTripLoss says why a v12 case answers otherwise after `courier
// convert` to v2.1 JSON and back ("" when it must answer the same): what
// v2.1 cannot hold.
func v3RoundTripLoss(pf parityFile, c parityCase) string {
	switch {
	case strings.Contains(pf.Doc, "credential") && (strings.Contains(c.Name, "credentials") || strings.Contains(c.Name, "auth types")):
		// fresh-round10v-auth, 11v-nulls, 12v-creds, 12v-creds2.
		return "a YAML number, boolean or null credential is written as the JSON run reads it (text), which the v12 runtime then sends"
	case strings.Contains(c.Name, "rows in toJSON") || strings.Contains(c.Name, "rows and path variables in toJSON"):
		return "query rows of the url text and of queryParams show different shapes in toJSON; v2.1 has one list"
	case strings.Contains(c.Name, "queryParams keys seen by scripts") || strings.Contains(c.Name, "scripts changing queryParams rows"):
		// fresh-round14v-f, 14v-g.
		return "queryParams rows are merged by key for scripts and kept apart from the URL scripts change; v2.1 has one list, which the converted file writes in the url text or in queryParams as a whole"
	case c.Name == "raw body types":
		return "a body of type none goes as no body (v2.1 has no mode none): the same request, but scripts see no body instead of {}"
	}
	return ""
}

// courierV3RoundTrip is the case's v12 directory after `courier convert`
// to v2.1 JSON and back to a v12 directory.
func courierV3RoundTrip(t *testing.T, c parityCase, base parityServers) *collections.Collection {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, collections.Save(&buf, courierV3Collection(t, c, base)))
	fromJSON, err := collections.LoadBytes(buf.Bytes(), "parity.json")
	require.NoError(t, err)
	dir := filepath.Join(t.TempDir(), "postman", "collections", "parity")
	_, err = collections.SaveDir(fromJSON, dir)
	require.NoError(t, err)
	coll, err := collections.LoadDir(dir)
	require.NoError(t, err)
	return coll
}

// TestParseCLIAnswers reads a cli report of Postman CLI 1.34 (a v12 run,
// trimmed): a failed request's [errored] line (a URL with a space
// included) takes its entry of the table in turn, so the numbered script
// error after it is the table's second entry though its section says 1.
func TestParseCLIAnswers(t *testing.T) {
	t.Parallel()
	report := `Root max redirects
  GET http://127.0.0.1:1/redirect/3 [errored]
     Exceeded maxRedirects. Probably stuck in a redirect loop http://127.0.0.1:1/redirect/2
Root set cookie
  GET http://127.0.0.1:1/cookies/set?k=v [302 Found, 193 B, 21 ms]
  Pass  code 302
  1` + "\u2804" + ` JSONError in test-script
Root no url encoding
  GET http://127.0.0.1:1/get?q=a b [errored]
     Request path contains unescaped characters
Root after
  GET http://127.0.0.1:1/get [200 OK, 448 B, 28 ms]
  2. equal
------------------------------------------------------------------
  #  failure         detail
 1.  Error
                     Exceeded maxRedirects. Probably stuck in a redirect loop http://127.0.0.1:1/redirect/2
                     at request
                     inside "max redirects"
 2.  JSONError
                     Unexpected token 'F' at 1:1
                     Found. Redirecting to /cookies
                     ^
                     at test-script
                     inside "set cookie"
 3.  TypeError
                     Request path contains unescaped characters
                     at request
                     inside "no url encoding"
 4.  AssertionError
                     expected 1 to equal 2
                     at assertion:0 in test-script
                     inside "after"
`
	// The report pads the table's lines to its width.
	head, table, _ := strings.Cut(report, "-----\n")
	var padded strings.Builder
	for l := range strings.Lines(table) {
		l = strings.TrimSuffix(l, "\n")
		padded.WriteString(l + strings.Repeat(" ", max(0, 110-len(l))) + "\n")
	}
	got, err := parseCLIAnswers(head + "-----\n" + padded.String())
	require.NoError(t, err)
	require.Equal(t, []string{
		"code 302",
		"FAIL equal: expected 1 to equal 2",
		"ERROR test-script: Unexpected token 'F' at 1:1\nFound. Redirecting to /cookies\n^",
		"REQUEST ERROR: Exceeded maxRedirects. Probably stuck in a redirect loop http://127.0.0.1:1/redirect/2",
		"REQUEST ERROR: Request path contains unescaped characters",
	}, got)
}
