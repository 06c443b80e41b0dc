package scripting

import (
	"context"
	"testing"
)

// v8JSONCases are JSON.parse failures with the messages Node 20's V8 gives
// (recorded with node -e 'JSON.parse(...)').
var v8JSONCases = []struct{ src, msg string }{
	{" ", "Unexpected end of JSON input"},
	{"<html>", "Unexpected token '<', \"<html>\" is not valid JSON"},
	{"<!DOCTYPE html><html><head></head></html>", "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON"},
	{"{\"a\":1,}", "Expected double-quoted property name in JSON at position 7"},
	{"{a:1}", "Expected property name or '}' in JSON at position 1"},
	{"{\"a\" 1}", "Expected ':' after property name in JSON at position 5"},
	{"{\"a\":1 \"b\":2}", "Expected ',' or '}' after property value in JSON at position 7"},
	{"[1,]", "Unexpected token ']', \"[1,]\" is not valid JSON"},
	{"[1 2]", "Expected ',' or ']' after array element in JSON at position 3"},
	{"[", "Unexpected end of JSON input"},
	{"{", "Expected property name or '}' in JSON at position 1"},
	{"{\"a\":", "Unexpected end of JSON input"},
	{"\"abc", "Unterminated string in JSON at position 4"},
	{"\"a\u0001\"", "Bad control character in string literal in JSON at position 2"},
	{"\"\\x\"", "Bad escaped character in JSON at position 2"},
	{"\"\\u12g4\"", "Bad Unicode escape in JSON at position 5"},
	{"-", "No number after minus sign in JSON at position 1"},
	{"-a", "No number after minus sign in JSON at position 1"},
	{"01", "Unexpected number in JSON at position 1"},
	{"1.", "Unterminated fractional number in JSON at position 2"},
	{"1.e", "Unterminated fractional number in JSON at position 2"},
	{"1e", "Exponent part is missing a number in JSON at position 2"},
	{"1e+", "Exponent part is missing a number in JSON at position 3"},
	{"tru", "Unexpected end of JSON input"},
	{"tx", "Unexpected token 'x', \"tx\" is not valid JSON"},
	{"nul", "Unexpected end of JSON input"},
	{"{\"a\": tru}", "Unexpected token '}', \"{\"a\": tru}\" is not valid JSON"},
	{"1 2", "Unexpected non-whitespace character after JSON at position 2"},
	{"{} x", "Unexpected non-whitespace character after JSON at position 3"},
	{"NaN", "\"NaN\" is not valid JSON"},
	{"Infinity", "\"Infinity\" is not valid JSON"},
	{"[object Object]", "\"[object Object]\" is not valid JSON"},
	{"undefined", "\"undefined\" is not valid JSON"},
	{"abc", "Unexpected token 'a', \"abc\" is not valid JSON"},
	{"{\"key\": \"value\", \"other\": nope}", "Unexpected token 'o', ...\"\"other\": nope}\" is not valid JSON"},
	{"0x10", "Unexpected non-whitespace character after JSON at position 1"},
	{"'a'", "Unexpected token ''', \"'a'\" is not valid JSON"},
	{"[1,2,3,4,5,6,7,8,9,10,11,12,13,x]", "Unexpected token 'x', ...\",11,12,13,x]\" is not valid JSON"},
	{"Internal Server Error", "Unexpected token 'I', \"Internal S\"... is not valid JSON"},
	{"OK", "Unexpected token 'O', \"OK\" is not valid JSON"},
	{"{\"a\":1}}", "Unexpected non-whitespace character after JSON at position 7"},
	{"[]]", "Unexpected non-whitespace character after JSON at position 2"},
	{"  \n  <x", "Unexpected token '<', \"  \n  <x\" is not valid JSON"},
	{".5", "Unexpected token '.', \".5\" is not valid JSON"},
	{"+1", "Unexpected token '+', \"+1\" is not valid JSON"},
	{"\"a\"b", "Unexpected non-whitespace character after JSON at position 3"},
	{"{,}", "Expected property name or '}' in JSON at position 1"},
	{"[,]", "Unexpected token ',', \"[,]\" is not valid JSON"},
	{"{\"a\":1,,}", "Expected double-quoted property name in JSON at position 7"},
	{"{\"a\"}", "Expected ':' after property name in JSON at position 4"},
	{"[1,,2]", "Unexpected token ',', \"[1,,2]\" is not valid JSON"},
	{"1..2", "Unterminated fractional number in JSON at position 2"},
	{"\"\\", "Unexpected end of JSON input"},
	{"truex", "Unexpected non-whitespace character after JSON at position 4"},
	{"{\"a\":[1,2}", "Expected ',' or ']' after array element in JSON at position 9"},
	{"{\"a\":{\"b\":1]}", "Expected ',' or '}' after property value in JSON at position 11"},
	{"\t", "Unexpected end of JSON input"},
	{"{\"\u0001\":1}", "Bad control character in string literal in JSON at position 2"},
	{"{\"a\"", "Expected ':' after property name in JSON at position 4"},
	{"{\"a\":1", "Expected ',' or '}' after property value in JSON at position 6"},
	{"[1", "Expected ',' or ']' after array element in JSON at position 2"},
	{"{\"a\":1,", "Expected double-quoted property name in JSON at position 7"},
	{"[1,", "Unexpected end of JSON input"},
	{"{\"a", "Unterminated string in JSON at position 3"},
	{"\"\\u12", "Bad Unicode escape in JSON at position 5"},
	{"-1.5e", "Exponent part is missing a number in JSON at position 5"},
	{"{ ", "Expected property name or '}' in JSON at position 2"},
	{"[ ", "Unexpected end of JSON input"},
	{"123456789012345678901234567890x", "Unexpected non-whitespace character after JSON at position 30"},
	{"{\"a\":\"éééééééééééé\" x}", "Expected ',' or '}' after property value in JSON at position 20"},
	{"x2345678901234567890", "Unexpected token 'x', \"x2345678901234567890\" is not valid JSON"},
	{"x23456789012345678901", "Unexpected token 'x', \"x234567890\"... is not valid JSON"},
	{"0123", "Unexpected number in JSON at position 1"},
	{"-01", "Unexpected number in JSON at position 2"},
	{"[-]", "No number after minus sign in JSON at position 2"},
	{"1e5x", "Unexpected non-whitespace character after JSON at position 3"},
	{" ", "Unexpected token ' ', \" \" is not valid JSON"},
	{"{\"emoji\": \"😀😀😀\", \"b\": x, \"c\": 1}", "Unexpected token 'x', ...\"😀\", \"b\": x, \"c\": 1}\" is not valid JSON"},
	{"<html><body>Error 502 Bad Gateway</body></html>", "Unexpected token '<', \"<html><bod\"... is not valid JSON"},
}

func TestV8JSONError(t *testing.T) {
	t.Parallel()
	for _, c := range v8JSONCases {
		if got := v8JSONError(c.src); got != c.msg {
			t.Errorf("%q:\n got  %s\n want %s", c.src, got, c.msg)
		}
	}
	for _, ok := range []string{"null", "1", "-0.5e+3", `"a\u00e9\n"`, `{"a":[1,{"b":null}],"c":true}`, " [ ] ", `"\ud800"`} {
		if got := v8JSONError(ok); got != "" {
			t.Errorf("%q is valid JSON, got %s", ok, got)
		}
	}
}

// TestJSONParseMessages checks the message scripts see from JSON.parse.
func TestJSONParseMessages(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", `
const msg = (s) => { try { JSON.parse(s); return "ok"; } catch (e) { return e.name + ": " + e.message; } };
pm.test("messages", () => {
  // Newman 6.2.2: the sandbox's JSON is liquid-json.
  pm.expect(msg("<html>")).to.equal("JSONError: Unexpected token '<' at 1:1\n<html>\n^");
  pm.expect(msg(undefined)).to.equal("JSONError: \"undefined\" is not valid JSON");
  pm.expect(msg("")).to.equal("JSONError: No data, empty input at 1:1\n\n^");
  pm.expect(msg('{"a":1}')).to.equal("ok");
  pm.expect(JSON.parse('{"a":[1,2]}', (k, v) => k === "a" ? v.length : v)).to.eql({a: 2});
  pm.expect(JSON.parse.name).to.equal("parse");
});
JSON.parse(responseBody.slice(0, 3));`))
	if len(r.Tests) != 1 || !r.Tests[0].Passed {
		t.Fatalf("%+v", r.Tests)
	}
	se, ok := r.Err.(*ScriptError)
	// Newman 6.2.2 reports this uncaught error the same way.
	if !ok || se.Name != "JSONError" || se.Msg != "Unexpected end of input at 1:4\n{\"i\n   ^" || se.Line != 12 {
		t.Fatalf("script error = %#v", r.Err)
	}
}
