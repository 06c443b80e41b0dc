package report

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/runner/report/htmlreport"
)

// OmitFlags are the options that leave data out of an HTML report.
type OmitFlags struct {
	Omit htmlreport.Omit
	// SkipSensitiveData leaves out every header and body.
	SkipSensitiveData bool
}

// Value returns the Omit the flags ask for.
func (f *OmitFlags) Value() htmlreport.Omit {
	o := f.Omit
	if f.SkipSensitiveData {
		o.Headers, o.RequestBodies, o.ResponseBodies = true, true, true
	}
	return o
}

// AddOmitFlags adds the options with prefix (as "reporter-html-"), and,
// when extra is set, hidden htmlextra spellings ("reporter-htmlextra-
// omitHeaders"...) so Newman command lines keep working.
func AddOmitFlags(fs *pflag.FlagSet, prefix string, o *OmitFlags, extra bool) {
	type flag struct {
		name, extra, usage string
		b                  *bool
		list               *[]string
	}
	flags := []flag{
		{"omit-headers", "omitHeaders", "leave every request and response header out of the page", &o.Omit.Headers, nil},
		{"skip-headers", "skipHeaders", "leave these headers out of the page (comma-separated `names`)", nil, &o.Omit.HeaderNames},
		{"omit-request-bodies", "omitRequestBodies", "leave every request body out of the page", &o.Omit.RequestBodies, nil},
		{"omit-response-bodies", "omitResponseBodies", "leave every response body out of the page", &o.Omit.ResponseBodies, nil},
		{"hide-request-body", "hideRequestBody", "leave the request bodies of these requests out (comma-separated `names`)", nil, &o.Omit.RequestBodiesOf},
		{"hide-response-body", "hideResponseBody", "leave the response bodies of these requests out (comma-separated `names`)", nil, &o.Omit.ResponseBodiesOf},
		{"skip-sensitive-data", "skipSensitiveData", "leave every header and body out of the page", &o.SkipSensitiveData, nil},
		{"skip-requests", "skipRequests", "leave these requests out of the page (comma-separated `names`)", nil, &o.Omit.Requests},
		{"show-only-fails", "showOnlyFails", "put only the failed requests in the page", &o.Omit.OnlyFailed, nil},
	}
	for _, f := range flags {
		names := []string{prefix + f.name}
		if extra {
			names = append(names, "reporter-htmlextra-"+f.extra)
		}
		for i, n := range names {
			usage := "html: " + f.usage
			if prefix == "" {
				usage = f.usage
			}
			if f.b != nil {
				fs.BoolVar(f.b, n, false, usage)
			} else {
				fs.StringSliceVar(f.list, n, nil, usage)
			}
			if i > 0 {
				_ = fs.MarkHidden(n)
			}
		}
	}
}

// htmlextraIgnored are htmlextra options that change nothing courier's
// page needs changed: accepted, with a note, so Newman command lines run.
var htmlextraIgnored = map[string]string{
	"logs":                  "console output is always shown",
	"testPaging":            "tests are listed per request",
	"titleSize":             "",
	"noSyntaxHighlighting":  "bodies are plain text",
	"showMarkdownLinks":     "",
	"showFolderDescription": "",
	"timezone":              "times show in the reader's time zone",
	"displayProgressBar":    "use -r progress",
	"showEnvironmentData":   "the page shows no variables",
	"showGlobalData":        "the page shows no variables",
	"skipEnvironmentVars":   "the page shows no variables",
	"skipGlobalVars":        "the page shows no variables",
	"browserTitle":          "",
}

// htmlextraRefused are htmlextra options courier cannot honour; a run that
// asks for one stops rather than write a page the user did not ask for.
var htmlextraRefused = map[string]string{
	"template":    "courier's page has no templates",
	"skipFolders": "use --reporter-html-skip-requests with the folder's request names",
}

// AddHTMLExtraCompat adds the hidden htmlextra options that AddOmitFlags
// does not cover. browserTitle sets title.
func AddHTMLExtraCompat(fs *pflag.FlagSet, title *string) {
	for name := range htmlextraIgnored {
		n := "reporter-htmlextra-" + name
		switch name {
		case "browserTitle":
			fs.StringVar(title, n, "", "htmlextra: page title")
		case "titleSize", "timezone", "skipEnvironmentVars", "skipGlobalVars":
			fs.String(n, "", "htmlextra: no effect")
		default:
			fs.Bool(n, false, "htmlextra: no effect")
		}
		_ = fs.MarkHidden(n)
	}
	for name := range htmlextraRefused {
		fs.String("reporter-htmlextra-"+name, "", "htmlextra: not supported")
		_ = fs.MarkHidden("reporter-htmlextra-" + name)
	}
}

// CheckHTMLExtraCompat refuses the unsupported htmlextra options that cmd
// was given and returns notes for the ignored ones.
func CheckHTMLExtraCompat(cmd *cobra.Command) ([]string, error) {
	var notes, refused []string
	// In name order, every refused option given: the same message on
	// every run, whatever the map's order.
	for _, name := range slices.Sorted(maps.Keys(htmlextraRefused)) {
		if cmd.Flags().Changed("reporter-htmlextra-" + name) {
			refused = append(refused, fmt.Sprintf("--reporter-htmlextra-%s is not supported: %s", name, htmlextraRefused[name]))
		}
	}
	if len(refused) > 0 {
		return nil, cmdutil.FlagErrorf("%s (see docs/reports.md)", strings.Join(refused, "; "))
	}
	for name, why := range htmlextraIgnored {
		if name != "browserTitle" && cmd.Flags().Changed("reporter-htmlextra-"+name) {
			note := fmt.Sprintf("note: --reporter-htmlextra-%s has no effect on courier's HTML report", name)
			if why != "" {
				note += " (" + why + ")"
			}
			notes = append(notes, note)
		}
	}
	sort.Strings(notes)
	return notes, nil
}
