// The chai-postman plugin: the Postman assertions chai gains when it is loaded (a
// part of the sandbox bootstrap, compiled on first use: see "Parts" in bootstrap.js).
(function (b) {
'use strict';
var host = b.host, isResponse = b.isResponse, isRequest = b.isRequest, lo = b.lo, deepEqual = b.deepEqual, jsonErr = b.jsonErr, STATUS_CLASSES = b.STATUS_CLASSES, STATUS_NAMED = b.STATUS_NAMED;
function chaiPostman(chai, utils) {
    var A = chai.Assertion;
    function mustResponse(a) { new A(a._obj).to.be.postmanResponse; }
    A.addProperty('postmanRequest', function () {
        this.assert(isRequest(this._obj), 'expecting a postman request object but got #{this}', 'not expecting a postman request object');
    });
    A.addProperty('postmanResponse', function () {
        this.assert(isResponse(this._obj), 'expecting a postman response object but got #{this}', 'not expecting a postman response object');
    });
    A.addProperty('postmanRequestOrResponse', function () {
        this.assert(isResponse(this._obj) || isRequest(this._obj), 'expecting a postman request or response object but got #{this}', 'not expecting a postman request or response object');
    });
    function classCheck(want) {
        mustResponse(this);
        hasCode(this);
        var cls = Math.floor(this._obj.code / 100);
        this.assert(cls === want, 'expected response code to be #{exp}XX but found #{act}', 'expected response code to not be #{exp}XX', want, this._obj.code);
    }
    A.addMethod('statusCodeClass', classCheck);
    Object.keys(STATUS_CLASSES).forEach(function (k) {
        A.addProperty(k, function () { classCheck.call(this, STATUS_CLASSES[k]); });
    });
    A.addProperty('error', function () {
        mustResponse(this);
        hasCode(this);
        var cls = Math.floor(this._obj.code / 100);
        this.assert(cls === 4 || cls === 5, 'expected response code to be 4XX or 5XX but found #{act}', 'expected response code to not be 4XX or 5XX', null, this._obj.code);
    });
    // hasCode fails like chai-postman's own property check on the response
    // of a failed request, which has no code: a fresh assertion, so .not
    // does not turn it around, naming Postman's response class and its five
    // own keys.
    function hasCode(a) {
        if (!('code' in a._obj)) { new A(a._obj).assert(false, "expected PostmanResponse{ …(5) } to have property 'code'", ''); }
    }
    // failure.go words the numeric status failure the same way without
    // loading chai; TestNativeFailuresMatchChai holds the two together.
    function codeCheck(code) {
        hasCode(this);
        this.assert(this._obj.code === Number(code), 'expected response to have status code #{exp} but got #{act}', 'expected response to not have status code #{act}', Number(code), this._obj.code);
    }
    function reasonCheck(reason) {
        this.assert(this._obj.reason() === reason, 'expected response to have status reason #{exp} but got #{act}', 'expected response to not have status reason #{act}', reason, this._obj.reason());
    }
    A.addMethod('statusCode', function (code) { mustResponse(this); codeCheck.call(this, code); });
    A.addMethod('statusReason', function (reason) { mustResponse(this); reasonCheck.call(this, String(reason)); });
    function namedCheck(want, code) {
        var got = String(this._obj.reason()).toUpperCase(), gotCode = Number(this._obj.details().code);
        this.assert(got === want, 'expected response to have status reason #{exp} but got #{act}', 'expected response to not have status reason #{act}', want, got);
        this.assert(gotCode === code, 'expected response to have status code #{exp} but got #{act}', 'expected response to not have status code #{act}', code, gotCode);
    }
    Object.keys(STATUS_NAMED).forEach(function (k) {
        A.addProperty(k, function () { mustResponse(this); namedCheck.call(this, STATUS_NAMED[k][1].toUpperCase(), STATUS_NAMED[k][0]); });
    });
    A.addProperty('ok', function () {
        if (!isResponse(this._obj)) {
            this.assert(utils.flag(this, 'object'), 'expected #{this} to be truthy', 'expected #{this} to be falsy');
            return;
        }
        namedCheck.call(this, 'OK', 200);
    });
    A.addMethod('status', function (s) {
        mustResponse(this);
        if (typeof s === 'number') { codeCheck.call(this, s); } else { reasonCheck.call(this, s); }
    });
    A.addMethod('header', function (key, value) {
        new A(this._obj).to.be.postmanRequestOrResponse;
        var kind = isRequest(this._obj) ? 'request' : 'response', has = this._obj.headers.has(key);
        this.assert(has, 'expected ' + kind + " to have header with key '" + String(key) + "'",
            'expected ' + kind + " to not have header with key '" + String(key) + "'", true, has);
        if (arguments.length > 1) {
            var got = this._obj.headers.one(key).value;
            this.assert(got === value, "expected '" + String(key) + "' " + kind + ' header to be #{exp} but got #{act}',
                "expected '" + String(key) + "' " + kind + ' header to not be #{act}', value, got);
        }
    });
    A.addProperty('withBody', function () {
        mustResponse(this);
        var t = this._obj.text();
        this.assert(typeof t === 'string' && t.length, 'expected response to have content in body', 'expected response to not have content in body');
    });
    A.addProperty('json', function () {
        mustResponse(this);
        var err;
        try { this._obj.json(); } catch (e) { err = jsonErr(e); }
        this.assert(!err, 'expected response body to be a valid json but got error ' + err, 'expected response body not to be a valid json');
    });
    A.addMethod('body', function (want) {
        mustResponse(this);
        var got;
        if (lo().isPlainObject(want)) {
            try { got = this._obj.json(); } catch (e) { /* compared as undefined */ }
            this.assert(deepEqual(got, want), 'expected response body json to equal #{exp} but got #{act}', 'expected response body json to not equal #{exp} but got #{act}', want, got);
            return;
        }
        got = this._obj.text();
        if (arguments.length === 0) {
            this.assert(typeof got === 'string' && got.length, 'expected response to have content in body', 'expected response to not have content in body');
        } else if (want instanceof RegExp) {
            this.assert(want.exec(got) !== null, 'expected response body text to match #{exp} but got #{act}', 'expected response body text #{act} to not match #{exp}', want, got);
        } else {
            this.assert(deepEqual(got, want), 'expected response body to equal #{exp} but got #{act}', 'expected response body to not equal #{exp}', want, got);
        }
    });
    A.addMethod('jsonBody', function (path, value) {
        mustResponse(this);
        var body, err;
        try { body = this._obj.json(); } catch (e) { err = jsonErr(e); }
        if (arguments.length === 0) {
            this.assert(!err, 'expected response body to be a valid json but got error ' + err, 'expected response body not to be a valid json');
            return;
        }
        // Only a path (string) is checked: chai-postman (Newman's and the
        // current sandbox's alike) asserts nothing for any other argument.
        if (typeof path === 'string') {
            this.assert(lo().has(body, path), 'expected #{act} in response to contain property #{exp}', 'expected #{act} in response to not contain property #{exp}', path, body);
            if (arguments.length > 1) {
                var got = lo().get(body, path);
                this.assert(deepEqual(got, value), 'expected response body json at "' + path + '" to contain #{exp} but got #{act}',
                    'expected response body json at "' + path + '" to not contain #{exp} but got #{act}', value, got);
            }
        }
    });
    A.addChainableMethod('responseTime', function (v) {
        var n = utils.flag(this, 'number');
        this.assert(typeof n === 'number', 'expected response to have a valid response time but got #{act}', 'expected response to not have a valid response time but got #{act}', null, n);
        if (arguments.length) {
            this.assert(deepEqual(n, v), 'expected response to have a valid response time but got #{act}', 'expected response to not have a valid response time but got #{act}', null, n);
        }
    }, function () {
        mustResponse(this);
        utils.flag(this, 'number', this._obj.responseTime);
        this._obj = this._obj.responseTime;
    });
    A.addChainableMethod('responseSize', function (v) {
        var n = utils.flag(this, 'number');
        this.assert(typeof n === 'number', 'expected response to have a valid response size but got #{act}', 'expected response to not have a valid response size but got #{act}', null, n);
        if (arguments.length) {
            this.assert(deepEqual(n, v), 'expected response size to equal #{act} but got #{exp}', 'expected response size to not equal #{act} but got #{exp}', v, n);
        }
    }, function () {
        mustResponse(this);
        var s = this._obj.size(), t = (s.header || 0) + (s.body || 0);
        utils.flag(this, 'number', t);
        this._obj = t;
    });
    A.addMethod('jsonSchema', function (schema, opts) {
        new A(schema).to.be.an('object');
        var Ajv = host.require('ajv');
        var ajv = new Ajv(Object.assign({ allErrors: true, logger: false }, opts));
        var data = (isResponse(this._obj) || isRequest(this._obj)) && typeof this._obj.json === 'function' ? this._obj.json() : this._obj;
        var valid = ajv.validate(schema, data);
        this.assert(valid && !ajv.errors, 'expected data to satisfy schema but found following errors: \n' + ajv.errorsText(),
            'expected data to not satisfy schema', true, valid);
    });
    // chai catches the function's error itself: the error is reworded as V8
    // words it (catchfix.go) before chai compares its message.
    ['throw', 'throws', 'Throw'].forEach(function (name) {
        A.overwriteMethod(name, function (_super) {
            return function () {
                var fn = utils.flag(this, 'object');
                if (typeof fn !== 'function') { return _super.apply(this, arguments); }
                var wrapped = function () {
                    try { return fn.apply(this, arguments); } catch (e) { __courierCaught(e); throw e; }
                };
                Object.defineProperty(wrapped, 'name', { value: fn.name });
                utils.flag(this, 'object', wrapped);
                try {
                    return _super.apply(this, arguments);
                } finally {
                    if (utils.flag(this, 'object') === wrapped) { utils.flag(this, 'object', fn); }
                }
            };
        });
    });
    // Postman CLI's newer sandbox (v12 runs) checks include and contain of a
    // string in an array or a string itself: the words name the method
    // used, deep is ignored, and only expect()'s message is kept (the
    // method's own is dropped). includes/contains stay chai's.
    if (host.currentSandbox) {
        ['include', 'contain'].forEach(function (name) {
            A.overwriteChainableMethod(name, function (_super) {
                return function (val) {
                    var obj = utils.flag(this, 'object');
                    if (typeof val !== 'string' || typeof obj !== 'string' && !Array.isArray(obj)) { return _super.apply(this, arguments); }
                    this.assert(obj.indexOf(val) !== -1, 'expected #{this} to ' + name + ' #{exp}', 'expected #{this} to not ' + name + ' #{exp}', val, obj);
                };
            }, function (_super) { return function () { return _super.call(this); }; });
        });
    }
}
return chaiPostman;
})
