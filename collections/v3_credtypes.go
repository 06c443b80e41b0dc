package collections

import (
	"fmt"
	"sort"

	yaml "go.yaml.in/yaml/v3"
)

// credentialKind is what Postman's newer runtime (the one Postman CLI 1.34
// runs v12 collections on) takes for one credential of an auth type. A
// credential of another kind (a YAML number or null where text is
// expected, text where a boolean is) makes that runtime send the request
// without the auth at all, without a word; a key the type does not have
// is ignored, whatever it holds (fresh-round12v-creds.json,
// fresh-round12v-creds2.json, each key probed as null, a number, a boolean
// and text).
type credentialKind uint8

const (
	credText         credentialKind = iota // text only
	credFlag                               // true or false only
	credTextOrNumber                       // oauth1's timestamp: 5 is sent as "5"
	credTextOrNull                         // jwt's header and payload: null is none
)

// v3CredentialKinds lists, per auth type, the credentials the runtime
// checks. Absent from it: apikey's value and in (any value goes, null as
// the text null), oauth2's other parameters (grant_type, tokenName,
// refreshRequestParams...), ntlm (Postman CLI's own handshake fails) and
// asap (not probed).
var v3CredentialKinds = map[string]map[string]credentialKind{
	"basic":  {"username": credText, "password": credText},
	"bearer": {"token": credText},
	"apikey": {"key": credText},
	"digest": {"username": credText, "password": credText, "realm": credText, "nonce": credText,
		"algorithm": credText, "qop": credText, "opaque": credText, "clientNonce": credText,
		"disableRetryRequest": credFlag},
	"oauth1": {"consumerKey": credText, "consumerSecret": credText, "token": credText,
		"tokenSecret": credText, "privateKey": credText, "signatureMethod": credText, "callback": credText,
		"verifier": credText, "nonce": credText, "version": credText, "realm": credText,
		"timestamp": credTextOrNumber, "includeBodyHash": credFlag, "addParamsToHeader": credFlag,
		"addEmptyParamsToSign": credFlag, "disableHeaderEncoding": credFlag},
	"awsv4": {"accessKey": credText, "secretKey": credText, "region": credText, "service": credText,
		"sessionToken": credText, "addAuthDataToQuery": credFlag},
	"hawk": {"authId": credText, "authKey": credText, "algorithm": credText, "user": credText,
		"nonce": credText, "extraData": credText, "app": credText, "delegation": credText,
		"timestamp": credText, "includePayloadHash": credFlag},
	"jwt": {"algorithm": credText, "secret": credText, "privateKey": credText, "addTokenTo": credText,
		"headerPrefix": credText, "queryParamKey": credText, "isSecretBase64Encoded": credFlag,
		"payload": credTextOrNull, "header": credTextOrNull},
	"edgegrid": {"accessToken": credText, "clientToken": credText, "clientSecret": credText,
		"nonce": credText, "timestamp": credText, "baseURL": credText, "headersToSign": credText},
	"oauth2": {"accessToken": credText, "headerPrefix": credText, "addTokenTo": credText, "tokenType": credText},
}

// valueKind names what a credential holds: "text", "null", "a boolean" or
// "a number".
const (
	gotText   = "text"
	gotNull   = "null"
	gotBool   = "a boolean"
	gotNumber = "a number"
)

// takes reports whether a credential of this kind may hold got.
func (k credentialKind) takes(got string) bool {
	switch k {
	case credFlag:
		return got == gotBool
	case credTextOrNumber:
		return got == gotText || got == gotNumber
	case credTextOrNull:
		return got == gotText || got == gotNull
	}
	return got == gotText
}

// want says what a credential of this kind should hold.
func (k credentialKind) want() string {
	switch k {
	case credFlag:
		return "true or false"
	case credTextOrNumber:
		return "text or a number"
	case credTextOrNull:
		return "text"
	}
	return "text"
}

// RefusedCredential names the first credential of a (by key) that Postman's
// newer runtime does not take for a's type, and what it holds ("null", "a
// number"...); "" when it takes them all. v12 runs send such an auth's
// request without the auth, as Postman CLI 1.34 does. A parameter a script
// left undefined counts as absent.
func RefusedCredential(a *Auth) (key, got string) {
	if a == nil {
		return "", ""
	}
	kinds := v3CredentialKinds[a.Type]
	keys := make([]string, 0, len(kinds))
	for k := range kinds {
		if _, ok := a.Params[k]; ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		g := paramKind(a, k)
		if g != "" && !kinds[k].takes(g) {
			return k, g
		}
	}
	return "", ""
}

// NullCredential reports whether a's credential k is a null the runtime
// takes as none (jwt's header and payload).
func NullCredential(a *Auth, k string) bool {
	return a != nil && v3CredentialKinds[a.Type][k] == credTextOrNull && paramKind(a, k) == gotNull
}

// paramKind is what a's parameter k holds, "" for undefined.
func paramKind(a *Auth, k string) string {
	if !a.Literal[k] {
		return gotText
	}
	switch a.Params[k] {
	case "":
		return ""
	case "null":
		return gotNull
	case "true", "false":
		return gotBool
	}
	return gotNumber
}

// credentialNotices warns of each credential of an auth block (one
// {type, credentials}, or the last of a definition's list) that Postman's newer
// runtime refuses, since the request then goes without auth and nothing
// else says so.
func (m ymap) credentialNotices(n *yaml.Node) []Notice {
	n = deref(n)
	if n == nil {
		return nil
	}
	var out []Notice
	if n.Kind == yaml.SequenceNode && len(n.Content) > 0 {
		n = deref(n.Content[len(n.Content)-1]) // the entry in force
	}
	if n.Kind != yaml.MappingNode {
		return nil
	}
	em := ymap{src: m.src, node: n}
	typ := deref(em.get("type"))
	if typ == nil {
		return nil
	}
	kinds := v3CredentialKinds[typ.Value]
	em.eachCredential(func(key string, v *yaml.Node) {
		k, ok := kinds[key]
		if !ok || v == nil || v.Kind != yaml.ScalarNode {
			return
		}
		if got := nodeValueKind(v); !k.takes(got) {
			out = append(out, Notice{Source: m.src, Line: v.Line, Column: v.Column, Message: fmt.Sprintf(
				"auth.credentials.%s: Postman's runtime expects %s here, got %s, and sends the request without %s auth; %s",
				key, k.want(), describeCredential(k, v, got), typ.Value, credentialFix(k, got))})
		}
	})
	return out
}

// eachCredential calls f with each credential of an auth entry, written
// as a mapping or as a list of {key, value}.
func (m ymap) eachCredential(f func(key string, v *yaml.Node)) {
	cn := deref(m.get("credentials"))
	if cn == nil {
		return
	}
	switch cn.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(cn.Content); i += 2 {
			f(cn.Content[i].Value, deref(cn.Content[i+1]))
		}
	case yaml.SequenceNode:
		for _, e := range cn.Content {
			if e = deref(e); e.Kind == yaml.MappingNode {
				em := ymap{src: m.src, node: e}
				if k := deref(em.get("key")); k != nil && em.get("value") != nil {
					f(k.Value, deref(em.get("value")))
				}
			}
		}
	}
}

// nodeValueKind is what a scalar holds, as Postman types it.
func nodeValueKind(v *yaml.Node) string {
	switch v.Tag {
	case "!!null":
		return gotNull
	case "!!bool":
		return gotBool
	case "!!int", "!!float":
		return gotNumber
	}
	return gotText
}

func describeScalar(v *yaml.Node, got string) string {
	switch got {
	case gotNull:
		return "nothing (null)"
	case gotText:
		return fmt.Sprintf("the text %q", v.Value)
	}
	return fmt.Sprintf("%s (%s)", got, v.Value)
}

// describeCredential says what a credential holds without its value,
// which may be a password or a key (a numeric PIN, a secret that YAML read
// as a number): only a flag's text is shown.
func describeCredential(k credentialKind, v *yaml.Node, got string) string {
	switch {
	case k == credFlag, got == gotNull:
		return describeScalar(v, got)
	case got == gotNumber:
		return "a number"
	case got == gotBool:
		return "a boolean"
	}
	return "text"
}

func credentialFix(k credentialKind, got string) string {
	switch {
	case k == credFlag:
		return "write true or false without quotes"
	case got == gotNull:
		return "give it a value ('' for none) or leave the key out"
	}
	return "write it in quotes"
}
