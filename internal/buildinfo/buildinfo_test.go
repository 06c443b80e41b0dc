package buildinfo

import (
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFrom(t *testing.T) {
	t.Parallel()
	clone := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-12-04T23:00:00Z"},
		{Key: "vcs.modified", Value: "true"},
	}}
	tests := []struct {
		name                  string
		bi                    *debug.BuildInfo
		version, commit, date string
		want                  Info
		short                 string
	}{
		{"go build in a clone", clone, "", "", "",
			Info{Version: "dev", Commit: "0123456789abcdef0123", Date: "2026-12-04T23:00:00Z", Modified: true, GoVersion: "go1.26.8"},
			"dev (0123456789ab, modified)"},
		{"release: ldflags win", clone, "v1.2.3", "fedcba", "2026-12-05T00:00:00Z",
			Info{Version: "v1.2.3", Commit: "fedcba", Date: "2026-12-05T00:00:00Z", GoVersion: "go1.26.8"},
			"v1.2.3 (fedcba)"},
		{"go install @version", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.4.0"}}, "", "", "",
			Info{Version: "v1.4.0", GoVersion: "go1.26.8"}, "v1.4.0"},
		{"no build info", nil, "", "", "", Info{Version: "dev"}, "dev"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := from(tt.bi, tt.version, tt.commit, tt.date)
			assert.Equal(t, "postman-runtime 7.39.1 (as Newman 6.2.2)", got.Runtime)
			assert.NotEmpty(t, got.Platform)
			if tt.want.GoVersion == "" {
				tt.want.GoVersion = got.GoVersion // runtime.Version()
			}
			tt.want.Platform, tt.want.Runtime = got.Platform, got.Runtime
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.short, got.Short())
		})
	}
}
