package runner

import "github.com/courier-run/courier/environments"

// runtimeRules lists the ways Postman's two runtimes differ in what a run
// sends and what its scripts see, one field per difference. A run follows
// one set, chosen once from the collection's format (rulesFor): JSON
// collections run as Newman 6.2.2 (and Postman CLI's own JSON runs) run
// them, the zero value; v12 directories as Postman CLI 1.34 runs them, on
// its newer runtime (PostmanRuntime/1.3.0). Each was probed with Postman
// CLI (runner/testdata/postman-parity/fresh-round6p-v3-*.json and
// fresh-round7p-*.json); docs/v3-collections.md lists them.
type runtimeRules struct {
	// currentSandbox runs scripts in Postman's current sandbox
	// (scripting.Options.CurrentSandbox).
	currentSandbox bool
	// hookEventNames gives pm.info.eventName as the files name the hook
	// (beforeRequest, http:afterResponse) instead of prerequest/test.
	hookEventNames bool
	// keepNullsUnresolved leaves a variable whose value is null or
	// undefined as {{name}} in the request (JSON runs send "null").
	keepNullsUnresolved bool
	// sendBodyOnEveryMethod sends a GET's (HEAD's...) body: the request's
	// protocolProfileBehavior starts with disableBodyPruning on.
	sendBodyOnEveryMethod bool
	// typeForEmptyRawBody sends a raw body's Content-Type even when the
	// body is empty.
	typeForEmptyRawBody bool
	// lengthOnEveryRequest sends Content-Length: 0 on every request without
	// a body, GET and DELETE included (Node sends it only for methods that
	// may carry one).
	lengthOnEveryRequest bool
	// emptyBearer sends "Authorization: Bearer " for bearer auth without a
	// token (JSON runs send no header).
	emptyBearer bool
	// userAgent, when set, is the User-Agent sent unless --user-agent says
	// otherwise.
	userAgent string
	// nodeResponseHeaders shows scripts the response headers as Node's
	// message.headers (lower case, repeats joined) instead of the wire's
	// rows.
	nodeResponseHeaders bool
	// showURLAsSent has the reports show a request's URL as it went out,
	// percent-encoded, also when it failed.
	showURLAsSent bool
	// quietUnsendable: a pm.sendRequest that cannot start (no URL, a
	// protocol other than http and https) calls back with the error's words
	// and is not one of the run's failed requests; the newer runtime words
	// a URL with no parts `Invalid URI "http:///"`.
	quietUnsendable bool
	// urlAsResolved shows test scripts the request's URL as resolved,
	// not percent-encoded ("a b", "é", a path variable's value kept),
	// where postman-runtime 7 shows the URL as it went out.
	urlAsResolved bool
	// newerHeaders sends header names in lower case, each of the request's
	// rows as its own field, in the newer runtime's order, and lists them
	// for scripts runtime headers first (newerheaders.go).
	newerHeaders bool
	// scriptsSeeFileURL shows test scripts the URL and the body the file
	// gives the request (resolved), whatever a pre-request script changed:
	// the request goes with the changed ones.
	scriptsSeeFileURL bool
	// bareSendRequest sends a pm.sendRequest without the auth its request
	// object gives and with a raw body's language ignored (text/plain); a
	// header value that is not a string refuses the request ("Invalid
	// input for model").
	bareSendRequest bool
	// endItemOnError ends an item whose pre-request script threw before its
	// request goes, and runs no test script after a request that failed
	// (connection refused, too many redirects). Postman CLI's cli report
	// then counts the script's error twice; courier counts it once.
	endItemOnError bool
	// scriptsSeeOwnAuth shows test scripts only an auth the request gives
	// itself: pm.request.auth is undefined for an auth inherited from a
	// folder or the collection, and for noauth.
	scriptsSeeOwnAuth bool
	// newerRequestShape shows pm.request as the newer runtime builds it
	// (scripting.Options.NewerRequestShape): an own noauth is undefined in
	// pre-request scripts too, path variables have no description.
	newerRequestShape bool
	// undiciFormData writes form-data bodies as undici's FormData does
	// (boundary ----formdata-undici-0 and 11 digits, a file part typed
	// application/octet-stream unless its row says otherwise).
	undiciFormData bool
	// failUnreadableUpload fails a request whose body file or form-data
	// file is missing, a directory or unreadable, with Node's error
	// (ENOENT...), instead of sending it without the file.
	failUnreadableUpload bool
	// wholeSegmentPathVars sends a ":name" path segment's variable by the
	// whole segment's name (":id.json" is id.json) and leaves a disabled
	// one out (wholeSegmentPathVariables).
	wholeSegmentPathVars bool
	// ownRowsBeatAuth leaves a header a basic, bearer, API key or JWT auth
	// would set alone when the request has an enabled row of that name,
	// in any case: the row goes, not the auth's (keepOwnRows).
	ownRowsBeatAuth bool
}

// rulesFor is the runtime a collection of the given format runs on.
func rulesFor(format string) runtimeRules {
	if format != "v3" {
		return runtimeRules{}
	}
	return runtimeRules{
		currentSandbox:        true,
		hookEventNames:        true,
		keepNullsUnresolved:   true,
		sendBodyOnEveryMethod: true,
		typeForEmptyRawBody:   true,
		lengthOnEveryRequest:  true,
		emptyBearer:           true,
		userAgent:             NewerRuntimeUserAgent,
		nodeResponseHeaders:   true,
		showURLAsSent:         true,
		quietUnsendable:       true,
		urlAsResolved:         true,
		newerHeaders:          true,
		scriptsSeeFileURL:     true,
		bareSendRequest:       true,
		endItemOnError:        true,
		scriptsSeeOwnAuth:     true,
		newerRequestShape:     true,
		undiciFormData:        true,
		failUnreadableUpload:  true,
		wholeSegmentPathVars:  true,
		ownRowsBeatAuth:       true,
	}
}

// defaultBehavior is the protocolProfileBehavior a request starts from
// before its collection's, folders' and own settings apply.
func (rt runtimeRules) defaultBehavior() behavior {
	b := behavior{}
	if rt.sendBodyOnEveryMethod {
		b["disableBodyPruning"] = true
	}
	return b
}

// resolver is a resolver over the run's scopes that follows the run's
// runtime in what it does with null values; the caller adds secrets.
func (r *Runner) resolver() environments.Resolver {
	return environments.Resolver{Scopes: r.scopes, NullUnresolved: r.rules.keepNullsUnresolved}
}
