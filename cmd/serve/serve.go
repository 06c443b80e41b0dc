// Package serve implements "courier serve", which runs courier's built-in
// test servers on loopback.
package serve

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/simulators/echo"
	"github.com/courier-run/courier/simulators/loopback"
	"github.com/courier-run/courier/simulators/pingone"
	"github.com/courier-run/courier/suite"
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

// DefaultPingOneAddr is where "serve pingone" listens unless told
// otherwise: a fixed port, so an environment's authPath and apiPath stay
// right from one start to the next.
const DefaultPingOneAddr = "127.0.0.1:18443"

func newCmdPingOne(io *cmdutil.IOStreams) *cobra.Command {
	var addr, stateDir, writeEnv, caFile string
	var useTLS, reset bool
	cmd := &cobra.Command{
		Use:   "pingone",
		Short: "Serve a local PingOne (token, authorize and flows, management API) for the tutorials",
		Long: `Serve a local PingOne on a loopback address: the auth endpoints
(/{envID}/as/token, /as/authorize, /flows, /as/resume...) and the management API
(/v1/environments/...), seeded with an admin environment and a Worker app whose
credentials are printed. Point a PingOne environment's authPath and apiPath at it,
or let --write-env write a ready environment file.

The tenant (environments, users, applications, keys, sessions, tokens) persists in
courier's state directory, shared with "courier run --local-pingone": a restart, or
the next run, sees what the last one made. --reset starts a new, empty tenant.
One courier at a time holds the tenant: a second one on it is refused.`,
		Example: `  courier serve pingone --write-env pingone.json
  courier run -e pingone.json testdata/pingone/create-your-test-environment.postman_collection.json
  courier serve pingone --tls --ca-file local-pingone-ca.pem   # then: courier run --ssl-extra-ca-certs local-pingone-ca.pem ...`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts := pingone.Options{TLS: useTLS, ResetState: reset}
			dir, err := pingOneStateDir(io, stateDir)
			if err != nil {
				return err
			}
			if dir != "" {
				unlock, err := suite.LockLocalPingOne(dir)
				if err != nil {
					return err
				}
				defer unlock()
				opts.StateFile = filepath.Join(dir, "pingone.json")
			}
			p1, err := pingone.Listen(addr, opts)
			if err != nil {
				return err
			}
			defer func() {
				if err := p1.Close(); err != nil {
					fmt.Fprintf(io.ErrOut, "warning: the local PingOne's tenant was not saved: %v\n", err)
				}
			}()
			if useTLS {
				if caFile == "" && dir != "" {
					caFile = filepath.Join(dir, "ca.pem")
				}
				if caFile != "" {
					if err := environments.WriteFileAtomic(caFile, p1.CertPEM, 0o644); err != nil {
						return fmt.Errorf("writing the CA certificate: %w", err)
					}
				}
			}
			if writeEnv != "" {
				if err := writeEnvFile(writeEnv, p1.Variables()); err != nil {
					return err
				}
			}
			printPingOne(io, p1, opts.StateFile, caFile, writeEnv)
			<-cmd.Context().Done()
			return nil
		},
	}
	cmd.Flags().StringVar(&addr, "addr", DefaultPingOneAddr, "loopback `address` to listen on (port 0: any free port)")
	cmd.Flags().BoolVar(&useTLS, "tls", false, "serve HTTPS with a generated certificate (written to --ca-file)")
	cmd.Flags().StringVar(&caFile, "ca-file", "", "with --tls: write the certificate to trust to this `file` (default: ca.pem in the state dir)")
	cmd.Flags().StringVar(&stateDir, "state-dir", "", "directory of courier's local state (default: $COURIER_STATE_DIR or the per-user state dir)")
	cmd.Flags().BoolVar(&reset, "reset", false, "start from a new, empty tenant (the kept one is discarded)")
	cmd.Flags().StringVar(&writeEnv, "write-env", "", "write a Postman environment `file` with authPath, apiPath and the admin app's credentials")
	return cmd
}

// pingOneStateDir is where the local tenant lives: state/local-pingone,
// shared with "courier run --local-pingone". Without a state directory the
// tenant lives in memory, with a warning.
func pingOneStateDir(io *cmdutil.IOStreams, flag string) (string, error) {
	dir := flag
	if dir == "" {
		d, err := environments.StateDir(io.Env)
		if err != nil {
			fmt.Fprintf(io.ErrOut, "warning: the local PingOne's tenant is not kept: %v (use --state-dir)\n", err)
			return "", nil
		}
		dir = d
	}
	return filepath.Join(dir, "local-pingone"), nil
}

// writeEnvFile writes a Postman environment holding vars, the secret as a
// secret-typed variable.
func writeEnvFile(path string, vars [][2]string) error {
	f := &environments.File{Name: "local PingOne", VariableScope: "environment", Source: path}
	for _, kv := range vars {
		v := environments.Variable{Key: kv[0], Value: kv[1], Type: "default"}
		if kv[0] == "adminAppSecret" {
			v.Type = "secret"
		}
		f.Values = append(f.Values, v)
	}
	var b bytes.Buffer
	if err := environments.Save(&b, f); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := environments.WriteFileAtomic(path, b.Bytes(), 0o600); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

func printPingOne(io *cmdutil.IOStreams, p1 *pingone.Running, stateFile, caFile, envFile string) {
	fmt.Fprintln(io.Out, "local PingOne: set these variables in your environment")
	for _, kv := range p1.Variables() {
		fmt.Fprintf(io.Out, "  %-15s %s\n", kv[0], kv[1])
	}
	if envFile != "" {
		fmt.Fprintf(io.Out, "environment file: %s (use it with -e)\n", envFile)
	}
	if stateFile != "" {
		fmt.Fprintf(io.Out, "tenant kept in: %s (--reset starts a new one)\n", stateFile)
	}
	if caFile != "" {
		fmt.Fprintf(io.Out, "certificate: %s (run collections with --ssl-extra-ca-certs %s)\n", caFile, caFile)
	} else if p1.CertPEM != nil {
		fmt.Fprintln(io.Out, "(generated certificate: run collections with -k, or pass --ca-file to write it)")
	}
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
