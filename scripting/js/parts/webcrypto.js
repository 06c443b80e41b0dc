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
            throw wcErr('SyntaxError', 'Unsupported key usage for ' + (op === 'getPublicKey' ? 'a ' + name : USAGE_KEY_NAMES[name] || 'a ' + name) + ' key');
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
    }
    return undefined;
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
        var a = wcAlg(alg), u = WC_USAGES[a.name];
        needHash(a, 'HmacImportParams');
        if (!u) { throw wcErr('NotSupportedError', 'Unrecognized algorithm name'); }
        var type, material, ka;
        if (format === 'jwk') {
            var j = keyData || {};
            if (j.kty === 'oct') { format = 'raw'; keyData = fromB64url(j.k); } else {
                var r = host.wcFromJWK(JSON.stringify(j));
                format = r[1] ? 'pkcs8' : 'spki'; keyData = new Uint8Array(r[0]);
            }
        }
        if (format === 'raw') {
            if (u.length === 1) {
                type = 'secret'; material = wcBytes(keyData).slice();
                if (/^AES/.test(a.name) && [16, 24, 32].indexOf(material.length) < 0) { throw wcErr('DataError', 'Invalid key length'); }
                ka = a.name === 'HMAC' ? { name: 'HMAC', length: a.length || material.length * 8, hash: a.hash } : (/^AES/.test(a.name) ? { name: a.name, length: material.length * 8 } : { name: a.name });
            } else if (a.name === 'ECDSA' || a.name === 'ECDH' || a.name === 'Ed25519') {
                type = 'public'; material = new Uint8Array(host.wcECFromRaw(a.name === 'Ed25519' ? 'Ed25519' : a.namedCurve, wcBytes(keyData)));
                ka = a.name === 'Ed25519' ? { name: 'Ed25519' } : { name: a.name, namedCurve: a.namedCurve };
            } else { throw wcErr('NotSupportedError', 'Unable to import ' + a.name + ' key with format raw'); }
        } else if (format === 'spki' || format === 'pkcs8') {
            if (u.length === 1) { throw wcErr('NotSupportedError', 'Unable to import ' + a.name + ' key with format ' + format); }
            type = format === 'spki' ? 'public' : 'private'; material = wcBytes(keyData).slice();
            ka = asymAlgorithm(a, material, type === 'private');
        } else { throw new TypeError("Failed to execute 'importKey' on 'SubtleCrypto': The provided value '" + format + "' is not a valid enum value of type KeyFormat."); }
        var allowed = type === 'public' ? (u[1] || []) : u[0];
        usages = checkUsages(a.name, usages, allowed, 'importKey', '5th');
        if (usages.length === 0 && type !== 'public') { throw wcErr('SyntaxError', 'Usages cannot be empty when creating a key.'); }
        return makeKey(type, type === 'public' ? true : extractable, ka, usages, material);
    },
    exportKey: function (format, key) {
        var s = slot(key);
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
            return Object.assign(j, JSON.parse(host.wcToJWK(m, s.type === 'private')));
        }
        throw wcErr('InvalidAccessError', 'Unable to export a ' + s.type + ' ' + s.algorithm.name + ' key as ' + format);
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
        var ka = wcKeyFor('deriveBits', alg, key), s = ka[0], a = ka[1];
        var peer = a.name === 'ECDH' ? slot(a.public).material : new Uint8Array(0);
        if (length === undefined || length === null) { length = a.name === 'ECDH' ? s.algorithm.namedCurve === 'P-384' ? 384 : s.algorithm.namedCurve === 'P-521' ? 528 : 256 : 0; }
        return host.wcDerive(a.name, (a.hash && a.hash.name) || '', s.material, a.salt ? toBytes(a.salt) : new Uint8Array(0), a.info ? toBytes(a.info) : new Uint8Array(0), a.iterations || 0, length, peer);
    },
    deriveKey: function (alg, key, derived, extractable, usages) {
        var s = slot(key);
        if (s.usages.indexOf('deriveKey') < 0) { throw wcErr('InvalidAccessError', 'The requested operation is not valid for the provided key'); }
        var d = wcAlg(derived), len = d.length || (d.name === 'HMAC' ? wcHashBits(d.hash.name) : 0);
        var copy = makeKey(s.type, false, s.algorithm, ['deriveBits'], s.material);
        var bits = subtleOps.deriveBits(alg, copy, len);
        return subtleOps.importKey('raw', bits, d, extractable, usages);
    },
    // getPublicKey (Node 24) gives a private key's public key.
    getPublicKey: function (key, usages) {
        var s = slot(key);
        if (s.type !== 'private') { throw wcErr('InvalidAccessError', 'key must be a private key'); }
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
return subtleOps;
})
