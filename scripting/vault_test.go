package scripting

import (
	"context"
	"errors"
	"maps"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// memVault is an in-memory VaultAccess. failOn makes the named operation
// fail; block makes every call wait for its context.
type memVault struct {
	mu      sync.Mutex
	secrets map[string]string
	calls   []string
	failOn  string
	block   bool
}

func (m *memVault) record(op, name string) error {
	m.mu.Lock()
	m.calls = append(m.calls, op+" "+name)
	m.mu.Unlock()
	if op == m.failOn {
		return errors.New(`the OS keyring is unavailable: provide the secret as the environment variable COURIER_VAULT_` + strings.ToUpper(name))
	}
	return nil
}

func (m *memVault) wait(ctx context.Context) error {
	if !m.block {
		return nil
	}
	<-ctx.Done()
	return context.Cause(ctx)
}

func (m *memVault) Get(ctx context.Context, name string) (string, bool, error) {
	if err := m.wait(ctx); err != nil {
		return "", false, err
	}
	if err := m.record("get", name); err != nil {
		return "", false, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.secrets[name]
	return v, ok, nil
}

func (m *memVault) Set(ctx context.Context, name, value string) error {
	if err := m.wait(ctx); err != nil {
		return err
	}
	if err := m.record("set", name); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.secrets[name] = value
	return nil
}

func (m *memVault) Unset(ctx context.Context, name string) error {
	if err := m.wait(ctx); err != nil {
		return err
	}
	if err := m.record("unset", name); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.secrets, name)
	return nil
}

func (m *memVault) snapshot() (map[string]string, []string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return maps.Clone(m.secrets), append([]string(nil), m.calls...)
}

func TestPMVault(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		noVault bool   // Options.Vault stays nil
		deny    bool   // no --vault-scripts
		failOn  string // memVault.failOn
		script  string
		// wantErr is a substring of the script error; empty means the
		// script must succeed with every pm.test passing.
		wantErr     string
		wantErrName string
		wantTests   []string // names of the pm.tests recorded (all must pass)
		wantSecrets map[string]string
		wantCalls   []string
		wantConsole string
	}{
		{
			name: "get an existing secret",
			script: `const t = await pm.vault.get('tok');
pm.test('value', () => pm.expect(t).to.equal('s3cr3t-token'));`,
			wantTests: []string{"value"},
			wantCalls: []string{"get tok"},
		},
		{
			name: "a missing secret is undefined",
			script: `const v = await pm.vault.get('nope');
pm.test('undefined', () => pm.expect(v).to.be.undefined);`,
			wantTests: []string{"undefined"},
			wantCalls: []string{"get nope"},
		},
		{
			name: "set then get, values become strings",
			script: `const r = await pm.vault.set('n', 42);
const v = await pm.vault.get('n');
pm.test('set resolves undefined', () => pm.expect(r).to.be.undefined);
pm.test('string', () => pm.expect(v).to.equal('42'));`,
			wantTests:   []string{"set resolves undefined", "string"},
			wantSecrets: map[string]string{"tok": "s3cr3t-token", "n": "42"},
			wantCalls:   []string{"set n", "get n"},
		},
		{
			name: "unset removes, unsetting a missing secret is fine",
			script: `await pm.vault.unset('tok');
await pm.vault.unset('never');
pm.test('gone', async () => pm.expect(await pm.vault.get('tok')).to.be.undefined);`,
			wantTests:   []string{"gone"},
			wantSecrets: map[string]string{},
			wantCalls:   []string{"unset tok", "unset never", "get tok"},
		},
		{
			name: "methods return promises, settled asynchronously",
			script: `const order = [];
const p = pm.vault.get('tok');
p.then(v => { order.push('then'); pm.test('after sync code', () => pm.expect(order).to.eql(['sync', 'then'])); });
order.push('sync');
pm.test('is a promise', () => pm.expect(p).to.be.an.instanceof(Promise));`,
			wantTests: []string{"is a promise", "after sync code"},
			wantCalls: []string{"get tok"},
		},
		{
			name:      "callbacks in a plain script",
			script:    `pm.vault.get('tok').then(v => pm.test('len', () => pm.expect(v).to.have.length(12)));`,
			wantTests: []string{"len"},
			wantCalls: []string{"get tok"},
		},
		{
			name: "the value reaches the console unchanged (the cmd layer masks it)",
			script: `const t = await pm.vault.get('tok');
console.log(t);
pm.test('ok', () => {});`,
			wantTests:   []string{"ok"},
			wantCalls:   []string{"get tok"},
			wantConsole: "log: 's3cr3t-token'\n",
		},
		{
			name: "denied without the grant; code after the await does not run",
			deny: true,
			script: `pm.test('before', () => {});
const t = await pm.vault.get('tok');
pm.test('after', () => {});`,
			wantErr:     "Vault access denied",
			wantErrName: "Error",
			wantTests:   []string{"before"},
		},
		{
			name: "denied set and unset never touch the vault",
			deny: true,
			script: `const msgs = [];
for (const p of [pm.vault.set('tok', 'x'), pm.vault.unset('tok'), pm.vault.get('tok')]) {
  try { await p; } catch (e) { msgs.push(e.message); }
}
pm.test('all denied', () => pm.expect(msgs).to.eql(['Vault access denied', 'Vault access denied', 'Vault access denied']));`,
			wantTests: []string{"all denied"},
		},
		{
			name:        "a denied promise nobody handles fails the script",
			deny:        true,
			script:      `pm.vault.get('tok'); pm.test('sync part', () => {});`,
			wantErr:     "Vault access denied",
			wantTests:   []string{"sync part"},
			wantErrName: "Error",
		},
		{
			name:   "vault errors reject",
			failOn: "get",
			script: `try { await pm.vault.get('tok'); } catch (e) {
  pm.test('rejected with the reason', () => { pm.expect(e).to.be.an.instanceof(Error); pm.expect(e.message).to.include('COURIER_VAULT_TOK'); });
}`,
			wantTests: []string{"rejected with the reason"},
			wantCalls: []string{"get tok"},
		},
		{
			name:        "an unhandled vault error fails the script",
			failOn:      "set",
			script:      `await pm.vault.set('tok', 'v');`,
			wantErr:     "the OS keyring is unavailable",
			wantErrName: "Error",
			wantCalls:   []string{"set tok"},
		},
		{
			name:        "a key is required",
			script:      `await pm.vault.get();`,
			wantErr:     "pm.vault.get: the key must be a non-empty string",
			wantErrName: "TypeError",
		},
		{
			name:        "set needs a value",
			script:      `await pm.vault.set('tok');`,
			wantErr:     "pm.vault.set: a value is required",
			wantErrName: "TypeError",
		},
		{
			name:      "no vault: pm.vault is undefined, as in Newman",
			noVault:   true,
			script:    `pm.test('undefined', () => pm.expect(pm.vault).to.be.undefined);`,
			wantTests: []string{"undefined"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			mv := &memVault{secrets: map[string]string{"tok": "s3cr3t-token"}, failOn: tc.failOn}
			opts := Options{VaultScripts: !tc.deny}
			if !tc.noVault {
				opts.Vault = mv
			}
			e, rec := newTestEngine(t, opts)
			r := e.Run(context.Background(), testExec("test", tc.script))
			if tc.wantErr == "" {
				require.NoError(t, r.Err)
			} else {
				require.Error(t, r.Err)
				assert.Contains(t, r.Err.Error(), tc.wantErr)
				var se *ScriptError
				require.ErrorAs(t, r.Err, &se)
				assert.Equal(t, tc.wantErrName, se.Name)
			}
			var names []string
			for _, tr := range r.Tests {
				names = append(names, tr.Name)
				assert.True(t, tr.Passed, "pm.test %q: %s", tr.Name, tr.Error)
			}
			assert.Equal(t, tc.wantTests, names)
			secrets, calls := mv.snapshot()
			want := tc.wantSecrets
			if want == nil {
				want = map[string]string{"tok": "s3cr3t-token"}
			}
			assert.Equal(t, want, secrets)
			assert.Equal(t, tc.wantCalls, calls)
			if tc.wantConsole != "" {
				assert.Equal(t, tc.wantConsole, consoleTexts(rec.all()))
			}
		})
	}
}

// TestPMVaultTimeout: a vault that never answers (a locked keyring) cannot
// outlive the script's timeout; the call gets the script's context.
func TestPMVaultTimeout(t *testing.T) {
	t.Parallel()
	mv := &memVault{secrets: map[string]string{}, block: true}
	e, _ := newTestEngine(t, Options{Vault: mv, VaultScripts: true, Timeout: 150 * time.Millisecond})
	start := time.Now()
	r := e.Run(context.Background(), testExec("test", `await pm.vault.get('tok'); pm.test('never', () => {});`))
	require.Error(t, r.Err)
	assert.ErrorIs(t, r.Err, ErrScriptTimeout)
	assert.Empty(t, r.Tests)
	assert.Less(t, time.Since(start), 5*time.Second)

	// The engine is usable afterwards; the late answer of the old call is dropped.
	mv.mu.Lock()
	mv.block = false
	mv.secrets["tok"] = "after-timeout"
	mv.mu.Unlock()
	liftTimeout(e)
	runJS(t, e, testExec("test", `const v = await pm.vault.get('tok'); pm.test('fresh', () => pm.expect(v).to.equal('after-timeout'));`))
}

// TestPMVaultSharedAcrossScripts: pm.vault is the same object in every
// script of a run, and what one script stores the next one reads.
func TestPMVaultSharedAcrossScripts(t *testing.T) {
	t.Parallel()
	mv := &memVault{secrets: map[string]string{}}
	e, _ := newTestEngine(t, Options{Vault: mv, VaultScripts: true})
	runJS(t, e, testExec("prerequest", `await pm.vault.set('chain', 'from-pre'); pm.test('stored', () => {});`))
	runJS(t, e, testExec("test", `pm.test('read', async () => pm.expect(await pm.vault.get('chain')).to.equal('from-pre'));`))
}
