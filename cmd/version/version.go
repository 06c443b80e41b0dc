// Package version implements "courier version".
package version

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/internal/buildinfo"
)

// NewCmdVersion returns "courier version"; info is the binary's build info
// (buildinfo.Get in production, fixed values in tests).
func NewCmdVersion(io *cmdutil.IOStreams, info buildinfo.Info) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Show courier's version, commit, Go version and the Postman runtime it follows",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprint(io.Out, Format(info))
			return nil
		},
	}
}

// Format renders info as "courier version" prints it.
func Format(in buildinfo.Info) string {
	commit := in.Commit
	if commit == "" {
		commit = "unknown (not built from a Git checkout)"
	}
	if in.Modified {
		commit += ", with uncommitted changes"
	}
	if in.Date != "" {
		commit += " (" + in.Date + ")"
	}
	return fmt.Sprintf("courier %s\ncommit:   %s\ngo:       %s %s\nemulates: %s\n",
		in.Version, commit, in.GoVersion, in.Platform, in.Runtime)
}
