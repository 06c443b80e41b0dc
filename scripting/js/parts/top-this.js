// What a script that may add globals or reads its top-level this is called
// through (globalwrites.go), made once per engine and script: the bootstrap's
// run calls the wrapper as it calls any script.
//
// The top-level this is Postman's: uniscope calls the script's function on
// an object of its own holding the sandbox's names (their values when the
// script starts), so this.x = 1 makes no global and the next script gets a
// new one (fresh-round7r-a.json "top-level this"). A global still being made
// on first use (lodash, CryptoJS...) is read through on first use, then held
// as a value. syncEnd, when given, is told when the script's synchronous
// part returns, before its promise jobs.
(function () {
'use strict';
function hold(p, n, v) {
    Object.defineProperty(p, n, { value: v, writable: true, enumerable: true, configurable: true });
}
function topThis(global, names) {
    var p = {};
    names.forEach(function (n) {
        var d = Object.getOwnPropertyDescriptor(global, n);
        if (d && d.get) {
            Object.defineProperty(p, n, {
                get: function () { var v = global[n]; hold(p, n, v); return v; },
                set: function (v) { hold(p, n, v); },
                enumerable: true, configurable: true
            });
            return;
        }
        p[n] = d ? d.value : undefined;
    });
    return p;
}
return function (global, fn, names, syncEnd) {
    return function () {
        var r = fn.apply(names ? topThis(global, names) : global, arguments);
        if (syncEnd) { syncEnd(); }
        return r;
    };
};
})
