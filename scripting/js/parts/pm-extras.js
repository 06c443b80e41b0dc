// pm's members few scripts call, compiled on first use: pm.visualizer.set's
// checks and pm.execution.runRequest. b carries the bootstrap's native and
// response.
(function (b) {
'use strict';
var native = b.native;
// set refuses what the sandbox refuses, in its words.
function visualizerCheck(what, v, want) {
    if (want === 'string' ? typeof v !== want : v && typeof v !== want) {
        throw new Error('Invalid ' + what + '. ' + what[0].toUpperCase() + what.slice(1) + ' must be ' + (want === 'string' ? 'of type string' : 'an object') + ', found ' + typeof v);
    }
}
return {
    visualizerSet: function (tpl, data, options) {
        visualizerCheck('template', tpl, 'string');
        visualizerCheck('data', data, 'object');
        visualizerCheck('options', options, 'object');
        native.visualizerSet(tpl, data === undefined ? '' : JSON.stringify(data));
    },
    // Runs a request of the collection being run (by id, Postman's
    // request UID, or name) with its scripts; resolves its response, or
    // null when its pre-request script skipped it.
    runRequest: function (ref, opts) {
        return new Promise(function (resolve, reject) {
            if (!ref) { reject(new Error('runRequest: collection request id not provided')); return; }
            var vars = [], given = opts && opts.variables;
            if (given && typeof given === 'object') {
                Object.keys(given).forEach(function (k) { vars.push(k, given[k] === undefined || given[k] === null ? '' : String(given[k])); });
            }
            native.runRequest(String(ref), vars, function (err, data) {
                if (err !== null) { reject(new Error(err)); } else if (data === null) { resolve(null); } else { resolve(b.response(data)); }
            });
        });
    }
};
})
