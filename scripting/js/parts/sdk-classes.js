// require('postman-collection') as the sandbox hands it out, compiled when a
// script first requires it. In Postman pm's objects are built from that very
// module, so `pm.request instanceof sdk.Request` holds and its classes carry
// the names Newman's bundle gives them (its minifier renamed a few 'e' and
// 'a'). courier builds pm's objects from its own classes (js/parts/
// postman-shapes.js): each of the module's classes also answers instanceof
// for the matching class of ours. b.ours maps the module's class names to
// ours.
(function (b) {
'use strict';
// Newman 6.2.2's names (fresh-round6s-a.json).
var NAMES = {
    PropertyBase: 'e', Certificate: 'e', CertificateList: 'a', Collection: 'PostmanCollection', Cookie: 'PostmanCookie',
    CookieList: 'a', Description: 'PostmanPropertyDescription', Event: 'PostmanEvent', EventList: 'PostmanEventList',
    FormParam: 'PostmanFormParam', Header: 'PostmanHeader', HeaderList: 'a', Item: 'PostmanItem', ItemGroup: 'PostmanItemGroup',
    MutationTracker: 'e', PropertyList: 'PostmanPropertyList', Property: 'PostmanProperty', QueryParam: 'PostmanQueryParam',
    Request: 'PostmanRequest', RequestAuth: 'PostmanRequestAuth', RequestBody: 'PostmanRequestBody', Response: 'PostmanResponse',
    Script: 'PostmanScript', Url: 'PostmanUrl', UrlMatchPattern: 'e', UrlMatchPatternList: 'a', Variable: 'PostmanVariable',
    VariableList: 'PostmanVariableList', VariableScope: 'PostmanVariableScope', ProxyConfig: 'e',
    ProxyConfigList: 'PostmanProxyConfigList', Version: 'PostmanPropertyVersion'
};
var hasInstance = Function.prototype[Symbol.hasInstance];
return function (sdk) {
    Object.keys(NAMES).forEach(function (k) {
        if (typeof sdk[k] === 'function') { Object.defineProperty(sdk[k], 'name', { value: NAMES[k], configurable: true }); }
    });
    Object.keys(b.ours).forEach(function (k) {
        var C = sdk[k], ours = b.ours[k];
        if (typeof C !== 'function') { return; }
        // pm's objects name the module's class as their constructor, as in
        // Newman (pm.request.constructor === sdk.Request), once the module
        // is out (fresh-round10s-b).
        Object.defineProperty(ours.prototype, 'constructor', { value: C, writable: true, configurable: true, enumerable: false });
        Object.defineProperty(C, Symbol.hasInstance, {
            configurable: true,
            value: function (o) { return hasInstance.call(this, o) || (this === C && o instanceof ours); }
        });
    });
    return sdk;
};
})
