package scripting

import (
	"context"
	"testing"
)

func BenchmarkMicroParts(b *testing.B) {
	for _, c := range []struct{ name, src string }{
		{"empty", `var a = 1;`},
		{"response", `pm.response;`},
		{"json", `pm.response.json();`},
		{"status", `pm.response.to.have.status(200);`},
		{"test", `pm.test("x", () => {});`},
		{"expect", `pm.expect("x").to.be.a("string");`},
		{"json+expect", `const j = pm.response.json(); pm.expect(j.id).to.be.a("string");`},
		{"2tests", `pm.test("status", () => pm.response.to.have.status(200)); pm.test("id", () => pm.expect("x").to.be.a("string"));`},
		{"envset", `pm.environment.set("id", "x");`},
	} {
		b.Run(c.name, func(b *testing.B) {
			e, _ := newTestEngine(b, Options{})
			x := testExec("test", c.src)
			cpu := startCPUClock()
			for i := 0; i < b.N; i++ {
				if r := e.Run(context.Background(), x); r.Err != nil {
					b.Fatal(r.Err)
				}
			}
			cpu.report(b)
		})
	}
}
