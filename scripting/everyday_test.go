package scripting

import "testing"

// Everyday mistakes in test scripts, caught: wrong types given to
// pm.expect and chai, calls of what is not a function, JSON.parse of an
// HTML page or a bad body, xml2Json of bad XML, reads through null. Each
// want line is what Postman CLI 1.34.0 printed; Newman 6.2.2 agrees apart
// from atob's error (InvalidCharacterError in Postman CLI, where Newman
// returns an empty string), new URL (absent in Newman) and pm.sendRequest's answers.
func TestEverydayErrorWordsAsPostman(t *testing.T) {
	t.Parallel()
	src := probeHarness + "const d = pm.response.json().json;\n" + `
p(() => pm.expect(d.n).to.be.above('x'));
p(() => pm.expect('abc').to.have.lengthOf('x'));
p(() => pm.expect(5).to.include(1));
p(() => pm.expect(null).to.have.property('a'));
p(() => pm.expect(undefined).to.have.length(1));
p(() => pm.expect(5).to.be.within('a', 'b'));
p(() => pm.expect({}).to.be.an.instanceof(5));
p(() => pm.expect(() => 1).to.throw(5));
p(() => pm.expect([1]).to.have.members(1));
p(() => pm.expect(1).to.match('x'));
p(() => pm.expect('a').to.match(5));
p(() => pm.expect(5).to.be.oneOf(5));
p(() => pm.expect(5).to.have.keys('a'));
p(() => pm.expect({a: 1}).to.have.nested.property(5));
p(() => pm.expect(d).to.have.jsonSchema(5));
p(() => pm.response.to.have.status('200'));
p(() => pm.response.to.have.header(5));
p(() => pm.expect(d.items).to.have.lengthOf.above('x'));
p(() => pm.expect(1).to.be.closeTo(1));
p(() => pm.expect(1).to.equal(2, 5));
p(() => pm.expect().to.exist);
p(() => pm.expect(NaN).to.equal(NaN));
p(() => pm.expect(d.user).to.be.an('object'));
p(() => pm.expect(d.user.name).to.eql('x'));
p(() => pm.expect(d.user).to.have.property('name'));
p(() => pm.expect(d.items[0].id).to.eql(1));
p(() => pm.expect(d.items).to.be.empty.and.to.have.length(2));
p(() => undefinedFn());
p(() => d.nope());
p(() => d.items.nope());
p(() => d.items.first());
p(() => pm.response.jsonn());
p(() => pm.environment.gett('x'));
p(() => pm.collectionVariables.get());
p(() => JSON.parse(pm.response.text()).json.user.x);
p(() => JSON.parse('<!DOCTYPE html><html></html>'));
p(() => JSON.parse('Not Found'));
p(() => JSON.parse('{"a": undefined}'));
p(() => JSON.parse("{'a': 1}"));
p(() => JSON.parse('[1, 2'));
p(() => JSON.parse(null).x);
p(() => JSON.parse({}));
p(() => xml2Json('<a>').a.b);
p(() => atob('***'));
p(() => decodeURIComponent('%'));
p(() => new Date('x').toISOString());
p(() => (123.456).toFixed(200));
p(() => 'x'.repeat(Infinity));
p(() => new Array(2 ** 32));
p(() => BigInt('x'));
p(() => Symbol() + 1);
p(() => ({}).x.y.z);
p(() => [].at(0).id);
p(() => new URL('/x'));
p(() => pm.variables.replaceIn());
p(() => require('nope'));
p(() => CryptoJS.AES.decrypt(5));
p(() => xml2Json('<a>'));
p(() => xml2Json(''));
p(() => xml2Json('not xml'));
p(() => xml2Json('<a>1</a><b/>'));
p(() => xml2Json('<a><b>1</b></a>'));
p(() => xml2Json(null));
p(() => xml2Json(5));
p(() => pm.expect(1).to.match(undefined));
p(() => pm.expect(1).to.match(null));
p(() => pm.expect('x').to.not.match('x'));
p(() => pm.expect('x').to.match({}));`
	want := []string{
		"E:AssertionError: the argument to above must be a number",
		"E:AssertionError: expected 'abc' to have a length of 'x' but got 3",
		"E:AssertionError: the given combination of arguments (number and number) is invalid for this assertion. You can use an array, a map, an object, a set, a string, or a weakset instead of a number",
		"E:AssertionError: Target cannot be null or undefined.",
		"E:AssertionError: Target cannot be null or undefined.",
		"E:AssertionError: the arguments to within must be numbers",
		"E:AssertionError: The instanceof assertion needs a constructor but number was given.",
		"E:AssertionError: expected [Function] to throw 5",
		"E:AssertionError: expected 1 to be an array",
		"E:TypeError: e.exec is not a function",
		"E:TypeError: e.exec is not a function",
		"E:AssertionError: expected 5 to be an array",
		"E:AssertionError: expected 5 to have key 'a'",
		"E:AssertionError: the argument to property must be a string when using nested syntax",
		"E:AssertionError: expected 5 to be an object",
		"E:AssertionError: expected response to have status reason '200' but got 'OK'",
		"E:AssertionError: expected response to have header with key '5'",
		"E:AssertionError: the argument to above must be a number",
		"E:AssertionError: the arguments to closeTo or approximately must be numbers, and a delta is required",
		"E:AssertionError: 5: expected 1 to equal 2",
		"E:AssertionError: expected undefined to exist",
		"E:AssertionError: expected NaN to equal NaN",
		"E:AssertionError: expected null to be an object",
		"E:TypeError: Cannot read properties of null (reading 'name')",
		"E:AssertionError: Target cannot be null or undefined.",
		"E:TypeError: Cannot read properties of undefined (reading 'id')",
		"E:AssertionError: expected [] to have a length of 2 but got +0",
		"E:ReferenceError: undefinedFn is not defined",
		"E:TypeError: d.nope is not a function",
		"E:TypeError: d.items.nope is not a function",
		"undefined",
		"E:TypeError: pm.response.jsonn is not a function",
		"E:TypeError: pm.environment.gett is not a function",
		"undefined",
		"E:TypeError: Cannot read properties of null (reading 'x')",
		"E:JSONError: Unexpected token '<' at 1:1\n<!DOCTYPE html><html></html>\n^",
		"E:JSONError: Unexpected token 'N' at 1:1\nNot Found\n^",
		"E:JSONError: No value found for key a at 1:7\n{\"a\": undefined}\n      ^",
		"E:JSONError: Unexpected token '\\'' at 1:2\n{'a': 1}\n ^",
		"E:JSONError: Unexpected end of input at 1:6\n[1, 2\n     ^",
		"E:TypeError: Cannot read properties of null (reading 'x')",
		"E:JSONError: Unexpected token 'o' at 1:2\n[object Object]\n ^",
		"E:TypeError: Cannot read properties of undefined (reading 'a')",
		"E:InvalidCharacterError: Invalid character",
		"E:URIError: URI malformed",
		"E:RangeError: Invalid time value",
		"E:RangeError: toFixed() digits argument must be between 0 and 100",
		"E:RangeError: Invalid count value: Infinity",
		"E:RangeError: Invalid array length",
		"E:SyntaxError: Cannot convert x to a BigInt",
		"E:TypeError: Cannot convert a Symbol value to a number",
		"E:TypeError: Cannot read properties of undefined (reading 'y')",
		"E:TypeError: Cannot read properties of undefined (reading 'id')",
		"E:TypeError: Invalid URL",
		"undefined",
		"E:Error: Cannot find module 'nope'",
		"E:TypeError: Cannot read properties of undefined (reading 'words')",
		"undefined",
		"null",
		"undefined",
		"{\"a\":\"1\"}",
		"{\"a\":{\"b\":\"1\"}}",
		"undefined",
		"undefined",
		"E:TypeError: Cannot read properties of undefined (reading 'exec')",
		"E:TypeError: Cannot read properties of null (reading 'exec')",
		"E:TypeError: e.exec is not a function",
		"E:TypeError: e.exec is not a function",
	}
	checkNamesWithBody(t, nullishBody, src, want)
}

// More of what scripts get wrong, caught: calling what is not a function
// (an object, an array, a parenthesized literal), built-in methods called
// on the wrong receiver, conversions, range errors, eval and JSON syntax.
// Each want line is what Postman CLI 1.34.0 printed.
func TestMoreEverydayErrorWordsAsPostman(t *testing.T) {
	t.Parallel()
	src := probeHarness + "const d = pm.response.json().json;\n" + `
p(() => JSON.stringify({n: 10n}));
p(() => Date.prototype.getTime.call({}));
p(() => Number.prototype.toFixed.call('x'));
p(() => String.prototype.toUpperCase.call(undefined));
p(() => Array.prototype.join.call(undefined));
p(() => (5)());
p(() => { const o = {}; return o(); });
p(() => { const o = {f: 5}; return o.f(); });
p(() => { const o = {f: {}}; return o.f(); });
p(() => { const o = {f: 'str'}; return o['f'](); });
p(() => d.n());
p(() => d.items[0]());
p(() => d.items());
p(() => new d.n());
p(() => new (undefined)());
p(() => new 5);
p(() => { const f = () => 1; return new f(); });
p(() => { async function f() {} return new f(); });
p(() => Object.fromEntries(5));
p(() => Object.fromEntries([1]));
p(() => Symbol().description.x.y);
p(() => ` + "`${Symbol('a')}`" + `);
p(() => Symbol('a') + '');
p(() => +Symbol('a'));
p(() => 1n + 1);
p(() => Math.max(1n));
p(() => BigInt(undefined));
p(() => parseInt(Symbol()));
p(() => [].reduce((a, b) => a + b));
p(() => Array(-1));
p(() => new Array(1.5));
p(() => [].length = 2 ** 32);
p(() => 'abc'.normalize('x'));
p(() => (1).toPrecision(0));
p(() => new Intl.DateTimeFormat('en', {timeZone: 'Nope'}));
p(() => new Date(NaN).toISOString());
p(() => encodeURIComponent('\uD800'));
p(() => decodeURI('%E0%A4%A'));
p(() => new RegExp('['));
p(() => new Function('return ;;;}'));
p(() => eval('let let = 1'));
p(() => eval('a b'));
p(() => eval('{'));
p(() => JSON.parse('{"a":1}}'));
p(() => JSON.parse('[1,]'));
p(() => JSON.parse('"\\x"'));
p(() => JSON.parse('01'));
p(() => JSON.parse('NaN'));
p(() => atob('a'));
p(() => btoa('\u0100'));
p(() => structuredClone(Symbol()));
p(() => new TextDecoder('nope'));
p(() => crypto.getRandomValues(new Float32Array(1)));
p(() => new URL('http://[x'));
p(() => new URLSearchParams(5).get('x'));`
	want := []string{
		"E:JSONError: Do not know how to serialize a BigInt",
		"E:TypeError: this is not a Date object.",
		"E:TypeError: Number.prototype.toFixed requires that 'this' be a Number",
		"E:TypeError: String.prototype.toUpperCase called on null or undefined",
		"E:TypeError: Cannot convert undefined or null to object",
		"E:TypeError: 5 is not a function",
		"E:TypeError: o is not a function",
		"E:TypeError: o.f is not a function",
		"E:TypeError: o.f is not a function",
		"E:TypeError: o.f is not a function",
		"E:TypeError: d.n is not a function",
		"E:TypeError: d.items[0] is not a function",
		"E:TypeError: d.items is not a function",
		"E:TypeError: d.n is not a constructor",
		"E:TypeError: undefined is not a constructor",
		"E:TypeError: 5 is not a constructor",
		"E:TypeError: f is not a constructor",
		"E:TypeError: f is not a constructor",
		"E:TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
		"E:TypeError: Iterator value 1 is not an entry object",
		"E:TypeError: Cannot read properties of undefined (reading 'x')",
		"E:TypeError: Cannot convert a Symbol value to a string",
		"E:TypeError: Cannot convert a Symbol value to a string",
		"E:TypeError: Cannot convert a Symbol value to a number",
		"E:TypeError: Cannot mix BigInt and other types, use explicit conversions",
		"E:TypeError: Cannot convert a BigInt value to a number",
		"E:TypeError: Cannot convert undefined to a BigInt",
		"E:TypeError: Cannot convert a Symbol value to a string",
		"E:TypeError: Reduce of empty array with no initial value",
		"E:RangeError: Invalid array length",
		"E:RangeError: Invalid array length",
		"E:RangeError: Invalid array length",
		"E:RangeError: The normalization form should be one of NFC, NFD, NFKC, NFKD.",
		"E:RangeError: toPrecision() argument must be between 1 and 100",
		"E:RangeError: Invalid time zone specified: Nope",
		"E:RangeError: Invalid time value",
		"E:URIError: URI malformed",
		"E:URIError: URI malformed",
		"E:SyntaxError: Invalid regular expression: /[/: Unterminated character class",
		"E:SyntaxError: Unexpected token '}'",
		"E:SyntaxError: let is disallowed as a lexically bound name",
		"E:SyntaxError: Unexpected identifier 'b'",
		"E:SyntaxError: Unexpected end of input",
		"E:JSONError: Unexpected token '}' at 1:8\n{\"a\":1}}\n       ^",
		"E:JSONError: Trailing comma in array at 1:4\n[1,]\n   ^",
		"E:JSONError: Unexpected token 'x' at 1:3\n\"\\x\"\n  ^",
		"E:JSONError: Unexpected token '1' at 1:2\n01\n ^",
		"E:JSONError: Unexpected token 'N' at 1:1\nNaN\n^",
		"E:InvalidCharacterError: The string to be decoded is not correctly encoded.",
		"E:InvalidCharacterError: Invalid character",
		"E:DataCloneError: Symbol() could not be cloned.",
		"E:RangeError: The \"nope\" encoding is not supported",
		"E:TypeMismatchError: The data argument must be an integer-type TypedArray",
		"E:TypeError: Invalid URL",
		"null",
	}
	checkNamesWithBody(t, nullishBody, src, want)
}
