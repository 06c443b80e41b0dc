// What scripts with `using` declarations call once rewritten (using.go):
// __courierUsing keeps a value with its Symbol.dispose method in the
// block's stack, __courierDispose calls them in reverse order when the
// block is left, wrapping each error after the first in a SuppressedError
// as V8 does; the Async forms serve `await using`. Installed into an
// engine when one of its scripts has such a declaration. Postman CLI 1.34's
// sandbox has no SuppressedError global, so none is defined here either.
(function (b) {
'use strict';
var global = b.global;
function hidden(o, name, v) { Object.defineProperty(o, name, { value: v, writable: true, enumerable: false, configurable: true }); }
class SuppressedError extends Error {
    constructor(error, suppressed, message) {
        super(message);
        hidden(this, 'error', error);
        hidden(this, 'suppressed', suppressed);
    }
}
hidden(SuppressedError.prototype, 'name', 'SuppressedError');
var suppressedWords = 'An error was suppressed during disposal';
function isObject(v) { return v !== null && (typeof v === 'object' || typeof v === 'function'); }
function method(v, async) {
    var m = async ? v[Symbol.asyncDispose] : undefined, sync = false;
    if (m === undefined || m === null) {
        m = v[Symbol.dispose];
        sync = async;
    }
    if (typeof m !== 'function') { throw new TypeError('Symbol(Symbol.dispose) is not a function'); }
    return sync ? function () { m.call(this); } : m;
}
hidden(global, '__courierUsing', function (stack, v) {
    if (v === null || v === undefined) { return v; }
    if (!isObject(v)) { throw new TypeError('An object is expected with `using` declarations'); }
    stack.push(v, method(v, false));
    return v;
});
hidden(global, '__courierUsingAsync', function (stack, v) {
    if (v === null || v === undefined) { stack.push(v, null); return v; }
    if (!isObject(v)) { throw new TypeError('An object is expected with `using` declarations'); }
    stack.push(v, method(v, true));
    return v;
});
// The block's error, if it threw, is stack.e (stack.t says it did).
hidden(global, '__courierDispose', function (stack) {
    var err = stack.e, has = stack.t === true;
    for (var i = stack.length - 2; i >= 0; i -= 2) {
        try { stack[i + 1].call(stack[i]); } catch (e) {
            err = has ? new SuppressedError(e, err, suppressedWords) : e;
            has = true;
        }
    }
    if (has) { throw err; }
});
hidden(global, '__courierDisposeAsync', async function (stack) {
    var err = stack.e, has = stack.t === true;
    for (var i = stack.length - 2; i >= 0; i -= 2) {
        try {
            var m = stack[i + 1];
            await (m === null ? undefined : m.call(stack[i]));
        } catch (e) {
            err = has ? new SuppressedError(e, err, suppressedWords) : e;
            has = true;
        }
    }
    if (has) { throw err; }
});
})
