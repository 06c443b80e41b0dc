package scripting

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	mrand "math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dop251/goja"
	gojaast "github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/unistring"

	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/internal/lazyre"
)

// scriptFile names user scripts inside goja so their stack frames can be
// told apart from library frames.
const scriptFile = "courier-script"

// maxCallStack bounds recursion depth; runaway recursion becomes a RangeError.
const maxCallStack = 5000

// ErrScriptTimeout is reported when a script outlives Options.Timeout.
var ErrScriptTimeout = errors.New("script timed out")

// errSkipRequest interrupts a script that called
// pm.execution.skipRequest(): the script ends there, without an error.
var errSkipRequest = errors.New("request skipped")

// errMemoryLimit interrupts a script whose allocations threaten the process.
var errMemoryLimit = errors.New("script exceeded the memory limit")

//go:embed js/bootstrap.js
var bootstrapSource string

//go:embed js/web.js
var webSource string

//go:embed js/url.js
var urlSource string

//go:embed js/intl.js
var intlSource string

//go:embed js/node-errors.js
var nodeErrorsSource string

// Each embedded program is compiled once per process, on first use: goja
// Programs are immutable and run in any number of runtimes.
var (
	webProgram = compileOnce("courier-web.js", &webSource)
	urlProgram = compileOnce("courier-url.js", &urlSource)
	// nodeErrorsProgram is what url.js, web.js and the builtins part
	// throw with.
	nodeErrorsProgram = compileOnce("courier-node-errors.js", &nodeErrorsSource)
	// intlProgram's classes run only when a script first touches Intl.
	intlProgram = compileOnce("courier-intl.js", &intlSource)
	// The bootstrap's compile also compiles its eager parts (parts.go).
	bootstrapProgram = sync.OnceValues(compileBootstrap)
)

func compileOnce(name string, src *string) func() (*goja.Program, error) {
	return sync.OnceValues(func() (*goja.Program, error) { return goja.Compile(name, *src, false) })
}

// programs caches compiled user scripts process-wide, keyed by source: the
// same scripts run on every iteration and in every run.
var programs sync.Map // source -> *[2]atomic.Pointer[compiled] (test, prerequest)

type compiled struct {
	prog  *goja.Program
	async bool
	err   error
	file  *file.File
	// params are the sandbox globals the script assigns: parameters of its
	// function, as in Postman, so the assignment stays in the script.
	params []string
	// hidden are the late globals the script's function takes after
	// params, left undefined (globalwrites.go, hiddenVariant).
	hidden []string
	// declared are the sandbox globals the script declares with var or a
	// top-level function (sandboxnames.go): parameters given the global's
	// value in Newman 6.2.2, undefined on Postman CLI's newer runtime.
	declared []string
	// lexical are the script's top-level let/const/class names, checked
	// against Postman's sandbox scope (sandboxnames.go) when it runs.
	lexical []lexicalName
	// regExp: the script may build regular expressions goja cannot read
	// as written (regexpctor.go), or uses a rewritten literal.
	regExp bool
	// gojaExtras: the script may see a member goja has and V8 lacks
	// (gojaextras.go).
	gojaExtras bool
	// regExpStatics: the script may read RegExp.$1 and the other legacy
	// statics (regexpstatics.go).
	regExpStatics bool
	// iteratorExtras: the script may reach %Iterator.prototype%'s
	// constructor, tag or dispose (iterextras.go).
	iteratorExtras bool
	// sites are the property reads whose object the script keeps in its
	// slot (nullish.go); the program then evaluates to [fn, reader].
	sites nullishSites
	// using: the script has using declarations, rewritten (using.go).
	using bool
	// imports: the script has dynamic imports, rewritten (dynimport.go).
	imports bool
	// weak: the script names WeakMap or WeakSet (js/parts/weak.js).
	weak bool
	// dates: the script may build a Date from local fields or a string
	// (dates.go).
	dates bool
	// reflect: the script may call Reflect's methods (reflectwords.go).
	reflect bool
	// stack: the script may read an error's stack (stackwords.go).
	stack bool
	// ctors: the script may construct a built-in under another name
	// (ctorwords.go).
	ctors bool
	// natives: the script names a built-in whose refusals are reworded
	// where they are thrown (nativewords.go).
	natives bool
	// methodWords: the script may give a built-in a method that is not
	// callable (methodwords.go).
	methodWords bool
	// radix: the script may print a number in another radix (radix.go).
	radix bool
	// bigNumbers: the script may make a BigInt (bignumber.go).
	bigNumbers bool
	// sugarNatives: the script may call a native Sugar replaces in Sugar's
	// form (sugarnatives.go).
	sugarNatives bool
	// zeroSearch: the script may search an array for a zero (zerosearch.go).
	zeroSearch bool
	// boundText: the script may print a bound function (boundtext.go).
	boundText bool
	// sortCopy: the script names sort (sortcopy.go).
	sortCopy bool
	// resizable: the script may make or resize a resizable ArrayBuffer
	// (resizable.go).
	resizable bool
	// pmWrites: the script may change pm itself (pmwrites.go): it gets a
	// pm of its own.
	pmWrites bool
	// protoShapes: the script could see the prototypes of pm's objects
	// (fnshapes.go).
	protoShapes bool
	// meetsShapes: the script's parsed tree could see the prototypes of
	// pm's objects (mayMeetPrototypesIn, fnshapes.go).
	meetsShapes bool
	// fnShapes: the script could see the bundle's functions' own members
	// (fnshapes.go).
	fnShapes bool
	// pmMemberWrites: the script may change the objects pm's members share
	// with other scripts (pmwrites.go): they are put back when it finishes.
	pmMemberWrites bool
	// builtinOrder: the script may see the order of a built-in's own keys
	// (builtinorder.go).
	builtinOrder bool
	// legacyScopes: the legacy objects the script may read (environment
	// and globals, data, request: bits of callScript's flags), made when it
	// starts, as Newman makes them (legacyscopes.go).
	legacyScopes int
	// globals: the script may add globals, or reads this at its top level
	// (globalwrites.go).
	globals globalUse
	// sugar: the Sugar.js members the script could see (sugar.go).
	sugar sugarUse
}

// Wrappers keep the user's first line on line 1 so positions only need a
// column shift there. Postman wraps scripts in a function too, which is what
// makes a top-level return legal. The program evaluates to the function;
// each Engine creates it once and calls it for every run of the script.
// The suffix starts as the sandbox's (uniscope's "\n;" before Function's
// "\n}"), so a script cut short meets the token V8 meets there: "foo(1,"
// fails with Unexpected token ';', as in Newman.
const (
	syncPrefix  = "(function(){"
	asyncPrefix = "(async function(){"
	wrapSuffix  = "\n;\n})"
)

func compileScript(src, listen string) *compiled {
	class := 0 // test scripts; pre-request scripts have no response globals
	if listen == "prerequest" {
		class = 1
	}
	// Keyed by the source alone so a lookup allocates nothing; the two
	// listen classes compile apart (their sandbox scopes differ).
	v, ok := programs.Load(src)
	if !ok {
		v, _ = programs.LoadOrStore(src, new([2]atomic.Pointer[compiled]))
	}
	slot := &v.(*[2]atomic.Pointer[compiled])[class]
	if c := slot.Load(); c != nil {
		return c
	}
	c := compileNew(src, listen, nil)
	if !slot.CompareAndSwap(nil, c) {
		return slot.Load() // another goroutine compiled it first: share one
	}
	return c
}

// inPlaceLowerings write again, without moving an offset, what goja
// refuses and V8 reads: 08 and 09.5 (legacy decimals) and import(…)
// (dynimport.go).
var inPlaceLowerings = []func(string) (string, bool){lowerLegacyDecimals, lowerDynamicImports}

// parseLowered parses body once lowered, each lowering on the text of the
// ones before, until it parses; nil when it does not.
func parseLowered(prefix, body string) (*gojaast.Program, string) {
	out := body
	for _, lower := range inPlaceLowerings {
		l, ok := lower(out)
		if !ok {
			continue
		}
		out = l
		if a, err := goja.Parse(scriptFile, prefix+out+wrapSuffix); err == nil {
			return a, out
		}
	}
	return nil, body
}

// compileNew compiles src for listen; hidden are late globals the
// script's function takes as parameters (globalwrites.go).
func compileNew(src, listen string, hidden []string) *compiled {
	async := strings.Contains(src, "await")
	prefix := syncPrefix
	if async {
		prefix = asyncPrefix
	}
	c := &compiled{async: async, hidden: hidden}
	text, maxEscapes := rewriteMaxEscapes(src)
	body, trace := transformAsyncTraced(text, src, prefix, wrapSuffix)
	c.using = body != text && strings.Contains(body, "__courierUsing")
	ast, err := goja.Parse(scriptFile, prefix+body+wrapSuffix)
	if err != nil {
		// What goja refuses and V8 reads, written again in place, only
		// when the script does not parse as it is.
		if a, lowered := parseLowered(prefix, body); a != nil {
			ast, err, body = a, nil, lowered
			c.imports = strings.Contains(lowered, hookImport)
			if trace == nil {
				trace = newTextTrace(src, text)
			}
		}
	}
	if err == nil && trace == nil && maxEscapes != nil {
		trace = newTextTrace(src, text) // lowered in place
	}
	if err == nil && trace != nil {
		trace.restoreSources(ast, len(prefix)+1) // srctrace.go
	}
	if err == nil && maxEscapes != nil {
		if body != text { // moved by the async rewrite
			text, maxEscapes = body, maxEscapes.moved(text, body)
		}
		maxEscapes.restore(ast, text, len(prefix))
	}
	if err == nil {
		err = earlyTreeErrors(ast, src)
	}
	if err == nil {
		c.file, c.lexical = ast.File, topLexicalNames(ast)
		c.instrument(ast, src, listen)
		c.prog, err = goja.CompileAST(ast, false)
		if err != nil && strings.Contains(err.Error(), "has already been declared") && fixParamVarClashes(ast) {
			c.prog, err = goja.CompileAST(ast, false) // paramclash.go
		}
	}
	c.err = err
	return c
}

// earlyTreeErrors are the SyntaxErrors V8 raises before running a script
// that goja's parser lets through.
func earlyTreeErrors(ast *gojaast.Program, src string) error {
	if err := clashingGroupLiteral(ast, src); err != nil { // regexpdups.go
		return err
	}
	if mayNewOptionalChain(src) {
		return newOptionalChain(ast) // syntaxwords.go
	}
	return nil
}

// instrument applies the compile-time passes the script's text calls for
// to its parsed tree (each pass is skipped when a cheap look at the source
// shows it has nothing to do) and notes in c which parts of the sandbox the
// script may need.
func (c *compiled) instrument(ast *gojaast.Program, src, listen string) {
	var declared []string
	fn := scriptFunction(ast) // the script's own tree
	if fn != nil {
		// Read before the passes below add code of courier's own.
		c.globals = readGlobalUse(fn, src, listen)
		// An async-wrapped script (it awaits at its top level, which
		// Newman refuses) keeps every global it makes: its synchronous
		// part is only a piece of its top level.
		c.globals.adds = c.globals.adds && !c.async
		declared = declaredSandboxNames(fn, listen)
		c.declared = declared
		resolveCalleesFirst(c.globals.freeCalls) // freecallee.go
		c.globals.freeCalls = nil
	}
	c.fnShapes = mayMeetFunctionShapesIn(fn, src)
	c.meetsShapes = mayMeetPrototypesIn(fn, src)
	c.rewriteTree(ast, src)
	c.noteNeeds(src)
	// Looked up again: the rewrites may have replaced the function.
	if fn := scriptFunction(ast); fn != nil {
		c.addParameters(ast, fn, src, listen, declared)
	}
}

// rewriteTree runs the passes that change the parsed tree, each only when
// the source may hold what it rewrites, and notes whether the script needs
// courier's RegExp.
func (c *compiled) rewriteTree(ast *gojaast.Program, src string) {
	if mayDeclareBlockFunctions(src) {
		hoistBlockFunctions(ast) // annexb.go, on the script's own tree
	}
	if c.using || strings.Contains(src, "finally") {
		splitCatchFinally(ast)
	}
	if mayCatch(src) {
		guardTries(ast)
		instrumentCatches(ast)
	}
	if mayIterate(src) {
		instrumentIteration(ast)
	}
	if c.regExp = usesRegExpCtor(src); c.regExp {
		rewriteRegExpCalls(ast)
	}
	if mayNeedRegExpRewrite(src) && rewriteRegExpLiterals(ast) {
		c.regExp = true
	}
	if !c.regExp && maySlashInClass(src) && hasSlashInClassLiteral(ast) {
		c.regExp = true
	}
	if maySuperField(src) {
		wrapSuperFields(ast)
	}
	if mayTestPrivateIn(src) {
		fixPrivateIns(ast) // privatewords.go
	}
	if strings.Contains(src, "arguments") && strings.Contains(src, "=>") {
		pinArrowArguments(ast) // arrowargs.go
	}
}

// noteNeeds notes which parts of the sandbox the script's text may need
// (a cheap look at the source each).
func (c *compiled) noteNeeds(src string) {
	c.gojaExtras = mayMeetGojaExtras(src)
	c.regExpStatics = usesRegExpStatics(src)
	c.iteratorExtras = mayMeetIteratorExtras(src)
	c.weak = mayUseWeakCollections(src)
	c.dates = mayUseDates(src)
	c.reflect = mayUseReflect(src)
	c.stack = mayReadStack(src)
	c.ctors = mayExtendBuiltins(src)
	c.natives = mayMeetNativeWords(src)
	c.methodWords = mayMeetMethodWords(src)
	c.radix = mayPrintInRadix(src)
	c.bigNumbers = mayMakeBigInts(src)
	c.sugarNatives = maySugarNatives(src)
	c.zeroSearch = mayMeetZeroSearch(src)
	c.boundText = mayPrintFunctions(src)
	c.sortCopy = maySortWithComparator(src)
	c.resizable = mayResize(src)
	c.pmWrites = mayChangePM(src)
	c.protoShapes = c.fnShapes || c.meetsShapes // fnShapes: set in instrument
	c.pmMemberWrites = mayWritePMMembers(src)
	c.legacyScopes = mayReadLegacyScopes(src)
	c.sugar = sugarWordsIn(src)
	c.builtinOrder = mayListBuiltinKeys(src)
}

// addParameters makes the sandbox globals the script assigns or declares
// (and courier's hidden names) parameters of its function, added to the
// parsed tree so positions stay put, and instruments its nullish reads.
func (c *compiled) addParameters(ast *gojaast.Program, fn *gojaast.FunctionLiteral, src, listen string, declared []string) {
	c.params = assignedSandboxNames(fn.Body, listen)
	for _, name := range declared {
		if !slices.Contains(c.params, name) {
			c.params = append(c.params, name)
		}
	}
	for _, name := range append(c.params, c.hidden...) {
		fn.ParameterList.List = append(fn.ParameterList.List, &gojaast.Binding{Target: &gojaast.Identifier{Name: unistring.NewFromString(name), Idx: fn.ParameterList.Opening}})
	}
	c.sites = instrumentScriptNullish(ast, fn, c.async, mayScopeDynamically(src))
}

// Engine is the JavaScript context of one run. Like Postman's sandbox, one
// context serves every script of the run, so implicit globals and prototype
// changes made by one script are seen by the next. An Engine is not safe for
// concurrent use.
type Engine struct {
	opts Options
	rt   *goja.Runtime
	// host is the bootstrap's host object (parts' hooks add to it).
	host *goja.Object
	loop *eventLoop
	api  struct {
		run, finish, keys goja.Callable
		// adoptSDK names require('postman-collection')'s classes as
		// Newman's and lets pm's objects be instances of them.
		adoptSDK goja.Callable
		// shapeFunctions gives the bundle's functions their own members
		// (fnshapes.go).
		shapeFunctions goja.Callable
		// obj is the whole API, for the members read on first use.
		obj *goja.Object
	}
	// fnShapesInstalled: installFunctionShapes ran.
	fnShapesInstalled bool
	// runArgs holds callScript's arguments to the bootstrap's run.
	runArgs [4]goja.Value
	// protoShapesInstalled: installPrototypeShapes ran.
	protoShapesInstalled bool
	// boundTextInstalled: installBoundText ran.
	boundTextInstalled bool
	// sortCopyInstalled: installSortCopy ran.
	sortCopyInstalled bool
	// keys is what the bootstrap's keys last set: the environment and
	// globals named, and a script already run; ran says one has.
	keys       [3]bool
	ran        bool
	modules    map[string]goja.Value
	cur        *execState
	closed     bool
	watch      watchdog
	listen     map[string]goja.Value    // interned Exec.Listen values
	fns        map[*compiled]goja.Value // the scripts' functions
	slots      map[*compiled]slotFns    // their slots' reader and clearer (nullish.go)
	params     map[*compiled]goja.Value // their parameter names, as JS arrays
	fastProtos *fastAssertProtos        // set by the bootstrap, for fastAssert
	// failuresWorded counts the assertion failures failure.go worded
	// without chai (for tests).
	failuresWorded int
	respGlobals    []responseGlobal // the legacy response globals, for setResponseGlobals
	// jsonProtos are the built-in prototypes JSON.stringify's snapshot
	// compares against.
	jsonProtos *jsProtos
	// partsLoaded names the bootstrap parts this engine has evaluated, in
	// order (parts.go).
	partsLoaded []string
	// regExpInstalled: js/parts/regexp.js runs in this engine.
	regExpInstalled bool
	// gojaExtrasHidden: hideGojaExtrasLater ran in this engine.
	gojaExtrasHidden bool
	// rxStatics is the last match RegExp.$1… read, once a script of this
	// engine may read them (regexpstatics.go); nil before.
	rxStatics *regExpStatics
	// rxStaticsInstalled: installRegExpStatics ran.
	rxStaticsInstalled bool
	// iteratorExtras: installIteratorExtras ran.
	iteratorExtras bool
	// usingInstalled: js/parts/using.js ran.
	usingInstalled bool
	// importInstalled: hookImport is defined (dynimport.go).
	importInstalled bool
	// weakInstalled: js/parts/weak.js ran.
	weakInstalled bool
	// datesInstalled: installDates ran (dates.go).
	datesInstalled bool
	// reflectWords: installReflectWords ran (reflectwords.go).
	reflectWords bool
	// stackWords: installStackWords ran (stackwords.go); errors get V8's
	// stack from then on.
	stackWords bool
	// ctorWords: installCtorWords ran (ctorwords.go).
	ctorWords bool
	// nativeWords: installNativeWords ran (nativewords.go).
	nativeWords bool
	// methodWordsInstalled: installMethodWords ran (methodwords.go).
	methodWordsInstalled bool
	// radixInstalled: installRadixText ran (radix.go).
	radixInstalled bool
	// bigNumbersInstalled: installBigNumbers ran (bignumber.go).
	bigNumbersInstalled bool
	// symbolMover moves built-ins' symbol keys (builtinorder.go), made on
	// first use.
	symbolMover goja.Callable
	// mutBuf is the scripts' buffer of first mutations (mutorder.go),
	// kept so a script that sets a variable allocates nothing for it.
	mutBuf []scopeMut
	// sugarNativesInstalled: installSugarNatives ran (sugarnatives.go).
	sugarNativesInstalled bool
	// zeroSearchInstalled: installZeroSearch ran (zerosearch.go).
	zeroSearchInstalled bool
	// detachedSliceHooked: refuseDetachedSlice ran (zerosearch.go).
	detachedSliceHooked bool
	// rabInstalled: installResizable ran; rabs are the resizable buffers
	// (resizable.go).
	rabInstalled bool
	rabs         resizables
	// typedArrayHooks: installTypedArrayHooks ran (allocguard.go).
	typedArrayHooks bool
	// stackPeek: courier, not the script, reads a stack (for a position):
	// V8's accessor does not keep the text it gives.
	stackPeek bool
	// ownDescriptor is goja's Object.getOwnPropertyDescriptor, kept when
	// installStackWords runs.
	ownDescriptor goja.Callable
	// sugar: the Sugar.js stand-ins installed, and whether Sugar ran
	// (sugar.go).
	sugar sugarState
	// idSource makes response ids (natives.go).
	idSource *mrand.ChaCha8
	// respLazy holds the response prototype's lazy accessors (natives.go).
	respLazy *[5][2]goja.Value
	// lastEval is the source the scripts last passed to a direct eval, to
	// word its SyntaxError as V8 does (catchfix.go).
	lastEval string
	// handlerWrap wraps the script's rejection handlers (wrapHandler).
	handlerWrap goja.Callable
	// globals is what the engine keeps of the globals scripts make
	// (globalwrites.go).
	globals globalsState
	// topThis are the sandbox's names as JS arrays, for the top-level
	// this of a pre-request [0] and a test script [1] (globalwrites.go).
	topThis [2]goja.Value
	// work is the Go work the running script started (pm.sendRequest,
	// pm.execution.runRequest, pm.vault), each on a goroutine of its own:
	// a script ends only when all of it has, so none outlives the script
	// (or the run) holding the Engine, nor touches the run's state after.
	work sync.WaitGroup
}

// execState is what natives need while one script runs.
type execState struct {
	x      *Exec
	res    *Result
	parent context.Context
	// ctx is the script's context for Go work it starts (pm.sendRequest),
	// made on first use: most scripts never need one.
	ctx    context.Context
	cancel context.CancelFunc
	// finish is set when the bootstrap's finish has work after the
	// script (pending tests, legacy tests, a request to write back).
	finish bool
	// undefined are the (scope, key) pairs the script set to undefined.
	undefined [][2]string
	// keyless names the scopes the script set a variable in without a key;
	// unsetKeyless those whose last such change was unset() with no key.
	keyless, unsetKeyless []string
	// rawKeys are the keys this script set as a number, boolean or null,
	// by scope and text (noteRawKey); lateUnsets the unsets of such keys
	// that take effect when the script ends.
	rawKeys    map[[2]string]string
	lateUnsets [][2]string
	// testAt maps a test's index to its place in res.Tests, once a test
	// settled out of order or appendTest added one; until then test i
	// stands at place i (testPlace).
	testAt map[int]int
	// testCalls is one past the highest pm.test number recorded: where the
	// legacy tests[...] results are numbered from.
	testCalls int
	// live holds the objects the script set in a scope, in the order set
	// (livevars.go).
	live      map[liveKey]liveVal
	liveOrder []liveKey
	// runRequests counts pm.execution.runRequest calls.
	runRequests int
	sends       int // pm.sendRequest calls so far (SendOrder)
	// synced are the scopes the script synced (syncfrom.go); syncing is
	// set while a sync writes.
	synced  []*syncedScope
	syncing bool
	// muts are the script's first changes to the scopes the runtime
	// takes back as mutations (mutorder.go).
	muts mutState
}

// context returns the script's context for Go work (pm.sendRequest,
// pm.vault): the run's, cancelled by the watchdog itself when it stops the
// script, so the script always learns of its timeout before any callback
// can (a deadline of its own would race the watchdog, and a script could
// catch the error and go on).
func (e *Engine) context(st *execState) context.Context {
	if st.ctx == nil {
		ctx, cancel := context.WithCancelCause(st.parent)
		st.ctx = ctx
		st.cancel = func() { cancel(context.Canceled) }
		e.watch.setWork(cancel)
	}
	return st.ctx
}

// NewEngine creates the JavaScript context for one run.
func NewEngine(opts Options) (*Engine, error) {
	rt := goja.New()
	rt.SetMaxCallStackSize(maxCallStack)
	if opts.Random != nil {
		rt.SetRandSource(opts.Random.Float64)
	}
	e := &Engine{opts: opts, rt: rt, modules: map[string]goja.Value{}, listen: map[string]goja.Value{}, fns: map[*compiled]goja.Value{}}
	e.loop = newEventLoop(rt)
	e.loop.endOnUncaught = opts.CurrentSandbox
	if opts.VirtualTime {
		e.loop.virtual = true
		e.loop.sync()
		rt.SetTimeSource(e.loop.dateNow)
	}
	e.watch.e = e
	e.loop.stopped = e.watch.stopped

	if err := e.installGlobals(); err != nil {
		return nil, err
	}
	e.hideGojaExtrasNow()
	e.addDisposeSymbols()
	e.installCatchHooks()
	e.installIterationHooks()
	// What does not need the bootstrap is built before waiting for its
	// compile, which a run starts meanwhile on another goroutine (Warm).
	natives := e.natives()
	prog, err := bootstrapProgram()
	if err != nil {
		return nil, fmt.Errorf("compiling sandbox bootstrap: %w", err)
	}
	fv, err := rt.RunProgram(prog)
	if err != nil {
		return nil, fmt.Errorf("running sandbox bootstrap: %w", err)
	}
	fn, ok := goja.AssertFunction(fv)
	if !ok {
		return nil, errors.New("sandbox bootstrap did not return a function")
	}
	apiV, err := fn(goja.Undefined(), natives, rt.GlobalObject())
	if err != nil {
		return nil, fmt.Errorf("initialising sandbox: %w", err)
	}
	apiO := apiV.ToObject(rt)
	e.api.run, _ = goja.AssertFunction(apiO.Get("run"))
	e.api.finish, _ = goja.AssertFunction(apiO.Get("finish"))
	e.api.keys, _ = goja.AssertFunction(apiO.Get("keys"))
	e.api.adoptSDK, _ = goja.AssertFunction(apiO.Get("adoptSDK"))
	e.api.shapeFunctions, _ = goja.AssertFunction(apiO.Get("shapeFunctions"))
	e.api.obj = apiO
	e.globals.names = globalNames(rt.GlobalObject())
	if e.api.run == nil || e.api.finish == nil || e.api.keys == nil || e.api.adoptSDK == nil || e.api.shapeFunctions == nil {
		return nil, errors.New("sandbox bootstrap is incomplete")
	}
	return e, nil
}

// Close releases the engine. Scripts cannot run afterwards.
func (e *Engine) Close() {
	e.closed = true
	e.loop.reset()
	e.watch.close()
}

// Run executes one script to completion: its code, then every timer,
// pending callback and promise it started.
func (e *Engine) Run(ctx context.Context, x *Exec) (res *Result) {
	res = &Result{}
	// A panic in a Go function a script called (ours or a library's) is
	// that script's error, never the end of the run. goja restores its own
	// stacks as the panic unwinds through it, so the engine stays usable.
	defer func() {
		if p := recover(); p != nil {
			res.Err = &ScriptError{Script: x.Name, Listen: x.Listen, Name: "Error",
				Msg: fmt.Sprintf("internal error in a native function: %v", p)}
		}
	}()
	c, err := e.compileToRun(ctx, x)
	if c == nil {
		res.Err = err
		return res
	}
	if len(e.globals.hidden) > 0 {
		c = e.hiddenVariant(c, x)
	}
	// A stack overflow in a generator may leave goja's stacks deeper than
	// they were (vmstacks.go).
	defer e.restoreStacks(e.stackDepths())
	st := &execState{x: x, res: res, parent: ctx}
	e.cur = st
	e.watch.start(ctx, e.opts.Timeout)
	e.loop.sync()
	defer e.endRun(st, c)
	e.scopeKeys(x)
	if c.globals.adds {
		e.snapGlobals(0)
	}

	v, err := e.startScript(x, c)
	// A timeout that stopped the script's synchronous part is worded
	// apart from one that stopped it waiting for its timers or requests.
	syncTimeout := errors.Is(e.watch.stopped(), ErrScriptTimeout)
	runErr := e.runToEnd(x, c, v, err)
	if falsyThrow(runErr) {
		// Both Postman sandboxes end the script without a failure when it
		// throws a falsy value (null, undefined, 0, '', false, NaN).
		runErr = nil
	}
	runErr = e.finishScript(st, runErr)
	if runErr != nil {
		res.Err = e.wordTimeout(e.wrapErr(x, runErr), syncTimeout)
	}
	for _, d := range e.loop.dropped {
		res.Dropped = append(res.Dropped, e.wrapErr(x, d))
	}
	e.loop.dropped = nil
	return res
}

// compileToRun compiles x's script and checks that it may run: a nil
// script comes with the reason it may not, or with no error when there is
// nothing to run.
func (e *Engine) compileToRun(ctx context.Context, x *Exec) (*compiled, error) {
	if e.closed {
		return nil, errors.New("scripting engine is closed")
	}
	if strings.TrimSpace(x.Source) == "" {
		return nil, nil
	}
	c := compileScript(x.Source, x.Listen)
	if c.err != nil {
		return nil, e.syntaxError(x, c)
	}
	if !e.opts.CurrentSandbox {
		if err := c.scopeClash(x); err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, &ScriptError{Script: x.Name, Listen: x.Listen, Msg: context.Cause(ctx).Error(), Err: context.Cause(ctx)}
	}
	return c, nil
}

// endRun undoes what Run set up for one script, however it ended: the
// watchdog, what the script left in the loop, its slots, its context.
func (e *Engine) endRun(st *execState, c *compiled) {
	e.watch.stop()
	e.loop.reset()
	e.clearSlots(c)
	if c.globals.adds {
		e.hideLateGlobals()
	}
	if st.cancel != nil {
		// Work still under way (the script stopped early: its timeout, an
		// error) is cancelled; it ends soon, and the script waits for it.
		st.cancel()
	}
	e.work.Wait()
	e.cur = nil
}

// startScript runs the script's synchronous part: its function (evaluated
// the first time this Engine runs it), called for x's listen.
func (e *Engine) startScript(x *Exec, c *compiled) (goja.Value, error) {
	lv, ok := e.listen[x.Listen]
	if !ok {
		lv = e.rt.ToValue(x.Listen)
		e.listen[x.Listen] = lv
	}
	fn, err := e.scriptFunc(c)
	if e.rxStatics != nil {
		// Each of Postman's script runs starts from its sandbox's own match.
		e.rxStatics.reset()
	}
	// A stop (the timeout, a cancellation) that landed in the engine's own
	// JavaScript before the script (the scope keys, a part, Sugar's stubs)
	// ended that call, and goja clears an interrupt when the outermost
	// call it ended returns: the script would then run with no interrupt
	// left, and the watchdog interrupts once, so a loop in it ran for ever
	// (a 300 ms timeout firing before the script, under load). One that
	// came before a part's install is returned by it (installWhole).
	if cause := e.watch.stopped(); cause != nil {
		// Taken here: what the engine runs after runs whole, as when goja
		// cleared the interrupt (a part's install delivers it again once
		// done, and one that came before may still be pending).
		e.rt.ClearInterrupt()
		return nil, cause
	}
	if err != nil {
		return nil, err
	}
	v, err := e.callScript(c, fn, lv, x)
	if c.globals.adds && e.opts.CurrentSandbox {
		// The newer runtime notes the globals after the promise jobs
		// of the synchronous part, which goja has run by now, also when
		// it threw.
		e.snapGlobals(1)
		e.globals.synced = true
	}
	return v, err
}

// finishScript runs the bootstrap's finish and settles what the script set
// in the scopes, once the script and its pending work are over; it returns
// the script's error: runErr, or when that is nil what failed while
// finishing.
func (e *Engine) finishScript(st *execState, runErr error) error {
	if st.res.SkipRequest {
		// Consumed or not, the skip's interrupt must not reach finish.
		e.rt.ClearInterrupt()
	}
	// finish collects legacy tests[...] and writes pm.request back even when
	// the script failed: tests recorded before the error are kept.
	if st.finish {
		if _, ferr := e.api.finish(goja.Undefined()); ferr != nil && runErr == nil {
			runErr = ferr
		}
	}
	if st.live != nil && e.watch.stopped() == nil {
		e.settleLive(st)
		// Settling runs the script's getters and toJSON: one stopped
		// there (a loop, the timeout) failed the script like any other
		// line of it would.
		if cause := e.watch.stopped(); cause != nil && runErr == nil {
			runErr = cause
		}
	}
	// A script stopped (timeout, cancellation, memory) keeps what it set
	// as stored at the time: settling runs its getters and toJSON again,
	// and the watchdog interrupts only once, so a getter that loops would
	// hold the run forever, deaf to --timeout-script and to SIGTERM.
	st.live, st.liveOrder = nil, nil
	if st.synced != nil {
		e.restoreSynced(st)
	}
	if e.opts.CurrentSandbox {
		e.settleUnsets(st)
	}
	e.settleMutOrder(st)
	e.settleUndefined(st)
	return runErr
}

// callScript calls the script's compiled function through the bootstrap's
// runner, telling it the listen and whether a response came (0: none, the
// pre-request; 1: a response; 2: the request failed).
func (e *Engine) callScript(c *compiled, fn, lv goja.Value, x *Exec) (goja.Value, error) {
	// 0: no response (pre-request), 1: a response, 2: the request failed;
	// plus 4 when the script may change pm, 8 when it may change pm's
	// shared members.
	resp := 0
	if x.Response != nil {
		resp = 1
		if x.Response.Failed {
			resp = 2
		}
	}
	if c.pmWrites {
		resp |= 4
	}
	if c.pmMemberWrites {
		resp |= 8
	}
	resp |= c.legacyScopes
	if c.globals.adds || c.globals.topThis {
		fn = e.globalsFunc(c, fn, x.Listen) // globalwrites.go
	}
	// The arguments go in a buffer the engine keeps: goja copies them onto
	// its stack, and a variadic call would allocate a slice every script.
	args := append(e.runArgs[:0], lv, e.rt.ToValue(resp), fn)
	if len(c.params) > 0 {
		args = append(args, e.paramNames(c))
	}
	v, err := e.api.run(goja.Undefined(), args...)
	clear(e.runArgs[:])
	return v, err
}

// runToEnd turns the outcome of the script's synchronous part (its value v
// and error err) into the script's error, after running what it left
// pending: timers, callbacks, promise jobs. Errors Postman drops go to
// e.loop.dropped.
func (e *Engine) runToEnd(x *Exec, c *compiled, v goja.Value, err error) error {
	e.loop.dropped = nil
	droppedEarly := e.dropEarlyRejection(x, c, v, err)
	switch {
	case skipped(err):
		return nil
	case err != nil && !(thrownByScript(err) && e.loop.busy() && !e.opts.CurrentSandbox):
		return err
	}
	if err != nil {
		// A script whose top level threw while timers or requests of its
		// own were pending goes on with them, and the error is dropped:
		// Newman's sandbox and Postman CLI's for JSON collections answer
		// so (with nothing pending, the error fails the script). The
		// newer one, CurrentSandbox, fails the script at once.
		e.loop.dropped = append(e.loop.dropped, err)
	}
	return e.runPending(x, c, v, droppedEarly)
}

// dropEarlyRejection drops the error of an async-wrapped script (it awaits
// somewhere) whose top level threw before its first await, when its timers
// or requests are pending: its promise is already rejected, and the same
// drop applies as to a script that throws synchronously. It reports whether
// it dropped one.
func (e *Engine) dropEarlyRejection(x *Exec, c *compiled, v goja.Value, err error) bool {
	if err != nil || !c.async || v == nil || !e.loop.busy() || e.opts.CurrentSandbox {
		return false
	}
	p := rejectedPromise(v)
	if p == nil {
		return false
	}
	e.loop.forget(p)
	e.loop.dropped = append(e.loop.dropped, e.jsError(x, p.Result(), nil))
	return true
}

// runPending runs the timers, callbacks and promise jobs the script left,
// then words what failed it: the loop's error, the rejection of an
// async-wrapped script's promise (unless dropped early), or a promise
// rejected with no handler.
func (e *Engine) runPending(x *Exec, c *compiled, v goja.Value, droppedEarly bool) error {
	runErr := e.loop.run()
	if skipped(runErr) {
		return nil
	}
	if ur, ok := asUnhandled(runErr); ok {
		return e.unhandledError(x, ur.reason)
	}
	if runErr == nil && c.async && v != nil && !droppedEarly {
		if p := rejectedPromise(v); p != nil {
			runErr = e.jsError(x, p.Result(), nil)
		}
	}
	if v, ok := e.loop.unhandled(); ok && runErr == nil {
		// Worded and placed as a thrown error is.
		se := e.jsError(x, v, nil)
		se.Msg = "Uncaught (in promise) " + se.Msg
		runErr = se
	}
	return runErr
}

// unhandledError words a rejection nobody handled as Node does when it
// ends the process on one: an Error as it is, any other reason wrapped in
// Node's UnhandledPromiseRejection, which names it as V8 prints a value
// without running its code.
func (e *Engine) unhandledError(x *Exec, reason goja.Value) *ScriptError {
	if o, ok := reason.(*goja.Object); ok {
		if ctor, ok := e.rt.Get("Error").(*goja.Object); ok && e.rt.InstanceOf(o, ctor) {
			return e.jsError(x, reason, nil)
		}
	}
	return &ScriptError{Script: x.Name, Listen: x.Listen, Name: "UnhandledPromiseRejection",
		Msg: "This error originated either by throwing inside of an async function without a catch block, or by rejecting a " +
			"promise which was not handled with .catch(). The promise rejected with the reason \"" + plainString(reason) + "\"."}
}

// plainString is V8's side-effect-free string of v: a primitive as
// String() gives it, a function its source, an object #<Class>.
func plainString(v goja.Value) string {
	o, ok := v.(*goja.Object)
	if !ok {
		if v == nil {
			return "undefined"
		}
		return v.String()
	}
	if _, fn := goja.AssertFunction(o); fn {
		return o.String()
	}
	name := "Object"
	if c, ok := o.Get("constructor").(*goja.Object); ok {
		if n := c.Get("name"); n != nil && n.String() != "" {
			name = n.String()
		}
	}
	return "#<" + name + ">"
}

// rejectedPromise is v's promise when v is a rejected one, else nil.
func rejectedPromise(v goja.Value) *goja.Promise {
	if p, ok := v.Export().(*goja.Promise); ok && p.State() == goja.PromiseStateRejected {
		return p
	}
	return nil
}

// falsyThrow reports whether err is a falsy value the script threw.
func falsyThrow(err error) bool {
	if err == nil {
		return false // before errors.As: its target escapes (an allocation per run)
	}
	var ex *goja.Exception
	if !errors.As(err, &ex) {
		return false
	}
	v := ex.Value()
	return v == nil || !v.ToBoolean()
}

// asUnhandled is errors.As for an unhandled rejection; without a call for
// no error, as errors.As's target escapes (an allocation every script).
func asUnhandled(err error) (unhandledRejection, bool) {
	if err == nil {
		return unhandledRejection{}, false
	}
	var ur unhandledRejection
	ok := errors.As(err, &ur)
	return ur, ok
}

// skipped reports whether err is the end of a script that skipped its
// request.
func skipped(err error) bool {
	if err == nil {
		return false // without errors.As, whose target escapes: twice a script
	}
	var ie *goja.InterruptedError
	return errors.As(err, &ie) && ie.Value() == errSkipRequest
}

// settleUndefined turns the environment, globals and collection variables
// the script set to undefined into null, as postman-runtime does when it
// carries the script's changes back as JSON: later scripts read null and
// {{name}} sends "null". Local variables (pm.variables) stay in the
// runtime and stay undefined.
func (e *Engine) settleUndefined(st *execState) {
	for _, name := range st.keyless {
		e.scope(name).SettleKeyless()
	}
	for _, name := range st.unsetKeyless {
		e.scope(name).DropKeyless()
	}
	for _, u := range st.lateUnsets {
		if u[0] != "local" || e.opts.CurrentSandbox {
			e.scope(u[0]).Unset(u[1])
		}
	}
	for _, ref := range st.undefined {
		// Postman CLI's newer sandbox (v12 runs) settles pm.variables
		// too: the test script reads null for what the pre-request set to
		// undefined, where Newman's keeps undefined.
		if ref[0] == "local" && !e.opts.CurrentSandbox {
			continue
		}
		sc := e.scope(ref[0])
		if sc == nil {
			continue
		}
		if v, ok := sc.Lookup(ref[1]); ok && v.Type == environments.TypeUndefined {
			sc.SetTyped(ref[1], "", environments.TypeNull)
		}
	}
}

// scriptFunc returns a compiled script's function, evaluating the program
// the first time this Engine runs it; the bootstrap's run calls it with the
// global object as this.
func (e *Engine) scriptFunc(c *compiled) (goja.Value, error) {
	if fn, ok := e.fns[c]; ok {
		return fn, nil
	}
	if err := e.installPartsFor(c); err != nil {
		return nil, err
	}
	e.installSugarFor(c.sugar)
	if c.builtinOrder {
		// After the parts and Sugar's stubs, which add keys to built-ins.
		e.orderBuiltins()
	}
	v, err := e.rt.RunProgram(c.prog)
	if err != nil {
		return nil, err
	}
	if c.sites != nil {
		if v, err = e.keepSlots(c, v); err != nil {
			return nil, err
		}
	}
	if _, ok := goja.AssertFunction(v); !ok {
		return nil, errors.New("compiled script is not a function")
	}
	e.fns[c] = v
	return v, nil
}

// installPartsFor installs the sandbox pieces made on first use that the
// compile found c needs and this Engine does not have yet, in the order of
// sandboxParts.
func (e *Engine) installPartsFor(c *compiled) error {
	for _, p := range sandboxParts {
		if !p.needed(c) || p.installed(e) {
			continue
		}
		if err := e.installWhole(p.install); err != nil {
			return err
		}
	}
	return nil
}

// installWhole runs install (a sandbox part's: JavaScript of the engine's
// own) with stops held back until it is over. Each install sets its flag
// first, and goja clears an interrupt when the outermost call it ended
// returns: a timeout or cancellation landing inside one left the part
// half made, and marked made, for the run's later scripts, and came out as
// "internal error in a native function" when it cut the part's program. A
// stop that came before is returned, the part left for a later script; one
// that comes during lands when the install is over.
func (e *Engine) installWhole(install func(*Engine) error) error {
	if err := e.watch.hold(); err != nil {
		return err
	}
	defer e.watch.release()
	return install(e)
}

// sandboxPart is one piece of the sandbox installed on first use: when a
// compiled script needs it and the Engine does not have it yet. Each
// install sets the flag installed reads.
type sandboxPart struct {
	needed    func(*compiled) bool
	installed func(*Engine) bool
	install   func(*Engine) error
}

// infallible wraps an install that cannot fail.
func infallible(f func(*Engine)) func(*Engine) error {
	return func(e *Engine) error { f(e); return nil }
}

// sandboxParts in installation order: dates come before js/parts/annexb.js
// (its setYear calls setFullYear).
var sandboxParts = []sandboxPart{
	{func(c *compiled) bool { return c.dates }, func(e *Engine) bool { return e.datesInstalled }, infallible((*Engine).installDates)},
	{func(c *compiled) bool { return c.gojaExtras }, func(e *Engine) bool { return e.gojaExtrasHidden }, infallible((*Engine).hideGojaExtrasLater)},
	{func(c *compiled) bool { return c.regExp }, func(e *Engine) bool { return e.regExpInstalled }, (*Engine).installRegExp},
	{func(c *compiled) bool { return c.iteratorExtras }, func(e *Engine) bool { return e.iteratorExtras }, infallible((*Engine).installIteratorExtras)},
	{func(c *compiled) bool { return c.weak }, func(e *Engine) bool { return e.weakInstalled }, infallible((*Engine).installWeakCollections)},
	{func(c *compiled) bool { return c.reflect }, func(e *Engine) bool { return e.reflectWords }, infallible((*Engine).installReflectWords)},
	{func(c *compiled) bool { return c.stack }, func(e *Engine) bool { return e.stackWords }, infallible((*Engine).installStackWords)},
	{func(c *compiled) bool { return c.ctors }, func(e *Engine) bool { return e.ctorWords }, infallible((*Engine).installCtorWords)},
	{func(c *compiled) bool { return c.natives }, func(e *Engine) bool { return e.nativeWords }, infallible((*Engine).installNativeWords)},
	{func(c *compiled) bool { return c.methodWords }, func(e *Engine) bool { return e.methodWordsInstalled }, infallible((*Engine).installMethodWords)},
	{func(c *compiled) bool { return c.radix }, func(e *Engine) bool { return e.radixInstalled }, infallible((*Engine).installRadixText)},
	{func(c *compiled) bool { return c.bigNumbers }, func(e *Engine) bool { return e.bigNumbersInstalled }, infallible((*Engine).installBigNumbers)},
	{func(c *compiled) bool { return c.sugarNatives }, func(e *Engine) bool { return e.sugarNativesInstalled }, infallible((*Engine).installSugarNatives)},
	{func(c *compiled) bool { return c.zeroSearch }, func(e *Engine) bool { return e.zeroSearchInstalled }, infallible((*Engine).installZeroSearch)},
	{func(c *compiled) bool { return c.boundText }, func(e *Engine) bool { return e.boundTextInstalled }, infallible((*Engine).installBoundText)},
	{func(c *compiled) bool { return c.sortCopy }, func(e *Engine) bool { return e.sortCopyInstalled }, infallible((*Engine).installSortCopy)},
	{func(c *compiled) bool { return c.resizable }, func(e *Engine) bool { return e.rabInstalled }, infallible((*Engine).installResizable)},
	{func(c *compiled) bool { return c.using }, func(e *Engine) bool { return e.usingInstalled }, (*Engine).installUsing},
	{func(c *compiled) bool { return c.imports }, func(e *Engine) bool { return e.importInstalled }, infallible((*Engine).installImport)},
	// Prototype shapes first: they list more functions for the shapes.
	{func(c *compiled) bool { return c.protoShapes }, func(e *Engine) bool { return e.protoShapesInstalled }, infallible((*Engine).installPrototypeShapes)},
	{func(c *compiled) bool { return c.fnShapes }, func(e *Engine) bool { return e.fnShapesInstalled }, infallible((*Engine).installFunctionShapes)},
	{func(c *compiled) bool { return c.regExpStatics }, func(e *Engine) bool { return e.rxStaticsInstalled }, infallible(func(e *Engine) {
		e.rxStaticsInstalled = true
		e.installRegExpStatics()
	})},
}

// paramNames is the JS array of a script's parameter names, made once per
// Engine.
func (e *Engine) paramNames(c *compiled) goja.Value {
	if v, ok := e.params[c]; ok {
		return v
	}
	names := c.params
	if e.opts.CurrentSandbox && len(c.declared) > 0 {
		// Postman CLI's newer runtime starts a declared sandbox name
		// undefined, as a plain var would (fresh-round8w-v3-vars.json):
		// global.undefined is what the bootstrap hands in for it.
		names = slices.Clone(names)
		for i, n := range names {
			if slices.Contains(c.declared, n) {
				names[i] = "undefined"
			}
		}
	}
	v := e.rt.ToValue(names)
	if e.params == nil {
		e.params = map[*compiled]goja.Value{}
	}
	e.params[c] = v
	return v
}

// ScriptError is a script that could not run to completion.
type ScriptError struct {
	Script string // Exec.Name
	Listen string // prerequest or test
	Line   int    // 1-based, in the user's script; 0 when unknown
	Column int
	Name   string // JS error name: SyntaxError, TypeError, Error...
	// Nameless says the script threw a value without a name (a string, a
	// number, an object without one): Newman's CLI prints its name as
	// "undefined" in the run's log and leaves it blank in the failures.
	Nameless bool
	Msg      string
	Err      error // underlying cause (timeout, memory limit), may be nil
	// Chai is, for a chai AssertionError the script let escape (thrown
	// outside pm.test), its toJSON(false) as JSON: name, message,
	// showDiff, actual, expected, operator, what Newman's sandbox sends
	// for it. CallColumn is then the column V8 gives the throw: where the
	// failing assertion's name starts (Column is the call's parenthesis).
	Chai       json.RawMessage
	CallColumn int
}

func (s *ScriptError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s script %q", s.Listen, s.Script)
	if s.Line > 0 {
		fmt.Fprintf(&b, " at %d:%d", s.Line, s.Column)
	}
	b.WriteString(": ")
	if s.Name != "" {
		b.WriteString(s.Name + ": ")
	}
	b.WriteString(s.Msg)
	return b.String()
}

func (s *ScriptError) Unwrap() error { return s.Err }

func (e *Engine) syntaxError(x *Exec, c *compiled) error {
	se := &ScriptError{Script: x.Name, Listen: x.Listen, Name: "SyntaxError", Msg: c.err.Error()}
	var cse *goja.CompilerSyntaxError
	if errors.As(c.err, &cse) {
		se.Msg = cse.Message
		if cse.File != nil {
			p := cse.File.Position(cse.Offset)
			se.Line, se.Column = userPos(p.Line, p.Column, c.async)
		} else if m := parserPos().FindStringSubmatch(cse.Message); m != nil {
			// The parser puts the position in the message instead.
			l, _ := strconv.Atoi(m[1])
			col, _ := strconv.Atoi(m[2])
			se.Line, se.Column = userPos(l, col, c.async)
			se.Msg = m[3]
		}
	}
	se.Msg = v8SyntaxMessage(se.Msg, x.Source, se.Line, se.Column)
	return se
}

// scopeClash is the SyntaxError Postman raises for a top-level let, const
// or class that redeclares a name of its sandbox scope.
func (c *compiled) scopeClash(x *Exec) error {
	for _, n := range c.lexical {
		if inSandboxScope(x.Listen, n.name) {
			se := &ScriptError{Script: x.Name, Listen: x.Listen, Name: "SyntaxError", Msg: "Identifier '" + n.name + "' has already been declared"}
			if c.file != nil {
				p := c.file.Position(int(n.idx) - c.file.Base())
				se.Line, se.Column = userPos(p.Line, p.Column, c.async)
			}
			return se
		}
	}
	return nil
}

var parserPos = lazyre.New(`^` + scriptFile + `: Line (\d+):(\d+) (.*)$`)

// userPos maps a position in the wrapped program back to the user's script.
func userPos(line, col int, async bool) (int, int) {
	if line == 1 {
		if async {
			col -= len(asyncPrefix)
		} else {
			col -= len(syncPrefix)
		}
		if col < 1 {
			col = 1
		}
	}
	return line, col
}

// wordTimeout words a script's timeout as the sandbox does: Newman's
// "sandbox: synchronous script execution timeout" when the script's own
// code ran past it, "sandbox: asynchronous script execution timeout" when
// its timers or requests kept it waiting; Postman's current sandbox
// answers the first "sandbox not responding" (fresh-round12n-b.json).
func (e *Engine) wordTimeout(err error, sync bool) error {
	var se *ScriptError
	if !errors.Is(err, ErrScriptTimeout) || !errors.As(err, &se) {
		return err
	}
	switch {
	case !sync:
		se.Msg = "sandbox: asynchronous script execution timeout"
	case e.opts.CurrentSandbox:
		se.Msg = "sandbox not responding"
	default:
		se.Msg = "sandbox: synchronous script execution timeout"
	}
	return se
}

func (e *Engine) wrapErr(x *Exec, err error) error {
	var se *ScriptError
	if errors.As(err, &se) {
		return se
	}
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		cause, _ := ie.Value().(error)
		if c := e.watch.stopped(); c != nil {
			cause = c
		}
		if cause == nil {
			cause = errors.New(fmt.Sprint(ie.Value()))
		}
		return &ScriptError{Script: x.Name, Listen: x.Listen, Msg: cause.Error(), Err: cause}
	}
	if errors.Is(err, ErrScriptTimeout) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return &ScriptError{Script: x.Name, Listen: x.Listen, Msg: err.Error(), Err: err}
	}
	var so *goja.StackOverflowError
	if errors.As(err, &so) {
		se := &ScriptError{Script: x.Name, Listen: x.Listen, Name: "RangeError", Msg: "Maximum call stack size exceeded"}
		for _, f := range so.Stack() {
			if f.SrcName() == scriptFile {
				p := f.Position()
				se.Line, se.Column = userPos(p.Line, p.Column, strings.Contains(x.Source, "await"))
				break
			}
		}
		return se
	}
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return e.jsError(x, ex.Value(), ex)
	}
	return &ScriptError{Script: x.Name, Listen: x.Listen, Msg: err.Error(), Err: err}
}

// jsError describes a thrown JS value, locating it in the user's script.
func (e *Engine) jsError(x *Exec, v goja.Value, ex *goja.Exception) *ScriptError {
	se := &ScriptError{Script: x.Name, Listen: x.Listen}
	se.Name, se.Msg = errorNameMessage(e.rt, v)
	se.Nameless = se.Name == ""
	var frames []goja.StackFrame
	if ex != nil {
		frames = ex.Stack()
	} else if o, ok := v.(*goja.Object); ok {
		// A rejected promise carries no goja.Exception; the Error object's
		// stack string still has the position.
		if s := o.Get("stack"); s != nil {
			se.Line, se.Column = stackPos(s.String(), strings.Contains(x.Source, "await"))
		}
	}
	for _, f := range frames {
		if f.SrcName() == scriptFile {
			p := f.Position()
			se.Line, se.Column = userPos(p.Line, p.Column, strings.Contains(x.Source, "await"))
			break
		}
	}
	first := 0
	for first < len(frames)-1 && frames[first].SrcName() == "<native>" {
		first++
	}
	if len(frames) > 0 && frames[first].SrcName() == evalFile && e.lastEval != "" {
		// Thrown by code the script ran through eval or new Function.
		p := frames[first].Position()
		if p.Line <= strings.Count(e.lastEval, "\n")+1 {
			se.Msg = v8Message(se.Name, se.Msg, e.lastEval, p.Line, p.Column, seenAt{})
			return se
		}
	}
	if len(frames) > 0 && se.Name == "TypeError" {
		p := frames[first].Position()
		if m, ok := libraryWords(se.Msg, frames[first].SrcName(), p.Line, p.Column); ok {
			se.Msg = m
			return se
		}
	}
	if se.Name == "SyntaxError" {
		// eval's, new Function's and RegExp's refusals, worded from the
		// code they refused.
		se.Msg = e.v8Syntax(se.Msg)
		return se
	}
	seen := seenAt{native: len(frames) > 0 && frames[0].SrcName() != scriptFile}
	if !seen.native {
		seen = e.seenAtRun(x, se.Line, se.Column)
	}
	se.Msg = v8Message(se.Name, se.Msg, x.Source, se.Line, se.Column, seen)
	e.chaiError(se, x, v)
	return se
}

// chaiError fills se's Chai and CallColumn when v is a chai AssertionError
// thrown from the user's script.
func (e *Engine) chaiError(se *ScriptError, x *Exec, v goja.Value) {
	if o, ok := v.(*goja.Object); ok && se.Name == "AssertionError" && se.Line > 0 {
		if se.Chai = e.chaiFields(o); se.Chai != nil {
			se.CallColumn = callColumn(x.Source, se.Line, se.Column)
		}
	}
}

// chaiFields is what chai's AssertionError#toJSON(false) gives for o, as
// JSON, when o's toJSON is chai's (the bootstrap's AssertionError's, which
// is chai's once chai is loaded); nil for any other value, so that no
// script's own toJSON runs here.
func (e *Engine) chaiFields(o *goja.Object) json.RawMessage {
	p := e.fastProtos
	if p == nil || p.assertionError == nil {
		return nil
	}
	ctor, ok := p.assertionError.(*goja.Object)
	if !ok {
		return nil
	}
	proto, ok := ctor.Get("prototype").(*goja.Object)
	if !ok {
		return nil
	}
	want, mine := proto.Get("toJSON"), o.Get("toJSON")
	fn, ok := goja.AssertFunction(mine)
	if !ok || want == nil || !mine.SameAs(want) {
		return nil
	}
	v, err := fn(o, e.rt.ToValue(false))
	if err != nil {
		return nil
	}
	out, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	b, err := out.MarshalJSON()
	if err != nil || len(b) < 2 || b[0] != '{' {
		return nil
	}
	return b
}

// callColumn is where V8 places a method call's throw: the start of the
// called member's name before the parenthesis at col ("equal" in
// pm.expect(x).to.equal(2)). col as it is when the line is not plain ASCII
// or col is no parenthesis.
func callColumn(src string, line, col int) int {
	lines := strings.Split(src, "\n")
	if line < 1 || line > len(lines) {
		return col
	}
	s := strings.TrimSuffix(lines[line-1], "\r")
	i := col - 1
	if i < 1 || i >= len(s) || s[i] != '(' || strings.IndexFunc(s, func(r rune) bool { return r >= 0x80 }) >= 0 {
		return col
	}
	j := i
	for j > 0 && (s[j-1] == ' ' || s[j-1] == '\t') {
		j--
	}
	k := j
	for k > 0 && isIdentByte(s[k-1]) {
		k--
	}
	if k == j {
		return col
	}
	return k + 1
}

// errorNameMessage splits a thrown value into Error name and message.
func errorNameMessage(rt *goja.Runtime, v goja.Value) (string, string) {
	if v == nil || goja.IsUndefined(v) {
		return "Error", "undefined"
	}
	// A thrown value that is not an Error keeps the name and message it
	// has of its own (an object's), else none: Newman 6.2.2 fails the
	// script with an empty message and no name.
	o, ok := v.(*goja.Object)
	if !ok {
		return "", ""
	}
	text := func(k string) string {
		if x := o.Get(k); x != nil && !goja.IsUndefined(x) {
			return x.String()
		}
		return ""
	}
	name, msg := text("name"), text("message")
	if name == "" && o.ClassName() == "Error" {
		name = "Error"
	}
	return name, msg
}

// execInfo is the plain data behind pm.info and pm.execution.location; the
// bootstrap asks for it on first use.
func (e *Engine) execInfo(x *Exec) goja.Value {
	rt := e.rt
	o := rt.NewObject()
	_ = o.Set("listen", x.Listen)
	_ = o.Set("eventName", x.Info.EventName)
	if x.Info.EventName == "" {
		_ = o.Set("eventName", x.Listen)
	}
	_ = o.Set("iteration", x.Info.Iteration)
	_ = o.Set("iterationCount", x.Info.IterationCount)
	_ = o.Set("requestName", x.Info.RequestName)
	_ = o.Set("requestId", x.Info.RequestID)
	loc := x.Info.Location
	if loc == nil {
		loc = []string{}
	}
	_ = o.Set("location", loc)
	cur := x.Info.Current
	if cur == "" && len(loc) > 0 {
		cur = loc[len(loc)-1]
	}
	_ = o.Set("current", cur)
	_ = o.Set("hasResponse", x.Response != nil)
	_ = o.Set("hasRequest", x.Request != nil)
	return o
}

// pmInfo is pm.info as Postman shows it: five read-only members that
// JSON.stringify and Object.keys do not list, made in one call.
func (e *Engine) pmInfo(x *Exec) goja.Value {
	rt := e.rt
	o := rt.NewObject()
	event := x.Info.EventName
	if event == "" {
		event = x.Listen
	}
	hidden := func(name string, v goja.Value) {
		_ = o.DefineDataProperty(name, v, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	}
	hidden("eventName", rt.ToValue(event))
	hidden("iteration", rt.ToValue(x.Info.Iteration))
	hidden("iterationCount", rt.ToValue(x.Info.IterationCount))
	if x.Info.RequestName != "" {
		hidden("requestName", rt.ToValue(x.Info.RequestName))
	} else {
		hidden("requestName", goja.Undefined()) // a nameless item's, as Newman's
	}
	hidden("requestId", rt.ToValue(x.Info.RequestID))
	return o
}

// ErrorName is the JavaScript error's name (TypeError...), for reporters.
func (s *ScriptError) ErrorName() string { return s.Name }

// ErrorMessage is the JavaScript error's message, without where it
// happened, as Newman reports it.
func (s *ScriptError) ErrorMessage() string { return s.Msg }

// scopeKeys keeps the scopes' own keys as Postman lists them for this
// script (the bootstrap's keys): a named environment or globals lists its
// name; every script after the run's first sees pm.variables rebuilt.
func (e *Engine) scopeKeys(x *Exec) {
	k := [3]bool{x.Info.EnvironmentName != "", x.Info.GlobalsName != "", e.ran}
	if k != e.keys {
		if _, err := e.api.keys(goja.Undefined(), e.rt.ToValue(k[0]), e.rt.ToValue(k[1]), e.rt.ToValue(k[2])); err == nil {
			e.keys = k
		}
	}
	e.ran = true
}
