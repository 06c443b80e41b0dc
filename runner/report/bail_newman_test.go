package report

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// TestBailFolderAsNewman: --bail folder (postman-runtime's abortOnError)
// ends the run at the first script or request error, inside that item.
// Newman 6.2.2's summary counts the item and its iteration as pending, not
// run (its table's iterations read 0 here), and has no end time (its run
// duration reads 0ms). cli_bailfolder_round9u.txt is Newman's output, the
// .stats.json its summary's run.stats (Newman writes no JSON report for an
// aborted run; courier's has these stats); three recordings agreed. The
// summary table is compared without its borders' widths and with its times
// masked, which vary from run to run.
func TestBailFolderAsNewman(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "testdata", "golden", "report")
	raw, err := os.ReadFile(filepath.Join(dir, "cli_bailfolder_round9u.json"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(dir, "cli_bailfolder_round9u.txt"))
	if err != nil {
		t.Fatal(err)
	}
	wantStats, err := os.ReadFile(filepath.Join(dir, "cli_bailfolder_round9u.stats.json"))
	if err != nil {
		t.Fatal(err)
	}
	base := echotest.Start(t)
	coll, err := collections.LoadBytes(bytes.ReplaceAll(raw, []byte("http://BASE"), []byte(base)), "bail.json")
	if err != nil {
		t.Fatal(err)
	}
	var cli, js bytes.Buffer
	m := NewMulti(NewCLI(&cli, CLIOptions{}), NewJSON(&js, JSONOptions{}))
	r := &runner.Runner{Collection: coll, Sink: m, Options: runner.Options{LoopbackOnly: true, Bail: []string{runner.BailFolder}}}
	if _, err := r.Run(context.Background()); err == nil || err.Error() != "boom" {
		t.Errorf("run error = %v, want boom (Newman's \"error: boom\")", err)
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	got := strings.ReplaceAll(cli.String(), base, "BASE")
	got = regexp.MustCompile(`\[(\d{3} [^,\]]*), [^\]]*\]`).ReplaceAllString(got, "[$1]")
	got = got[strings.Index(got, "→"):]
	// The run's error goes to stderr, as Newman's "error: boom": the
	// reporter prints nothing after the failures.
	wantText := string(want)
	wantText = wantText[strings.Index(wantText, "→"):]
	if g, w := tableText(got), tableText(wantText); g != w {
		t.Errorf("courier printed\n%s\nNewman 6.2.2 printed\n%s", got, wantText)
	}
	var rep struct {
		Run struct{ Stats json.RawMessage }
	}
	if err := json.Unmarshal(js.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	var g, w map[string]jsonStat
	if err := json.Unmarshal(rep.Run.Stats, &g); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(wantStats, &w); err != nil {
		t.Fatal(err)
	}
	for k, ws := range w {
		if g[k] != ws {
			t.Errorf("run.stats.%s = %+v, Newman's summary has %+v", k, g[k], ws)
		}
	}
}

// tableText is CLI output without what differs between two runs of the
// same collection: box borders and padding (their width follows the
// longest line) and the times on the average response time line.
func tableText(s string) string {
	// The average line is left out of both: its numbers vary, and it is
	// there only when some response took a millisecond or more (as in
	// Newman), which a quick loopback answer need not.
	s = regexp.MustCompile(`(?m)^.*average response time: .*$`).ReplaceAllString(s, "")
	var out []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.Trim(line, " │┌┐└┘├┤┬┴┼─")
		line = regexp.MustCompile(`\s*│\s*`).ReplaceAllString(line, "|")
		if line = strings.TrimRight(line, " "); line != "" {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}
