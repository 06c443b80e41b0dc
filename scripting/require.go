package scripting

import (
	"sort"
	"strings"

	"github.com/courier-run/courier/scripting/jslib"
	"github.com/dop251/goja"
)

// moduleAliases maps the names scripts require to jslib bundle names.
var moduleAliases = map[string]string{
	"csv-parse/lib/sync": "csv-parse-sync",
	"crypto-js":          "crypto-js",
}

// bundleOnlyNames are names jslib answers to that Postman's require() does
// not: liquid-json is required as "json" only and csv-parse as
// "csv-parse/lib/sync" ("Cannot find module 'liquid-json'" in Newman 6.2.2
// and Postman CLI 1.34); lodash3 is the legacy global _.
var bundleOnlyNames = map[string]bool{"liquid-json": true, "csv-parse-sync": true, "lodash3": true}

// hostModules are served by the engine itself rather than jslib.
var hostModules = map[string]bool{"timers": true, "os": true}

// osModule is require('os') as Postman's sandbox bundles it (browserify's
// stand-in): fixed answers that describe no real machine, so a script
// learns nothing of the host it runs on.
const osModule = `(function () {
  var o = {};
  o.endianness = function () { return 'LE'; };
  o.hostname = function () { return ''; };
  o.loadavg = function () { return []; };
  o.uptime = function () { return 0; };
  o.freemem = function () { return Number.MAX_VALUE; };
  o.totalmem = function () { return Number.MAX_VALUE; };
  o.cpus = function () { return []; };
  o.type = function () { return 'Browser'; };
  o.release = function () { return ''; };
  o.networkInterfaces = o.getNetworkInterfaces = function () { return {}; };
  o.arch = function () { return 'javascript'; };
  o.platform = function () { return 'browser'; };
  o.tmpdir = o.tmpDir = function () { return '/tmp'; };
  o.EOL = '\n';
  o.homedir = function () { return '/'; };
  return o;
})()`

func moduleName(name string) string {
	name = strings.TrimPrefix(name, "node:")
	if a, ok := moduleAliases[name]; ok {
		return a
	}
	return name
}

// availableModules lists what require() accepts, for error messages.
func availableModules() []string {
	var names []string
	seen := map[string]bool{}
	add := func(n string) {
		if !seen[n] && n != "lodash3" {
			seen[n] = true
			names = append(names, n)
		}
	}
	for _, n := range jslib.Names() {
		if n == "csv-parse-sync" {
			n = "csv-parse/lib/sync"
		}
		add(n)
	}
	for n := range hostModules {
		add(n)
	}
	sort.Strings(names)
	return names
}

// requireScript is require() as scripts call it: the names only the
// sandbox's own code loads are not found.
func (e *Engine) requireScript(name string) goja.Value {
	if bundleOnlyNames[strings.TrimPrefix(name, "node:")] {
		e.throw("Error", "Cannot find module '"+name+"'")
	}
	return e.require(name)
}

// require is the sandbox's require(): bundled libraries only, cached per
// Engine. It never touches the host filesystem.
func (e *Engine) require(name string) goja.Value {
	key := moduleName(name)
	if v, ok := e.modules[key]; ok {
		return v
	}
	var v goja.Value
	switch {
	case key == "timers":
		o := e.rt.NewObject()
		g := e.rt.GlobalObject()
		for _, n := range []string{"setTimeout", "setInterval", "setImmediate", "clearTimeout", "clearInterval", "clearImmediate"} {
			_ = o.Set(n, g.Get(n))
		}
		v = o
	case key == "os":
		mv, err := e.rt.RunString(osModule)
		if err != nil {
			panic(err)
		}
		v = mv
	default:
		if _, ok := jslib.Source(key); !ok {
			if key == "fs" {
				// Deliberate: Postman's sandbox hands out an empty object;
				// courier says why a file cannot be read from a script.
				e.throw("Error", "Cannot find module 'fs': courier's sandbox provides only "+strings.Join(availableModules(), ", "))
			}
			// The sandbox's words, as a script that catches it compares them.
			e.throw("Error", "Cannot find module '"+name+"'")
		}
		mv, err := jslib.Require(e.rt, key, func(n string) goja.Value { return e.require(n) })
		if err != nil {
			panic(err)
		}
		v = mv
		if key == "chai" {
			e.adoptChaiAssertionError(v)
		}
		if key == "tv4" {
			e.nameTV4Errors(v)
		}
		if key == "postman-collection" {
			if v, err = e.api.adoptSDK(goja.Undefined(), v); err != nil {
				panic(err)
			}
		}
		// require('url') is the url package as the sandbox bundles it:
		// Node's legacy API, without the WHATWG classes (Newman 6.2.2 and
		// Postman CLI 1.34.0 both give undefined for require('url').URL).
	}
	e.modules[key] = v
	return v
}

// nameTV4Errors names tv4's ValidationError constructor as the sandbox's
// bundle minified it: v. chai prints a tv4.error it compares by that name
// ("expected v{ …(7) } to deeply equal null", Newman 6.2.2,
// fresh-round14t-b); courier's own bundle had called it A.
func (e *Engine) nameTV4Errors(tv4 goja.Value) {
	o, ok := tv4.(*goja.Object)
	if !ok {
		return
	}
	validate, ok := goja.AssertFunction(o.Get("validateResult"))
	if !ok {
		return
	}
	// validateResult reports on an object of its own, not on tv4.error.
	schema := e.rt.NewObject()
	_ = schema.Set("type", "string")
	res, err := validate(o, e.rt.ToValue(5), schema)
	if err != nil {
		return
	}
	ro, ok := res.(*goja.Object)
	if !ok {
		return
	}
	verr, ok := ro.Get("error").(*goja.Object)
	if !ok {
		return
	}
	if ctor, ok := verr.Get("constructor").(*goja.Object); ok {
		_ = ctor.DefineDataProperty("name", e.rt.ToValue("v"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
}

// requireFresh evaluates a bundled library again, apart from require()'s
// cached copy (the sandbox's legacy globals are their own instances).
func (e *Engine) requireFresh(name string) goja.Value {
	v, err := jslib.Require(e.rt, moduleName(name), func(n string) goja.Value { return e.require(n) })
	if err != nil {
		panic(err)
	}
	return v
}

// adoptChaiAssertionError chains the prototype of the bootstrap's
// AssertionError (failure.go's errors) onto chai's own and drops its own
// members, so that errors worded before or after chai was loaded are all
// instanceof chai.AssertionError with chai's constructor and toJSON.
func (e *Engine) adoptChaiAssertionError(chai goja.Value) {
	p := e.fastProtos
	co, ok := chai.(*goja.Object)
	if p == nil || p.assertionError == nil || !ok {
		return
	}
	ours, ok1 := p.assertionError.(*goja.Object)
	theirs, ok2 := co.Get("AssertionError").(*goja.Object)
	if !ok1 || !ok2 {
		return
	}
	ourProto, ok1 := ours.Get("prototype").(*goja.Object)
	theirProto, ok2 := theirs.Get("prototype").(*goja.Object)
	if !ok1 || !ok2 || ourProto == theirProto {
		return
	}
	if err := ourProto.SetPrototype(theirProto); err != nil {
		return
	}
	// Named as the sandbox's bundle minified it (r), as ours is: chai
	// prints a caught AssertionError as r{ …(5) } (fresh-round14t-g).
	_ = theirs.DefineDataProperty("name", e.rt.ToValue("r"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	for _, k := range []string{"name", "constructor", "toJSON"} {
		_ = ourProto.Delete(k)
	}
}
