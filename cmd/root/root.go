// Package root builds courier's command tree and maps errors to exit codes
// in one place.
package root

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/courier-run/courier/cmd/cmdutil"
	cmdConvert "github.com/courier-run/courier/cmd/convert"
	cmdEnv "github.com/courier-run/courier/cmd/env"
	cmdImport "github.com/courier-run/courier/cmd/importcmd"
	cmdReport "github.com/courier-run/courier/cmd/report"
	cmdRun "github.com/courier-run/courier/cmd/run"
	cmdServe "github.com/courier-run/courier/cmd/serve"
	cmdVault "github.com/courier-run/courier/cmd/vault"
	cmdVersion "github.com/courier-run/courier/cmd/version"
	"github.com/courier-run/courier/internal/buildinfo"
	"github.com/courier-run/courier/scripting"
	"github.com/courier-run/courier/vault"
)

// NewCmdRoot returns the root command.
func NewCmdRoot(io *cmdutil.IOStreams, version string) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "courier <command>",
		Short: "Run Postman collections headlessly, with their scripts",
		Long: `courier runs Postman collections (v1, v2.0, v2.1 JSON, or a v12 YAML directory) from
the command line, with their pre-request and test scripts, as Postman would: a
drop-in for "newman run" in one static binary.`,
		Example: `  courier run collection.json -e env.json
  courier run collection.json -e env.json -r cli,junit --reporter-junit-export results.xml
  courier run testdata/examples/echo.postman_collection.json --local-echo
  courier run testdata/pingone/create-your-test-environment.postman_collection.json \
      testdata/pingone/simple-sso.postman_collection.json --local-pingone`,
		Version:       version,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	cmd.SetOut(io.Out)
	cmd.SetErr(io.ErrOut)
	cmd.SetVersionTemplate("courier {{.Version}}\n")
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &cmdutil.FlagError{Err: cmdutil.SuggestFlag(c, err)}
	})
	cmd.AddCommand(cmdRun.NewCmdRun(io, nil))
	cmd.AddCommand(cmdEnv.NewCmdEnv(io))
	cmd.AddCommand(cmdConvert.NewCmdConvert(io))
	cmd.AddCommand(cmdImport.NewCmdImport(io, nil))
	cmd.AddCommand(cmdReport.NewCmdReport(io))
	cmd.AddCommand(cmdServe.NewCmdServe(io))
	cmd.AddCommand(cmdVersion.NewCmdVersion(io, buildinfo.Get()))
	cmd.AddCommand(cmdVault.NewCmdVault(io, func() (vault.Store, error) { return cmdutil.Vault(io.Env), nil }))
	return cmd
}

// Main runs courier with the process's arguments and returns the exit code.
func Main() cmdutil.ExitCode {
	if isRun(os.Args[1:]) {
		// A run needs the script sandbox's bootstrap compiled before its
		// first script: start that on another core now rather than once
		// the command line is parsed (run.Run waits for the same compile).
		go scripting.Warm()
		startupMemory(os.Args[1:], os.LookupEnv)
	}
	io := cmdutil.System()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// A second signal exits at once, for runs stuck in a slow request.
	go func() {
		<-ctx.Done()
		stop()
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
		<-sig
		os.Exit(int(cmdutil.ExitInterrupted))
	}()
	return Execute(ctx, io, os.Args[1:])
}

// isRun reports whether args name the run command: its first argument that
// is not a flag is "run".
func isRun(args []string) bool {
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			return a == "run"
		}
	}
	return false
}

// Execute runs the command tree on args and maps the outcome to an exit code.
func Execute(ctx context.Context, io *cmdutil.IOStreams, args []string) cmdutil.ExitCode {
	root := NewCmdRoot(io, buildinfo.Get().Short())
	root.SetArgs(cmdRun.NormalizeArgs(args))
	c, err := root.ExecuteContextC(ctx)
	if err == nil {
		return cmdutil.ExitOK
	}
	var fe *cmdutil.FlagError
	var ee *cmdutil.ExitError
	switch {
	case errors.Is(err, cmdutil.ErrSilent):
		return cmdutil.ExitFailures
	case errors.As(err, &ee):
		if ee.Err != nil && !errors.Is(ee.Err, cmdutil.ErrSilent) {
			fmt.Fprintf(io.ErrOut, "error: %s\n%s", ee.Err, runErrorEnd(c))
		}
		return ee.Code
	case errors.As(err, &fe) || isCobraUsageError(err):
		fmt.Fprintf(io.ErrOut, "error: %s\n", err)
		if c != nil {
			fmt.Fprintf(io.ErrOut, "Run '%s --help' for usage.\n", c.CommandPath())
		}
		return cmdutil.ExitUsage
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(io.ErrOut, "interrupted")
		return cmdutil.ExitInterrupted
	default:
		fmt.Fprintf(io.ErrOut, "error: %s\n%s", err, runErrorEnd(c))
		return cmdutil.ExitFailures
	}
}

// runErrorEnd is what follows the error line of a failed run: Newman 6.2.2
// ends its "error: …" on stderr with a blank line (a file it cannot load,
// --bail folder, --timeout), and scripts that compare its output see it.
// Other commands keep one line.
func runErrorEnd(c *cobra.Command) string {
	if c != nil && c.Name() == "run" {
		return "\n"
	}
	return ""
}

// cobra reports unknown commands and bad arg counts as plain errors.
func isCobraUsageError(err error) bool {
	msg := err.Error()
	return strings.HasPrefix(msg, "unknown command") || strings.HasPrefix(msg, "accepts ") ||
		strings.HasPrefix(msg, "requires ") || strings.Contains(msg, "unknown flag") ||
		strings.Contains(msg, "unknown shorthand flag")
}
