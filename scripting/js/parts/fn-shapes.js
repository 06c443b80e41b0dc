// The own members of the sandbox bundle's functions, which are not strict:
// length, name, arguments and caller (null), prototype (an object whose
// constructor is the function), then what the function carries (pm.test's
// skip and index, pm.expect's fail), as V8 lists them. The bootstrap's
// methods (bundled in js/bootstrap.js) get them when a script could first
// see them (mayMeetFunctionShapes in fnshapes.go): made for every engine
// they cost start-up allocations most runs never use. b.fns lists the
// functions.
(function (b) {
'use strict';
var defProp = Object.defineProperty, getDesc = Object.getOwnPropertyDescriptor;
return function () {
    b.fns.forEach(function (f) {
        // What follows name is taken off and put back after the new
        // members, so they stand where V8 has them.
        // A prototype the function was given (pm's constructor's) stays.
        var rest = Object.getOwnPropertyNames(f).filter(function (k) { return k !== 'length' && k !== 'name'; }), saved = {}, p;
        rest.forEach(function (k) { saved[k] = getDesc(f, k); delete f[k]; });
        defProp(f, 'arguments', { value: null });
        defProp(f, 'caller', { value: null });
        if (saved.prototype) {
            p = saved.prototype.value;
            rest.splice(rest.indexOf('prototype'), 1);
        } else {
            p = {};
            defProp(p, 'constructor', { value: f, writable: true, configurable: true, enumerable: false });
        }
        defProp(f, 'prototype', { value: p, writable: true });
        rest.forEach(function (k) { defProp(f, k, saved[k]); });
    });
    b.fns.length = 0;
};
})
