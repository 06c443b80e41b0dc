// crypto.subtle's operations (WebCrypto) over the natives in webcrypto.go (a
// part of the sandbox bootstrap, compiled on first use: see "Parts" in
// bootstrap.js, which keeps CryptoKey, SubtleCrypto and the crypto object).
// Keys keep their material as bytes in a hidden slot: a secret's raw bytes,
// a private key's PKCS #8 DER, a public key's SPKI DER.
(function (b) {
'use strict';
var host = b.host, global = b.global, toBytes = b.toBytes, keySlot = b.keySlot, CryptoKey = b.CryptoKey, slot = b.slot,
    TextEncoder = b.TextEncoder, TextDecoder = b.TextDecoder;
var WC_NAMES = {};
['HMAC', 'AES-GCM', 'AES-CBC', 'AES-CTR', 'AES-KW', 'RSASSA-PKCS1-v1_5', 'RSA-PSS', 'RSA-OAEP', 'ECDSA', 'ECDH', 'PBKDF2', 'HKDF', 'Ed25519',
    'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'].forEach(function (n) { WC_NAMES[n.toUpperCase()] = n; });
// Usages each algorithm allows: [secret or private key's, public key's].
var WC_USAGES = {
    'HMAC': [['sign', 'verify']], 'AES-GCM': [['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']],
    'AES-CBC': [['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']], 'AES-CTR': [['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']],
    'AES-KW': [['wrapKey', 'unwrapKey']],
    'RSASSA-PKCS1-v1_5': [['sign'], ['verify']], 'RSA-PSS': [['sign'], ['verify']], 'RSA-OAEP': [['decrypt', 'unwrapKey'], ['encrypt', 'wrapKey']],
    'ECDSA': [['sign'], ['verify']], 'ECDH': [['deriveBits', 'deriveKey'], []], 'Ed25519': [['sign'], ['verify']],
    'PBKDF2': [['deriveBits', 'deriveKey']], 'HKDF': [['deriveBits', 'deriveKey']]
};
function algName(a) { return typeof a === 'string' ? a : (a && a.name) || ''; }
function wcErr(name, msg) { return new global.DOMException(msg, name); }
function wcAlg(a) {
    var o = typeof a === 'string' ? { name: a } : Object.assign({}, a);
    var n = WC_NAMES[String(o.name).toUpperCase()];
    if (!n) { throw wcErr('NotSupportedError', 'Unrecognized algorithm name'); }
    o.name = n;
    if (o.hash !== undefined) { o.hash = { name: wcAlg(o.hash).name }; }
    return o;
}
// needHash refuses an HMAC algorithm without its hash, in WebIDL's words.
function needHash(a, dict) {
    if (a.name === 'HMAC' && a.hash === undefined) {
        throw new TypeError("Failed to normalize algorithm: passed algorithm can not be converted to '" + dict + "' because 'hash' is required in '" + dict + "'.");
    }
}
function wcBytes(d) { return new Uint8Array(toBytes(d)); }
function makeKey(type, extractable, algorithm, usages, material) {
    var k = Object.create(CryptoKey.prototype);
    keySlot.set(k, { type: type, extractable: !!extractable, algorithm: algorithm, usages: usages, material: material });
    return k;
}
var KEY_USAGES = ['encrypt', 'decrypt', 'sign', 'verify', 'deriveKey', 'deriveBits', 'wrapKey', 'unwrapKey'];
// How Node words a usage the algorithm does not allow (its articles vary).
var USAGE_KEY_NAMES = { 'HMAC': 'an HMAC', 'AES-GCM': 'an AES', 'AES-CBC': 'an AES', 'AES-CTR': 'an AES', 'AES-KW': 'an AES', 'RSASSA-PKCS1-v1_5': 'a RSA',
    'RSA-PSS': 'a RSA', 'RSA-OAEP': 'a RSA', 'ECDSA': 'an ECDSA', 'ECDH': 'an ECDH', 'Ed25519': 'an Ed25519', 'PBKDF2': 'a PBKDF2', 'HKDF': 'a HKDF' };
// checkUsages checks usages (argument number argNo of op) against what
// the algorithm allows.
function checkUsages(name, usages, allowed, op, argNo) {
    usages = Array.prototype.slice.call(usages || []);
    usages.forEach(function (u, i) {
        if (KEY_USAGES.indexOf(u) < 0) {
            throw new TypeError("Failed to execute '" + op + "' on 'SubtleCrypto': " + argNo + ' argument[' + i + "] value '" + u + "' is not a valid enum value of type KeyUsage.");
        }
        if (allowed.indexOf(u) < 0) {
            throw wcErr('SyntaxError', 'Unsupported key usage for ' + (op === 'getPublicKey' ? 'a ' + name : op === 'importKey' ? importUsageName(name) : USAGE_KEY_NAMES[name] || 'a ' + name) + ' key');
        }
    });
    return usages;
}
function wcHashBits(h) { return h === 'SHA-384' || h === 'SHA-512' ? 1024 : 512; }
function jwkAlg(a, len) {
    switch (a.name) {
    case 'HMAC': return 'HS' + a.hash.name.replace('SHA-', '');
    case 'AES-GCM': case 'AES-CBC': case 'AES-CTR': return 'A' + len + a.name.slice(4);
    case 'AES-KW': return 'A' + len + 'KW';
    case 'RSASSA-PKCS1-v1_5': return 'RS' + a.hash.name.replace('SHA-', '');
    case 'RSA-PSS': return 'PS' + a.hash.name.replace('SHA-', '');
    case 'RSA-OAEP': return a.hash.name === 'SHA-1' ? 'RSA-OAEP' : 'RSA-OAEP-' + a.hash.name.replace('SHA-', '');
    case 'Ed25519': return 'Ed25519';
    }
    return undefined;
}
// Node writes an exported JWK's key fields in its own order, per key type.
var JWK_ORDER = { RSA: ['kty', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'], EC: ['kty', 'x', 'y', 'crv', 'd'], OKP: ['crv', 'd', 'x', 'kty'] };
function jwkOrdered(j, fields) {
    (JWK_ORDER[fields.kty] || Object.keys(fields)).forEach(function (k) { if (fields[k] !== undefined) { j[k] = fields[k]; } });
    return j;
}
function b64url(bytes) { return Buffer.from(bytes).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'); }
function fromB64url(s) { return new Uint8Array(Buffer.from(String(s).replace(/-/g, '+').replace(/_/g, '/'), 'base64')); }
// asymmetric describes an imported SPKI or PKCS #8 key's algorithm.
function asymAlgorithm(a, der, priv) {
    var info = host.wcKeyInfo(der, priv);
    var rsa = /^RSA/.test(a.name);
    if (rsa !== (info[0] === 'RSA') || (a.name === 'Ed25519') !== (info[0] === 'Ed25519')) { throw wcErr('DataError', 'Invalid key type'); }
    if (rsa) { return { name: a.name, modulusLength: info[1], publicExponent: new Uint8Array(info[2]), hash: a.hash }; }
    if (a.name === 'Ed25519') { return { name: 'Ed25519' }; }
    if (a.namedCurve && a.namedCurve !== info[1]) { throw wcErr('DataError', 'Named curve mismatch'); }
    return { name: a.name, namedCurve: info[1] };
}
function wcKeyFor(op, alg, key) {
    var s = slot(key), a = wcAlg(alg);
    if (s.algorithm.name !== a.name || s.usages.indexOf(op) < 0) {
        throw wcErr('InvalidAccessError', op === 'sign' || op === 'verify' ? 'Unable to use this key to ' + op : 'The requested operation is not valid for the provided key');
    }
    return [s, a];
}
// ---- WebIDL: the argument layer Node 24 puts before every operation ------
// Argument counts, conversions (BufferSource, CryptoKey, KeyFormat,
// sequence<KeyUsage>, JsonWebKey) and algorithm normalization with its
// dictionaries, each refusal in Node's words and with its code. The
// operations below then see converted arguments and normalized algorithms.
var SUBTLE = b.subtle;
function idlError(prefix, context, message, code) {
    var e = new TypeError((prefix ? prefix + ': ' : '') + (context ? context + ' ' : '') + message);
    e.code = code || 'ERR_INVALID_ARG_TYPE';
    return e;
}
function objTag(v) { return Object.prototype.toString.call(v); }
function isObj(v) { return v !== null && (typeof v === 'object' || typeof v === 'function'); }
function idlString(v, p, c) {
    if (typeof v === 'symbol') { throw idlError(p, c, 'is a Symbol and cannot be converted to a string.'); }
    return String(v);
}
function idlAlgId(v, p, c) { return isObj(v) ? v : idlString(v, p, c); }
function idlBuffer(v, p, c) {
    if (!ArrayBuffer.isView(v) && !(v instanceof ArrayBuffer) && objTag(v) !== '[object SharedArrayBuffer]') { throw idlError(p, c, 'is not instance of ArrayBuffer, Buffer, TypedArray, or DataView.'); }
    return v;
}
function idlKey(v, p, c) {
    if (!isObj(v) || !Object.prototype.isPrototypeOf.call(CryptoKey.prototype, v)) { throw idlError(p, c, 'is not of type CryptoKey.'); }
    return v;
}
function idlEnum(list, typeName) {
    return function (v, p, c) {
        var s = idlString(v, p, c);
        if (list.indexOf(s) < 0) { throw idlError(p, c, "value '" + s + "' is not a valid enum value of type " + typeName + '.', 'ERR_INVALID_ARG_VALUE'); }
        return s;
    };
}
var idlFormat = idlEnum(['raw', 'raw-public', 'raw-seed', 'raw-secret', 'raw-private', 'pkcs8', 'spki', 'jwk'], 'KeyFormat');
var idlUsage = idlEnum(['encrypt', 'decrypt', 'sign', 'verify', 'deriveKey', 'deriveBits', 'wrapKey', 'unwrapKey', 'encapsulateBits',
    'decapsulateBits', 'encapsulateKey', 'decapsulateKey'], 'KeyUsage');
function idlSequence(each) {
    return function (v, p, c) {
        var it = isObj(v) && typeof v[Symbol.iterator] === 'function' ? v[Symbol.iterator]() : undefined;
        if (it === undefined) { throw idlError(p, c, 'can not be converted to sequence.'); }
        var out = [];
        for (var r = it.next(); !r.done; r = it.next()) { out.push(each(r.value, p, c + '[' + out.length + ']')); }
        return out;
    };
}
var idlUsages = idlSequence(idlUsage);
function idlBool(v) { return !!v; }
// idlInt is WebIDL's unsigned integer of the given width; with enforce, a
// value outside it is refused rather than wrapped.
function idlInt(bits, enforce) {
    var top = Math.pow(2, bits) - 1;
    return function (v, p, c) {
        if (typeof v === 'bigint') { throw idlError(p, c, 'is a BigInt and cannot be converted to a number.'); }
        if (typeof v === 'symbol') { throw idlError(p, c, 'is a Symbol and cannot be converted to a number.'); }
        var x = Number(v);
        if (enforce) {
            if (!isFinite(x)) { throw idlError(p, c, 'is not a finite number.'); }
            x = Math.trunc(x);
            if (x < 0 || x > top) { throw idlError(p, c, 'is outside the expected range of 0 to ' + top + '.', 'ERR_OUT_OF_RANGE'); }
            return x;
        }
        if (!isFinite(x) || x === 0) { return 0; }
        x = Math.trunc(x);
        return x >= 0 && x <= top ? x : ((x % (top + 1)) + top + 1) % (top + 1);
    };
}
function idlUint8(v, p, c) {
    if (!(v instanceof Uint8Array)) { throw idlError(p, c, 'is not an Uint8Array object.'); }
    return v;
}
function onlySHA(label) {
    return function (v) {
        var n = typeof v === 'string' ? v : v && v.name;
        if (typeof n === 'string' && !/^sha/i.test(n)) { throw wcErr('NotSupportedError', 'Only SHA hashes are supported in ' + label); }
    };
}
function aesLength(v) { if (v !== 128 && v !== 192 && v !== 256) { throw wcErr('OperationError', 'AES key length must be 128, 192, or 256 bits'); } }
function exactBytes(name, n) { return function (v) { if (v.byteLength !== n) { throw wcErr('OperationError', name + ' must contain exactly ' + n + ' bytes'); } }; }
function macLength(label, zeroError) {
    return function (v) {
        if (v === 0) { throw wcErr(zeroError, label + ' cannot be 0'); }
        if (v % 8) { throw wcErr('NotSupportedError', 'Unsupported ' + label); }
    };
}
// Dictionary members: [key, converter, required, validator]; Node checks
// them in the order of their keys.
var NAME = ['name', idlString, true];
function hashMember(label) { return ['hash', idlAlgId, true, onlySHA(label)]; }
var DICTS = {
    Algorithm: [NAME],
    AesKeyGenParams: [['length', idlInt(16, true), true, aesLength], NAME],
    AesDerivedKeyParams: [['length', idlInt(16, true), true, aesLength], NAME],
    HmacKeyGenParams: [hashMember('HmacKeyGenParams'), ['length', idlInt(32, true), false, macLength('HmacKeyGenParams.length', 'OperationError')], NAME],
    HmacImportParams: [hashMember('HmacImportParams'), ['length', idlInt(32, true), false, macLength('HmacImportParams.length', 'DataError')], NAME],
    RsaHashedKeyGenParams: [hashMember('RsaHashedKeyGenParams'), ['modulusLength', idlInt(32, true), true], NAME, ['publicExponent', idlUint8, true]],
    RsaHashedImportParams: [hashMember('RsaHashedImportParams'), NAME],
    EcKeyGenParams: [NAME, ['namedCurve', idlString, true, namedCurve]],
    EcKeyImportParams: [NAME, ['namedCurve', idlString, true, namedCurve]],
    RsaPssParams: [NAME, ['saltLength', idlInt(32, true), true]],
    RsaOaepParams: [['label', idlBuffer], NAME],
    EcdsaParams: [hashMember('EcdsaParams'), NAME],
    HkdfParams: [hashMember('HkdfParams'), ['info', idlBuffer, true], NAME, ['salt', idlBuffer, true]],
    Pbkdf2Params: [hashMember('Pbkdf2Params'), ['iterations', idlInt(32, true), true, function (v) { if (v === 0) { throw wcErr('OperationError', 'iterations cannot be zero'); } }],
        NAME, ['salt', idlBuffer, true]],
    AesCbcParams: [['iv', idlBuffer, true, exactBytes('algorithm.iv', 16)], NAME],
    AeadParams: [['additionalData', idlBuffer], ['iv', idlBuffer, true], NAME, ['tagLength', idlInt(8, true), false, function (v, d) {
        if (String(d.name).toLowerCase() === 'aes-gcm' && [32, 64, 96, 104, 112, 120, 128].indexOf(v) < 0) { throw wcErr('OperationError', v + ' is not a valid AES-GCM tag length'); }
    }]],
    AesCtrParams: [['counter', idlBuffer, true, exactBytes('algorithm.counter', 16)], ['length', idlInt(8, true), true, function (v) {
        if (v === 0 || v > 128) { throw wcErr('OperationError', 'AES-CTR algorithm.length must be between 1 and 128'); }
    }], NAME],
    EcdhKeyDeriveParams: [NAME, ['public', idlKey, true, function (v, d) {
        if (v.type !== 'public') { throw wcErr('InvalidAccessError', 'algorithm.public must be a public key'); }
        if (String(v.algorithm.name).toLowerCase() !== String(d.name).toLowerCase()) { throw wcErr('InvalidAccessError', 'key algorithm mismatch'); }
    }]]
};
function namedCurve(v) { if (['P-256', 'P-384', 'P-521'].indexOf(v) < 0) { throw wcErr('NotSupportedError', 'Unrecognized namedCurve'); } }
var NORM = 'Failed to normalize algorithm', PASSED = 'passed algorithm';
function idlDict(v, name, p, c) {
    if (v !== undefined && v !== null && !isObj(v)) { throw idlError(p, c, 'can not be converted to a dictionary'); }
    var out = {};
    DICTS[name].forEach(function (m) {
        var x = isObj(v) ? v[m[0]] : undefined;
        if (x !== undefined) {
            out[m[0]] = m[1](x, p, "'" + m[0] + "' of '" + name + "'" + (c ? ' (' + c + ')' : ''));
            if (m[3]) { m[3](out[m[0]], v); }
        } else if (m[2]) {
            throw idlError(p, c, "can not be converted to '" + name + "' because '" + m[0] + "' is required in '" + name + "'.", 'ERR_MISSING_OPTION');
        }
    });
    return out;
}
// The algorithms courier has, and the dictionary each operation reads.
var AES = ['AES-CBC', 'AES-CTR', 'AES-GCM', 'AES-KW'], RSA = ['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'RSA-OAEP'];
function reg(pairs) { var o = {}; pairs.forEach(function (p) { [].concat(p[0]).forEach(function (n) { o[n] = p[1]; }); }); return o; }
var REGISTERED = {
    digest: reg([[['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'], null]]),
    generateKey: reg([[AES, 'AesKeyGenParams'], ['HMAC', 'HmacKeyGenParams'], [RSA, 'RsaHashedKeyGenParams'], [['ECDSA', 'ECDH'], 'EcKeyGenParams'], ['Ed25519', null]]),
    importKey: reg([[AES, null], ['HMAC', 'HmacImportParams'], [RSA, 'RsaHashedImportParams'], [['ECDSA', 'ECDH'], 'EcKeyImportParams'], [['Ed25519', 'PBKDF2', 'HKDF'], null]]),
    exportKey: reg([[AES.concat(RSA, ['HMAC', 'ECDSA', 'ECDH', 'Ed25519']), null]]),
    sign: reg([[['RSASSA-PKCS1-v1_5', 'Ed25519', 'HMAC'], null], ['RSA-PSS', 'RsaPssParams'], ['ECDSA', 'EcdsaParams']]),
    encrypt: reg([['AES-CBC', 'AesCbcParams'], ['AES-CTR', 'AesCtrParams'], ['AES-GCM', 'AeadParams'], ['RSA-OAEP', 'RsaOaepParams']]),
    deriveBits: reg([['ECDH', 'EcdhKeyDeriveParams'], ['HKDF', 'HkdfParams'], ['PBKDF2', 'Pbkdf2Params']]),
    'get key length': reg([[AES, 'AesDerivedKeyParams'], ['HMAC', 'HmacImportParams'], [['HKDF', 'PBKDF2'], null]]),
    wrapKey: reg([['AES-KW', null]])
};
REGISTERED.verify = REGISTERED.sign; REGISTERED.decrypt = REGISTERED.encrypt; REGISTERED.unwrapKey = REGISTERED.wrapKey;
// normalize is WebCrypto's "normalize an algorithm" as Node does it.
function normalize(alg, op) {
    if (typeof alg === 'string') { return normalize({ name: alg }, op); }
    var name = idlDict(alg, 'Algorithm', NORM, PASSED).name, table = REGISTERED[op], dict;
    Object.keys(table).forEach(function (k) { if (k.toUpperCase() === name.toUpperCase()) { name = k; dict = table[k]; } });
    if (dict === undefined) { throw wcErr('NotSupportedError', 'Unrecognized algorithm name'); }
    if (dict === null) { return { name: name }; }
    var out = idlDict(alg, dict, NORM, PASSED);
    out.name = name;
    Object.keys(out).forEach(function (k) {
        if (k === 'hash') { out.hash = normalize(out.hash, 'digest'); } else if (k !== 'public' && (ArrayBuffer.isView(out[k]) || out[k] instanceof ArrayBuffer || objTag(out[k]) === '[object SharedArrayBuffer]')) { out[k] = wcBytes(out[k]).slice(); }
    });
    return out;
}
function idlJwk(v, p, c) {
    if (v !== undefined && v !== null && !isObj(v)) { throw idlError(p, c, 'can not be converted to a dictionary'); }
    var out = {};
    ['crv', 'd', 'dp', 'dq', 'e', 'k', 'kty', 'n', 'p', 'q', 'qi', 'use', 'x', 'y', 'alg', 'ext', 'key_ops'].forEach(function (k) {
        var x = isObj(v) ? v[k] : undefined;
        if (x === undefined) { return; }
        var ctx = "'" + k + "' of 'JsonWebKey' (" + c + ')';
        out[k] = k === 'ext' ? !!x : k === 'key_ops' ? idlSequence(idlString)(x, p, ctx) : idlString(x, p, ctx);
    });
    return out;
}
var ORDINALS = ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th'];
// ARGS: each operation's required count and its arguments' converters.
var ARGS = {
    digest: [2, [idlAlgId, idlBuffer]], generateKey: [3, [idlAlgId, idlBool, idlUsages]],
    deriveBits: [2, [idlAlgId, idlKey, function (v, p, c) { return v === null || v === undefined ? null : idlInt(32, false)(v, p, c); }]],
    deriveKey: [5, [idlAlgId, idlKey, idlAlgId, idlBool, idlUsages]], exportKey: [2, [idlFormat, idlKey]],
    importKey: [4, [idlFormat, null, idlAlgId, idlBool, idlUsages]], wrapKey: [4, [idlFormat, idlKey, idlKey, idlAlgId]],
    unwrapKey: [7, [idlFormat, idlBuffer, idlKey, idlAlgId, idlAlgId, idlBool, idlUsages]],
    sign: [3, [idlAlgId, idlKey, idlBuffer]], verify: [4, [idlAlgId, idlKey, idlBuffer, idlBuffer]],
    encrypt: [3, [idlAlgId, idlKey, idlBuffer]], decrypt: [3, [idlAlgId, idlKey, idlBuffer]], getPublicKey: [2, [idlKey, idlUsages]]
};
function webIDL(op, self, args) {
    if (self !== SUBTLE) { var e = new TypeError('Value of "this" must be of type SubtleCrypto'); e.code = 'ERR_INVALID_THIS'; throw e; }
    var p = "Failed to execute '" + op + "' on 'SubtleCrypto'", spec = ARGS[op];
    if (args.length < spec[0]) { throw idlError(p, '', spec[0] + ' arguments required, but only ' + args.length + ' present.', 'ERR_MISSING_ARGS'); }
    var out = Array.prototype.slice.call(args);
    spec[1].forEach(function (conv, i) {
        if (conv === null) { conv = out[0] === 'jwk' ? idlJwk : idlBuffer; }
        out[i] = conv(out[i], p, ORDINALS[i] + ' argument');
    });
    return out;
}

// Node words a refused usage at import with other articles than at
// generation ("for HMAC key", "for a ECDSA key", "for an RSA-PSS key").
function importUsageName(n) {
    return n === 'HMAC' ? 'HMAC' : /^AES/.test(n) ? 'an AES' : /^RSA/.test(n) ? 'an ' + n : 'a ' + n;
}
// keyOps checks a JWK's key_ops against the usages asked for.
function keyOps(ops, usages) {
    if (ops === undefined) { return; }
    var seen = {};
    ops.forEach(function (op) {
        if (KEY_USAGES.indexOf(op) < 0) { return; }
        if (seen[op]) { throw wcErr('DataError', 'Duplicate key operation'); }
        seen[op] = true;
    });
    usages.forEach(function (u) { if (ops.indexOf(u) < 0) { throw wcErr('DataError', 'Key operations and usage mismatch'); } });
}
// jwkCommon is what Node checks of every JWK before reading its key.
function jwkCommon(j, kty, use, usages, extractable) {
    if (!j.kty) { throw wcErr('DataError', 'Invalid keyData'); }
    if (j.kty !== kty) { throw wcErr('DataError', 'Invalid JWK "kty" Parameter'); }
    if (usages.length > 0 && j.use !== undefined && j.use !== use) { throw wcErr('DataError', 'Invalid JWK "use" Parameter'); }
    keyOps(j.key_ops, usages);
    if (j.ext === false && extractable === true) { throw wcErr('DataError', 'JWK "ext" Parameter and extractable mismatch'); }
}
// secretMaterial reads an HMAC or AES key's bytes (raw or an oct JWK) with
// Node's checks, in Node's order.
function secretMaterial(format, keyData, a, usages, extractable) {
    var hmac = a.name === 'HMAC', j = keyData;
    if (format !== 'jwk') { return wcBytes(keyData).slice(); }
    jwkCommon(j, 'oct', hmac ? 'sig' : 'enc', usages, extractable);
    if (hmac && j.alg !== undefined && j.alg !== 'HS' + a.hash.name.replace('SHA-', '')) { throw wcErr('DataError', 'JWK "alg" does not match the requested algorithm'); }
    if (j.k === undefined) { throw wcErr('DataError', 'Invalid keyData'); }
    var m = fromB64url(j.k);
    if (!hmac) {
        if ([16, 24, 32].indexOf(m.length) < 0) { throw wcErr('DataError', 'Invalid key length'); }
        if (j.alg !== undefined && j.alg !== 'A' + m.length * 8 + a.name.slice(4)) { throw wcErr('DataError', 'JWK "alg" does not match the requested algorithm'); }
    }
    return m;
}
var subtleOps = {
    digest: function (alg, data) {
        // Node refuses text for the data (toBytes would take it).
        if (typeof data === 'string') { throw new TypeError("Failed to execute 'digest' on 'SubtleCrypto': 2nd argument is not instance of ArrayBuffer, Buffer, TypedArray, or DataView."); }
        return host.digest(wcAlg(alg).name, toBytes(data));
    },
    generateKey: function (alg, extractable, usages) {
        var a = wcAlg(alg), u = WC_USAGES[a.name];
        needHash(a, 'HmacKeyGenParams');
        if (!u || a.name === 'PBKDF2' || a.name === 'HKDF') { throw wcErr('NotSupportedError', 'Unrecognized algorithm name'); }
        usages = checkUsages(a.name, usages, u[0].concat(u[1] || []), 'generateKey', '3rd');
        if (usages.length === 0) { throw wcErr('SyntaxError', 'Usages cannot be empty when creating a key.'); }
        if (u.length === 1) {
            var bits = a.name === 'HMAC' ? (a.length || wcHashBits(a.hash.name)) : a.length;
            if (a.name !== 'HMAC' && [128, 192, 256].indexOf(bits) < 0) { throw wcErr('OperationError', 'AES key length must be 128, 192 or 256 bits'); }
            var alg2 = a.name === 'HMAC' ? { name: 'HMAC', length: bits, hash: a.hash } : { name: a.name, length: bits };
            return makeKey('secret', extractable, alg2, usages, new Uint8Array(host.wcGenerate('secret', '', bits)[0]));
        }
        var kind = /^RSA/.test(a.name) ? 'RSA' : (a.name === 'Ed25519' ? 'Ed25519' : 'EC');
        var pair = host.wcGenerate(kind, a.namedCurve || '', a.modulusLength || 0);
        var ka = kind === 'RSA' ? { name: a.name, modulusLength: a.modulusLength, publicExponent: new Uint8Array(toBytes(a.publicExponent || [1, 0, 1])), hash: a.hash } :
            (kind === 'EC' ? { name: a.name, namedCurve: a.namedCurve } : { name: a.name });
        return {
            publicKey: makeKey('public', true, ka, usages.filter(function (x) { return u[1].indexOf(x) >= 0; }), new Uint8Array(pair[1])),
            privateKey: makeKey('private', extractable, ka, usages.filter(function (x) { return u[0].indexOf(x) >= 0; }), new Uint8Array(pair[0]))
        };
    },
    importKey: function (format, keyData, alg, extractable, usages) {
        var a = wcAlg(alg), u = WC_USAGES[a.name], name = a.name, type, material, ka;
        if (!u) { throw wcErr('NotSupportedError', 'Unrecognized algorithm name'); }
        var unable = function () { return wcErr('NotSupportedError', 'Unable to import ' + name + ' using ' + format + ' format'); };
        if (format === 'raw-secret') { format = u.length === 1 ? 'raw' : format; } else if (format === 'raw-public' && u.length === 2) { format = 'raw'; }
        if (u.length === 1) {
            type = 'secret';
            if ((name === 'PBKDF2' || name === 'HKDF') && extractable) { throw wcErr('SyntaxError', name + ' keys are not extractable'); }
            checkUsages(name, usages, u[0], 'importKey', '5th');
            if (format !== 'raw' && (format !== 'jwk' || name === 'PBKDF2' || name === 'HKDF')) { throw unable(); }
            if (name === 'PBKDF2' || name === 'HKDF') {
                material = wcBytes(keyData).slice(); ka = { name: name };
            } else {
                material = secretMaterial(format, keyData, a, usages, extractable);
                var bits = material.length * 8;
                if (name === 'HMAC') {
                    if (bits === 0) { throw wcErr('DataError', 'Zero-length key is not supported'); }
                    if (a.length !== undefined && a.length !== bits) { throw wcErr('DataError', 'Invalid key length'); }
                    ka = { name: 'HMAC', length: bits, hash: a.hash };
                } else {
                    if ([128, 192, 256].indexOf(bits) < 0) { throw wcErr('DataError', 'Invalid key length'); }
                    ka = { name: name, length: bits };
                }
            }
        } else {
            if (format === 'jwk') {
                var j = keyData || {}, kty = /^RSA/.test(name) ? 'RSA' : name === 'Ed25519' ? 'OKP' : 'EC';
                var pub = j.d === undefined;
                if (j.kty) { checkUsages(name, usages, pub ? (u[1] || []) : u[0], 'importKey', '5th'); }
                jwkCommon(j, kty, name === 'RSA-OAEP' || name === 'ECDH' ? 'enc' : 'sig', usages, extractable);
                var r = host.wcFromJWK(JSON.stringify(j));
                format = r[1] ? 'pkcs8' : 'spki'; keyData = new Uint8Array(r[0]);
            }
            if (format === 'raw') {
                if (!(name === 'ECDSA' || name === 'ECDH' || name === 'Ed25519')) { throw unable(); }
                type = 'public';
                checkUsages(name, usages, u[1] || [], 'importKey', '5th');
                material = new Uint8Array(host.wcECFromRaw(name === 'Ed25519' ? 'Ed25519' : a.namedCurve, wcBytes(keyData)));
                ka = name === 'Ed25519' ? { name: 'Ed25519' } : { name: name, namedCurve: a.namedCurve };
            } else if (format === 'spki' || format === 'pkcs8') {
                type = format === 'spki' ? 'public' : 'private';
                checkUsages(name, usages, type === 'public' ? (u[1] || []) : u[0], 'importKey', '5th');
                material = wcBytes(keyData).slice();
                ka = asymAlgorithm(a, material, type === 'private');
            } else { throw unable(); }
        }
        if (usages.length === 0 && type !== 'public') { throw wcErr('SyntaxError', 'Usages cannot be empty when importing a ' + type + ' key.'); }
        return makeKey(type, type === 'public' ? true : extractable, ka, usages, material);
    },
    exportKey: function (format, key) {
        var s = slot(key), given = format;
        if (s.algorithm.name === 'PBKDF2' || s.algorithm.name === 'HKDF') { throw wcErr('NotSupportedError', s.algorithm.name + ' key export is not supported'); }
        if ((format === 'raw-secret' && s.type === 'secret') || (format === 'raw-public' && s.type === 'public')) { format = 'raw'; }
        if (!s.extractable) { throw wcErr('InvalidAccessException', 'key is not extractable'); }
        var m = s.material;
        switch (format) {
        case 'raw':
            if (s.type === 'secret') { return m.slice().buffer; }
            if (s.type === 'public' && !/^RSA/.test(s.algorithm.name)) { return host.wcECRaw(m); }
            break;
        case 'spki': if (s.type === 'public') { return m.slice().buffer; } break;
        case 'pkcs8': if (s.type === 'private') { return m.slice().buffer; } break;
        case 'jwk':
            var j = { key_ops: s.usages.slice(), ext: s.extractable };
            var alg = jwkAlg(s.algorithm, s.type === 'secret' ? m.length * 8 : 0);
            if (alg) { j.alg = alg; }
            if (s.type === 'secret') { j.kty = 'oct'; j.k = b64url(m); return j; }
            return jwkOrdered(j, JSON.parse(host.wcToJWK(m, s.type === 'private')));
        }
        throw wcErr('NotSupportedError', 'Unable to export ' + s.algorithm.name + ' ' + s.type + ' key using ' + given + ' format');
    },
    sign: function (alg, key, data) {
        var ka = wcKeyFor('sign', alg, key), s = ka[0], a = ka[1];
        var hash = a.name === 'ECDSA' ? (a.hash && a.hash.name) : (s.algorithm.hash && s.algorithm.hash.name);
        return host.wcSign(a.name, hash || '', s.material, toBytes(data), a.saltLength || 0);
    },
    verify: function (alg, key, sig, data) {
        var ka = wcKeyFor('verify', alg, key), s = ka[0], a = ka[1];
        var hash = a.name === 'ECDSA' ? (a.hash && a.hash.name) : (s.algorithm.hash && s.algorithm.hash.name);
        return host.wcVerify(a.name, hash || '', s.material, toBytes(sig), toBytes(data), a.saltLength || 0);
    },
    encrypt: function (alg, key, data) { return wcCipher(false, 'encrypt', alg, key, data); },
    decrypt: function (alg, key, data) { return wcCipher(true, 'decrypt', alg, key, data); },
    deriveBits: function (alg, key, length) {
        var s = slot(key), a = wcAlg(alg);
        if (s.usages.indexOf('deriveBits') < 0) { throw wcErr('InvalidAccessError', 'baseKey does not have deriveBits usage'); }
        if (s.algorithm.name !== a.name) { throw wcErr('InvalidAccessError', 'Key algorithm mismatch'); }
        if (a.name !== 'ECDH' && (length === null || length === undefined)) { throw wcErr('OperationError', 'length cannot be null'); }
        if (a.name !== 'ECDH' && length % 8) { throw wcErr('OperationError', 'length must be a multiple of 8'); }
        if (a.name !== 'ECDH' && length === 0) { return new ArrayBuffer(0); }
        if (a.name === 'ECDH') {
            var ps = slot(a.public);
            if (ps.algorithm.namedCurve !== s.algorithm.namedCurve) { throw wcErr('InvalidAccessError', 'Named curve mismatch'); }
            var full = s.algorithm.namedCurve === 'P-384' ? 384 : s.algorithm.namedCurve === 'P-521' ? 528 : 256;
            if (length !== null && length !== undefined && Math.ceil(length / 8) * 8 > full) { throw wcErr('OperationError', 'derived bit length is too small'); }
        }
        var peer = a.name === 'ECDH' ? slot(a.public).material : new Uint8Array(0);
        if (length === undefined || length === null) { length = a.name === 'ECDH' ? s.algorithm.namedCurve === 'P-384' ? 384 : s.algorithm.namedCurve === 'P-521' ? 528 : 256 : 0; }
        return host.wcDerive(a.name, (a.hash && a.hash.name) || '', s.material, a.salt ? toBytes(a.salt) : new Uint8Array(0), a.info ? toBytes(a.info) : new Uint8Array(0), a.iterations || 0, length, peer);
    },
    // len is the derived key's length in bits (null for HKDF and PBKDF2
    // keys), worked out by the argument layer.
    deriveKey: function (alg, key, derived, extractable, usages, len) {
        var s = slot(key);
        if (s.usages.indexOf('deriveKey') < 0) { throw wcErr('InvalidAccessError', 'baseKey does not have deriveKey usage'); }
        if (s.algorithm.name !== wcAlg(alg).name) { throw wcErr('InvalidAccessError', 'Key algorithm mismatch'); }
        var d = wcAlg(derived);
        var copy = makeKey(s.type, false, s.algorithm, ['deriveBits'], s.material);
        var bits = subtleOps.deriveBits(alg, copy, len);
        return subtleOps.importKey('raw', bits, d, extractable, usages);
    },
    // getPublicKey (Node 24) gives a private key's public key.
    getPublicKey: function (key, usages) {
        var s = slot(key);
        if (s.type !== 'private') { throw wcErr(s.type === 'secret' ? 'NotSupportedError' : 'InvalidAccessError', 'key must be a private key'); }
        var u = WC_USAGES[s.algorithm.name];
        usages = checkUsages(s.algorithm.name, usages, (u && u[1]) || [], 'getPublicKey', '2nd');
        return makeKey('public', true, s.algorithm, usages, new Uint8Array(host.wcPublicOf(s.material)));
    },
    wrapKey: function (format, key, wrappingKey, alg) {
        var out = subtleOps.exportKey(format, key);
        var bytes = format === 'jwk' ? new TextEncoder().encode(JSON.stringify(out)) : out;
        return wcCipher(false, 'wrapKey', alg, wrappingKey, bytes);
    },
    unwrapKey: function (format, wrapped, unwrappingKey, alg, keyAlg, extractable, usages) {
        var bytes = wcCipher(true, 'unwrapKey', alg, unwrappingKey, wrapped);
        var data = format === 'jwk' ? JSON.parse(new TextDecoder().decode(bytes)) : bytes;
        return subtleOps.importKey(format, data, keyAlg, extractable, usages);
    }
};
function wcCipher(decrypt, op, alg, key, data) {
    // AES-KW only wraps keys: Node does not know it as a cipher.
    if ((op === 'encrypt' || op === 'decrypt') && wcAlg(alg).name === 'AES-KW') { throw wcErr('NotSupportedError', 'Unrecognized algorithm name'); }
    var ka = wcKeyFor(op, alg, key), s = ka[0], a = ka[1];
    var iv = a.iv || a.counter;
    if (a.name !== 'RSA-OAEP' && a.name !== 'AES-KW' && iv === undefined) { throw new TypeError('The "algorithm.iv" property must be an instance of ArrayBuffer, TypedArray, or DataView.'); }
    return host.wcCipher(decrypt, a.name, s.material, toBytes(data), iv ? toBytes(iv) : new Uint8Array(0),
        a.additionalData ? toBytes(a.additionalData) : new Uint8Array(0), a.tagLength || 0,
        (s.algorithm.hash && s.algorithm.hash.name) || '', a.label ? toBytes(a.label) : new Uint8Array(0));
}
// The operations as scripts call them: the argument layer first, then the
// algorithms normalized for the operation, as Node orders its checks.
var checked = {
    digest: function (alg, data) { return subtleOps.digest(normalize(alg, 'digest'), data); },
    generateKey: function (alg, ext, usages) { return subtleOps.generateKey(normalize(alg, 'generateKey'), ext, usages); },
    deriveBits: function (alg, key, length) { return subtleOps.deriveBits(normalize(alg, 'deriveBits'), key, length); },
    deriveKey: function (alg, key, derived, ext, usages) {
        var a = normalize(alg, 'deriveBits'), d = normalize(derived, 'importKey'), s = slot(key);
        if (s.usages.indexOf('deriveKey') < 0) { throw wcErr('InvalidAccessError', 'baseKey does not have deriveKey usage'); }
        if (s.algorithm.name !== a.name) { throw wcErr('InvalidAccessError', 'Key algorithm mismatch'); }
        var l = normalize(derived, 'get key length');
        var len = /^AES/.test(l.name) ? l.length : l.name === 'HMAC' ? (l.length === undefined ? wcHashBits(l.hash.name) : l.length) : null;
        return subtleOps.deriveKey(a, key, d, ext, usages, len);
    },
    exportKey: function (format, key) { return subtleOps.exportKey(format, key); },
    importKey: function (format, data, alg, ext, usages) { return subtleOps.importKey(format, data, normalize(alg, 'importKey'), ext, usages); },
    wrapKey: function (format, key, wrappingKey, alg) {
        var a;
        try { a = normalize(alg, 'wrapKey'); } catch (e) { a = normalize(alg, 'encrypt'); }
        return subtleOps.wrapKey(format, key, wrappingKey, a);
    },
    unwrapKey: function (format, wrapped, unwrappingKey, alg, keyAlg, ext, usages) {
        var a;
        try { a = normalize(alg, 'unwrapKey'); } catch (e) { a = normalize(alg, 'decrypt'); }
        return subtleOps.unwrapKey(format, wrapped, unwrappingKey, a, normalize(keyAlg, 'importKey'), ext, usages);
    },
    sign: function (alg, key, data) { return subtleOps.sign(normalize(alg, 'sign'), key, data); },
    verify: function (alg, key, sig, data) { return subtleOps.verify(normalize(alg, 'verify'), key, sig, data); },
    encrypt: function (alg, key, data) { return subtleOps.encrypt(normalize(alg, 'encrypt'), key, data); },
    decrypt: function (alg, key, data) { return subtleOps.decrypt(normalize(alg, 'decrypt'), key, data); },
    getPublicKey: function (key, usages) { return subtleOps.getPublicKey(key, usages); }
};
var ops = {};
Object.keys(checked).forEach(function (op) {
    ops[op] = function () { return checked[op].apply(null, webIDL(op, this, arguments)); };
});
return ops;
})
