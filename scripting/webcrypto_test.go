package scripting

import (
	"context"
	"strings"
	"testing"
)

// webCryptoProbe exercises crypto.subtle: fixed inputs give fixed outputs
// (HMAC, AES, PBKDF2, HKDF), generated keys are checked by round trips.
const webCryptoProbe = `function out(v) { pm.test(JSON.stringify(v), function () {}); }
const s = crypto.subtle, enc = new TextEncoder();
const hex = b => Array.from(new Uint8Array(b)).map(x => x.toString(16).padStart(2, '0')).join('');
await (async () => {
  const steps = {
    keys: () => Object.getOwnPropertyNames(Object.getPrototypeOf(s)).slice(0, 13).join(),
    hmacGen: async () => { const k = await s.generateKey({name: 'HMAC', hash: 'SHA-256'}, true, ['sign', 'verify']); return [k.type, k.extractable, k.algorithm.name, k.algorithm.hash.name, k.algorithm.length, k.usages.join(), (await s.exportKey('raw', k)).byteLength, Object.keys(await s.exportKey('jwk', k)).sort().join()]; },
    hmacImport: async () => { const k = await s.importKey('raw', enc.encode('key'), {name: 'HMAC', hash: 'SHA-256'}, false, ['sign']); return hex(await s.sign('HMAC', k, enc.encode('msg'))); },
    aesGcm: async () => { const k = await s.importKey('raw', new Uint8Array(16).fill(1), 'AES-GCM', true, ['encrypt', 'decrypt']); const iv = new Uint8Array(12).fill(2); const ct = await s.encrypt({name: 'AES-GCM', iv}, k, enc.encode('hello')); const pt = await s.decrypt({name: 'AES-GCM', iv}, k, ct); return [hex(ct), new TextDecoder().decode(pt), k.algorithm.length]; },
    aesGcmAad: async () => { const k = await s.importKey('raw', new Uint8Array(32).fill(1), {name: 'AES-GCM'}, true, ['encrypt']); const ct = await s.encrypt({name: 'AES-GCM', iv: new Uint8Array(12), additionalData: enc.encode('aad'), tagLength: 96}, k, enc.encode('hi')); return hex(ct); },
    aesCbc: async () => { const k = await s.importKey('raw', new Uint8Array(16).fill(3), {name: 'AES-CBC'}, true, ['encrypt', 'decrypt']); const iv = new Uint8Array(16).fill(4); const ct = await s.encrypt({name: 'AES-CBC', iv}, k, enc.encode('hello world')); return [hex(ct), new TextDecoder().decode(await s.decrypt({name: 'AES-CBC', iv}, k, ct))]; },
    aesGen: async () => { const k = await s.generateKey({name: 'AES-GCM', length: 256}, true, ['encrypt']); return [k.algorithm.name, k.algorithm.length, (await s.exportKey('raw', k)).byteLength, JSON.stringify(Object.keys(await s.exportKey('jwk', k)).sort())]; },
    aesJwk: async () => { const k = await s.importKey('raw', new Uint8Array(16).fill(1), 'AES-CBC', true, ['encrypt']); return JSON.stringify(await s.exportKey('jwk', k)); },
    hmacJwk: async () => { const k = await s.importKey('raw', enc.encode('key'), {name: 'HMAC', hash: 'SHA-1'}, true, ['sign']); return JSON.stringify(await s.exportKey('jwk', k)); },
    rsaGen: async () => { const kp = await s.generateKey({name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256'}, true, ['sign', 'verify']); const sig = await s.sign('RSASSA-PKCS1-v1_5', kp.privateKey, enc.encode('m')); return [Object.keys(kp).join(), kp.publicKey.type, kp.privateKey.type, kp.publicKey.usages.join(), kp.privateKey.usages.join(), kp.publicKey.algorithm.modulusLength, hex(kp.publicKey.algorithm.publicExponent), kp.publicKey.algorithm.hash.name, sig.byteLength, await s.verify('RSASSA-PKCS1-v1_5', kp.publicKey, sig, enc.encode('m')), (await s.exportKey('spki', kp.publicKey)).byteLength > 200, Object.keys(await s.exportKey('jwk', kp.publicKey)).sort().join(), Object.keys(await s.exportKey('jwk', kp.privateKey)).sort().join()]; },
    pss: async () => { const kp = await s.generateKey({name: 'RSA-PSS', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256'}, false, ['sign', 'verify']); const sig = await s.sign({name: 'RSA-PSS', saltLength: 32}, kp.privateKey, enc.encode('m')); return [sig.byteLength, await s.verify({name: 'RSA-PSS', saltLength: 32}, kp.publicKey, sig, enc.encode('m')), kp.privateKey.extractable, kp.publicKey.extractable]; },
    oaep: async () => { const kp = await s.generateKey({name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256'}, true, ['encrypt', 'decrypt']); const ct = await s.encrypt({name: 'RSA-OAEP'}, kp.publicKey, enc.encode('secret')); return [ct.byteLength, new TextDecoder().decode(await s.decrypt({name: 'RSA-OAEP'}, kp.privateKey, ct)), JSON.stringify((await s.exportKey('jwk', kp.publicKey)).alg)]; },
    ecdsa: async () => { const kp = await s.generateKey({name: 'ECDSA', namedCurve: 'P-256'}, true, ['sign', 'verify']); const sig = await s.sign({name: 'ECDSA', hash: 'SHA-256'}, kp.privateKey, enc.encode('m')); return [sig.byteLength, await s.verify({name: 'ECDSA', hash: 'SHA-256'}, kp.publicKey, sig, enc.encode('m')), kp.publicKey.algorithm.namedCurve, (await s.exportKey('raw', kp.publicKey)).byteLength, JSON.stringify(Object.keys(await s.exportKey('jwk', kp.privateKey)).sort()), (await s.exportKey('pkcs8', kp.privateKey)).byteLength]; },
    ecdsa384: async () => { const kp = await s.generateKey({name: 'ECDSA', namedCurve: 'P-384'}, true, ['sign', 'verify']); const sig = await s.sign({name: 'ECDSA', hash: 'SHA-384'}, kp.privateKey, enc.encode('m')); return [sig.byteLength, await s.verify({name: 'ECDSA', hash: 'SHA-384'}, kp.publicKey, sig, enc.encode('m'))]; },
    ecdh: async () => { const kp = await s.generateKey({name: 'ECDH', namedCurve: 'P-256'}, true, ['deriveBits']); return (await s.deriveBits({name: 'ECDH', public: kp.publicKey}, kp.privateKey, 256)).byteLength; },
    pbkdf2: async () => { const k = await s.importKey('raw', enc.encode('pw'), 'PBKDF2', false, ['deriveBits']); return hex(await s.deriveBits({name: 'PBKDF2', salt: enc.encode('salt'), iterations: 1000, hash: 'SHA-256'}, k, 128)); },
    hkdf: async () => { const k = await s.importKey('raw', enc.encode('ikm'), 'HKDF', false, ['deriveBits']); return hex(await s.deriveBits({name: 'HKDF', salt: enc.encode('s'), info: enc.encode('i'), hash: 'SHA-256'}, k, 128)); },
    ed: async () => { const kp = await s.generateKey({name: 'Ed25519'}, true, ['sign', 'verify']); return (await s.sign('Ed25519', kp.privateKey, enc.encode('m'))).byteLength; },
    badUsage: async () => { try { await s.generateKey({name: 'HMAC', hash: 'SHA-256'}, true, ['encrypt']); return 'no error'; } catch (e) { return e.name + ': ' + e.message; } },
    badAlg: async () => { try { await s.generateKey({name: 'FOO'}, true, ['sign']); return 'no error'; } catch (e) { return e.name + ': ' + e.message; } },
    wrongKey: async () => { const k = await s.importKey('raw', new Uint8Array(16), 'AES-GCM', false, ['encrypt']); try { await s.decrypt({name: 'AES-GCM', iv: new Uint8Array(12)}, k, new Uint8Array(20)); return 'no error'; } catch (e) { return e.name + ': ' + e.message; } },
    gcmFail: async () => { const k = await s.importKey('raw', new Uint8Array(16), 'AES-GCM', false, ['decrypt']); try { await s.decrypt({name: 'AES-GCM', iv: new Uint8Array(12)}, k, new Uint8Array(20)); return 'no error'; } catch (e) { return e.name + ': ' + e.message; } },
    exportNonExtractable: async () => { const k = await s.importKey('raw', new Uint8Array(16), 'AES-GCM', false, ['encrypt']); try { await s.exportKey('raw', k); return 'no error'; } catch (e) { return e.name + ': ' + e.message; } },
    keyStr: async () => { const k = await s.importKey('raw', new Uint8Array(16), 'AES-GCM', false, ['encrypt']); return [String(k), Object.prototype.toString.call(k), typeof CryptoKey, k instanceof CryptoKey, JSON.stringify(k)]; },
    importJwkRsa: async () => { const kp = await s.generateKey({name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256'}, true, ['sign', 'verify']); const j = await s.exportKey('jwk', kp.privateKey); const k2 = await s.importKey('jwk', j, {name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256'}, true, ['sign']); return [j.kty, j.alg, j.ext, j.key_ops.join(), k2.type]; },
    aesKw: async () => { const kek = await s.importKey('raw', new Uint8Array(16).fill(7), 'AES-KW', true, ['wrapKey', 'unwrapKey']); const k = await s.importKey('raw', new Uint8Array(16).fill(9), {name: 'AES-GCM'}, true, ['encrypt']); const w = await s.wrapKey('raw', k, kek, 'AES-KW'); const u = await s.unwrapKey('raw', w, kek, 'AES-KW', 'AES-GCM', true, ['encrypt']); const g = await s.generateKey({name: 'AES-KW', length: 256}, true, ['wrapKey']); return [JSON.stringify(kek.algorithm), kek.usages.join(), hex(w), hex(await s.exportKey('raw', u)), JSON.stringify(await s.exportKey('jwk', kek)), JSON.stringify(g.algorithm)]; },
    aesKwRefuses: async () => { const kek = await s.importKey('raw', new Uint8Array(16).fill(7), 'AES-KW', true, ['wrapKey', 'unwrapKey']); const r = []; for (const f of [() => s.importKey('raw', new Uint8Array(16), 'AES-KW', true, ['encrypt']), () => s.unwrapKey('raw', new Uint8Array(24), kek, 'AES-KW', 'AES-GCM', true, ['encrypt']), async () => s.wrapKey('raw', await s.importKey('raw', new Uint8Array(15), {name: 'HMAC', hash: 'SHA-256'}, true, ['sign']), kek, 'AES-KW'), () => s.encrypt('AES-KW', kek, new Uint8Array(16))]) { try { await f(); r.push('no error'); } catch (e) { r.push(e.name + ': ' + e.message); } } return r; },
    importSpki: async () => { const kp = await s.generateKey({name: 'ECDSA', namedCurve: 'P-256'}, true, ['sign', 'verify']); const spki = await s.exportKey('spki', kp.publicKey); const k = await s.importKey('spki', spki, {name: 'ECDSA', namedCurve: 'P-256'}, true, ['verify']); return [k.type, k.usages.join(), k.algorithm.namedCurve]; },
  };
  for (const [name, f] of Object.entries(steps)) { try { out([name, await f()]); } catch (e) { out([name, 'THREW', e.name, e.message]); } }
})();
`

// TestWebCryptoAsPostman: every answer is Postman CLI 1.34.0's for the same
// script (its sandbox is Node's WebCrypto; Newman 6.2.2's has none), except
// the first row, which lists the methods courier has (Postman's Node also
// has getPublicKey and the encapsulate/decapsulate family).
func TestWebCryptoAsPostman(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", webCryptoProbe))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	want := []string{
		`["keys","constructor,encrypt,decrypt,sign,verify,digest,generateKey,deriveKey,deriveBits,importKey,exportKey,wrapKey,unwrapKey"]`,
		`["hmacGen",["secret",true,"HMAC","SHA-256",512,"sign,verify",64,"alg,ext,k,key_ops,kty"]]`,
		`["hmacImport","2d93cbc1be167bcb1637a4a23cbff01a7878f0c50ee833954ea5221bb1b8c628"]`,
		`["aesGcm",["3b817c0fa97ef3cdbe510337cbe05016fa1582e394","hello",128]]`,
		`["aesGcmAad","d75c4bed41cac200bc4d499be815"]`,
		`["aesCbc",["f1019d4424af436cca7dd670839c3259","hello world"]]`,
		`["aesGen",["AES-GCM",256,32,"[\"alg\",\"ext\",\"k\",\"key_ops\",\"kty\"]"]]`,
		`["aesJwk","{\"key_ops\":[\"encrypt\"],\"ext\":true,\"alg\":\"A128CBC\",\"kty\":\"oct\",\"k\":\"AQEBAQEBAQEBAQEBAQEBAQ\"}"]`,
		`["hmacJwk","{\"key_ops\":[\"sign\"],\"ext\":true,\"alg\":\"HS1\",\"kty\":\"oct\",\"k\":\"a2V5\"}"]`,
		`["rsaGen",["publicKey,privateKey","public","private","verify","sign",2048,"010001","SHA-256",256,true,true,"alg,e,ext,key_ops,kty,n","alg,d,dp,dq,e,ext,key_ops,kty,n,p,q,qi"]]`,
		`["pss",[128,true,false,true]]`,
		`["oaep",[256,"secret","\"RSA-OAEP-256\""]]`,
		`["ecdsa",[64,true,"P-256",65,"[\"crv\",\"d\",\"ext\",\"key_ops\",\"kty\",\"x\",\"y\"]",138]]`,
		`["ecdsa384",[96,true]]`,
		`["ecdh",32]`,
		`["pbkdf2","0a38253555ce37f5c72a6b703f996814"]`,
		`["hkdf","b069c08f611a5338fa31e7c0985e3acc"]`,
		`["ed",64]`,
		`["badUsage","SyntaxError: Unsupported key usage for an HMAC key"]`,
		`["badAlg","NotSupportedError: Unrecognized algorithm name"]`,
		`["wrongKey","InvalidAccessError: The requested operation is not valid for the provided key"]`,
		`["gcmFail","OperationError: The operation failed for an operation-specific reason"]`,
		`["exportNonExtractable","InvalidAccessException: key is not extractable"]`,
		`["keyStr",["[object CryptoKey]","[object CryptoKey]","function",true,"{}"]]`,
		`["importJwkRsa",["RSA","RS256",true,"sign","private"]]`,
		`["aesKw",["{\"name\":\"AES-KW\",\"length\":128}","wrapKey,unwrapKey","5713e1bd22ea053c8be28f98f15cf8c6ac5b79cb3ccbe160","09090909090909090909090909090909","{\"key_ops\":[\"wrapKey\",\"unwrapKey\"],\"ext\":true,\"alg\":\"A128KW\",\"kty\":\"oct\",\"k\":\"BwcHBwcHBwcHBwcHBwcHBw\"}","{\"name\":\"AES-KW\",\"length\":256}"]]`,
		`["aesKwRefuses",["SyntaxError: Unsupported key usage for an AES key","OperationError: The operation failed for an operation-specific reason","OperationError: The operation failed for an operation-specific reason","NotSupportedError: Unrecognized algorithm name"]]`,
		`["importSpki",["public","verify","P-256"]]`,
	}
	var got []string
	for _, tr := range r.Tests {
		got = append(got, tr.Name)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		for i := range max(len(got), len(want)) {
			var g, w string
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if g != w {
				t.Errorf("row %d:\n got  %s\n want %s", i, g, w)
			}
		}
	}
}

// TestWebCryptoUsagesAsPostman: usages an algorithm does not allow, usages
// that are no KeyUsage, and getPublicKey, with Postman CLI 1.34.0's answers
// (Node's articles vary by algorithm: "a RSA key", "an ECDSA key").
func TestWebCryptoUsagesAsPostman(t *testing.T) {
	t.Parallel()
	e, _ := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", `function out(v) { pm.test(JSON.stringify(v), function () {}); }
const s = crypto.subtle, enc = new TextEncoder();
await (async () => {
  const algs = [{name: 'HMAC', hash: 'SHA-256'}, {name: 'AES-GCM', length: 128}, {name: 'RSA-PSS', modulusLength: 1024, publicExponent: new Uint8Array([1,0,1]), hash: 'SHA-256'}, {name: 'ECDSA', namedCurve: 'P-256'}, {name: 'Ed25519'}];
  for (const a of algs) { try { await s.generateKey(a, true, ['encrypt', 'sign']); out([a.name, 'no error']); } catch (e) { out([a.name, e.name, e.message]); } }
  for (const n of ['PBKDF2', 'HKDF']) { try { await s.importKey('raw', new Uint8Array(4), n, false, ['sign']); } catch (e) { out([n, e.name, e.message]); } }
  try { await s.generateKey(algs[0], true, ['bogus']); } catch (e) { out([e.name, e.message]); }
  try { await s.importKey('raw', new Uint8Array(4), 'HKDF', false, ['bogus']); } catch (e) { out([e.name, e.message]); }
  const kp = await s.generateKey({name: 'ECDSA', namedCurve: 'P-256'}, false, ['sign', 'verify']);
  const pub = await s.getPublicKey(kp.privateKey, ['verify']);
  const sig = await s.sign({name: 'ECDSA', hash: 'SHA-256'}, kp.privateKey, enc.encode('m'));
  out([pub.type, pub.extractable, pub.usages.join(), pub.algorithm.namedCurve, await s.verify({name: 'ECDSA', hash: 'SHA-256'}, pub, sig, enc.encode('m'))]);
  try { await s.getPublicKey(pub, ['verify']); } catch (e) { out([e.name, e.message]); }
  try { await s.getPublicKey(kp.privateKey, ['sign']); } catch (e) { out([e.name, e.message]); }
})();`))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	want := []string{
		`["HMAC","SyntaxError","Unsupported key usage for an HMAC key"]`,
		`["AES-GCM","SyntaxError","Unsupported key usage for an AES key"]`,
		`["RSA-PSS","SyntaxError","Unsupported key usage for a RSA key"]`,
		`["ECDSA","SyntaxError","Unsupported key usage for an ECDSA key"]`,
		`["Ed25519","SyntaxError","Unsupported key usage for an Ed25519 key"]`,
		`["PBKDF2","SyntaxError","Unsupported key usage for a PBKDF2 key"]`,
		`["HKDF","SyntaxError","Unsupported key usage for a HKDF key"]`,
		`["TypeError","Failed to execute 'generateKey' on 'SubtleCrypto': 3rd argument[0] value 'bogus' is not a valid enum value of type KeyUsage."]`,
		`["TypeError","Failed to execute 'importKey' on 'SubtleCrypto': 5th argument[0] value 'bogus' is not a valid enum value of type KeyUsage."]`,
		`["public",true,"verify","P-256",true]`,
		`["InvalidAccessError","key must be a private key"]`,
		`["SyntaxError","Unsupported key usage for a ECDSA key"]`,
	}
	var got []string
	for _, tr := range r.Tests {
		got = append(got, tr.Name)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant (Postman CLI 1.34.0)\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
