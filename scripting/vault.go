package scripting

import (
	"context"

	"github.com/dop251/goja"
)

// VaultAccess is the vault behind pm.vault (the vault package's *Vault
// implements it). Implementations are called from goroutines, must be safe
// for concurrent use, and must register every value they hand out or store
// with the run's redactor, so a script that logs a secret shows it masked.
type VaultAccess interface {
	// Get returns secret name; ok is false when it does not exist.
	Get(ctx context.Context, name string) (value string, ok bool, err error)
	Set(ctx context.Context, name, value string) error
	// Unset deletes name; a missing secret is not an error.
	Unset(ctx context.Context, name string) error
}

// errVaultDenied is Postman's wording when a script uses pm.vault without
// the run granting script access.
const errVaultDenied = "Vault access denied"

// vaultAPI returns the pm.vault object, or undefined when the run has no
// vault (pm.vault does not exist in Newman's sandbox either). Every method
// returns a promise, as in Postman's sandbox (5.1.0+): the Go call runs on a
// goroutine and settles the promise back on the loop. Without the grant
// (Options.VaultScripts) the promise rejects, so the code after an await
// never runs.
func (e *Engine) vaultAPI() goja.Value {
	if e.opts.Vault == nil {
		return goja.Undefined()
	}
	o := e.rt.NewObject()
	for _, m := range []struct {
		op    string
		nargs int
	}{{"get", 1}, {"set", 2}, {"unset", 1}} {
		// Named and sized as Postman's (get.length 1, set.length 2), not
		// after the Go function.
		fn := e.rt.ToValue(e.vaultMethod(m.op, m.nargs)).(*goja.Object)
		_ = fn.DefineDataProperty("name", e.rt.ToValue(m.op), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
		_ = fn.DefineDataProperty("length", e.rt.ToValue(m.nargs), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
		_ = o.Set(m.op, fn)
	}
	return o
}

// vaultMethod makes pm.vault.<op>, taking nargs arguments (key[, value]).
func (e *Engine) vaultMethod(op string, nargs int) func(goja.FunctionCall) goja.Value {
	return func(c goja.FunctionCall) goja.Value {
		rt := e.rt
		p, resolve, reject := rt.NewPromise()
		if !e.opts.VaultScripts {
			_ = reject(e.newError("Error", errVaultDenied))
			return rt.ToValue(p)
		}
		key := c.Argument(0)
		if goja.IsUndefined(key) || goja.IsNull(key) || key.String() == "" {
			_ = reject(e.newError("TypeError", "pm.vault."+op+": the key must be a non-empty string"))
			return rt.ToValue(p)
		}
		name := key.String()
		var value string
		if nargs > 1 {
			v := c.Argument(1)
			if goja.IsUndefined(v) || goja.IsNull(v) {
				_ = reject(e.newError("TypeError", "pm.vault.set: a value is required"))
				return rt.ToValue(p)
			}
			value = v.String()
		}
		va := e.opts.Vault
		ctx := e.context(e.state())
		done := e.loop.register()
		e.work.Go(func() {
			var (
				got string
				ok  bool
				err error
			)
			switch op {
			case "get":
				got, ok, err = va.Get(ctx, name)
			case "set":
				err = va.Set(ctx, name, value)
			case "unset":
				err = va.Unset(ctx, name)
			}
			done(func() error {
				// The script's callbacks run inside resolve and reject: what
				// they return is a stop (the timeout, a cancellation) that
				// ended one of them, which must end the script, not the
				// callback alone (goja clears the interrupt as it returns).
				switch {
				case err != nil:
					// Vault errors name the secret, never its value.
					return reject(e.newError("Error", err.Error()))
				case ok:
					return resolve(got)
				default:
					return resolve(goja.Undefined())
				}
			})
		})
		return rt.ToValue(p)
	}
}

// newError builds a JS error of constructor ctor (Error, TypeError...)
// without throwing it.
func (e *Engine) newError(ctor, msg string) goja.Value {
	if c, ok := goja.AssertConstructor(e.rt.Get(ctor)); ok {
		if o, err := c(nil, e.rt.ToValue(msg)); err == nil {
			return o
		}
	}
	return e.rt.NewGoError(errString(msg))
}

type errString string

func (s errString) Error() string { return string(s) }
