// Package report implements "courier report", commands that work on saved
// run reports (the JSON report of courier run -r json, or Newman's).
package report

import (
	"github.com/spf13/cobra"

	"github.com/courier-run/courier/cmd/cmdutil"
)

// NewCmdReport returns the report command group.
func NewCmdReport(io *cmdutil.IOStreams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "report <command>",
		Short: "Work with saved run reports: render one as an HTML page, merge the shards of a run",
	}
	cmd.AddCommand(newCmdHTML(io, nil))
	cmd.AddCommand(NewCmdMerge(io, nil))
	return cmd
}
