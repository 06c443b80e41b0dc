package environments

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

func testScopes() *Scopes {
	return &Scopes{
		Globals: NewScope("globals", []Variable{
			{Key: "who", Value: "global"},
			{Key: "onlyGlobal", Value: "g"},
		}),
		Collection: NewScope("collection", []Variable{
			{Key: "who", Value: "collection"},
			{Key: "baseUrl", Value: "https://{{host}}/api"},
		}),
		Environment: NewScope("environment", []Variable{
			{Key: "who", Value: "environment"},
			{Key: "host", Value: "example.com"},
			{Key: "a", Value: "{{b}}"},
			{Key: "b", Value: "{{a}}"},
			{Key: "self", Value: "x{{self}}"},
			{Key: "open", Value: "{{"},
			{Key: "sp ace", Value: "S"},
			{Key: "", Value: "EMPTY"},
			{Key: "dis", Value: "D", Disabled: true},
			{Key: "$guid", Value: "mine"},
			{Key: "n", Value: "{{m}}"},
			{Key: "m", Value: "{{k}}"},
			{Key: "k", Value: "K"},
			{Key: "tld", Value: "com"},
			{Key: "nothing", Type: TypeNull},
			{Key: "undef", Type: TypeUndefined},
			{Key: "obj", Value: `{"x":1}`, Type: TypeObject},
			{Key: "arr", Value: `[1,[2,3],null,"a",{"b":2}]`, Type: TypeArray},
			{Key: "vault:literal", Value: "user-defined"},
		}),
		Data:  NewScope("data", []Variable{{Key: "row", Value: "7", Type: TypeNumber}}),
		Local: NewScope("local", []Variable{{Key: "loc", Value: "L"}}),
	}
}

// The expectations in the second half of this table were checked against
// postman-collection 4.4.0 (Property.replaceSubstitutions), the version
// Newman 6.2.2 ships.
func TestReplace(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
		unresolved     []string
	}{
		{name: "no reference", in: "plain text", want: "plain text"},
		{name: "single", in: "{{host}}", want: "example.com"},
		{name: "environment beats collection and globals", in: "{{who}}", want: "environment"},
		{name: "global only", in: "{{onlyGlobal}}", want: "g"},
		{name: "data and local", in: "{{row}}-{{loc}}", want: "7-L"},
		{name: "nested across scopes", in: "{{baseUrl}}/users", want: "https://example.com/api/users"},
		{name: "three vars", in: "{{host}}/{{tld}}/{{k}}", want: "example.com/com/K"},
		{name: "unresolved kept and reported once", in: "{{x}}{{tld}}{{x}}", want: "{{x}}com{{x}}", unresolved: []string{"x"}},
		{name: "unclosed", in: "{{tld}", want: "{{tld}"},
		// As postman-runtime: String(value) (checked with Newman 6.2.2).
		{name: "null substitutes null", in: "{{nothing}}", want: "null"},
		{name: "undefined substitutes nothing", in: "[{{undef}}]", want: "[]"},
		{name: "object and array as JavaScript prints them", in: "{{obj}}|{{arr}}", want: "[object Object]|1,2,3,,a,[object Object]"},
		{name: "vault reference without resolver is not unresolved", in: "{{vault:token}} <<vault:token>>", want: "{{vault:token}} <<vault:token>>"},
		// Checked against postman-collection:
		{name: "cycle stops after 19 passes", in: "{{a}}", want: "{{b}}", unresolved: []string{"b"}},
		{name: "self reference grows 19 times", in: "{{self}}", want: strings.Repeat("x", 19) + "{{self}}", unresolved: []string{"self"}},
		{name: "value opens a new token", in: "{{open}}b}}", want: "{{b}}", unresolved: []string{"b"}},
		{name: "space in name", in: "{{sp ace}}", want: "S"},
		{name: "empty name", in: "{{}}", want: "EMPTY"},
		{name: "disabled never resolves", in: "{{dis}}", want: "{{dis}}", unresolved: []string{"dis"}},
		{name: "user variable shadows dynamic", in: "{{$guid}}", want: "mine"},
		{name: "triple braces", in: "{{{tld}}}", want: "{com}"},
		{name: "spaces are part of the name", in: "{{ tld }}", want: "{{ tld }}", unresolved: []string{" tld "}},
		{name: "chain", in: "{{n}}", want: "K"},
		{name: "inner token first", in: "{{a{{tld}}}}", want: "{{acom}}", unresolved: []string{"acom"}},
		{name: "user var named like a vault reference", in: "{{vault:literal}}", want: "user-defined"},
		{name: "unknown dynamic", in: "{{$nope}}", want: "{{$nope}}", unresolved: []string{"$nope"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			out := testScopes().ReplaceTrack(tt.in, func(n string) { got = append(got, n) })
			if out != tt.want {
				t.Errorf("Replace(%q) = %q, want %q", tt.in, out, tt.want)
			}
			if strings.Join(got, "|") != strings.Join(tt.unresolved, "|") {
				t.Errorf("unresolved = %q, want %q", got, tt.unresolved)
			}
			if plain := testScopes().Replace(tt.in); plain != tt.want {
				t.Errorf("Replace without tracking = %q, want %q", plain, tt.want)
			}
		})
	}
}

func TestReplaceNilScopes(t *testing.T) {
	t.Parallel()
	var r Resolver
	if got := r.Replace("{{x}}"); got != "{{x}}" {
		t.Errorf("got %q", got)
	}
	if got := r.Replace("{{$randomInt}}"); !regexp.MustCompile(`^\d+$`).MatchString(got) {
		t.Errorf("dynamic without scopes = %q", got)
	}
	r.NoDynamic = true
	if got := r.Replace("{{$randomInt}}"); got != "{{$randomInt}}" {
		t.Errorf("NoDynamic: got %q", got)
	}
}

func TestReplaceDynamicFreshPerOccurrence(t *testing.T) {
	t.Parallel()
	s := &Scopes{}
	out := s.Replace("{{$guid}} {{$guid}}")
	parts := strings.Split(out, " ")
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	if len(parts) != 2 || !uuid.MatchString(parts[0]) || !uuid.MatchString(parts[1]) {
		t.Fatalf("got %q", out)
	}
	if parts[0] == parts[1] {
		t.Errorf("two occurrences got the same guid %q", parts[0])
	}
	// A disabled user variable does not shadow the dynamic one.
	s.Environment = NewScope("environment", []Variable{{Key: "$guid", Value: "mine", Disabled: true}})
	if got := s.Replace("{{$guid}}"); !uuid.MatchString(got) {
		t.Errorf("disabled shadow: got %q", got)
	}
}

type fakeSecrets map[string]string

func (f fakeSecrets) ResolveSecret(name string) (string, error) {
	v, ok := f[name]
	if !ok {
		return "", errors.New("no such secret")
	}
	return v, nil
}

func TestReplaceVault(t *testing.T) {
	t.Parallel()
	var secretErrs []string
	r := Resolver{
		Scopes: &Scopes{Environment: NewScope("environment", []Variable{
			{Key: "auth", Value: "Bearer {{vault:token}}"},
			{Key: "secure", Value: "<<vault:api-key>>"},
		})},
		Secrets:     fakeSecrets{"token": "T0K", "api-key": "K3Y", "nested": "{{vault:token}}"},
		SecretError: func(name string, err error) { secretErrs = append(secretErrs, name) },
	}
	tests := []struct{ in, want string }{
		{"{{auth}}", "Bearer T0K"},
		{"{{secure}}", "K3Y"},
		{"<<vault:api-key>>", "K3Y"},
		{"{{vault:nested}}", "T0K"},
		{"{{vault:missing}}", "{{vault:missing}}"},
		{"<<vault:bad name>>x", "<<vault:bad name>>x"},
	}
	for _, tt := range tests {
		var unresolved []string
		got := r.ReplaceTrack(tt.in, func(n string) { unresolved = append(unresolved, n) })
		if got != tt.want {
			t.Errorf("Replace(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(unresolved) != 0 {
			t.Errorf("Replace(%q) reported %q as unresolved", tt.in, unresolved)
		}
	}
	if strings.Join(secretErrs, ",") != "missing,bad name" {
		t.Errorf("secret errors for %q", secretErrs)
	}
}

func TestReplaceNoAllocWithoutReferences(t *testing.T) {
	s := testScopes()
	for _, in := range []string{"https://example.com/plain/path?q=1", "{{nope}} {not a ref}"} {
		allocs := testing.AllocsPerRun(100, func() { _ = s.Replace(in) })
		if allocs != 0 {
			t.Errorf("Replace(%q) allocated %v times", in, allocs)
		}
	}
}

func BenchmarkReplace(b *testing.B) {
	s := testScopes()
	cases := []struct{ name, in string }{
		{"plain", "https://example.com/api/v1/users?limit=10&offset=20"},
		{"three_vars", "https://{{host}}/{{tld}}/users/{{k}}"},
		{"nested", "{{baseUrl}}/users/{{n}}"},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = s.Replace(c.in)
			}
		})
	}
}
