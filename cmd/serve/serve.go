// Package serve implements "courier serve", which runs courier's built-in
// test servers on loopback.
package serve

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/simulators/echo"
	"github.com/courier-run/courier/simulators/loopback"
	"github.com/courier-run/courier/simulators/pingone"
)

// NewCmdServe returns the serve command group.
func NewCmdServe(io *cmdutil.IOStreams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve <server>",
		Short: "Run a built-in test server on loopback",
	}
	cmd.AddCommand(newCmdEcho(io))
	cmd.AddCommand(newCmdPingOne(io))
	return cmd
}

func newCmdPingOne(io *cmdutil.IOStreams) *cobra.Command {
	var addr string
	var useTLS bool
	cmd := &cobra.Command{
		Use:   "pingone",
		Short: "Serve a local PingOne (token, authorize and flows, management API) for the tutorials",
		Long: `Serve an in-memory PingOne on a loopback address: the auth endpoints
(/{envID}/as/token, /as/authorize, /flows, /as/resume...) and the management API
(/v1/environments/...), seeded with an admin environment and a Worker app whose
credentials are printed. Point a PingOne environment's authPath and apiPath at it.`,
		Example: `  courier serve pingone --addr 127.0.0.1:18443 --tls`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			p1, err := pingone.Listen(addr, pingone.Options{TLS: useTLS})
			if err != nil {
				return err
			}
			defer p1.Close()
			fmt.Fprintln(io.Out, "local PingOne: set these variables in your environment")
			for _, kv := range p1.Variables() {
				fmt.Fprintf(io.Out, "  %-15s %s\n", kv[0], kv[1])
			}
			if useTLS {
				fmt.Fprintln(io.Out, "(self-signed certificate: run collections with -k)")
			}
			<-cmd.Context().Done()
			return nil
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:0", "loopback `address` to listen on")
	cmd.Flags().BoolVar(&useTLS, "tls", false, "serve HTTPS with a generated self-signed certificate")
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
			srv, err := echo.Listen(addr)
			if err != nil {
				return err
			}
			defer srv.Close()
			fmt.Fprintf(io.Out, "echo server: %s\n", srv.URL)
			if rawAddr != "" {
				raw, err := echo.ListenRawEcho(rawAddr)
				if err != nil {
					return err
				}
				defer raw.Close()
				fmt.Fprintf(io.Out, "raw echo server: %s\n", raw.URL)
			}
			if redirectAddr != "" {
				red, err := loopback.ListenHandler(redirectAddr, echo.NewRedirect())
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
