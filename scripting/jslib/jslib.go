// Package jslib embeds the JavaScript libraries that Postman's sandbox lets
// scripts require() (chai, lodash, moment, crypto-js, ...), pinned to the
// versions postman-sandbox 4.7.1 (Newman 6.2.2) bundles, so that courier's goja
// runtime gives scripts the same library behaviour as Postman.
//
// Each library is one self-contained CommonJS bundle in dist/, produced by
// build/build.sh (esbuild over the exact npm versions in
// build/package-lock.json). Licenses are in dist/LICENSES.txt. The Node
// builtins (util, events, url, ...) are the browserify 16 shims the sandbox
// exposes, e.g. util 0.10.4 (no promisify) and url 0.11.0 (legacy
// url.parse with querystring). buffer is npm buffer 6.0.3, as in Postman,
// where it is also the global Buffer. testdata/postman-sandbox.golden.json
// holds results computed by Postman's own sandbox code that the tests replay.
package jslib

//go:generate bash build/build.sh

import (
	"embed"
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

//go:embed dist/*.js
var dist embed.FS

// files maps the names scripts pass to require() to bundle files in dist/.
// Postman exposes csv-parse only as "csv-parse/lib/sync" and liquid-json as
// "json"; lodash3 is the legacy global `_`, not a require()-able name in
// Postman, but the sandbox needs to load it.
var files = map[string]string{
	"ajv":                "ajv",
	"assert":             "assert",
	"atob":               "atob",
	"backbone":           "backbone",
	"btoa":               "btoa",
	"buffer":             "buffer",
	"chai":               "chai",
	"cheerio":            "cheerio",
	"crypto-js":          "crypto-js",
	"csv-parse/lib/sync": "csv-parse-sync",
	"events":             "events",
	"json":               "json",
	"lodash":             "lodash",
	"lodash3":            "lodash3",
	"moment":             "moment",
	"path":               "path",
	"postman-collection": "postman-collection",
	"punycode":           "punycode",
	"querystring":        "querystring",
	"stream":             "stream",
	"string_decoder":     "string_decoder",
	"timers":             "timers",
	"tv4":                "tv4",
	"url":                "url",
	"util":               "util",
	"uuid":               "uuid",
	"xml2js":             "xml2js",
}

// aliases are extra names accepted by Source/Program/Require: the bundle file
// names themselves and the npm package name of `json`.
var aliases = map[string]string{
	"csv-parse-sync": "csv-parse/lib/sync",
	"liquid-json":    "json",
}

func canonical(name string) string {
	name = strings.TrimPrefix(name, "node:")
	if a, ok := aliases[name]; ok {
		return a
	}
	return name
}

// Names lists the require() names jslib provides, sorted.
func Names() []string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Source returns the bundled CommonJS source for a require() name. The source
// expects the CommonJS free variables (module, exports, require).
func Source(name string) (string, bool) {
	file, ok := files[canonical(name)]
	if !ok {
		return "", false
	}
	b, err := dist.ReadFile("dist/" + file + ".js")
	if err != nil {
		// Every entry in files is embedded; TestNamesHaveBundles guards it.
		return "", false
	}
	return string(b), true
}

type compiled struct {
	once sync.Once
	prg  *goja.Program
	err  error
}

var (
	cacheMu sync.Mutex
	cache   = map[string]*compiled{}
)

// Program returns the module compiled as a CommonJS wrapper function
// `(function(exports, require, module, __filename, __dirname){...})`.
// Compilation happens once per process per module: goja Programs are
// immutable and can be run in any number of runtimes concurrently.
func Program(name string) (*goja.Program, error) {
	name = canonical(name)
	if _, ok := files[name]; !ok {
		return nil, fmt.Errorf("jslib: unknown module %q", name)
	}
	cacheMu.Lock()
	c, ok := cache[name]
	if !ok {
		c = &compiled{}
		cache[name] = c
	}
	cacheMu.Unlock()
	c.once.Do(func() {
		src, _ := Source(name)
		// The newline before "})" keeps a trailing line comment in the
		// bundle from swallowing the wrapper's end.
		wrapped := WrapperPrefix + src + "\n})"
		c.prg, c.err = goja.Compile(filename(name), wrapped, false)
		if c.err != nil {
			c.err = fmt.Errorf("compiling %s: %w", name, c.err)
		}
	})
	return c.prg, c.err
}

// WrapperPrefix starts the CommonJS wrapper a module is compiled in, on
// the first line of its source.
const WrapperPrefix = "(function(exports, require, module, __filename, __dirname){"

// filename is what stack traces show for a bundled module.
func filename(name string) string {
	return path.Join("/node_modules", name, "index.js")
}

// Require runs the named module in rt and returns its module.exports. req
// serves the module's own require() calls: the bundles are self-contained
// but for `buffer`, which every one of them requires at run time so that all
// share the sandbox's one Buffer (see build/build.sh). With a nil req the
// module's calls get jslib's own modules, each loaded once for this call
// (any other name throws "Cannot find module").
// Each call evaluates the module afresh: callers cache the result per runtime.
func Require(rt *goja.Runtime, name string, req func(string) goja.Value) (goja.Value, error) {
	prg, err := Program(name)
	if err != nil {
		return nil, err
	}
	if req == nil {
		req = ownModules(rt)
	}
	fnv, err := rt.RunProgram(prg)
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", name, err)
	}
	fn, ok := goja.AssertFunction(fnv)
	if !ok {
		return nil, fmt.Errorf("loading %s: wrapper is not a function", name)
	}
	module := rt.NewObject()
	exports := rt.NewObject()
	if err := module.Set("exports", exports); err != nil {
		return nil, fmt.Errorf("loading %s: %w", name, err)
	}
	requireFn := func(call goja.FunctionCall) goja.Value { return req(call.Argument(0).String()) }
	fname := filename(canonical(name))
	_, err = fn(exports, exports, rt.ToValue(requireFn), module, rt.ToValue(fname), rt.ToValue(path.Dir(fname)))
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", name, err)
	}
	return module.Get("exports"), nil
}

// ownModules serves a module's require() calls from jslib alone, loading
// each module once (a bundle that requires buffer in several of its parts
// gets one Buffer).
func ownModules(rt *goja.Runtime) func(string) goja.Value {
	loaded := map[string]goja.Value{}
	var req func(string) goja.Value
	req = func(n string) goja.Value {
		if v, ok := loaded[n]; ok {
			return v
		}
		if _, ok := files[canonical(n)]; !ok {
			// Thrown as a JS Error, the way Node reports a missing module.
			e, err := rt.New(rt.Get("Error"), rt.ToValue("Cannot find module '"+n+"'"))
			if err != nil {
				panic(err)
			}
			panic(e)
		}
		v, err := Require(rt, n, req)
		if err != nil {
			panic(rt.NewGoError(err))
		}
		loaded[n] = v
		return v
	}
	return req
}
