package collections

import (
	"encoding/json"
	"testing"
)

func TestV1RawText(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		raw    string
		want   string
		hasRaw bool
	}{
		{``, "", false},
		{`null`, "", false},
		{`""`, "", false},
		{`"body"`, "body", true},
		{`["body"]`, "body", true},
		{`["a", "b"]`, "", false},
		{`[{"key": "a"}]`, "", false},
	} {
		got, has := v1RawText(json.RawMessage(tc.raw))
		if got != tc.want || has != tc.hasRaw {
			t.Errorf("%s: %q %v, want %q %v", tc.raw, got, has, tc.want, tc.hasRaw)
		}
	}
}

// Without a dataMode the data's shape decides; raw text wins over both.
func TestV1GuessMode(t *testing.T) {
	t.Parallel()
	params, gql := json.RawMessage(`[{"key": "a"}]`), json.RawMessage(`{"query": "{a}"}`)
	for _, tc := range []struct {
		name     string
		dataMode string
		hasRaw   bool
		formSrc  json.RawMessage
		gql      json.RawMessage
		want     string
	}{
		{"explicit mode", BodyURLEncoded, true, params, gql, BodyURLEncoded},
		{"params array", "", false, params, gql, BodyFormData},
		{"graphql source", "", false, json.RawMessage(`"x"`), gql, BodyGraphQL},
		{"raw text wins", "", true, params, gql, BodyRaw},
		{"nothing to go by", "", false, nil, nil, BodyRaw},
	} {
		if got := v1GuessMode(tc.dataMode, tc.hasRaw, tc.formSrc, tc.gql); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestV1GraphQLSource(t *testing.T) {
	t.Parallel()
	withOpt := v1DataOptionsOf(json.RawMessage(`{"graphql": {}}`))
	for _, tc := range []struct {
		name string
		r    rawV1Request
		opts v1DataOptions
		want string
	}{
		{"graphqlModeData", rawV1Request{GraphQLModeData: json.RawMessage(`{"query":"q"}`), Data: json.RawMessage(`{"d":1}`)}, withOpt, `{"query":"q"}`},
		{"data with a graphql option", rawV1Request{Data: json.RawMessage(`{"d":1}`)}, withOpt, `{"d":1}`},
		{"data without the option", rawV1Request{Data: json.RawMessage(`{"d":1}`)}, v1DataOptions{}, ``},
		{"empty graphqlModeData, empty data", rawV1Request{GraphQLModeData: json.RawMessage(`{}`), Data: json.RawMessage(`""`)}, withOpt, ``},
	} {
		if got := string(v1GraphQLSource(&tc.r, tc.opts)); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}
