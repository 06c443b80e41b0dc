package pingone

// kindGatewayCredential is a gateway's credential, the token a gateway
// instance presents to PingOne. PingOne makes it from a request without a
// body.
var kindGatewayCredential = &kind{
	name: "credentials", rtype: "GATEWAY_CREDENTIAL", parentRef: "gateway", bodyless: true,
	prepare: func(b map[string]any) { b["credential"] = newSecret() + newSecret() },
}
