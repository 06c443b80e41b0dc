// Injected into bundles that reference a free `crypto` (postman-collection's
// uuid v4 generator calls crypto.getRandomValues). goja has no Web Crypto, so
// fall back to Math.random: these values name things, they don't protect them.
var host = typeof globalThis !== 'undefined' ? globalThis.crypto : undefined;
export var crypto = host && typeof host.getRandomValues === 'function' ? host : {
    getRandomValues: function (arr) {
        for (var i = 0; i < arr.length; i++) {
            arr[i] = Math.random() * 256 | 0;
        }
        return arr;
    }
};
