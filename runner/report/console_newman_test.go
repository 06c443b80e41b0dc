package report

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// TestCLIConsoleAsNewman runs collections whose scripts log through the
// real runner and the CLI reporter, and compares the run's log with what
// Newman 6.2.2 printed for the same collection (`newman run --color off`,
// recorded beside it in testdata/golden/report; request lines and the
// server's address masked):
//   - cli_console_newman: lines logged between and after tests, and Errors.
//     Consecutive console lines share one box, a test's line closes it, and
//     an Error prints as {type, name, message}.
//   - cli_console_round3: the shapes collections log every day, as the
//     sandbox hands them to Newman's CLI (-0 as 0, a hole as undefined, a
//     prototype-less object as {}, an anonymous function as [Function]) and
//     as Node lays them out (arrays of more than six entries in columns).
//   - cli_console_round3b: more layouts (columns of strings and numbers,
//     arrays past 100 entries, nested lists, <ref *1> on a circular object).
//   - cli_console_round3n: the legacy scope libraries' deprecation lines
//     (once per script, on use, not on typeof) and long strings with line
//     breaks, which Node prints one quoted line at a time joined by " +".
//   - cli_console_round4n: what the sandbox does to a logged value on its
//     way out: toJSON applied (Postman's URL, header and list objects, at any
//     depth), class instances plain, promises {}, WeakMap/ArrayBuffer named.
//   - cli_sendrequest_round4n: each pm.sendRequest round trip prints its
//     request line where its answer reached the script (among console
//     lines and assertions), a refused one with its error and in the
//     failures (`inside ""`). Newman colours the failures table even with
//     --color off; the golden has its text.
//   - cli_digest_round4n: a digest challenge's 401 round trip prints a
//     request line of its own before the answered one (three recordings
//     agreed; sizes and times masked).
//   - cli_nextrequest_round5b: a request skipped with skipRequest prints
//     nothing under its name; after an item whose test scripts set the next
//     request, "Attempting to set next request to <name>" (the last test
//     script's target; not a pre-request's, not null).
//   - cli_thrown_round5b: a script that throws a value that is not an Error
//     (a number, a string, an object) fails as "undefined in test-script"
//     with a blank name in the failures (an object's own name or message
//     shows); a falsy value (null, the empty string) fails nothing.
//   - cli_legacy_round8p: sandbox 4.7.1's proxy over postman warns
//     'Using "postman.setNextRequest" is deprecated' on reading any of its
//     members (setEnvironmentVariable too, or one never called), once a
//     script, and 'Using "postman" is deprecated.' on a write.
//   - cli_failures_round8p: ten failures or more number with leading
//     zeros (01.); a nameless item is "inside" its id; a logged key with a
//     $ in it is quoted, as Node's inspect quotes it.
//   - cli_uploads_round8p: an upload file postman-runtime cannot read (a
//     form-data part's, a binary body's; missing or a directory) is a
//     console warning in its words, in the box of the pre-request
//     script's lines.
//   - cli_console_round8p: quotes chosen by content, odd keys, Map and
//     Set, numbers, format directives left as text, typed arrays and
//     holes; console.error() with nothing prints a blank line in the box.
//   - cli_bail_round8p (`--bail`): a test script whose assertion failed
//     fails as "AssertionFailure in test-script", listed at
//     test-script:39:17 (postman-runtime's own line), and the item's own
//     test script and the rest of the run do not run.
//   - cli_console_round13t: logged Errors (caught TypeErrors, subclasses,
//     extra properties, JSONError), objects past the depth, Maps, Sets,
//     typed arrays, symbols, accessors, an array given other properties
//     (the sandbox keeps its entries only), long and multi-line strings,
//     format directives, boxes across pre-request and test scripts, and
//     the failures of chai, status, header and jsonBody assertions, a
//     TypeError, a chai assertion at the top and a JSONError (Newman's
//     output recorded three times alike).
func TestCLIConsoleAsNewman(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"cli_console_newman", "cli_console_round3", "cli_console_round3b", "cli_console_round3n", "cli_digest_round4n", "cli_console_round4n", "cli_sendrequest_round4n", "cli_nextrequest_round5b", "cli_thrown_round5b", "cli_console_round7n", "cli_bail_round8p", "cli_legacy_round8p", "cli_failures_round8p", "cli_uploads_round8p", "cli_console_round8p", "cli_console_round12t", "cli_failures_round12t", "cli_console_round13t", "cli_console_round14t", "cli_tests_round14t"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join("..", "..", "testdata", "golden", "report")
			raw, err := os.ReadFile(filepath.Join(dir, name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join(dir, name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			base := echotest.Start(t)
			coll, err := collections.LoadBytes(bytes.ReplaceAll(raw, []byte("http://BASE"), []byte(base)), name+".json")
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			c := NewCLI(&out, CLIOptions{NoSummary: true})
			r := &runner.Runner{Collection: coll, Sink: c, Options: runner.Options{LoopbackOnly: true}}
			if strings.HasPrefix(name, "cli_bail") {
				r.Options.Bail = []string{runner.BailFailure}
			}
			if _, err := r.Run(context.Background()); err != nil {
				t.Fatal(err)
			}
			if err := c.Close(); err != nil {
				t.Fatal(err)
			}
			got := strings.ReplaceAll(out.String(), base, "BASE")
			got = regexp.MustCompile(`\[(\d{3} [^,\]]*), [^\]]*\]`).ReplaceAllString(got, "[$1]")
			got = got[strings.Index(got, "→"):]
			// The summary (left out here) follows the last line.
			if strings.TrimRight(got, "\n") != strings.TrimRight(string(want), "\n") {
				t.Errorf("courier printed\n%s\nNewman 6.2.2 printed\n%s", got, want)
			}
		})
	}
}
