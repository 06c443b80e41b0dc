// Package buildinfo says which courier this is: the version and commit a
// release stamps in with -ldflags, else what the Go toolchain recorded
// (the module version of "go install ...@v1.2.3", the Git revision of a
// build in a clone).
package buildinfo

import (
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/courier-run/courier/runner"
)

// Set by release builds: -ldflags "-X github.com/courier-run/courier/internal/buildinfo.version=v1.2.3
// -X github.com/courier-run/courier/internal/buildinfo.commit=abc123 -X ....date=2026-01-02T03:04:05Z".
var (
	version = ""
	commit  = ""
	date    = ""
)

// Info describes the running binary.
type Info struct {
	Version   string // v1.2.3, or "dev" for an unstamped build
	Commit    string // Git revision, "" when unknown
	Date      string // commit or build time, RFC 3339, "" when unknown
	Modified  bool   // built from a work tree with uncommitted changes
	GoVersion string // go1.26.8
	Platform  string // linux/amd64
	Runtime   string // the Postman runtime whose behaviour courier follows
}

// Get returns the running binary's Info.
func Get() Info {
	bi, _ := debug.ReadBuildInfo()
	return from(bi, version, commit, date)
}

func from(bi *debug.BuildInfo, version, commit, date string) Info {
	in := Info{
		Version:   version,
		Commit:    commit,
		Date:      date,
		GoVersion: runtime.Version(),
		Platform:  runtime.GOOS + "/" + runtime.GOARCH,
		Runtime:   "postman-runtime " + strings.TrimPrefix(runner.DefaultUserAgent, "PostmanRuntime/") + " (as Newman 6.2.2)",
	}
	if bi != nil {
		if in.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			in.Version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if in.Commit == "" {
					in.Commit = s.Value
				}
			case "vcs.time":
				if in.Date == "" {
					in.Date = s.Value
				}
			case "vcs.modified":
				in.Modified = s.Value == "true" && commit == ""
			}
		}
		if bi.GoVersion != "" {
			in.GoVersion = bi.GoVersion
		}
	}
	if in.Version == "" {
		in.Version = "dev"
	}
	return in
}

// Short is the one-line form --version prints.
func (in Info) Short() string {
	s := in.Version
	if in.Commit != "" {
		c := in.Commit
		if len(c) > 12 {
			c = c[:12]
		}
		s += " (" + c
		if in.Modified {
			s += ", modified"
		}
		s += ")"
	}
	return s
}
