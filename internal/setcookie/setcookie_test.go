package setcookie

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	t.Parallel()
	date := time.Date(2015, time.October, 21, 7, 28, 0, 0, time.UTC)
	cases := []struct {
		line string
		want Cookie
		ok   bool
	}{
		{"a=1", Cookie{Name: "a", Value: "1"}, true},
		{"  a = 1 ", Cookie{Name: "a", Value: "1"}, true},
		{"token", Cookie{Value: "token"}, true},
		{"=token", Cookie{Value: "token"}, true},
		{"my name=v w", Cookie{Name: "my name", Value: "v w"}, true},
		{`q="quoted"`, Cookie{Name: "q", Value: `"quoted"`}, true},
		{"a=1\r\nX-Other: y", Cookie{Name: "a", Value: "1"}, true},
		{"a=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT", Cookie{Name: "a", Value: "1", Expires: date}, true},
		{"a=1; expires=not a date", Cookie{Name: "a", Value: "1"}, true},
		{"a=1; Max-Age=10", Cookie{Name: "a", Value: "1", MaxAge: 10, MaxAgeWritten: 10}, true},
		{"a=1; Max-Age=0", Cookie{Name: "a", Value: "1", MaxAge: -1}, true},
		{"a=1; Max-Age=-3", Cookie{Name: "a", Value: "1", MaxAge: -1, MaxAgeWritten: -3}, true},
		{"a=1; Max-Age=-3; Max-Age=x; max-age = -7 ", Cookie{Name: "a", Value: "1", MaxAge: -1, MaxAgeWritten: -7}, true},
		{"a=1; Max-Age=+5", Cookie{Name: "a", Value: "1"}, true},
		{"a=1; Max-Age=5s", Cookie{Name: "a", Value: "1"}, true},
		{"a=1; Max-Age=", Cookie{Name: "a", Value: "1"}, true},
		{"a=1; Domain=.Example.COM", Cookie{Name: "a", Value: "1", Domain: "example.com"}, true},
		{"a=1; Domain=.", Cookie{Name: "a", Value: "1"}, true},
		{"a=1; Path=/x/y", Cookie{Name: "a", Value: "1", Path: "/x/y"}, true},
		{"a=1; Path=/x; Path=rel", Cookie{Name: "a", Value: "1"}, true},
		{"a=1; Secure; HttpOnly", Cookie{Name: "a", Value: "1", Secure: true, HTTPOnly: true}, true},
		{"a=1; SameSite=Lax", Cookie{Name: "a", Value: "1", SameSite: "lax"}, true},
		{"a=1; SameSite=Lax; SameSite=odd", Cookie{Name: "a", Value: "1"}, true},
		{"a=1;; Partitioned; Priority=High ;", Cookie{Name: "a", Value: "1", Extensions: []string{"Partitioned", "Priority=High"}}, true},
		{"a=\x01", Cookie{Name: "a", Value: "\x01"}, false},
		{"a\tb=1", Cookie{Name: "a\tb", Value: "1"}, false},
		{"   ", Cookie{}, false},
	}
	for _, c := range cases {
		got, ok := Parse(c.line)
		if ok != c.ok || !reflect.DeepEqual(got, c.want) {
			t.Errorf("Parse(%q) = %+v, %v; want %+v, %v", c.line, got, ok, c.want, c.ok)
		}
	}
}

func TestParseDate(t *testing.T) {
	t.Parallel()
	utc := func(y int, m time.Month, d, h, mi, s int) time.Time { return time.Date(y, m, d, h, mi, s, 0, time.UTC) }
	cases := []struct {
		in   string
		want time.Time // zero: not a cookie-date
	}{
		{"Wed, 21 Oct 2015 07:28:00 GMT", utc(2015, time.October, 21, 7, 28, 0)},
		{"Wednesday, 21-Oct-15 07:28:00 GMT", utc(2015, time.October, 21, 7, 28, 0)},
		{"Oct 21 1999 7:8:9", utc(1999, time.October, 21, 7, 8, 9)},
		{"21 oct 70 00:00:00", utc(1970, time.October, 21, 0, 0, 0)},
		{"21 OCTOBER 69 00:00:00", utc(2069, time.October, 21, 0, 0, 0)},
		{"00:00:00 2020 Feb 31", utc(2020, time.March, 2, 0, 0, 0)},
		{"1 Jan 2020 10:20:30xyz", utc(2020, time.January, 1, 10, 20, 30)},
		{"1 Jan 1601 00:00:00", utc(1601, time.January, 1, 0, 0, 0)},
		{"1 Jan 1600 00:00:00", time.Time{}},
		{"Wed, 21 Oct 2015", time.Time{}},
		{"32 Oct 2015 00:00:00", time.Time{}},
		{"0 Oct 2015 00:00:00", time.Time{}},
		{"21 Oct 2015 24:00:00", time.Time{}},
		{"21 Oct 2015 23:60:00", time.Time{}},
		{"21 Oct 2015 23:59:60", time.Time{}},
		{"21 Foo 2015 00:00:00", time.Time{}},
		{"21 Oct 2015 1:2", time.Time{}},
		{"", time.Time{}},
	}
	for _, c := range cases {
		got, ok := ParseDate(c.in)
		if ok != !c.want.IsZero() || !got.Equal(c.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", c.in, got, ok, c.want)
		}
	}
}

// FuzzParse feeds hostile Set-Cookie lines and dates: nothing may panic,
// and a parsed cookie's name has no separator a Cookie header would split.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"a=b; Path=/; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Max-Age=-1; Domain=.x.test; Secure; HttpOnly; SameSite=Lax",
		"=; ;;", "a", "a=b; Expires=99 Dec 99999999999 99:99:99", "a=b; Max-Age=99999999999999999999999",
		"a=b; Expires=Thu, 01 Jan 1970 00:00:00 GMT", "\x00=\xff; Domain=\u00e9.test", "a=\"b;c\"; Path",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if len(line) > 1<<14 {
			return // a header line's worth
		}
		if c, ok := Parse(line); ok && strings.ContainsAny(c.Name, ";") {
			t.Errorf("%q parsed a name with a separator: %q", line, c.Name)
		}
		ParseDate(line)
	})
}
