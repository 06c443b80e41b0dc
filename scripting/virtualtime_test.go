package scripting

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestVirtualTime: with Options.VirtualTime a script that sleeps on timers
// goes on at once, its callbacks in the order the wall clock would give
// them, and Date reads the clock the timers moved. The timers here wait
// hours: without VirtualTime the run would hit the context's deadline and
// the script would fail. Go work in flight (pm.sendRequest to a server that
// answers after a real pause) still lands before a long timer, as it would.
func TestVirtualTime(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(50 * time.Millisecond)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"ok":true}`)
	}))
	t.Cleanup(srv.Close)
	cases := []struct {
		name, src string
		want      []string // the tests, in the order they were recorded
	}{
		{"timers fire in due order without waiting",
			`var start = Date.now(), seen = [];
setTimeout(function () { seen.push('2h'); }, 2 * 3600e3);
setTimeout(function () { seen.push('1h'); }, 3600e3);
setTimeout(function () { seen.push('0'); }, 0);
setTimeout(function () {
  pm.test('order ' + seen.join(','), function () {});
  var waited = Date.now() - start;
  pm.test('Date moved ' + (waited >= 3 * 3600e3 && waited < 3 * 3600e3 + 60e3), function () {});
}, 3 * 3600e3);`,
			[]string{"order 0,1h,2h", "Date moved true"}},
		{"an interval repeats on the virtual clock until cleared",
			`var n = 0, start = Date.now();
var id = setInterval(function () {
  n++;
  if (n === 3) {
    clearInterval(id);
    pm.test('ticks ' + n + ' after ' + Math.floor((Date.now() - start) / 3600e3) + 'h', function () {});
  }
}, 3600e3);`,
			[]string{"ticks 3 after 3h"}},
		{"a request in flight lands before a long timer",
			`var order = [];
pm.sendRequest('BASE/slow', function (err, res) { order.push('response ' + res.code); });
setTimeout(function () { order.push('timer'); pm.test(order.join(' then '), function () {}); }, 3600e3);`,
			[]string{"response 200 then timer"}},
		{"awaiting a timer in an async script",
			`await new Promise(function (r) { setTimeout(r, 24 * 3600e3); });
pm.test('a day later', function () {});`,
			[]string{"a day later"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			e, _ := newTestEngine(t, Options{VirtualTime: true, Sender: httpSender{client: srv.Client()}})
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			r := e.Run(ctx, testExec("test", strings.ReplaceAll(c.src, "BASE", srv.URL)))
			if r.Err != nil {
				t.Fatalf("script error: %v", r.Err)
			}
			var got []string
			for _, tr := range r.Tests {
				got = append(got, tr.Name)
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("tests = %q, want %q", got, c.want)
			}
		})
	}
}

// TestVirtualTimeOff: without the option a timer waits on the wall clock,
// so a short deadline stops a script that sleeps an hour.
func TestVirtualTimeOff(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	r := e.Run(ctx, testExec("test", `setTimeout(function () { pm.test('fired', function () {}); }, 3600e3);`))
	if r.Err == nil || len(r.Tests) != 0 {
		t.Fatalf("an hour's timer ended the script early: err %v, tests %+v", r.Err, r.Tests)
	}
}
