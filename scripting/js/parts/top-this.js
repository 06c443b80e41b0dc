// A script's top-level this, as Postman's: uniscope calls the script's
// function on an object of its own holding the sandbox's names (their
// values when the script starts), so this.x = 1 makes no global and the
// next script gets a new one (fresh-round7r-a.json "top-level this"). The
// bootstrap builds it only for a script that reads this at its top level
// (globalwrites.go). A global still being made on first use (lodash,
// CryptoJS...) is read through on first use, then held as a value.
(function () {
'use strict';
function hold(p, n, v) {
    Object.defineProperty(p, n, { value: v, writable: true, enumerable: true, configurable: true });
}
return function (global, names) {
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
};
})
