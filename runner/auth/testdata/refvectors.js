// Prints reference outputs of postman-runtime's authorizers for the cases in
// vectors_test.go, so the expected values there come from Postman itself.
// Run: NODE_PATH=/tmp/newman/node_modules node testdata/refvectors.js
// (newman@6.2.2 bundles postman-runtime 7.39.1).
'use strict';

const FIXED = Date.UTC(2015, 7, 30, 12, 36, 0); // 20150830T123600Z
const RealDate = Date;
global.Date = class extends RealDate {
    constructor (...a) { if (a.length === 0) { super(FIXED); } else { super(...a); } }
    static now () { return FIXED; }
};

const sdk = require('postman-collection'),
    createAuthInterface = require('postman-runtime/lib/authorizer/auth-interface'),
    { AuthLoader } = require('postman-runtime/lib/authorizer');

function run (name, type, params, req) {
    const request = new sdk.Request(req),
        auth = new sdk.RequestAuth({ type, [type]: Object.keys(params).map((key) => ({ key, value: params[key] })) }),
        iface = createAuthInterface(auth),
        handler = AuthLoader.getHandler(type);

    handler.sign(iface, request, (err) => {
        const out = { name, err: err ? String(err.message || err) : undefined, url: request.url.toString(), headers: {} };

        request.headers.each((h) => { out.headers[h.key] = h.value; });
        if (request.body && request.body.mode === 'urlencoded') {
            out.body = request.body.urlencoded.map((p) => p.key + '=' + p.value).join('&');
        }
        console.log(JSON.stringify(out));
    });
}

const twitter = {
    consumerKey: 'xvz1evFS4wEEPTGEFPHBog',
    consumerSecret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw',
    token: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
    tokenSecret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE',
    signatureMethod: 'HMAC-SHA1',
    timestamp: '1318622958',
    nonce: 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg',
    version: '1.0'
};

run('oauth1-header-sha256', 'oauth1', Object.assign({}, twitter, {
    signatureMethod: 'HMAC-SHA256', addParamsToHeader: true, realm: 'Photos & Stuff'
}), { method: 'GET', url: 'https://Example.COM:443/a%20b/c?x=1&y=a b&z&w=%2Bq' });

run('oauth1-query-sha1', 'oauth1', Object.assign({}, twitter, { addParamsToHeader: false }),
    { method: 'GET', url: 'http://example.com:8080/path?b=2&a=1&a=0' });

run('oauth1-body-twitter', 'oauth1', Object.assign({}, twitter, { addParamsToHeader: false }), {
    method: 'POST',
    url: 'https://api.twitter.com/1.1/statuses/update.json?include_entities=true',
    header: [{ key: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
    body: { mode: 'urlencoded', urlencoded: [{ key: 'status', value: 'Hello Ladies + Gentlemen, a signed OAuth request!' }] }
});

run('oauth1-plaintext', 'oauth1', Object.assign({}, twitter, {
    signatureMethod: 'PLAINTEXT', addParamsToHeader: true
}), { method: 'GET', url: 'http://example.com/' });

run('oauth1-bodyhash-sha512', 'oauth1', Object.assign({}, twitter, {
    signatureMethod: 'HMAC-SHA512', addParamsToHeader: true, includeBodyHash: true
}), { method: 'PUT', url: 'http://example.com/x', body: { mode: 'raw', raw: '{"a":1}' } });

run('oauth1-empty-params', 'oauth1', Object.assign({}, twitter, {
    token: '', tokenSecret: '', version: '', addParamsToHeader: true, addEmptyParamsToSign: true
}), { method: 'GET', url: 'http://example.com/e' });

run('hawk-payload-app', 'hawk', {
    authId: 'dh37fgj492je', authKey: 'werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn', algorithm: 'sha1',
    nonce: 'Ygvqdz', timestamp: '1362336900', extraData: 'some "ext" \\data', app: 'my-app',
    delegation: 'dlg-1', includePayloadHash: true
}, {
    method: 'POST', url: 'https://example.net/somewhere/over/the/rainbow?q=1',
    header: [{ key: 'Content-Type', value: 'text/plain; charset=utf-8' }],
    body: { mode: 'raw', raw: 'something to write about' }
});

const aws = { accessKey: 'AKIDEXAMPLE', secretKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

run('aws-post-json-token', 'awsv4', Object.assign({}, aws, {
    region: 'eu-west-1', service: 'execute-api', sessionToken: 'SESSION/TOKEN+1'
}), {
    method: 'POST', url: 'https://abc.execute-api.eu-west-1.amazonaws.com/prod/a%20b//c/./d/../e?z=1&a=b c&a=a&k',
    header: [{ key: 'Content-Type', value: 'application/json' }, { key: 'X-Custom', value: '  two   spaces ' }],
    body: { mode: 'raw', raw: '{"hello":"world"}' }
});

run('aws-s3-get', 'awsv4', Object.assign({}, aws, { region: 'us-east-1', service: 's3' }),
    { method: 'GET', url: 'https://bucket.s3.amazonaws.com/my%20file+name.txt?prefix=a%2Fb' });

run('aws-query', 'awsv4', Object.assign({}, aws, {
    region: 'us-west-2', service: 'execute-api', sessionToken: 'tok', addAuthDataToQuery: true
}), { method: 'GET', url: 'https://api.example.com:8443/items?limit=5' });

run('jwt-hs384-query', 'jwt', {
    algorithm: 'HS384', secret: 'c2VjcmV0LWtleS0xMjM0NTY3ODk=', isSecretBase64Encoded: true,
    payload: '{\n  "sub": "1234567890", "name": "Jöhn <Doe>", "2": 1.50, "1": 1e21, "tiny": 1e-7, "sub": "dup",\n  "nested": {"b": [true, null, "\\u0001"]}\n}',
    header: '{"kid": "key-1", "alg": "none", "typ": "JWT"}',
    addTokenTo: 'queryParam', queryParamKey: 'jwt'
}, { method: 'GET', url: 'http://example.com/?a=1' });

run('jwt-hs256-prefix', 'jwt', {
    algorithm: 'HS256', secret: 'your-256-bit-secret', payload: '', headerPrefix: 'JWT'
}, { method: 'GET', url: 'http://example.com/' });

run('edgegrid-post', 'edgegrid', {
    accessToken: 'akab-access-token-xxx', clientToken: 'akab-client-token-xxx', clientSecret: 'SOMESECRET/base64+=',
    nonce: 'nonce-xx-xxxx', timestamp: '20140321T19:34:21+0000', headersToSign: 'X-Test1, x-test2 ,X-Missing',
    maxBodySize: '8', baseURL: 'https://akaa-baseurl-xxx.luna.akamaiapis.net/'
}, {
    method: 'POST', url: 'https://example.com:8443/billing-usage/v1/reportSources?a=1',
    header: [{ key: 'X-Test1', value: ' test-simple   spaces ' }, { key: 'X-Test2', value: 'two' }],
    body: { mode: 'raw', raw: 'datadatadatadata' }
});

run('edgegrid-get-clock', 'edgegrid', {
    accessToken: 'at', clientToken: 'ct', clientSecret: 'cs', nonce: 'n'
}, { method: 'GET', url: 'http://example.com' });
