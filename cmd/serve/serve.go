// Package serve implements "courier serve", which runs courier's built-in
// test servers on loopback.
package serve

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/runner/echoserver"
)

// NewCmdServe returns the serve command group.
func NewCmdServe(io *cmdutil.IOStreams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve <server>",
		Short: "Run a built-in test server on loopback",
	}
	cmd.AddCommand(newCmdEcho(io))
	return cmd
}

func newCmdEcho(io *cmdutil.IOStreams) *cobra.Command {
	var addr, rawAddr, redirectAddr string
	cmd := &cobra.Command{
		Use:   "echo",
		Short: "Serve a postman-echo compatible API (and Newman's raw-echo and redirect servers)",
		Long: `Serve postman-echo's endpoints (/get, /post, /headers, /basic-auth, /digest-auth,
/cookies, /status/{code}, /redirect-to, /delay/{n}, /gzip, ...) on a loopback address,
for trying collections offline. Stop it with Ctrl-C.`,
		Example: `  courier serve echo --addr 127.0.0.1:18080
  courier serve echo --addr 127.0.0.1:18080 --raw-echo-addr 127.0.0.1:4041 --redirect-addr 127.0.0.1:4042`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			srv, err := echoserver.Listen(addr)
			if err != nil {
				return err
			}
			defer srv.Close()
			fmt.Fprintf(io.Out, "echo server: %s\n", srv.URL)
			if rawAddr != "" {
				raw, err := echoserver.ListenRawEcho(rawAddr)
				if err != nil {
					return err
				}
				defer raw.Close()
				fmt.Fprintf(io.Out, "raw echo server: %s\n", raw.URL)
			}
			if redirectAddr != "" {
				red, err := echoserver.ListenHandler(redirectAddr, echoserver.NewRedirect())
				if err != nil {
					return err
				}
				defer red.Close()
				fmt.Fprintf(io.Out, "redirect server: %s\n", red.URL)
			}
			<-ctx.Done()
			if ctx.Err() == context.Canceled {
				return nil
			}
			return ctx.Err()
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:18080", "loopback `address` to listen on")
	cmd.Flags().StringVar(&rawAddr, "raw-echo-addr", "", "also serve the raw echo (Newman's localhost:4041) on this `address`")
	cmd.Flags().StringVar(&redirectAddr, "redirect-addr", "", "also serve the redirect server (Newman's localhost:4042) on this `address`")
	return cmd
}
