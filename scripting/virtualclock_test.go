package scripting

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestVirtualClockIgnoresScriptWork: on the virtual clock the script's own
// work takes no time, however long the machine takes to do it. __stall
// holds the script goroutine for real, as a preemption on a loaded machine
// does; each case's order is Node's on a quiet machine (the work takes
// microseconds there). When the clock followed the wall clock while a
// script worked, a stall longer than the gap between two timers put the
// later one first: fresh-round9l-a "tasks, labels and async" lost its last
// two timers once in a full TestPostmanParity at load ~20.
func TestVirtualClockIgnoresScriptWork(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, src, want string }{
		{"a stall at the top level", `const log = [];
setTimeout(() => { log.push('a'); setImmediate(() => log.push('imm')); setTimeout(() => log.push('b'), 0); }, 0);
setTimeout(() => pm.test(log.join(), () => {}), 3);
__stall(30);`, "a,imm,b"},
		{"a stall in a callback", `const log = [];
setTimeout(() => { log.push('a'); __stall(30); setTimeout(() => log.push('b'), 1); }, 1);
setTimeout(() => pm.test(log.join(), () => {}), 5);`, "a,b"},
		{"a stall between two timers", `const log = [];
const done = setTimeout(() => pm.test(log.join(), () => {}), 5);
__stall(30);
setTimeout(() => log.push('t0'), 0);`, "t0"},
		// A busy wait on Date still ends and still moves the clock: each
		// read moves it by dateTick.
		{"a busy wait on Date", `const log = [];
setTimeout(() => log.push('t5'), 5);
const s = Date.now(); while (Date.now() - s < 20) {}
setTimeout(() => log.push('t1'), 1);
setTimeout(() => pm.test(log.join() + ' ' + (Date.now() - s >= 21), () => {}), 2);`, "t5,t1 true"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			e, _ := newTestEngine(t, Options{VirtualTime: true})
			if err := e.rt.Set("__stall", func(ms int) { time.Sleep(time.Duration(ms) * time.Millisecond) }); err != nil {
				t.Fatal(err)
			}
			// A hang guard: each case takes well under a second.
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			r := e.Run(ctx, testExec("test", c.src))
			if r.Err != nil {
				t.Fatalf("script error: %v", r.Err)
			}
			var names []string
			for _, tr := range r.Tests {
				names = append(names, tr.Name)
			}
			if got := strings.Join(names, ";"); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
