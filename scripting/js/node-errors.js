// Node's internal errors (ERR_*) for the sandbox's globals written in
// JavaScript (URL, the web classes, the newer built-ins): Node's words and
// the code beside them, in one place. Evaluated once per engine, on first use.
(function () {
'use strict';
function nodeError(C, message, code) { var e = new C(message); e.code = code; return e; }
// received words an argument's value as Node's ERR_INVALID_ARG_TYPE does.
function received(v) {
    if (v === null || v === undefined) { return String(v); }
    if (typeof v === 'function') { return 'function ' + v.name; }
    if (typeof v === 'object') { return v.constructor && 'name' in v.constructor ? 'an instance of ' + v.constructor.name : String(v); }
    if (typeof v === 'string') { var t = v.length > 28 ? v.slice(0, 25) + '...' : v; return 'type string (' + (t.indexOf("'") < 0 ? "'" + t + "'" : JSON.stringify(t)) + ')'; }
    return 'type ' + typeof v + ' (' + (typeof v === 'bigint' ? v + 'n' : Object.is(v, -0) ? '-0' : String(v)) + ')';
}
return {
    nodeError: nodeError,
    received: received,
    missingArg: function (name) { return nodeError(TypeError, 'The "' + name + '" argument must be specified', 'ERR_MISSING_ARGS'); },
    // A name with a dot is a property in Node's words ("The "a.b" property").
    argType: function (name, what, v) {
        return nodeError(TypeError, 'The "' + name + '" ' + (name.indexOf('.') < 0 ? 'argument' : 'property') + ' must be ' + what + '. Received ' + received(v), 'ERR_INVALID_ARG_TYPE');
    },
    invalidThis: function (type) { return nodeError(TypeError, 'Value of "this" must be of type ' + type, 'ERR_INVALID_THIS'); },
    // WebIDL's words for too few arguments ("Failed to execute 'f' on 'C': ...").
    fewArgs: function (prefix, required, given) {
        return nodeError(TypeError, prefix + ': ' + required + ' argument' + (required === 1 ? '' : 's') + ' required, but only ' + given + ' present.', 'ERR_MISSING_ARGS');
    }
};
})
